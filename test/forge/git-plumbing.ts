// Git plumbing on a bare repository, used by the fake forge to do what GitHub does server-side
// (API commits, merges, ref updates) without a working tree, so clones see real history.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitCommandError, type GitRunner } from './git-runner.js';

/** The all-zero object id: as the old value of `update-ref` it means "must not exist yet". */
export const ZERO_OID = '0000000000000000000000000000000000000000';

/** Who a commit is from, and when. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** A commit as read from the object database. */
export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: GitSignature;
  committer: GitSignature;
  message: string;
}

/** The name, email and ISO date of a commit's author or committer. */
export interface GitSignature extends GitIdentity {
  date: string;
}

/** A file change for {@link writeCommit}. */
export interface FileChanges {
  additions?: { path: string; contents: Buffer }[];
  deletions?: string[];
}

/** A bare repository and the runner that operates on it. */
export interface BareRepository {
  git: GitRunner;
  gitDir: string;
}

function run(repo: BareRepository, args: string[], options: Parameters<GitRunner['run']>[1] = {}) {
  return repo.git.run(['--git-dir', repo.gitDir, ...args], options);
}

function identityEnv(author: GitIdentity, committer: GitIdentity): Record<string, string> {
  return {
    GIT_AUTHOR_NAME: author.name,
    GIT_AUTHOR_EMAIL: author.email,
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email,
  };
}

/** Creates an empty bare repository whose HEAD names `defaultBranch`. */
export async function initBareRepository(repo: BareRepository, defaultBranch: string) {
  await repo.git.run([
    'init',
    '--quiet',
    '--bare',
    `--initial-branch=${defaultBranch}`,
    repo.gitDir,
  ]);
}

/** True when `name` is a valid full ref name (`refs/heads/x`), checked by git itself. */
export async function isValidRefName(git: GitRunner, name: string): Promise<boolean> {
  if (name.startsWith('-')) return false;
  const result = await git.run(['check-ref-format', name], { okExitCodes: [1] });
  return result.exitCode === 0;
}

/** The object id a full ref points at, or undefined when the ref does not exist. */
export async function readRef(repo: BareRepository, fullRef: string): Promise<string | undefined> {
  // for-each-ref also matches refs below the pattern, so compare the names exactly.
  const { stdout } = await run(repo, [
    'for-each-ref',
    '--format=%(refname) %(objectname)',
    fullRef,
  ]);
  for (const line of stdout.split('\n')) {
    const [name, oid] = line.split(' ');
    if (name === fullRef && oid) return oid;
  }
  return undefined;
}

/**
 * Resolves what GitHub accepts as a commit reference: a (possibly abbreviated) SHA, a branch or
 * tag name, or `heads/x` / `tags/x`. Returns the full commit SHA or undefined.
 */
export async function resolveCommitish(
  repo: BareRepository,
  ref: string,
): Promise<string | undefined> {
  if (/^[0-9a-f]{4,40}$/i.test(ref)) {
    const { stdout, exitCode } = await run(
      repo,
      ['rev-parse', '--quiet', '--verify', `${ref}^{commit}`],
      { okExitCodes: [1, 128] },
    );
    if (exitCode === 0) return stdout.trim();
  }
  for (const candidate of [`refs/heads/${ref}`, `refs/tags/${ref}`, `refs/${ref}`]) {
    if (!(await isValidRefName(repo.git, candidate))) continue;
    const oid = await readRef(repo, candidate);
    if (oid) return peelToCommit(repo, oid);
  }
  return undefined;
}

async function peelToCommit(repo: BareRepository, oid: string): Promise<string | undefined> {
  const { stdout, exitCode } = await run(
    repo,
    ['rev-parse', '--quiet', '--verify', `${oid}^{commit}`],
    {
      okExitCodes: [1, 128],
    },
  );
  return exitCode === 0 ? stdout.trim() : undefined;
}

/** True when `sha` names a commit in the repository. */
export async function commitExists(repo: BareRepository, sha: string): Promise<boolean> {
  if (!/^[0-9a-f]{40}$/i.test(sha)) return false;
  return (await peelToCommit(repo, sha)) === sha.toLowerCase();
}

/** Reads and parses a commit object. */
export async function readCommit(repo: BareRepository, sha: string): Promise<CommitInfo> {
  const { stdout } = await run(repo, ['cat-file', 'commit', sha]);
  const split = stdout.indexOf('\n\n');
  const header = split === -1 ? stdout : stdout.slice(0, split);
  const message = split === -1 ? '' : stdout.slice(split + 2);
  const info: CommitInfo = {
    sha,
    tree: '',
    parents: [],
    author: { name: '', email: '', date: '' },
    committer: { name: '', email: '', date: '' },
    message: message.replace(/\n$/, ''),
  };
  for (const line of header.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') info.tree = value;
    else if (key === 'parent') info.parents.push(value);
    else if (key === 'author') info.author = parseSignature(value);
    else if (key === 'committer') info.committer = parseSignature(value);
  }
  return info;
}

function parseSignature(value: string): GitSignature {
  const found = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!found) return { name: value, email: '', date: new Date(0).toISOString() };
  const seconds = Number(found[3]);
  return {
    name: found[1] ?? '',
    email: found[2] ?? '',
    date: new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/**
 * Writes a commit with `changes` applied on top of `parent` (or an empty tree) without touching
 * any ref: a temporary index (GIT_INDEX_FILE) keeps the bare repository's state untouched.
 */
export async function writeCommit(
  repo: BareRepository,
  options: {
    parent: string | undefined;
    changes: FileChanges;
    message: string;
    author: GitIdentity;
    committer: GitIdentity;
  },
): Promise<string> {
  const scratch = await mkdtemp(join(tmpdir(), 'ferry-forge-index-'));
  const env = { GIT_INDEX_FILE: join(scratch, 'index') };
  try {
    await run(repo, options.parent ? ['read-tree', options.parent] : ['read-tree', '--empty'], {
      env,
    });
    // One `--index-info` batch: `--force-remove` would insist on a working tree.
    const records: string[] = [];
    for (const addition of options.changes.additions ?? []) {
      const blob = await run(repo, ['hash-object', '-w', '--stdin'], { input: addition.contents });
      records.push(`100644 ${blob.stdout.trim()}\t${checkedPath(addition.path)}`);
    }
    for (const path of options.changes.deletions ?? []) {
      records.push(`0 ${ZERO_OID}\t${checkedPath(path)}`);
    }
    const input = records.map((record) => `${record}\0`).join('');
    await run(repo, ['update-index', '-z', '--index-info'], { env, input });
    const tree = (await run(repo, ['write-tree'], { env })).stdout.trim();
    return await commitTree(repo, tree, options.parent ? [options.parent] : [], options);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Thrown for a path git would store wrongly or silently drop (`../x`, `.git/config`). */
export class InvalidPathError extends Error {
  constructor(readonly path: string) {
    super(`"${path}" is not a valid repository path`);
    this.name = 'InvalidPathError';
  }
}

// `update-index --index-info` skips such paths without failing, so they are refused up front.
function checkedPath(path: string): string {
  const segments = path.split('/');
  const bad = segments.some(
    (segment) =>
      segment === '' || segment === '.' || segment === '..' || segment.toLowerCase() === '.git',
  );
  if (bad || path.includes('\0')) throw new InvalidPathError(path);
  return path;
}

/** Writes a commit object for `tree` with the given parents. */
export async function commitTree(
  repo: BareRepository,
  tree: string,
  parents: string[],
  options: { message: string; author: GitIdentity; committer: GitIdentity },
): Promise<string> {
  const args = ['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'];
  const { stdout } = await run(repo, args, {
    input: options.message,
    env: identityEnv(options.author, options.committer),
  });
  return stdout.trim();
}

/**
 * Points `fullRef` at `newOid` only if it still points at `expectedOld` (ZERO_OID: must not
 * exist). Returns false when the compare-and-swap lost, which GitHub reports as stale data.
 */
export async function compareAndSwapRef(
  repo: BareRepository,
  fullRef: string,
  newOid: string,
  expectedOld: string,
): Promise<boolean> {
  try {
    await run(repo, ['update-ref', fullRef, newOid, expectedOld]);
    return true;
  } catch (error) {
    if (error instanceof GitCommandError) return false;
    throw error;
  }
}

/** Deletes `fullRef`. */
export async function deleteRef(repo: BareRepository, fullRef: string): Promise<void> {
  await run(repo, ['update-ref', '-d', fullRef]);
}

/** True when `ancestor` is reachable from `descendant` (a fast-forward from one to the other). */
export async function isAncestor(repo: BareRepository, ancestor: string, descendant: string) {
  const result = await run(repo, ['merge-base', '--is-ancestor', ancestor, descendant], {
    okExitCodes: [1],
  });
  return result.exitCode === 0;
}

/** Three-way merges two commits' trees; undefined when they conflict. */
export async function mergeTrees(
  repo: BareRepository,
  ours: string,
  theirs: string,
): Promise<string | undefined> {
  // `merge-tree --write-tree` (git >= 2.38) merges without a working tree; exit 1 = conflicts.
  const result = await run(
    repo,
    ['merge-tree', '--write-tree', '--no-messages', '--allow-unrelated-histories', ours, theirs],
    { okExitCodes: [1] },
  );
  return result.exitCode === 0 ? result.stdout.split('\n')[0]?.trim() : undefined;
}

/** Commits reachable from `head` but not from `base`, oldest first. */
export async function commitsBetween(repo: BareRepository, base: string, head: string) {
  const { stdout } = await run(repo, ['rev-list', '--reverse', `${base}..${head}`]);
  return stdout.split('\n').filter((line) => line !== '');
}

/** Line and file counts of the change `head` brings relative to its merge base with `base`. */
export async function diffStats(repo: BareRepository, base: string, head: string) {
  const { stdout } = await run(repo, ['diff', '--numstat', `${base}...${head}`]);
  const stats = { additions: 0, deletions: 0, changedFiles: 0 };
  for (const line of stdout.split('\n')) {
    const [added, deleted] = line.split('\t');
    if (added === undefined || deleted === undefined) continue;
    stats.changedFiles += 1;
    // Binary files show "-" instead of counts.
    stats.additions += Number(added) || 0;
    stats.deletions += Number(deleted) || 0;
  }
  return stats;
}
