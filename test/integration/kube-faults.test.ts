import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import yaml from 'js-yaml';
import { KubeClient } from '../../src/adapters/kube/client.js';
import { watchUntil } from '../../src/adapters/kube/watch.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { runFerry } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { unrecordedMembers } from '../helpers/inventory.js';
import { kubectl, needsCluster, testNamespace } from '../helpers/kube.js';
import { deployment } from '../helpers/workloads.js';

/** A folder of manifests for one apply. */
async function manifests(objects: KubeObject[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-faults-'));
  await writeFile(join(dir, 'set.yaml'), objects.map((o) => yaml.dump(o)).join('---\n'));
  return dir;
}

const configMap = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data: { key: name },
});
const secret = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name },
  stringData: { key: name },
});

describe('apply and drift through a faulty network to the real API server', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  const dirs: string[] = [];
  const dirOf = async (objects: KubeObject[]): Promise<string> => {
    const dir = await manifests(objects);
    dirs.push(dir);
    return dir;
  };
  before(async () => {
    ns = await testNamespace('ferry-faults');
  });
  after(async () => {
    await ns.remove();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  const ferry = (
    command: string,
    kubeconfig: string,
    dir: string,
    inventory: string,
    ...more: string[]
  ) =>
    runFerry([
      command,
      // Its sets hold plaintext test Secrets (issue 19, item 10: allowed per set).
      '--allow-plaintext-secrets',
      '--kubeconfig',
      kubeconfig,
      '-d',
      dir,
      '-i',
      inventory,
      '-n',
      ns.name,
      ...more,
    ]);

  for (const command of ['apply', 'drift']) {
    it(`${command} fails within --request-timeout, naming the server, when it never answers`, async (t) => {
      const proxy = await startFaultProxy(t);
      proxy.inject({ path: /./, fault: { kind: 'stall' }, times: Infinity });
      const started = Date.now();
      const dir = await dirOf([configMap('never')]);
      const result = await ferry(
        command,
        proxy.kubeconfig,
        dir,
        'stalled',
        '--request-timeout',
        '2s',
      );
      const seconds = (Date.now() - started) / 1000;
      assert.equal(result.code, 1, result.stderr);
      assert.match(
        result.stderr,
        new RegExp(
          `no answer from the API server at ${proxy.url} to GET /\\S+ within 2s \\(request-timeout\\)`,
        ),
      );
      assert.ok(seconds < 6, `took ${seconds}s`);
    });
  }

  it('apply and drift succeed through 429, 503, drops and resets, logging each retry', async (t) => {
    const proxy = await startFaultProxy(t);
    const dir = await dirOf([configMap('flaky-a'), secret('flaky-b')]);
    proxy.inject({
      path: /^\/apis\?|^\/apis$/,
      fault: { kind: 'status', status: 503, retryAfter: '1' },
    });
    proxy.inject({
      method: 'GET',
      path: /\/configmaps/,
      fault: { kind: 'status', status: 429, retryAfter: '0' },
      times: 2,
    });
    proxy.inject({
      method: 'PATCH',
      path: /\/secrets\/flaky-b\?.*dryRun/,
      fault: { kind: 'drop' },
    });
    proxy.inject({
      method: 'PATCH',
      path: /\/configmaps\/flaky-a\?/,
      fault: { kind: 'reset-mid-body' },
    });
    const applied = await ferry('apply', proxy.kubeconfig, dir, 'flaky', '--request-timeout', '5s');
    assert.equal(applied.code, 0, applied.stderr);
    const retries = applied.stderr.split('\n').filter((l) => l.startsWith('retrying '));
    assert.equal(retries.length, 5, applied.stderr);
    assert.match(
      applied.stderr,
      /retrying GET \/apis in 1(\.\d)?s \(attempt 2 of 5\): HTTP 503 from http:\/\/127\.0\.0\.1:\d+/,
    );
    assert.match(
      applied.stderr,
      /retrying PATCH \/api\/v1\/namespaces\/\S+\/secrets\/flaky-b in \S+ \(attempt 2 of 5\): cannot reach the API server/,
    );
    assert.deepEqual(await unrecordedMembers(ns.name, 'flaky'), []);

    proxy.inject({ method: 'GET', path: /\/secrets/, fault: { kind: 'reset-mid-body' } });
    const checked = await ferry('drift', proxy.kubeconfig, dir, 'flaky', '--fail-on-drift');
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    assert.match(checked.stderr, /retrying GET \/api\/v1\/namespaces\/\S+\/secrets /);
  });

  it('never retries a create: the inventory POST answered 503 fails the run once', async (t) => {
    const proxy = await startFaultProxy(t);
    proxy.inject({
      method: 'POST',
      path: /\/configmaps/,
      fault: { kind: 'status', status: 503 },
      times: Infinity,
    });
    const dir = await dirOf([configMap('lonely')]);
    const result = await ferry('apply', proxy.kubeconfig, dir, 'no-create');
    assert.equal(result.code, 1);
    assert.match(result.stderr, /inventory \S+\/no-create: injected fault/);
    const creates = proxy.requests.filter(
      (r) => r.method === 'POST' && /\/configmaps/.test(r.path),
    );
    assert.equal(creates.length, 1);
    assert.doesNotMatch(result.stderr, /retrying POST/);
    const live = await kubectl([
      '-n',
      ns.name,
      'get',
      'configmap',
      'lonely',
      '--ignore-not-found',
      '-o',
      'name',
    ]);
    assert.equal(live.stdout.trim(), '', 'nothing was labelled before the inventory recorded it');
  });

  it('a stall on the inventory write fails the apply in time and labels nothing unrecorded', async (t) => {
    const proxy = await startFaultProxy(t);
    const first = await ferry(
      'apply',
      proxy.kubeconfig,
      await dirOf([configMap('kept')]),
      'stall-parent',
    );
    assert.equal(first.code, 0, first.stderr);
    proxy.inject({
      method: 'PATCH',
      path: /\/configmaps\/stall-parent\?/,
      fault: { kind: 'stall' },
      times: Infinity,
    });
    const dir = await dirOf([configMap('kept'), secret('new-kind')]);
    const started = Date.now();
    const result = await ferry(
      'apply',
      proxy.kubeconfig,
      dir,
      'stall-parent',
      '--request-timeout',
      '2s',
    );
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stderr,
      /no answer from the API server at http:\/\/127\.0\.0\.1:\d+ to PATCH \S+\/configmaps\/stall-parent within 2s/,
    );
    assert.ok(Date.now() - started < 6_000);
    const secretLive = await kubectl([
      '-n',
      ns.name,
      'get',
      'secret',
      'new-kind',
      '--ignore-not-found',
      '-o',
      'name',
    ]);
    assert.equal(secretLive.stdout.trim(), '');
    assert.deepEqual(await unrecordedMembers(ns.name, 'stall-parent'), []);
  });

  it('apply --wait whose watches keep stalling stops at --timeout, saying so', async (t) => {
    const proxy = await startFaultProxy(t);
    proxy.inject({ method: 'GET', path: /watch=true/, fault: { kind: 'stall' }, times: Infinity });
    // Never schedulable: the rollout cannot complete, however often its state is read.
    const unready = deployment('unwatched', 'registry.example/unwatched:1', {
      nodeSelector: { 'ferry.dev/no-such-node': 'x' },
    });
    const dir = await dirOf([unready]);
    const started = Date.now();
    const result = await ferry(
      'apply',
      proxy.kubeconfig,
      dir,
      'unwatched',
      '--wait',
      '--timeout',
      '5s',
      '--request-timeout',
      '1s',
    );
    const seconds = (Date.now() - started) / 1000;
    assert.equal(result.code, 1, result.stderr);
    assert.match(
      result.stdout + result.stderr,
      /timed out after 5s: .*watch interrupted: watch \S+ on the API server at http:\/\/127\.0\.0\.1:\d+ delivered nothing, not even a bookmark, for 2s/,
    );
    assert.match(result.stderr, /watching again/);
    assert.ok(seconds < 10, `took ${seconds}s`);
  });

  it('apply --wait whose watches keep stalling succeeds once the rollout is complete', async (t) => {
    const proxy = await startFaultProxy(t);
    proxy.inject({ method: 'GET', path: /watch=true/, fault: { kind: 'stall' }, times: Infinity });
    const dir = await dirOf([deployment('finished', 'registry.example/finished:1')]);
    const result = await ferry(
      'apply',
      proxy.kubeconfig,
      dir,
      'finished',
      '--wait',
      '--timeout',
      '40s',
      '--request-timeout',
      '1s',
    );
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(
      result.stderr,
      /Deployment \S+\/finished: watch .* delivered nothing.*; watching again/,
    );
    assert.match(result.stderr, /Deployment \S+\/finished: 1 replicas available/);
    const watches = proxy.requests.filter((r) => r.path.includes('watch=true'));
    assert.ok(
      watches.every((r) => r.fault === 'stall'),
      'no watch ever answered',
    );
  });

  it('a stalled watch is reopened and still sees the object', async (t) => {
    const proxy = await startFaultProxy(t);
    await kubectl(['-n', ns.name, 'create', 'configmap', 'watched']);
    proxy.inject({ method: 'GET', path: /watch=true/, fault: { kind: 'stall' } });
    const client = KubeClient.connect({ kubeconfig: proxy.kubeconfig, requestTimeoutMs: 1000 });
    t.after(() => client.close());
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 10_000);
    const interruptions: string[] = [];
    let seen = false;
    await watchUntil(
      client,
      `/api/v1/namespaces/${ns.name}/configmaps`,
      { fieldSelector: 'metadata.name=watched' },
      (type) => {
        if (type === 'ADDED') {
          seen = true;
          controller.abort();
        }
      },
      controller.signal,
      (reason) => interruptions.push(reason),
    );
    clearTimeout(timer);
    assert.equal(seen, true);
    assert.equal(interruptions.length, 1);
    assert.match(
      interruptions[0]!,
      new RegExp(
        `on the API server at ${proxy.url} delivered nothing, not even a bookmark, for 2s`,
      ),
    );
  });
});
