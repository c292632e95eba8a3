import { isUtf8 } from 'node:buffer';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, LostRaceError, OperationError } from '../core/errors.js';
import type { FileMap } from '../core/proposal.js';
import { firstError, GitRunner, type GitRunOptions } from './git-runner.js';

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
}

/** Who commits made with plumbing are from (plain git only; GitHub signs its own). */
export interface GitIdentity {
  name: string;
  email: string;
}

const ZERO_OID = '0000000000000000000000000000000000000000';

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
    ];
    if (auth) {
      const basic = Buffer.from(`x-access-token:${auth.token}`).toString('base64');
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

  /** Every file under `path` at `commit`, by path relative to `path`. */
  async readFolder(commit: string, path: string): Promise<FileMap> {
    const entries = await this.entries(commit, path);
    const files: FileMap = new Map();
    if (entries.length === 0) return files;
    const output = await this.repoBuffer(
      ['cat-file', '--batch'],
      entries.map((e) => e.sha).join('\n') + '\n',
    );
    let offset = 0;
    for (const entry of entries) {
      const newline = output.indexOf(0x0a, offset);
      const [, type, size] = output.subarray(offset, newline).toString('latin1').split(' ');
      // `<sha> missing` (a submodule's commit) has no content to skip.
      const length = type === 'missing' ? 0 : Number(size);
      const content = output.subarray(newline + 1, newline + 1 + length);
      offset = type === 'missing' ? newline + 1 : newline + 1 + length + 1;
      // Not text ferry could have written: keep it unequal to any rendering, and printable.
      const text =
        type === 'blob' && isUtf8(content)
          ? content.toString('utf8')
          : `[not UTF-8 text: ${type} ${entry.sha}]\n`;
      files.set(entry.path.slice(path.length + 1), text);
    }
    return files;
  }

  private async entries(commit: string, path: string) {
    const listing = await this.repo(['ls-tree', '-r', '-z', '--full-tree', commit, '--', path]);
    const entries: { sha: string; path: string }[] = [];
    for (const record of listing.split('\0')) {
      if (record === '') continue;
      const tab = record.indexOf('\t');
      const [, , sha] = record.slice(0, tab).split(' ');
      const name = record.slice(tab + 1);
      if (name === path)
        throw new ConfigError(`${path} is a file in the environment repo, not a folder`);
      if (!name.startsWith(`${path}/`)) continue;
      entries.push({ sha: sha!, path: name });
    }
    return entries;
  }

  /**
   * True when `head` is one commit that changes only `path`, on a parent whose `path` is the
   * same as the base tip's: the pull request then shows exactly the proposal, even if the base
   * moved elsewhere since.
   */
  async proposesAgainst(head: string, baseTip: string, path: string): Promise<boolean> {
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
    if (changed.split('\0').some((name) => name !== '' && !name.startsWith(`${path}/`)))
      return false;
    if (parent === baseTip) return true;
    return (await this.treeAt(parent, path)) === (await this.treeAt(baseTip, path));
  }

  private async treeAt(commit: string, path: string): Promise<string> {
    const listing = await this.repo(['ls-tree', '-z', '--full-tree', commit, '--', path]);
    return listing.split('\t')[0] ?? '';
  }

  /** A commit on `parent` whose `path` holds exactly `files` (plain git; GitHub commits itself). */
  async commitFolder(
    parent: string,
    path: string,
    files: FileMap,
    message: string,
    identity: GitIdentity,
  ): Promise<string> {
    const index = join(this.dir, `index-${this.fetches}`);
    const env = { GIT_INDEX_FILE: index };
    await this.repo(['read-tree', parent], { env });
    const staged = join(this.dir, `files-${this.fetches}`);
    await rm(staged, { recursive: true, force: true });
    await mkdir(staged);
    const names = [...files.keys()];
    await Promise.all(names.map((name, i) => writeFile(join(staged, String(i)), files.get(name)!)));
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
    const additions = names.map((name, i) => `100644 ${shas[i]!}\t${path}/${name}\0`);
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
   * Points `branch` on `remote` at `commit` if it is still at `expected` (undefined: must not
   * exist). A lost race throws {@link LostRaceError}.
   */
  async push(
    remote: string,
    commit: string | undefined,
    branch: string,
    expected: string | undefined,
  ) {
    const ref = `refs/heads/${branch}`;
    const result = await this.repo(
      [
        'push',
        '--porcelain',
        '--no-verify',
        `--force-with-lease=${ref}:${expected ?? ''}`,
        '--',
        remote,
      ].concat([`${commit ?? ''}:${ref}`]),
      { okExitCodes: [1] },
    );
    if (
      result.includes('\t[rejected] (stale info)') ||
      /\t\[rejected\] \((fetch first|non-fast-forward)\)/.test(result)
    )
      throw new LostRaceError(`${branch} moved on ${remote}`);
    if (!/^[*+= -]\t/m.test(result))
      throw new OperationError(`git push to ${remote} failed: ${firstError(result)}`);
  }

  private repo(args: string[], options: GitRunOptions = {}): Promise<string> {
    return this.runner.text(['--git-dir', join(this.dir, 'repo.git'), ...args], options, args[0]);
  }

  private async repoBuffer(args: string[], input: string): Promise<Buffer> {
    const gitDir = ['--git-dir', join(this.dir, 'repo.git')];
    return (await this.runner.run([...gitDir, ...args], { input }, args[0])).stdout;
  }
}
