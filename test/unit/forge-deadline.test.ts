import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { forgeError } from '../../src/adapters/forge/github.js';
import { GitLabClient } from '../../src/adapters/forge/gitlab.js';
import { githubClient } from '../../src/adapters/forge/octokit.js';
import type { Logger } from '../../src/adapters/logger.js';
import { startForgeHarness } from '../forge/harness.js';

/** A forge that accepts every connection and never answers (a hung proxy, a frozen server). */
describe('forge requests have a deadline', () => {
  let server: Server;
  let origin: string;
  let requests = 0;
  before(async () => {
    server = createServer(() => {
      requests++; // never answered
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('GitHub: a request with no answer fails in time, naming the server', async () => {
    const octokit = githubClient({ token: 'ghp_x', apiUrl: origin, timeoutMs: 300 });
    const started = Date.now();
    const error = await octokit.rest.repos
      .get({ owner: 'acme', repo: 'environments', request: { retries: 0 } })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(Date.now() - started < 5_000, 'gave up within the deadline');
    assert.match(
      forgeError(error, 'reading acme/environments').message,
      new RegExp(`cannot reach GitHub at ${origin.replace(/\./g, '\\.')}: no answer within 0\\.3s`),
    );
  });

  it('GitHub: a request that timed out is not retried, so the deadline is what the run waits', async () => {
    const lines: string[] = [];
    const log: Logger = {
      info: () => {},
      warning: (line) => void lines.push(line),
      group: (_title, work) => work(),
    };
    const octokit = githubClient({ token: 'ghp_x', apiUrl: origin, timeoutMs: 300, log });
    const before = requests;
    const started = Date.now();
    await assert.rejects(octokit.rest.repos.get({ owner: 'acme', repo: 'environments' }));
    assert.ok(Date.now() - started < 1_500, `took ${Date.now() - started} ms`);
    assert.equal(requests, before + 1, 'one attempt');
    assert.deepEqual(lines, []);
  });

  it('GitLab: a request with no answer fails in time, naming the server', async () => {
    const client = new GitLabClient({
      token: 'glpat-x',
      apiUrl: `${origin}/api/v4`,
      retries: 0,
      timeoutMs: 300,
    });
    const before = requests;
    const started = Date.now();
    await assert.rejects(
      client.request('GET', '/projects/acme%2Fenvironments'),
      new RegExp(`cannot reach GitLab at ${origin.replace(/\./g, '\\.')}: no answer within 0\\.3s`),
    );
    assert.ok(Date.now() - started < 5_000, 'gave up within the deadline');
    assert.equal(requests, before + 1);
  });
});

describe('GitHub retries', () => {
  it('logs each retry of a 502, with what failed', async (t) => {
    const h = await startForgeHarness(t);
    await h.server.createRepo('acme/envs');
    const lines: string[] = [];
    const log: Logger = {
      info: () => {},
      warning: (line) => void lines.push(line),
      group: (_title, work) => work(),
    };
    const octokit = githubClient({ token: h.server.token, apiUrl: h.server.apiUrl, log });
    // Two, not three: plugin-retry waits 1 s, then 4 s (then 9 s).
    h.server.failNextRequests(2, 'server-error');
    const { data } = await octokit.rest.repos.get({ owner: 'acme', repo: 'envs' });
    assert.equal(data.full_name, 'acme/envs');
    assert.deepEqual(
      lines.map((line) => line.replace(h.server.apiUrl, 'API')),
      [1, 2].map(
        (n) =>
          `retrying GET API/repos/acme/envs (retry ${n} of 3) after HTTP 502: Server Error - https://docs.github.com/rest`,
      ),
    );
  });
});
