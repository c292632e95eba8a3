// Serves bare repositories over git's smart HTTP protocol by running `git http-backend` as a CGI
// program, so `git clone` and `git push` in tests talk to real git on the other side.
// https://git-scm.com/docs/git-http-backend
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GitRunner } from './git-runner.js';

/** Where the repositories live and which token, if any, a client must present. */
export interface GitHttpOptions {
  /** Folder holding `<owner>/<name>.git` bare repositories. */
  root: string;
  /** When set, requests must authenticate with it (Basic with any user, or Bearer). */
  token?: string;
  git: GitRunner;
}

// Only `<owner>/<name>.git` followed by a git protocol path; no `..`, no absolute escapes.
const repositoryPath = /^\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\.git(\/[A-Za-z0-9_./-]*)?$/;

/**
 * Answers one smart-HTTP request. `pathInfo` is the request path below the mount point, e.g.
 * `/acme/envs.git/info/refs`.
 */
export function serveGitHttp(
  request: IncomingMessage,
  response: ServerResponse,
  pathInfo: string,
  query: string,
  options: GitHttpOptions,
): void {
  if (options.token !== undefined && !isAuthorized(request, options.token)) {
    // git sends credentials from the URL only after a challenge, as curl does.
    response.writeHead(401, {
      'www-authenticate': 'Basic realm="ferry test forge"',
      'content-type': 'text/plain',
    });
    response.end('Authentication required\n');
    return;
  }
  if (!repositoryPath.test(pathInfo) || pathInfo.split('/').some((part) => part === '..')) {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('Not found\n');
    return;
  }
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(', ') : (value ?? '');
  };
  const env = options.git.baseEnv({
    GIT_PROJECT_ROOT: options.root,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: pathInfo,
    QUERY_STRING: query,
    REQUEST_METHOD: request.method ?? 'GET',
    CONTENT_TYPE: header('content-type'),
    REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
    REMOTE_USER: 'x-access-token',
    // Pushes are refused unless receive-pack is enabled explicitly.
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'http.receivepack',
    GIT_CONFIG_VALUE_0: 'true',
    // Passed through so gzip-compressed bodies and protocol v2 work as with a real server.
    HTTP_CONTENT_ENCODING: header('content-encoding'),
    GIT_PROTOCOL: header('git-protocol'),
  });
  const contentLength = header('content-length');
  if (contentLength !== '') env.CONTENT_LENGTH = contentLength;

  const child = options.git.spawn(['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.once('error', (error) => {
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
    response.end(`git http-backend failed to start: ${error.message}`);
  });
  // git may stop reading early (e.g. on a bad request); its exit status tells what happened.
  child.stdin?.on('error', () => undefined);
  request.pipe(child.stdin!);
  const stderr: Buffer[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));

  let head = Buffer.alloc(0);
  let headersSent = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const parsed = parseCgiHead(head);
    if (!parsed) return;
    headersSent = true;
    response.writeHead(parsed.status, parsed.headers);
    if (parsed.rest.length > 0) response.write(parsed.rest);
  });
  child.once('close', (code) => {
    if (response.writableEnded) return;
    if (!headersSent) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(
        `git http-backend exited with ${String(code)}: ${Buffer.concat(stderr).toString()}`,
      );
      return;
    }
    response.end();
  });
}

function isAuthorized(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer' || scheme?.toLowerCase() === 'token') {
    return value === token;
  }
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    // GitHub takes the token as the password with any user name, e.g. `x-access-token:TOKEN`.
    return decoded.slice(decoded.indexOf(':') + 1) === token;
  }
  return false;
}

/** Splits CGI output into status, headers and the start of the body once the head is complete. */
function parseCgiHead(
  buffer: Buffer,
): { status: number; headers: Record<string, string>; rest: Buffer } | undefined {
  const text = buffer.toString('latin1');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  const useCrlf = crlf !== -1 && (lf === -1 || crlf < lf);
  const end = useCrlf ? crlf : lf;
  if (end === -1) return undefined;
  const headers: Record<string, string> = {};
  let status = 200;
  for (const line of text.slice(0, end).split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'status') status = Number.parseInt(value, 10) || 500;
    else headers[name] = value;
  }
  return { status, headers, rest: buffer.subarray(end + (useCrlf ? 4 : 2)) };
}

/** A smart-HTTP server for the bare repositories under one folder, with no forge around it. */
export interface GitHttpServer {
  /** `http://127.0.0.1:<port>/git/<name>`: the URL of `<root>/<name>` (`owner/repo.git`). */
  url(name: string): string;
  close(): Promise<void>;
}

/** Serves `root`'s `<owner>/<name>.git` repositories on a free loopback port, without auth. */
export async function startGitHttpServer(root: string): Promise<GitHttpServer> {
  const git = new GitRunner();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!url.pathname.startsWith('/git/')) {
      response.writeHead(404).end();
      return;
    }
    const pathInfo = decodeURIComponent(url.pathname.slice('/git'.length));
    serveGitHttp(request, response, pathInfo, url.search.slice(1), { root, git });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://127.0.0.1:${port}/git/${name}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await git.close();
    },
  };
}
