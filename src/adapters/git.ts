import { isUtf8 } from 'node:buffer';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, LostRaceError, OperationError } from '../core/errors.js';
import type { FileMap } from '../core/proposal.js';
import { redact } from '../core/redact.js';
import { judgePush } from './git-push.js';
import {
  GitRunner,
  parseCatBatch,
  type CatObject,
  type GitOutput,
  type GitRunOptions,
} from './git-runner.js';

/**
 * git for proposals: a private, throwaway bare repository that fetches the env repo shallowly,
 * reads the owned folder, and (for plain git) builds and pushes commits with plumbing. A token
 * travels as an `http.<origin>/.extraHeader` (see GitRunner), never in a URL or argv.
 */

/** Basic auth for one HTTPS origin, the way actions/checkout hands a token to git. */
export interface GitAuth {
  /** Origin the header is scoped to, e.g. `https://github.com`. */
  origin: string;
  token: string;
  /** The user name beside the token; default `x-access-token` (GitHub). GitLab: `oauth2`. */
  user?: string;
}

/** Who commits made with plumbing are from (plain git only; GitHub signs its own). */
export interface GitIdentity {
  name: string;
  email: string;
}

const ZERO_OID = '0000000000000000000000000000000000000000';

/** A folder's files as text, with exact bytes where the text is a stand-in (not UTF-8). */
export interface FolderContent {
  files: FileMap;
  bytes?: Map<string, Buffer>;
  /** Files outside the folder, by repository path, written in the same commit. */
  companions?: Map<string, string>;
}

/** Tip commits of the base and head branches as fetched. */
export interface FetchedBranches {
  base: string;
  head: string | undefined;
}

/** A scratch bare repository holding shallow copies of the env repo's base and head branches. */
export class EnvRepoWorkspace {
  private fetches = 0;

  private constructor(
    readonly dir: string,
    private readonly runner: GitRunner,
  ) {}

  /** Creates the scratch repository; `close()` removes it. */
  static async open(auth?: GitAuth): Promise<EnvRepoWorkspace> {
    const config: [string, string][] = [
      // The user's hooks (core.hooksPath) must not run on ferry's pushes.
      ['core.hooksPath', '/dev/null'],
      ['protocol.ext.allow', 'never'],
      // A throwaway repository: no background maintenance after each fetch.
      ['maintenance.auto', 'false'],
    ];
    if (auth) {
      const basic = Buffer.from(`${auth.user ?? 'x-access-token'}:${auth.token}`).toString(
        'base64',
      );
      config.push([`http.${auth.origin}/.extraHeader`, `Authorization: Basic ${basic}`]);
      // A rejected token must fail, not fall back to another identity's stored credentials.
      config.push(['credential.helper', '']);
    }
    const dir = await mkdtemp(join(tmpdir(), 'ferry-propose-'));
    const runner = new GitRunner(config);
    await runner.run(['init', '--quiet', '--bare', join(dir, 'repo.git')]);
    return new EnvRepoWorkspace(dir, runner);
  }

  /** Removes the scratch repository. */
  async close(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * Fetches the base branch and, when it exists, the head branch, two commits deep (the head's
   * parent tells whether it still proposes against the base). One fetch, so both tips come from
   * the same moment; the head is matched with a pattern because it may not exist yet.
   */
  async fetch(remote: string, base: string, head: string): Promise<FetchedBranches> {
    const ns = `refs/ferry/${++this.fetches}`;
    try {
      await this.repo(
        ['fetch', '--quiet', '--no-tags', '--depth=2', '--', remote].concat([
          `+refs/heads/${base}:${ns}/base`,
          `+refs/heads/${head}*:${ns}/head*`,
        ]),
      );
    } catch (error) {
      const message = (error as Error).message;
      if (/couldn't find remote ref/.test(message))
        throw new OperationError(`${remote}: branch ${base} not found`);
      throw error;
    }
    const refs = await this.repo(['for-each-ref', '--format=%(refname) %(objectname)', ns]);
    const tips = new Map(refs.split('\n').map((line) => line.split(' ') as [string, string]));
    return { base: tips.get(`${ns}/base`)!, head: tips.get(`${ns}/head`) };
  }

  /**
   * Fetches one branch and returns its tip: `depth` commits deep, or its whole history (which
   * rollback walks) when `depth` is undefined.
   */
  async fetchBranch(remote: string, branch: string, depth?: number): Promise<string> {
    const ref = `refs/ferry/${++this.fetches}/tip`;
    const deep = depth === undefined ? [] : [`--depth=${depth}`];
    try {
      await this.repo(
        ['fetch', '--quiet', '--no-tags', ...deep, '--', remote].concat([
          `+refs/heads/${branch}:${ref}`,
        ]),
      );
    } catch (error) {
      if (/couldn't find remote ref/.test((error as Error).message))
        throw new OperationError(`${remote}: branch ${branch} not found`);
      throw error;
    }
    return (await this.repo(['rev-parse', '--verify', ref])).trim();
  }

  /** Commits on the first-parent line of `tip` that changed `path`, newest first. */
  async changesTo(tip: string, path: string): Promise<string[]> {
    const log = await this.repo(['log', '--first-parent', '--format=%H', tip, '--', path]);
    return log.split('\n').filter(Boolean);
  }

  /**
   * The full SHA of a commit named by a (possibly abbreviated) hex SHA, if it is `tip` or one
   * of its ancestors; undefined otherwise. `sha` must already be checked to be hex.
   */
  async commitInHistory(sha: string, tip: string): Promise<string | undefined> {
    const resolved = await this.run(['rev-parse', '--verify', '--quiet', `${sha}^{commit}`], {
      okExitCodes: [1, 128],
    });
    const full = resolved.code === 0 ? resolved.stdout.toString('utf8').trim() : '';
    if (full === '') return undefined;
    const ancestor = await this.run(['merge-base', '--is-ancestor', full, tip], {
      okExitCodes: [1],
    });
    return ancestor.code === 0 ? full : undefined;
  }

  /** When `commit` was committed (its committer date). */
  async committedAt(commit: string): Promise<Date> {
    const seconds = (await this.repo(['show', '--no-patch', '--format=%ct', commit])).trim();
    return new Date(Number(seconds) * 1000);
  }

  /** Every file under `path` at `commit`, by path relative to `path`. */
  async readFolder(commit: string, path: string): Promise<FileMap> {
    return (await this.readFolderExact(commit, path)).files;
  }

  /**
   * Every file under `path` at `commit` as text, and the exact bytes of each blob that is not
   * UTF-8 (its text is a stand-in naming the blob, so equal blobs still compare equal).
   */
  async readFolderExact(commit: string, path: string): Promise<FolderContent> {
    const entries = await this.entries(commit, path);
    const files: FileMap = new Map();
    const bytes = new Map<string, Buffer>();
    const blobs = await this.catBatch(entries.map((e) => e.sha));
    entries.forEach((entry, i) => {
      const { type, content } = blobs[i]!;
      const name = entry.path.slice(path.length + 1);
      // Not text ferry could have written: keep it unequal to any rendering, and printable.
      if (type === 'blob' && isUtf8(content)) files.set(name, content.toString('utf8'));
      else files.set(name, `[not UTF-8 text: ${type} ${entry.sha}]\n`);
      if (type === 'blob' && !isUtf8(content)) bytes.set(name, content);
    });
    return { files, bytes };
  }

  /**
   * The first part of `path` (itself included) that is not a folder at `commit` (a file, or a
   * submodule), if any: a commit writing files under `path` would silently replace it.
   */
  async fileOnPath(commit: string, path: string): Promise<string | undefined> {
    const parts = path.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    const output = await this.repo(['cat-file', '--batch-check=%(objecttype)'], {
      input: prefixes.map((prefix) => `${commit}:${prefix}`).join('\n') + '\n',
    });
    const types = output.split('\n');
    const index = prefixes.findIndex((_, i) => {
      const type = types[i] ?? '';
      return type !== 'tree' && !type.endsWith(' missing');
    });
    return index < 0 ? undefined : prefixes[index];
  }

  /** The text of one file at `commit`, or undefined when there is none (or it is not UTF-8). */
  async readFile(commit: string, path: string): Promise<string | undefined> {
    const [blob] = await this.catBatch([`${commit}:${path}`]);
    return blob?.type === 'blob' && isUtf8(blob.content)
      ? blob.content.toString('utf8')
      : undefined;
  }

  /**
   * Every UTF-8 file named `name` anywhere in the tree of `commit` (the set descriptors of the
   * environment repo), by folder (`.` for the root), read from the commit already fetched.
   */
  async filesNamed(commit: string, name: string): Promise<Map<string, string>> {
    const found = (await this.listTree(commit)).filter(
      (entry) => entry.type === 'blob' && `/${entry.path}`.endsWith(`/${name}`),
    );
    const blobs = await this.catBatch(found.map((entry) => entry.sha));
    const files = new Map<string, string>();
    found.forEach(({ path }, i) => {
      const { content } = blobs[i]!;
      if (isUtf8(content))
        files.set(path.slice(0, -name.length - 1) || '.', content.toString('utf8'));
    });
    return files;
  }

  /** `git cat-file --batch` for each object name: its type ('missing' when absent) and content. */
  private async catBatch(names: string[]): Promise<CatObject[]> {
    if (names.length === 0) return [];
    const output = await this.repoBuffer(['cat-file', '--batch'], names.join('\n') + '\n');
    return parseCatBatch(output, names.length);
  }

  /** `git ls-tree -r` of `commit`, under `path` when given: type, object and path of each entry. */
  private async listTree(commit: string, path?: string) {
    const scope = path === undefined ? [] : ['--', path];
    const listing = await this.repo(['ls-tree', '-r', '-z', '--full-tree', commit, ...scope]);
    return listing
      .split('\0')
      .filter((record) => record !== '')
      .map((record) => {
        const tab = record.indexOf('\t');
        const [, type = '', sha = ''] = record.slice(0, tab).split(' ');
        return { type, sha, path: record.slice(tab + 1) };
      });
  }

  private async entries(commit: string, path: string) {
    const entries: { sha: string; path: string }[] = [];
    for (const { sha, path: name } of await this.listTree(commit, path)) {
      if (name === path)
        throw new ConfigError(`${path} is a file in the environment repo, not a folder`);
      if (name.startsWith(`${path}/`)) entries.push({ sha, path: name });
    }
    return entries;
  }

  /**
   * True when `head` is one commit that changes only `path` (and the `companions` files), on a
   * parent whose `path` and companions are the same as the base tip's: the pull request then
   * shows exactly the proposal, even if the base moved elsewhere since.
   */
  async proposesAgainst(
    head: string,
    baseTip: string,
    path: string,
    companions: string[] = [],
  ): Promise<boolean> {
    const raw = await this.repo(['cat-file', 'commit', head]);
    const parents = [...raw.matchAll(/^parent ([0-9a-f]{40,64})$/gm)].map((m) => m[1]!);
    if (parents.length !== 1) return false;
    const parent = parents[0]!;
    const changed = await this.repo([
      'diff-tree',
      '-r',
      '-z',
      '--no-renames',
      '--name-only',
      parent,
      head,
    ]);
    const owned = (name: string) => name.startsWith(`${path}/`) || companions.includes(name);
    if (changed.split('\0').some((name) => name !== '' && !owned(name))) return false;
    if (parent === baseTip) return true;
    for (const owner of [path, ...companions])
      if ((await this.treeAt(parent, owner)) !== (await this.treeAt(baseTip, owner))) return false;
    return true;
  }

  private async treeAt(commit: string, path: string): Promise<string> {
    const listing = await this.repo(['ls-tree', '-z', '--full-tree', commit, '--', path]);
    return listing.split('\t')[0] ?? '';
  }

  /**
   * A commit on `parent` whose `path` holds exactly `content.files` (their `bytes` where given),
   * with its companion files written too (plain git; GitHub commits itself).
   */
  async commitFolder(
    parent: string,
    path: string,
    content: FolderContent,
    message: string,
    identity: GitIdentity,
  ): Promise<string> {
    const index = join(this.dir, `index-${this.fetches}`);
    const env = { GIT_INDEX_FILE: index };
    await this.repo(['read-tree', parent], { env });
    const staged = join(this.dir, `files-${this.fetches}`);
    await rm(staged, { recursive: true, force: true });
    await mkdir(staged);
    const written = new Map<string, string | Buffer>();
    for (const [name, text] of content.files)
      written.set(`${path}/${name}`, content.bytes?.get(name) ?? text);
    for (const [file, text] of content.companions ?? []) written.set(file, text);
    const names = [...written.keys()];
    await Promise.all(
      names.map((name, i) => writeFile(join(staged, String(i)), written.get(name)!)),
    );
    const shas =
      names.length === 0
        ? []
        : (
            await this.repo(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
              input: names.map((_, i) => join(staged, String(i))).join('\n') + '\n',
            })
          )
            .trim()
            .split('\n');
    const removals = (await this.entries(parent, path)).map((e) => `0 ${ZERO_OID}\t${e.path}\0`);
    const additions = names.map((name, i) => `100644 ${shas[i]!}\t${name}\0`);
    await this.repo(['update-index', '-z', '--index-info'], {
      env,
      input: [...removals, ...additions].join(''),
    });
    const tree = (await this.repo(['write-tree'], { env })).trim();
    const commitEnv = {
      GIT_AUTHOR_NAME: identity.name,
      GIT_AUTHOR_EMAIL: identity.email,
      GIT_COMMITTER_NAME: identity.name,
      GIT_COMMITTER_EMAIL: identity.email,
    };
    const commit = await this.repo(['commit-tree', '--no-gpg-sign', tree, '-p', parent], {
      env: commitEnv,
      input: message,
    });
    return commit.trim();
  }

  /**
   * Points `branch` on `remote` at `commit` (undefined: deletes it) if it is still at `expected`
   * (undefined: must not exist). A lost race throws {@link LostRaceError}; any other refusal
   * an OperationError with git's reason and the remote's own lines.
   */
  async push(
    remote: string,
    commit: string | undefined,
    branch: string,
    expected: string | undefined,
  ): Promise<void> {
    const ref = `refs/heads/${branch}`;
    const { stdout, stderr } = await this.run(
      [
        'push',
        '--porcelain',
        '--no-verify',
        `--force-with-lease=${ref}:${expected ?? ''}`,
        '--',
        remote,
        `${commit ?? ''}:${ref}`,
      ],
      // 1: a ref was refused; 128: git gave up before pushing. Both are told from the output.
      { okExitCodes: [1, 128] },
    );
    const outcome = judgePush(ref, stdout.toString('utf8'), stderr);
    if (outcome.kind === 'lost-race')
      throw new LostRaceError(`${branch} moved on ${redact(remote)}: ${outcome.reason}`);
    if (outcome.kind === 'failed')
      throw new OperationError(`git push to ${redact(remote)} failed: ${outcome.reason}`);
  }

  private repo(args: string[], options: GitRunOptions = {}): Promise<string> {
    return this.runner.text(['--git-dir', join(this.dir, 'repo.git'), ...args], options, args[0]);
  }

  private async repoBuffer(args: string[], input: string): Promise<Buffer> {
    return (await this.run(args, { input })).stdout;
  }

  private run(args: string[], options: GitRunOptions): Promise<GitOutput> {
    return this.runner.run(['--git-dir', join(this.dir, 'repo.git'), ...args], options, args[0]);
  }
}
