import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { forgeError } from '../../src/adapters/forge/github.js';
import { GitLabClient } from '../../src/adapters/forge/gitlab.js';
import { githubClient } from '../../src/adapters/forge/octokit.js';

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
