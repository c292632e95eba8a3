import { readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { ConfigError } from '../core/errors.js';
import {
  folderHolds,
  isSkippedFolder,
  parseSetDescriptor,
  SET_DESCRIPTOR,
  type EnvSet,
} from '../core/set-descriptor.js';
import { pathError, readTextFile } from './files.js';

/**
 * Every set under `root`: each folder holding a `.ferry-set.yaml`, in path order. Symbolic links
 * are not followed. Sets cannot nest (a set's folder is read whole, its subfolders included): a
 * set inside another is one ConfigError naming both.
 */
export async function findSets(root: string): Promise<EnvSet[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch (error) {
      throw pathError(error, relative ? join(root, relative) : root, 'sets root', 'folder');
    }
    if (entries.some((entry) => entry.isFile() && entry.name === SET_DESCRIPTOR))
      found.push(relative);
    const folders = entries.filter((entry) => entry.isDirectory() && !isSkippedFolder(entry.name));
    await Promise.all(folders.map((entry) => walk(posix.join(relative, entry.name))));
  };
  await walk('');
  found.sort();
  for (const [index, path] of found.entries()) {
    const outer = found.slice(0, index).find((other) => folderHolds(other || '.', path));
    if (outer !== undefined)
      throw new ConfigError(
        `${join(root, path, SET_DESCRIPTOR)}: a set inside the set ${outer || '.'}; sets cannot nest (a set's folder is applied whole, subfolders included)`,
      );
  }
  return Promise.all(
    found.map(async (path) => {
      const file = join(root, path, SET_DESCRIPTOR);
      const text = await readTextFile(file, 'set descriptor');
      const { descriptor, lineOf } = parseSetDescriptor(text, file);
      return { path: path || '.', file, descriptor, lineOf };
    }),
  );
}
