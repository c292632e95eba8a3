import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { ConfigError } from '../core/errors.js';
import {
  documentObjects,
  checkUniqueIdentities,
  parseDocuments,
  type RenderedManifest,
} from '../core/manifest.js';
import type { TemplateFile } from '../core/render.js';

const TEMPLATE_FILE = /\.(ya?ml|hbs)$/;

/** Reads a file, turning "not found" into a one-line configuration error. */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigError(`${path}: ${what} not found`);
    }
    throw error;
  }
}

/** Every template under a folder (recursively), named by its path relative to `displayRoot`. */
export async function readTemplates(folder: string, displayRoot: string): Promise<TemplateFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(folder, { recursive: true })).map(String);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ConfigError(
        `${relative(displayRoot, folder) || folder}: templates folder not found`,
      );
    }
    throw error;
  }
  const names = entries.filter((name) => TEMPLATE_FILE.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      return { name: relative(displayRoot, path), text: await readFile(path, 'utf8') };
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
    throw error;
  }
}

/** Every Kubernetes object in the YAML/JSON files under `dir` (recursively, in name order). */
export async function readManifestDir(dir: string): Promise<RenderedManifest[]> {
  let entries: string[];
  try {
    entries = (await readdir(dir, { recursive: true })).map(String);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new ConfigError(`${dir}: manifests folder not found`);
    throw error;
  }
  const manifests: RenderedManifest[] = [];
  for (const name of entries
    .filter((entry) => /\.(ya?ml|json)$/.test(entry) && !/(^|\/)\./.test(entry))
    .sort()) {
    const source = join(dir, name);
    const text = await readFile(source, 'utf8');
    parseDocuments(text, source).forEach((document, index) => {
      if (document === null || document === undefined) return;
      for (const object of documentObjects(document, source, index))
        manifests.push({ source, object });
    });
  }
  checkUniqueIdentities(manifests);
  return manifests;
}
