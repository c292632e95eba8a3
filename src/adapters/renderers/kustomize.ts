import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { quoteForMessage, type ImageReference } from '../../core/image.js';
import {
  KUSTOMIZATION_FILES,
  kustomizationReferences,
  parseKustomization,
} from '../../core/kustomization.js';
import type { RenderedManifest } from '../../core/manifest.js';
import { parseRenderedStream } from '../../core/rendered-stream.js';
import type { RenderPolicy } from '../../core/sources.js';
import { pathError } from '../files.js';
import { renderTwice } from './run.js';
import type { RenderTool } from './tools.js';

/** A kustomize build: the folder of the kustomization, and what to set on the way. */
export interface KustomizeInput {
  /** Absolute folder holding the kustomization. */
  dir: string;
  /** The same folder as the user knows it, for messages. */
  display: string;
  policy: RenderPolicy;
  tool: RenderTool;
  /** Set as `kustomize edit set image` would, in a scratch copy (the folder is never modified). */
  image?: ImageReference;
}

async function kind(path: string): Promise<'file' | 'folder' | undefined> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return undefined;
  }
}

/** The kustomization file of a folder, or undefined when it has none. */
async function kustomizationFile(dir: string): Promise<string | undefined> {
  for (const name of KUSTOMIZATION_FILES)
    if ((await kind(join(dir, name))) === 'file') return join(dir, name);
  return undefined;
}

/**
 * Every kustomization folder the build reads (the root first), following local references.
 * A reference that is neither a local file nor a folder is what kustomize would fetch: refused
 * unless allowRemote. `shown` gives a path as the user knows it.
 */
async function kustomizationFolders(
  root: string,
  policy: RenderPolicy,
  shown: (path: string) => string,
): Promise<string[]> {
  const folders: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    if (folders.includes(dir)) return;
    const file = await kustomizationFile(dir);
    if (!file) throw new ConfigError(`${shown(dir)}: no kustomization.yaml in this folder`);
    folders.push(dir);
    const doc = parseKustomization(await readFile(file, 'utf8'), shown(file));
    for (const reference of kustomizationReferences(doc)) {
      if (reference.field === 'helmCharts')
        throw new ConfigError(
          `${shown(file)}: helmCharts: inflating a chart inside kustomize is not supported; use a Helm source (helm: in ferry.yaml, or a chart folder in the environment repo)`,
        );
      const target = resolve(dir, reference.value);
      const found = await kind(target);
      if (found === 'folder' && (await kustomizationFile(target))) await visit(target);
      else if (found === undefined && !policy.allowRemote)
        throw new ConfigError(
          `${shown(file)}: ${reference.field}: ${quoteForMessage(reference.value)} is not a file or folder here; remote resources (URLs, git) are refused unless allowRemote: true`,
        );
    }
  };
  await visit(root);
  return folders;
}

/** The deepest folder that holds all of `paths`. */
function commonAncestor(paths: string[]): string {
  let common = paths[0]!;
  while (!paths.every((p) => p === common || p.startsWith(`${common}${sep}`)))
    common = dirname(common);
  return common;
}

/**
 * A copy of every folder the build reads (kustomize loads files only from within each
 * kustomization's folder), laid out as in the original so relative references still hold.
 * Returns the scratch root and the copy of the build's root folder.
 */
async function scratchCopy(folders: string[]): Promise<{ scratch: string; common: string }> {
  const common = commonAncestor(folders);
  const scratch = await mkdtemp(join(tmpdir(), 'ferry-kustomize-'));
  const outermost = folders.filter(
    (f) => !folders.some((other) => other !== f && f.startsWith(`${other}${sep}`)),
  );
  for (const folder of outermost)
    await cp(folder, join(scratch, relative(common, folder)), {
      recursive: true,
      filter: (source) => !source.split(sep).includes('.git'),
    });
  return { scratch, common };
}

/**
 * `kustomize build` of a folder, twice (compared), offline unless allowRemote. With an image,
 * the build runs on a scratch copy whose root kustomization has that image set, as
 * `kustomize edit set image` would set it.
 */
export async function kustomizeBuild(input: KustomizeInput): Promise<RenderedManifest[]> {
  const { dir, display, policy, tool } = input;
  const shown = (path: string) => join(display, relative(dir, path)) || display;
  const found = await stat(dir).catch((error: unknown) => {
    throw pathError(error, display, 'kustomize folder', 'folder');
  });
  if (!found.isDirectory())
    throw new ConfigError(`${display}: kustomize folder is a file, not a folder`);
  const folders = await kustomizationFolders(dir, policy, shown);
  const parse = (text: string) => parseRenderedStream(text, () => display);
  if (!input.image)
    return renderTwice({ tool, args: ['build', dir], display }, parse, policy.volatile);
  const { scratch, common } = await scratchCopy(folders);
  try {
    const copy = join(scratch, relative(common, dir));
    const file = (await kustomizationFile(copy))!;
    const text = await readFile(file, 'utf8');
    const fields = parseKustomization(text, shown(join(dir, basename(file))));
    // Loaded on use: reading a set needs no edit.
    const { setImage } = await import('../../core/kustomization-edit.js');
    await writeFile(file, setImage(text, fields, input.image));
    const rewrite: [string, string][] = [
      [copy, display],
      [scratch, common],
    ];
    return await renderTwice(
      { tool, args: ['build', copy], display, rewrite },
      parse,
      policy.volatile,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
