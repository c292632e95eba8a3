import { copyFile, mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { GitRunner } from './git-runner.js';

/** The commit a work tree is at, and the git tree hash of each of its set folders. */
export interface FolderTrees {
  /** HEAD's full SHA. */
  commit: string;
  /** Tree hash of each folder (as given, relative to the root) as it is in the work tree. */
  trees: Map<string, string>;
}

const git = new GitRunner([]);

/**
 * Tree hashes of `folders` (relative to `root`, inside a git work tree) as they are on disk, so
 * a folder changed but not committed still counts as changed: the work tree is hashed into a
 * throwaway index (a copy of git's), never touching the repository's own index. Two equal
 * hashes mean two identical folders, whatever commit they came from.
 */
export async function folderTrees(root: string, folders: string[]): Promise<FolderTrees> {
  const absolute = await realpath(resolve(root)).catch(() => resolve(root));
  const top = await git
    .text(['-C', absolute, 'rev-parse', '--show-toplevel'], {}, 'rev-parse')
    .then((text) => text.trim())
    .catch(() => {
      throw new ConfigError(
        `${root}: not inside a git work tree (sets record the commit they apply)`,
      );
    });
  // Both questions at once: each git process is a fork of this one, slow on a busy runner.
  const [head, gitIndex] = await Promise.all([
    git.text(['-C', top, 'rev-parse', '--verify', 'HEAD^{commit}'], { okExitCodes: [128] }),
    git.text(['-C', top, 'rev-parse', '--git-path', 'index']),
  ]);
  const commit = head.trim();
  if (!/^[0-9a-f]{40,64}$/.test(commit))
    throw new ConfigError(`${top}: the repository has no commit yet`);
  const prefix = relative(top, absolute).split(sep).join('/');
  const inRepo = (folder: string): string =>
    [prefix, folder === '.' ? '' : folder].filter(Boolean).join('/');

  const scratch = await mkdtemp(join(tmpdir(), 'ferry-index-'));
  try {
    const index = join(scratch, 'index');
    // A copy of git's index makes hashing fast (unchanged files are known by their stat data).
    await copyFile(resolve(top, gitIndex.trim()), index).catch(() => undefined);
    const env = { GIT_INDEX_FILE: index };
    await git.run(['-C', top, 'add', '--all', '--', prefix || '.'], { env }, 'add');
    const tree = (await git.text(['-C', top, 'write-tree'], { env }, 'write-tree')).trim();
    const now = await subtrees(top, tree);
    const trees = new Map<string, string>();
    for (const folder of folders) {
      const path = inRepo(folder);
      const hash = path === '' ? tree : now.get(path);
      if (hash !== undefined) trees.set(folder, hash);
    }
    return { commit, trees };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Every folder under a tree-ish with its tree hash, in one git call. */
async function subtrees(top: string, treeish: string): Promise<Map<string, string>> {
  const text = await git.text(['-C', top, 'ls-tree', '-r', '-d', '-z', treeish], {}, 'ls-tree');
  const trees = new Map<string, string>();
  for (const entry of text.split('\0').filter(Boolean)) {
    const [meta, path] = entry.split('\t') as [string, string];
    trees.set(path, meta.split(' ')[2]!);
  }
  return trees;
}

async function rootTree(top: string, commit: string): Promise<string> {
  return (await git.text(['-C', top, 'rev-parse', `${commit}^{tree}`])).trim();
}

/**
 * Tree hashes of `folders` (relative to `root`) at revision `rev` (a pull request's base), in
 * one git call; a folder missing there has no entry. A revision git cannot resolve is bad input.
 */
export async function folderTreesAt(
  root: string,
  rev: string,
  folders: string[],
): Promise<Map<string, string>> {
  const absolute = await realpath(resolve(root)).catch(() => resolve(root));
  const top = (await git.text(['-C', absolute, 'rev-parse', '--show-toplevel'])).trim();
  const resolved = await git
    .text(['-C', top, 'rev-parse', '--verify', '--end-of-options', `${rev}^{commit}`])
    .catch(() => {
      throw new ConfigError(
        `--changed-since: git does not know the revision "${rev}" (fetch it first: actions/checkout with fetch-depth: 0)`,
      );
    });
  const commit = resolved.trim();
  const prefix = relative(top, absolute).split(sep).join('/');
  const trees = await subtrees(top, commit);
  const result = new Map<string, string>();
  for (const folder of folders) {
    const path = [prefix, folder === '.' ? '' : folder].filter(Boolean).join('/');
    const hash = path === '' ? await rootTree(top, commit) : trees.get(path);
    if (hash !== undefined) result.set(folder, hash);
  }
  return result;
}
