import type { Dirent } from 'node:fs';
import {
  access,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isUtf8 } from 'node:buffer';
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

/**
 * A check that a path ferry is about to read resolves, through any symbolic links, inside
 * `root`: a link must not bring in a file from elsewhere (`e.yaml -> /proc/self/environ` would
 * put the runner's environment into an error message and a commit status; a linked folder would
 * apply objects from outside --dir). Issue 19 item 8. Links that stay inside are followed.
 */
export async function linkGuard(
  root: string,
  rootName: string,
): Promise<(path: string, what: string, shown?: string) => Promise<void>> {
  // A root that does not exist holds nothing: each path is then reported as missing itself.
  const realRoot = await realpath(root).catch(() => resolve(root));
  return async (path, what, shown = path) => {
    let real: string;
    try {
      real = await realpath(path);
    } catch (error) {
      throw pathError(error, shown, what, 'file');
    }
    const inside = relative(realRoot, real);
    if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      throw new ConfigError(
        `${shown}: ${what} is a symbolic link to ${real}, outside ${rootName} ${root}; refused, nothing was read from it`,
      );
  };
}

/**
 * The work tree `folder` belongs to: the nearest folder at or above it holding `.git`, else
 * `folder` itself. Templates and ferry.yaml must not lead outside it (see {@link linkGuard}).
 */
export async function repositoryRoot(folder: string): Promise<string> {
  const start = resolve(folder);
  for (let current = start; ; current = dirname(current)) {
    if (
      await access(join(current, '.git')).then(
        () => true,
        () => false,
      )
    )
      return current;
    if (dirname(current) === current) return start;
  }
}

/**
 * Every template under a folder (recursively), named by its path relative to `displayRoot`;
 * none may resolve outside `repository` (see {@link linkGuard}); a folder that is not there
 * is named `shownAs`, as the user wrote it.
 */
export async function readTemplates(
  folder: string,
  displayRoot: string,
  shownAs: string,
  repository: string = displayRoot,
  what = 'templates folder',
): Promise<TemplateFile[]> {
  let entries: string[];
  try {
    entries = (await readdir(folder, { recursive: true })).map(String);
  } catch (error) {
    throw pathError(error, shownAs, what, 'folder');
  }
  const names = entries.filter((name) => TEMPLATE_FILE.test(name)).sort();
  const inside = await linkGuard(repository, 'the repository');
  return Promise.all(
    names.map(async (name) => {
      const path = join(folder, name);
      const shown = relative(displayRoot, path);
      await inside(path, 'template', shown);
      return { name: shown, text: await readTextFile(path, 'template') };
    }),
  );
}

/** Above this size a file in an output folder is not read: nothing ferry renders is this big. */
const MAX_OWN_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Replaces `dir` with exactly `files`, all or nothing: they are written to a sibling temp folder
 * that is then renamed into place. An existing `dir` is replaced only when every file under it
 * (recursively) is one `isOwn` recognises by its content, so a mistaken `--out` cannot wipe a
 * work tree; otherwise this refuses, naming the first other path, and writes nothing.
 */
export async function replaceDirectory(
  dir: string,
  files: Map<string, string>,
  isOwn: (text: string, name: string) => boolean,
): Promise<void> {
  const existing = await existingFolder(dir);
  const foreign = existing ? await firstForeign(dir, isOwn) : undefined;
  if (foreign !== undefined) {
    throw new ConfigError(
      `${dir}: holds ${foreign}, which ferry did not render; nothing was written (choose an empty or new folder)`,
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

/** True when `dir` is a folder, false when it does not exist; refuses anything else. */
async function existingFolder(dir: string): Promise<boolean> {
  try {
    const info = await lstat(dir);
    if (info.isSymbolicLink())
      throw new ConfigError(`${dir}: is a symbolic link; name the folder itself`);
    if (!info.isDirectory()) throw new ConfigError(`${dir}: exists and is not a folder`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw pathError(error, dir, 'output folder', 'folder');
  }
}

/** The first path under `dir` (in name order) that is not a folder or a file `isOwn` accepts. */
async function firstForeign(
  dir: string,
  isOwn: (text: string, name: string) => boolean,
): Promise<string | undefined> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    throw pathError(error, dir, 'output folder', 'folder');
  }
  const paths = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
  for (const name of paths) {
    const path = join(dir, name);
    const info = await lstat(path);
    if (!info.isFile() || info.size > MAX_OWN_FILE_BYTES) return name;
    const bytes = await readFile(path);
    if (!isUtf8(bytes) || !isOwn(bytes.toString('utf8'), name)) return name;
  }
  return undefined;
}

/**
 * How `path` lies to `other` once links are resolved: the same folder, inside it, holding it,
 * or apart. Either may not exist yet (its nearest existing parent is resolved).
 */
export async function pathRelation(
  path: string,
  other: string,
): Promise<'same' | 'inside' | 'holds' | 'apart'> {
  const [a, b] = await Promise.all([realPathOf(path), realPathOf(other)]);
  if (a === b) return 'same';
  const within = (inner: string, outer: string) => {
    const rel = relative(outer, inner);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  if (within(a, b)) return 'inside';
  if (within(b, a)) return 'holds';
  return 'apart';
}

async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch (error) {
    const parent = dirname(absolute);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === absolute) return absolute;
    return join(await realPathOf(parent), basename(absolute));
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
  const inside = await linkGuard(dir, 'the manifests folder');
  for (const name of entries
    .filter((entry) => /\.(ya?ml|json)$/.test(entry) && !/(^|\/)\./.test(entry))
    .sort()) {
    const source = join(dir, name);
    await inside(source, 'manifest');
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
