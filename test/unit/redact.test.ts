import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { sendWebhook } from '../../src/adapters/alerts/webhook.js';
import { forgeError } from '../../src/adapters/forge/github.js';
import { GitLabClient } from '../../src/adapters/forge/gitlab.js';
import { detectSource } from '../../src/adapters/ci-environment.js';
import { propose } from '../../src/commands/env-repo/propose/propose.js';
import { redact, redactWebhookUrl } from '../../src/core/redact.js';
import { runFerry } from '../helpers/cli.js';
import { localEnvRepo } from '../helpers/env-repo.js';
import { BRANCH, TEMPLATES, app, appConfig, bare, capture, show } from '../helpers/propose-app.js';
import { writeApp } from '../helpers/render.js';

// No credential is printed: user-info in any URL, webhook paths and known tokens are redacted
// by one function at every edge (CLI streams, action logger and failure path).

async function appWithRepo(t: TestContext, repo: string): Promise<string> {
  const config = await writeApp(TEMPLATES, appConfig(repo));
  t.after(() => rm(dirname(config), { recursive: true, force: true }));
  return config;
}

/** Sets an environment variable for the rest of the test. */
function setEnv(t: TestContext, name: string, value: string): void {
  const before = process.env[name];
  process.env[name] = value;
  t.after(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

describe('redaction', () => {
  it('removes the user-info of every URL, and each known secret as is and URL-encoded', () => {
    assert.equal(
      redact('reading https://x-access-token:ghp_abc123@github.com/acme/envs.git (main)'),
      'reading https://***@github.com/acme/envs.git (main)',
    );
    assert.equal(
      redact('a http://user@proxy:3128 and git+ssh://me:pw@host/x, not git@github.com:acme/x'),
      'a http://***@proxy:3128 and git+ssh://***@host/x, not git@github.com:acme/x',
    );
    assert.equal(
      redact('body: {"message":"bad token glpat-s3cr3t/+x"} sent glpat-s3cr3t%2F%2Bx', [
        'glpat-s3cr3t/+x',
      ]),
      'body: {"message":"bad token ***"} sent ***',
    );
    assert.equal(
      redact('a short one: abc', ['abc']),
      'a short one: abc',
      'too short to be a token',
    );
    assert.equal(
      redactWebhookUrl('https://hooks.slack.com/services/T0/B0/XYZ?token=1'),
      'https://hooks.slack.com/…',
    );
    assert.equal(redactWebhookUrl('not a url/SECRET'), '(invalid URL)');
  });

  it('never echoes a malformed webhook URL in its error', async () => {
    const url = 'https://hooks.example.com:99999/services/T0/B0/SECRETPATH';
    await assert.rejects(sendWebhook(url, {}), (error: Error) => {
      assert.doesNotMatch(error.message, /SECRETPATH/);
      assert.match(error.message, /^drift webhook \(invalid URL\): /);
      return true;
    });
  });

  it('keeps a token in a repo URL out of the "reading" line and the error', async (t) => {
    const config = await appWithRepo(
      t,
      'http://x-access-token:ghp_SECRETSECRET@127.0.0.1:1/envs.git',
    );
    const run = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--debug',
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /^reading http:\/\/\*\*\*@127\.0\.0\.1:1\/envs\.git \(main, /m);
    assert.doesNotMatch(`${run.stdout}${run.stderr}`, /ghp_SECRETSECRET|x-access-token/);
  });

  it('scrubs a token a server echoes in its error body', async (t) => {
    const token = 'ghp_echoedTOKEN0123456789';
    const server = createServer((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `Bad credentials: ${req.headers.authorization}` }));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    t.after(() => new Promise((done) => server.close(done)));
    const { port } = server.address() as { port: number };
    setEnv(t, 'FERRY_TEST_ECHO_TOKEN', token);
    const config = await appWithRepo(t, 'acme/envs');
    const run = await runFerry([
      'propose',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--token-env',
      'FERRY_TEST_ECHO_TOKEN',
      '--api-url',
      `http://127.0.0.1:${port}`,
    ]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /GitHub rejected the token \(401 Bad credentials: token \*\*\*\)/);
    assert.ok(!`${run.stdout}${run.stderr}`.includes(token));
  });
});

describe('a credential in the run URL', () => {
  const withCredential = 'https://deploy:RUNSECRET-0123456789@ci.example.com/run/1';
  const clean = 'https://ci.example.com/run/1';

  it('is left out of --out files, the committed annotation and the proposal', async (t) => {
    const { remote } = await localEnvRepo(t);
    const config = await app(t, remote, '    forge: git\n');
    const out = await mkdtemp(join(tmpdir(), 'ferry-run-url-'));
    t.after(() => rm(out, { recursive: true, force: true }));
    const rendered = await runFerry([
      'render',
      '-c',
      config,
      '-e',
      'staging',
      '-t',
      '1.0.0',
      '--run-url',
      withCredential,
      '--out',
      join(out, 'r'),
    ]);
    assert.equal(rendered.code, 0, rendered.stderr);
    const file = await readFile(join(out, 'r', 'deployment-demo.yaml'), 'utf8');
    assert.match(file, /ferry\.dev\/run-url: https:\/\/ci\.example\.com\/run\/1$/m);

    const result = await propose(
      { config, env: 'staging', imageTag: '1.0.0', source: { runUrl: withCredential } },
      capture().log,
      { env: {} },
    );
    const committed = [
      await show(remote, BRANCH, 'deployment-demo.yaml'),
      await bare(remote, 'log', '-1', '--format=%B', BRANCH),
    ].join('\n');
    assert.ok(committed.includes(`ferry.dev/run-url: ${clean}`), committed);
    for (const text of [committed, result.body, JSON.stringify(result)])
      assert.doesNotMatch(text, /RUNSECRET|deploy:/);
  });

  it('is left out of the run URL read from CI variables', () => {
    const github = detectSource({
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://user:RUNSECRET@ghe.example.com',
      GITHUB_REPOSITORY: 'acme/app',
      GITHUB_RUN_ID: '7',
    });
    assert.equal(github.runUrl, 'https://ghe.example.com/acme/app/actions/runs/7');
    const gitlab = detectSource({ GITLAB_CI: 'true', CI_JOB_URL: withCredential });
    assert.equal(gitlab.runUrl, clean);
  });
});

describe('an API server echoing the kubeconfig token', () => {
  it('has the token scrubbed from the error', async (t) => {
    const token = 'kube-token-echoed-0123456789';
    const server = createServer((req, res) => {
      res.writeHead(403, { 'content-type': 'text/plain' });
      res.end(`forbidden for ${req.headers.authorization}`);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    t.after(() => new Promise((done) => server.close(done)));
    const { port } = server.address() as { port: number };
    const dir = await mkdtemp(join(tmpdir(), 'ferry-redact-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: `http://127.0.0.1:${port}` } }],
        users: [{ name: 'u', user: { token } }],
        contexts: [{ name: 'c', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'c',
      }),
    );
    const run = await runFerry(['apply', '-d', dir, '-i', 'demo', '--kubeconfig', kubeconfig]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stderr, /HTTP 403: forbidden for Bearer \*\*\*/);
    assert.ok(!run.stderr.includes(token));
  });
});

describe('forge failures say what failed', () => {
  it('an unreachable GitHub API is named, with no invented HTTP status', () => {
    // What Octokit throws for a request that got no answer: status 500, no response.
    const noAnswer = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
      status: 500,
      request: { url: 'http://127.0.0.1:9/api/v3/repos/acme/envs' },
    });
    assert.equal(
      forgeError(noAnswer, 'reading acme/envs').message,
      'reading acme/envs: cannot reach GitHub at http://127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9',
    );
    const answered = Object.assign(new Error('boom'), {
      status: 500,
      request: { url: 'http://127.0.0.1:9/x' },
      response: { data: { message: 'Server Error' } },
    });
    assert.equal(
      forgeError(answered, 'reading acme/envs').message,
      'reading acme/envs failed (500): Server Error',
    );
  });

  it('an unreachable GitLab API is named, with no status', async (t) => {
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as { port: number };
    await new Promise((done) => server.close(done));
    t.diagnostic(`port ${port}`);
    const client = new GitLabClient({
      token: 'glpat-unused',
      apiUrl: `http://127.0.0.1:${port}/api/v4`,
    });
    await assert.rejects(client.request('GET', '/projects/1'), {
      name: 'OperationError',
      message: `cannot reach GitLab at http://127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    });
  });
});
