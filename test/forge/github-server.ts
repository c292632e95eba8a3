// A local, stateful stand-in for github.com for ferry's tests: REST and GraphQL on one port,
// checked against GitHub's OpenAPI description, with real bare repositories served over git's
// smart HTTP protocol under /git/. api.github.com is not reachable from the test machines.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveGitHttp } from './git-http.js';
import { compareAndSwapRef, initBareRepository, writeCommit, ZERO_OID } from './git-plumbing.js';
import { GitRunner } from './git-runner.js';
import { GitHubApi, type FaultKind, type FaultOptions } from './github-api.js';
import { ForgeState } from './github-state.js';
import { loadGitHubOpenApi } from './openapi-validator.js';

export type { FaultKind, FaultOptions } from './github-api.js';

/** Where the server keeps repositories and which token it accepts. */
export interface GitHubServerOptions {
  /** Folder for the bare repositories (`<root>/<owner>/<name>.git`); created if missing. */
  root: string;
  /** The token clients must send; a random `ghs_` token when omitted. */
  token?: string;
}

/** One request the server answered. */
export interface RecordedRequest {
  method: string;
  path: string;
  status: number;
}

/** Initial content of a repository made with {@link GitHubServer.createRepo}. */
export interface CreateRepoOptions {
  /** Default `main`. */
  defaultBranch?: string;
  /** Path to UTF-8 content, committed as the first commit of the default branch. */
  files?: Record<string, string>;
}

/** A running fake GitHub. */
export interface GitHubServer {
  /** REST base URL, e.g. `http://127.0.0.1:40123`; pass as Octokit's `baseUrl`. */
  apiUrl: string;
  /** `${apiUrl}/graphql`. */
  graphqlUrl: string;
  token: string;
  /** Clone URL of `owner/name` with the token embedded as `x-access-token`, like GitHub's. */
  gitUrl(ownerRepo: string): string;
  /**
   * A new token like a workflow's GITHUB_TOKEN: its REST calls reach `ownerRepo` only (another
   * repository answers 404); it is not accepted for git over HTTP.
   */
  workflowToken(ownerRepo: string): string;
  /** Creates a bare repository, optionally with a first commit holding `files`. */
  createRepo(ownerRepo: string, options?: CreateRepoOptions): Promise<void>;
  /** Requests or responses that broke GitHub's contract; a passing test expects none. */
  violations: string[];
  requests: RecordedRequest[];
  /** Issues, pull requests, labels and statuses, for assertions and setup. */
  state: ForgeState;
  /** Makes the next `count` API requests fail with a rate limit (403/429) or a 502. */
  failNextRequests(count: number, kind: FaultKind, options?: FaultOptions): void;
  /** How long loading the OpenAPI description took in this process (shared by all servers). */
  openApiLoadMs: number;
  /** Stops the server and every git process it started. */
  close(): Promise<void>;
}

const repoName = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/;

/** Starts a fake GitHub on a free loopback port. */
export async function startGitHubServer(options: GitHubServerOptions): Promise<GitHubServer> {
  const openApi = await loadGitHubOpenApi();
  await mkdir(options.root, { recursive: true });
  const token = options.token ?? `ghs_${randomBytes(18).toString('hex')}`;
  const git = new GitRunner();
  const state = new ForgeState(options.root, git);
  const violations: string[] = [];
  const requests: RecordedRequest[] = [];
  // The port, and so every URL in a response, is known only once the server listens.
  const links = { api: '' };
  const api = new GitHubApi(state, links, openApi, token, violations);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.once('finish', () => {
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        status: response.statusCode,
      });
    });
    if (url.pathname.startsWith('/git/')) {
      const pathInfo = safeDecode(url.pathname.slice('/git'.length));
      serveGitHttp(request, response, pathInfo, url.search.replace(/^\?/, ''), {
        root: options.root,
        token,
        git,
      });
      return;
    }
    void answerApi(request, response, url);
  });

  async function answerApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      await api.handle(request, response, url, Buffer.concat(chunks));
    } catch (error) {
      violations.push(`${request.method} ${url.pathname}: server error: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const apiUrl = `http://127.0.0.1:${port}`;
  links.api = apiUrl;

  return {
    apiUrl,
    graphqlUrl: `${apiUrl}/graphql`,
    token,
    gitUrl: (ownerRepo) => `http://x-access-token:${token}@127.0.0.1:${port}/git/${ownerRepo}.git`,
    workflowToken(ownerRepo) {
      const scoped = `ghs_${randomBytes(18).toString('hex')}`;
      api.addScopedToken(scoped, ownerRepo);
      return scoped;
    },
    async createRepo(ownerRepo, repoOptions = {}) {
      const [, owner, name] = repoName.exec(ownerRepo) ?? [];
      if (!owner || !name) throw new Error(`"${ownerRepo}" is not owner/name`);
      if (state.repo(owner, name)) throw new Error(`${ownerRepo} already exists`);
      const defaultBranch = repoOptions.defaultBranch ?? 'main';
      const repo = state.addRepo(owner, name, defaultBranch);
      await mkdir(repo.gitDir, { recursive: true });
      await initBareRepository(repo, defaultBranch);
      if (repoOptions.files) {
        const fixture = { name: 'Ferry Fixture', email: 'fixture@ferry.test' };
        const sha = await writeCommit(repo, {
          parent: undefined,
          changes: {
            additions: Object.entries(repoOptions.files).map(([path, text]) => ({
              path,
              contents: Buffer.from(text, 'utf8'),
            })),
          },
          message: 'Initial commit\n',
          author: fixture,
          committer: fixture,
        });
        await compareAndSwapRef(repo, `refs/heads/${defaultBranch}`, sha, ZERO_OID);
      }
    },
    violations,
    requests,
    state,
    failNextRequests: (count, kind, faultOptions) => api.failNext(count, kind, faultOptions),
    openApiLoadMs: openApi.loadMs,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive sockets would otherwise hold close() open for seconds.
      server.closeAllConnections();
      await closed;
      await git.close();
    },
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
