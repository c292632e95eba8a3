import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { decodeUtf8 } from '../core/utf8.js';
import {
  documentObjects,
  checkUniqueIdentities,
  parseDocuments,
  type RenderedManifest,
} from '../core/manifest.js';
import type { TemplateFile } from '../core/render.js';

const TEMPLATE_FILE = /\.(ya?ml|hbs)$/;

/** What each file-system error means for a path the user gave, in a few words. */
const PATH_PROBLEMS: Record<string, { file: string; folder: string }> = {
  ENOENT: { file: 'not found', folder: 'not found' },
  EISDIR: { file: 'is a folder, not a file', folder: 'is a folder' },
  ENOTDIR: { file: 'has a file where a folder should be', folder: 'is a file, not a folder' },
  ELOOP: { file: 'is a symbolic link loop', folder: 'is a symbolic link loop' },
  EACCES: {
    file: 'cannot be read (permission denied)',
    folder: 'cannot be read (permission denied)',
  },
};

/**
 * A user-given path that is not what it should be (missing, a folder for a file, a file for a
 * folder, a link loop, unreadable) as a one-line ConfigError naming it: bad input, exit 2.
 * Any other error is returned as it is.
 */
export function pathError(
  error: unknown,
  path: string,
  what: string,
  expected: 'file' | 'folder',
): unknown {
  const problem = PATH_PROBLEMS[(error as NodeJS.ErrnoException).code ?? ''];
  return problem ? new ConfigError(`${path}: ${what} ${problem[expected]}`) : error;
}

/**
 * Reads a UTF-8 text file (manifests, templates, ferry.yaml, ignore rules), turning a path that
 * is not a readable file, or bytes that are not UTF-8, into a one-line configuration error.
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw pathError(error, path, what, 'file');
  }
  return decodeUtf8(bytes, `${path}: ${what}`);
}

/** Every template under a folder (recursively), named by its path relative to `displayRoot`. */
export async function readTemplates(folder: string, displayRoot: string): Promise<TemplateFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(folder, { recursive: true })).map(String);
  } catch (error) {
    throw pathError(error, relative(displayRoot, folder) || folder, 'templates folder', 'folder');
  }
  const names = entries.filter((name) => TEMPLATE_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      return { name: relative(displayRoot, path), text: await readTextFile(path, 'template') };
    }),
  );
}

/**
 * Replaces `dir` with exactly `files`, all or nothing: they are written to a sibling temp folder
 * that is then renamed into place. An existing `dir` may hold only YAML files (an earlier
 * render), so a mistaken `--out .` cannot wipe a work tree.
 */
export async function replaceDirectory(dir: string, files: Map<string, string>): Promise<void> {
  const existing = await listIfExists(dir);
  const foreign = existing?.find((name) => !/\.ya?ml$/.test(name));
  if (foreign !== undefined) {
    throw new ConfigError(
      `${dir}: holds ${foreign}, which is not rendered YAML; choose an empty or new folder`,
    );
  }
  // A new `--out a/b/rendered` gets its parents, as `mkdir -p` would.
  await mkdir(dirname(dir), { recursive: true });
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}.ferry-`));
  try {
    for (const [name, text] of files) await writeFile(join(staging, name), text);
    if (existing) await rm(dir, { recursive: true });
    await rename(staging, dir);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function listIfExists(dir: string): Promise<string[] | undefined> {
  try {
    if (!(await stat(dir)).isDirectory())
      throw new ConfigError(`${dir}: exists and is not a folder`);
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw pathError(error, dir, 'output folder', 'folder');
  }
}

/** Every Kubernetes object in the YAML/JSON files under `dir` (recursively, in name order). */
export async function readManifestDir(dir: string): Promise<RenderedManifest[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).map(String);
  } catch (error) {
    throw pathError(error, dir, 'manifests folder', 'folder');
  }
  const manifests: RenderedManifest[] = [];
  for (const name of entries
    .filter((entry) => /\.(ya?ml|json)$/.test(entry) && !/(^|\/)\./.test(entry))
    .sort()) {
    const source = join(dir, name);
    const text = await readTextFile(source, 'manifest');
    parseDocuments(text, source).forEach((document, index) => {
      if (document === null || document === undefined) return;
      for (const object of documentObjects(document, source, index))
        manifests.push({ source, object });
    });
  }
  checkUniqueIdentities(manifests);
  return manifests;
}
