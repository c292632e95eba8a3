import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runFerry } from '../helpers/cli.js';

// Bad input to `ferry plan` is refused with one line and exit code 2, before any cluster is read
// (the kubeconfig below does not exist: reaching the cluster would fail differently).
describe('ferry plan: bad input', () => {
  const base = ['plan', '-d', 'examples/guestbook', '-i', 'app', '--kubeconfig', '/nonexistent'];

  it('--comment without a pull request to post on', async () => {
    const saved = process.env.GITHUB_EVENT_PATH;
    delete process.env.GITHUB_EVENT_PATH;
    try {
      const run = await runFerry([...base, '--comment']);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, 'error: --comment needs --pull-request or a pull_request event\n');
    } finally {
      if (saved !== undefined) process.env.GITHUB_EVENT_PATH = saved;
    }
  });

  it('a pull request number that is not one', async () => {
    const run = await runFerry([...base, '--comment', '--pull-request', '12abc']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: --pull-request: "12abc" is not a positive whole number\n$/);
  });

  it('a cluster name that could not be a status context', async () => {
    const run = await runFerry([...base, '--cluster', 'a\nb']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: --cluster: "a\\nb" is not a valid cluster name/);
  });

  it('an output format it does not know', async () => {
    const run = await runFerry([...base, '--output', 'yaml']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^error: --output: "yaml" is not one of text, json, markdown\n$/);
  });
});
