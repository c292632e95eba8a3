// Public charts and overlays through the whole loop on the real control plane (issue 22):
// rendered for two environments with a new tag, proposed (plain git), applied from the
// environment repo; once settled, drift is clean and a re-apply writes nothing on the wire; a
// newer tag changes, in plan, only the objects that use the image.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { PlanReport } from '../../src/core/plan.js';
import { wireWrites } from '../helpers/api-writes.js';
import { runFerry } from '../helpers/cli.js';
import { deployWithGit, localEnvRepo } from '../helpers/env-repo.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import {
  driftLines,
  ferryApply,
  ferryDrift,
  type DriftJson,
  type Target,
} from '../helpers/ferry-json.js';
import { kubectl, needsCluster, testKubeconfig } from '../helpers/kube.js';
import { FIXTURE_APPS, useTestTools, writeFixtureApp } from '../helpers/renderer-fixtures.js';

const execFileAsync = promisify(execFile);
/** How long drift may take to become clean after an apply (controllers fill in status). */
const SETTLE_MS = 20_000;

/** The environment's folder as `main` of the env repo has it, in a folder of its own. */
async function checkout(t: TestContext, remote: string, path: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-env-checkout-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const archive = await execFileAsync('git', ['--git-dir', remote, 'archive', 'main', path], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  const tar = execFile('tar', ['-x', '-C', dir]);
  tar.stdin!.end(archive.stdout);
  await new Promise((done, fail) =>
    tar.on('close', (code) => (code === 0 ? done(0) : fail(new Error(`tar exited ${code}`)))),
  );
  return join(dir, path);
}

async function settledDrift(target: Target): Promise<DriftJson> {
  const deadline = Date.now() + SETTLE_MS;
  let report = await ferryDrift(target);
  while (!report.clean && Date.now() < deadline) {
    await sleep(2_000);
    report = await ferryDrift(target);
  }
  return report;
}

/** The cluster-scoped objects sealed-secrets' chart renders (the same for every release). */
const SHARED = [
  'customresourcedefinition/sealedsecrets.bitnami.com',
  'clusterrole/secrets-unsealer',
  'clusterrolebinding/sealed-secrets-chart',
];

async function removeShared(wait: boolean): Promise<void> {
  const removed = await kubectl(['delete', '--ignore-not-found', `--wait=${wait}`, ...SHARED]);
  assert.equal(removed.code, 0, removed.stderr);
}

/** `Kind namespace/name` as `Kind name`. */
const kindAndName = (object: string) => object.replace(/ (?:[^ /]+\/)?([^ /]+)$/, ' $1');

for (const app of FIXTURE_APPS) {
  describe(
    `renderer fixture ${app.name}: propose, apply, drift, re-apply, plan`,
    needsCluster,
    () => {
      const suffix = randomBytes(3).toString('hex');
      const namespaces = {
        staging: `${app.name}-s-${suffix}`,
        production: `${app.name}-p-${suffix}`,
      };
      let remote: string;
      let config: string;
      // The env repo and the app outlive each test: production proposes from them too.
      const cleanups: (() => Promise<unknown>)[] = [];
      const suite = {
        after: (fn: () => Promise<unknown>) => cleanups.push(fn),
      } as unknown as TestContext;

      before(async () => {
        await useTestTools();
        // A previous run's cluster-scoped objects belong to its inventory: gone before this one.
        if (app.shared) await removeShared(true);
        for (const ns of Object.values(namespaces))
          if (!app.namespaces) assert.equal((await kubectl(['create', 'namespace', ns])).code, 0);
        remote = (await localEnvRepo(suite)).remote;
        config = join(
          await writeFixtureApp(suite, app, { repo: remote, namespaces }),
          'ferry.yaml',
        );
      });
      after(async () => {
        for (const cleanup of cleanups) await cleanup();
        for (const ns of Object.values(namespaces))
          await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
        if (app.shared) await removeShared(false);
      });

      for (const env of ['staging', 'production'] as const) {
        it(`${env}: applies 7.0.0 as proposed; settles clean; re-applies with zero writes; 7.0.1 plans only the image's users`, async (t) => {
          await deployWithGit(remote, config, env, '7.0.0');
          const target: Target = {
            dir: await checkout(t, remote, `apps/${app.name}/${env}`),
            inventory: `${app.name}-${env}`,
            namespace: namespaces[env],
          };
          // One cluster holds both environments here: the second adopts the cluster-scoped
          // objects both render alike (in real life each environment has its own cluster).
          const adopt = app.shared && env === 'production' ? ['--adopt'] : [];
          const applied = await ferryApply(target, ['--wait', '--timeout', '2m', ...adopt]);
          assert.equal(applied.code, 0, applied.stderr);
          assert.equal(applied.json?.counts.failed, 0);

          const report = await settledDrift(target);
          assert.deepEqual(driftLines(report), [], 'drift once settled');

          const proxy = await startFaultProxy(t);
          const again = await ferryApply(target, ['--kubeconfig', proxy.kubeconfig]);
          assert.equal(again.code, 0, again.stderr);
          assert.deepEqual(wireWrites(proxy.requests), [], 'writes of an unchanged re-apply');

          await deployWithGit(remote, config, env, '7.0.1');
          const next = await checkout(t, remote, `apps/${app.name}/${env}`);
          const planned = await runFerry([
            'plan',
            '--dir',
            next,
            '--inventory',
            target.inventory,
            '--namespace',
            target.namespace,
            '--kubeconfig',
            testKubeconfig()!,
            '--output',
            'json',
          ]);
          assert.equal(planned.code, 0, planned.stderr);
          const plan = JSON.parse(planned.stdout) as PlanReport;
          assert.deepEqual(
            plan.objects.map((o) => `${kindAndName(o.object)}: ${o.action}`).sort(),
            app.users[env].map((user) => `${user}: change`),
          );
        });
      }
    },
  );
}
