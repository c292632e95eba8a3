// A local, stateful stand-in for a GitLab instance's REST v4 API (the endpoints ferry uses) with
// real bare repositories served over git's smart HTTP protocol under /git/. Every request is
// checked against hand-written schemas from GitLab's API docs (gitlab-schemas.ts).
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveGitHttp } from './git-http.js';
import { compareAndSwapRef, initBareRepository, writeCommit, ZERO_OID } from './git-plumbing.js';
import { GitRunner } from './git-runner.js';
import * as api from './gitlab-api.js';
import { checkRequest } from './gitlab-schemas.js';
import type { RecordedRequest } from './github-server.js';

export type { GitLabProjectState } from './gitlab-api.js';

/** A running fake GitLab. */
export interface GitLabServer {
  /** e.g. `http://127.0.0.1:40123/api/v4`: pass as --api-url. */
  apiUrl: string;
  token: string;
  /** Clone URL of `group/project` with the token as `oauth2`'s password. */
  gitUrl(path: string): string;
  createProject(path: string, files?: Record<string, string>): Promise<api.GitLabProjectState>;
  project(path: string): api.GitLabProjectState | undefined;
  /** Requests that broke GitLab's documented contract; a passing test expects none. */
  violations: string[];
  requests: RecordedRequest[];
  /** Makes the next `count` API requests answer 429 with Retry-After. */
  failNextRequests(count: number, retryAfterSeconds: number): void;
  /** Runs `hook` before each authorized API request is answered (undefined: none). */
  beforeApiRequest(hook: ((method: string, path: string) => Promise<void>) | undefined): void;
  close(): Promise<void>;
}

/** Starts a fake GitLab on a free loopback port, with its bare repositories under `root`. */
export async function startGitLabServer(options: { root: string }): Promise<GitLabServer> {
  await mkdir(options.root, { recursive: true });
  const token = `glpat-${randomBytes(12).toString('hex')}`;
  const git = new GitRunner();
  const projects = new Map<string, api.GitLabProjectState>();
  const violations: string[] = [];
  const requests: RecordedRequest[] = [];
  const links: api.Links = { web: '' };
  const faults = { count: 0, retryAfter: 0 };
  let hook: ((method: string, path: string) => Promise<void>) | undefined;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.once('finish', () =>
      requests.push({
        method: request.method ?? 'GET',
        path: url.pathname,
        status: response.statusCode,
      }),
    );
    if (url.pathname.startsWith('/git/')) {
      serveGitHttp(
        request,
        response,
        decodeURIComponent(url.pathname.slice(4)),
        url.search.slice(1),
        {
          root: options.root,
          token,
          git,
        },
      );
      return;
    }
    void answer(request, response, url);
  });

  async function answer(request: IncomingMessage, response: ServerResponse, url: URL) {
    const send = ({ status, body }: api.Answer, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      if (faults.count > 0) {
        faults.count--;
        send(
          { status: 429, body: { message: 'Retry later' } },
          { 'retry-after': String(faults.retryAfter) },
        );
        return;
      }
      const presented =
        request.headers['private-token'] ??
        request.headers['job-token'] ??
        /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (presented !== token) return send({ status: 401, body: { message: '401 Unauthorized' } });
      await hook?.(request.method ?? 'GET', url.pathname);
      let body: unknown;
      if (raw !== '') {
        if (!/^application\/json/.test(request.headers['content-type'] ?? ''))
          violations.push(`${request.method} ${url.pathname}: body without a JSON content type`);
        body = JSON.parse(raw);
      }
      const answer = await route(request.method ?? 'GET', url, body);
      send(answer, answer.headers);
    } catch (error) {
      violations.push(`${request.method} ${url.pathname}: server error: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  }

  /** Matches `/api/v4/projects/<encoded path>/...`; the id must be URL-encoded, as GitLab needs. */
  async function route(method: string, url: URL, body: unknown): Promise<api.Answer> {
    const parts = url.pathname.split('/').slice(1);
    if (parts[0] !== 'api' || parts[1] !== 'v4' || parts[2] !== 'projects' || !parts[3])
      return { status: 404, body: { error: '404 Not Found' } };
    const project = projects.get(decodeURIComponent(parts[3]));
    if (!project) return { status: 404, body: { message: '404 Project Not Found' } };
    const rest = parts.slice(4).map(decodeURIComponent);
    const shape = rest.map((part, index) => {
      const before = rest[index - 1];
      if (before === 'branches') return ':branch';
      if (before === 'statuses' || (before === 'commits' && index === rest.length - 2))
        return ':sha';
      if ((before === 'merge_requests' || before === 'issues') && /^\d+$/.test(part)) return ':iid';
      if (before === 'notes' && /^\d+$/.test(part)) return ':note_id';
      return part;
    });
    const routeName = `${method} /projects/:id${shape.length ? `/${shape.join('/')}` : ''}`;
    const query = Object.fromEntries(url.searchParams);
    for (const problem of checkRequest(routeName, query, body)) violations.push(problem);
    const param = (name: string) => rest[shape.indexOf(name)]!;
    const b = body as never;
    const mrOf = (iid: string) => project.mergeRequests.find((mr) => mr.iid === Number(iid));
    const issueOf = (iid: string) => project.issues.find((issue) => issue.iid === Number(iid));
    const notFound = (what: string) => ({
      status: 404,
      body: { message: `404 ${what} Not Found` },
    });
    switch (routeName) {
      case 'GET /projects/:id':
        return api.getProject(project, links);
      case 'GET /projects/:id/merge_requests': {
        const found = project.mergeRequests.filter(
          (mr) =>
            (!query.state || query.state === 'all' || mr.state === query.state) &&
            (!query.source_branch || mr.source_branch === query.source_branch) &&
            (!query.target_branch || mr.target_branch === query.target_branch),
        );
        const list = await Promise.all(
          found.reverse().map((mr) => api.mergeRequestJson(project, mr, links)),
        );
        return { status: 200, body: list };
      }
      case 'POST /projects/:id/merge_requests':
        return api.createMergeRequest(project, b, links);
      case 'PUT /projects/:id/merge_requests/:iid': {
        const mr = mrOf(param(':iid'));
        return mr ? api.updateMergeRequest(project, mr, b, links) : notFound('Merge Request');
      }
      case 'PUT /projects/:id/merge_requests/:iid/merge': {
        const mr = mrOf(param(':iid'));
        if (!mr) return notFound('Merge Request');
        if (mr.state !== 'opened')
          return { status: 405, body: { message: '405 Method Not Allowed' } };
        mr.merge_when_pipeline_succeeds =
          (body as { merge_when_pipeline_succeeds?: boolean })?.merge_when_pipeline_succeeds ??
          false;
        return { status: 200, body: await api.mergeRequestJson(project, mr, links) };
      }
      case 'GET /projects/:id/merge_requests/:iid/notes': {
        const mr = mrOf(param(':iid'));
        if (!mr) return notFound('Merge Request');
        const notes = project.notes.filter((n) => n.mergeRequestIid === mr.iid);
        if (query.sort !== 'asc') notes.reverse();
        return { status: 200, body: notes.map((n) => api.noteJson(project, n)) };
      }
      case 'POST /projects/:id/merge_requests/:iid/notes': {
        const mr = mrOf(param(':iid'));
        if (!mr) return notFound('Merge Request');
        return { status: 201, body: api.noteJson(project, api.newNote(project, mr.iid, b)) };
      }
      case 'PUT /projects/:id/merge_requests/:iid/notes/:note_id': {
        const mr = mrOf(param(':iid'));
        const note = project.notes.find(
          (n) => n.id === Number(param(':note_id')) && n.mergeRequestIid === mr?.iid,
        );
        if (!note) return notFound('Note');
        note.body = (body as { body: string }).body;
        note.updated_at = new Date().toISOString();
        return { status: 200, body: api.noteJson(project, note) };
      }
      case 'POST /projects/:id/statuses/:sha': {
        const sha = param(':sha');
        const exists = await git.run(
          ['--git-dir', project.gitDir, 'cat-file', '-e', `${sha}^{commit}`],
          { okExitCodes: [1, 128] },
        );
        if (exists.exitCode !== 0) return notFound('Commit');
        const { ref } = body as { ref?: string };
        const pipelineRef =
          ref ?? api.latestPipelineRef(project, sha) ?? (await branchHolding(project, sha));
        const status = api.addStatus(project, sha, pipelineRef, b);
        return { status: 201, body: api.statusJson(status) };
      }
      case 'GET /projects/:id/repository/commits/:sha/statuses':
        return api.listStatuses(project, param(':sha'), query);
      case 'GET /projects/:id/issues': {
        const labels = (query.labels ?? '').split(',').filter(Boolean);
        const found = project.issues.filter(
          (issue) =>
            (!query.state || query.state === 'all' || issue.state === query.state) &&
            labels.every((label) => issue.labels.includes(label)),
        );
        return {
          status: 200,
          body: found.reverse().map((issue) => api.issueJson(project, issue, links)),
        };
      }
      case 'POST /projects/:id/issues':
        return { status: 201, body: api.issueJson(project, api.newIssue(project, b), links) };
      case 'PUT /projects/:id/issues/:iid': {
        const issue = issueOf(param(':iid'));
        if (!issue) return notFound('Issue');
        api.changeIssue(issue, b);
        return { status: 200, body: api.issueJson(project, issue, links) };
      }
      default:
        violations.push(`${routeName}: not an endpoint ferry should call`);
        return { status: 404, body: { error: '404 Not Found' } };
    }
  }

  /** The first branch (by name) whose history holds `sha`, or null. */
  async function branchHolding(project: api.GitLabProjectState, sha: string) {
    const { stdout } = await git.run([
      '--git-dir',
      project.gitDir,
      'for-each-ref',
      '--contains',
      sha,
      '--format=%(refname:short)',
      'refs/heads',
    ]);
    return stdout.split('\n').find(Boolean) ?? null;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  links.web = `http://127.0.0.1:${port}`;

  return {
    apiUrl: `${links.web}/api/v4`,
    token,
    gitUrl: (path) => `http://oauth2:${token}@127.0.0.1:${port}/git/${path}.git`,
    async createProject(path, files) {
      if (projects.has(path)) throw new Error(`${path} already exists`);
      const project: api.GitLabProjectState = {
        id: projects.size + 1,
        path,
        defaultBranch: 'main',
        git,
        gitDir: join(options.root, `${path}.git`),
        mergeRequests: [],
        issues: [],
        statuses: [],
        notes: [],
      };
      await mkdir(project.gitDir, { recursive: true });
      await initBareRepository(project, 'main');
      if (files) {
        const fixture = { name: 'Ferry Fixture', email: 'fixture@ferry.test' };
        const sha = await writeCommit(project, {
          parent: undefined,
          changes: {
            additions: Object.entries(files).map(([p, text]) => ({
              path: p,
              contents: Buffer.from(text),
            })),
          },
          message: 'Initial commit\n',
          author: fixture,
          committer: fixture,
        });
        await compareAndSwapRef(project, 'refs/heads/main', sha, ZERO_OID);
      }
      projects.set(path, project);
      return project;
    },
    project: (path) => projects.get(path),
    violations,
    requests,
    failNextRequests(count, retryAfterSeconds) {
      faults.count += count;
      faults.retryAfter = retryAfterSeconds;
    },
    beforeApiRequest(next) {
      hook = next;
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await git.close();
    },
  };
}
