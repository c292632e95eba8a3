// The fidelity corpus (issue 13): real projects' published manifests, applied as they ship, must
// be clean once controllers settle, re-apply with zero writes by the API server's own count, and
// every hand edit (at least one inside a list the server treats as atomic) must be reported at
// its path and taken back by a plain `ferry apply`.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeObject } from '../../src/core/manifest.js';
import { wireWrites } from '../helpers/api-writes.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { loadCorpusSet, type CorpusSet } from '../helpers/corpus.js';
import {
  driftLines,
  ferryApply,
  ferryDrift,
  manifestsDir,
  type DriftJson,
  type Target,
} from '../helpers/ferry-json.js';
import { kubectl, needsCluster } from '../helpers/kube.js';
import { CORPUS, type HandEdit } from './fidelity-edits.js';

/** How long drift may take to become clean after Jobs settled (aggregated ClusterRoles, …). */
const SETTLE_MS = 10_000;
/** How long a set's Jobs get to complete (kwok completes their pods) and, with a TTL, to go. */
const JOBS_MS = 60_000;

/** The value at a JSON pointer (`/spec/ingress/0/ports`), or undefined. */
function at(object: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], object);
}

/**
 * Whether live holds every field git sets, with the same values: server defaults may add fields
 * (inside list items too), but a list must have exactly git's items.
 */
function covers(git: unknown, live: unknown): boolean {
  if (Array.isArray(git))
    return (
      Array.isArray(live) && git.length === live.length && git.every((g, i) => covers(g, live[i]))
    );
  if (git && typeof git === 'object')
    return (
      !!live &&
      typeof live === 'object' &&
      Object.entries(git).every(([k, v]) => covers(v, (live as Record<string, unknown>)[k]))
    );
  return git === live;
}

/** Whether a Job has finished and, when it has a TTL, has been removed by it. */
async function jobSettled(job: KubeObject, home: string): Promise<boolean> {
  const ns = job.metadata.namespace ?? home;
  const result = await kubectl([
    '-n',
    ns,
    'get',
    'job',
    job.metadata.name,
    '-o',
    'json',
    '--ignore-not-found',
  ]);
  if (!result.stdout.trim()) return true;
  const live = JSON.parse(result.stdout) as {
    spec: { ttlSecondsAfterFinished?: number };
    status?: { conditions?: { type: string; status: string }[] };
  };
  const finished = (live.status?.conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
  return finished && live.spec.ttlSecondsAfterFinished === undefined;
}

/**
 * Lets controllers settle: the set's Jobs run to completion (and their TTL removes them), then
 * drift is polled until clean or SETTLE_MS passes (aggregated ClusterRoles fill in, …); the
 * last report.
 */
async function settledDrift(target: Target, set: CorpusSet): Promise<DriftJson> {
  const jobs = set.objects.filter((o) => o.kind === 'Job' && o.apiVersion === 'batch/v1');
  const jobsDeadline = Date.now() + JOBS_MS;
  for (const job of jobs) {
    while (!(await jobSettled(job, target.namespace))) {
      assert.ok(Date.now() < jobsDeadline, `Job ${job.metadata.name} did not settle`);
      await sleep(1_000);
    }
  }
  const deadline = Date.now() + SETTLE_MS;
  let report = await ferryDrift(target);
  while (!report.clean && Date.now() < deadline) {
    await sleep(2_000);
    report = await ferryDrift(target);
  }
  return report;
}

const resourceOf = (edit: HandEdit): string =>
  edit.resource ?? `${edit.kind.toLowerCase()}/${edit.name}`;

async function liveObject(edit: HandEdit, set: CorpusSet): Promise<unknown> {
  const ns = edit.namespace ? ['-n', set.namespace(edit.namespace)] : [];
  const result = await kubectl([...ns, 'get', resourceOf(edit), '-o', 'json']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout);
}

const gitObject = (edit: HandEdit, set: CorpusSet): KubeObject => {
  const found = set.objects.find((o) => o.kind === edit.kind && o.metadata.name === edit.name);
  assert.ok(found, `${edit.kind} ${edit.name} is in the set`);
  return found;
};

/** Whether a drift report's `Kind namespace/name` is the edited object. */
const isEdited = (object: string, edit: HandEdit): boolean => {
  const [kind, id] = object.split(' ');
  return kind === edit.kind && id?.split('/').pop() === edit.name;
};

for (const spec of CORPUS) {
  describe(`fidelity corpus: ${spec.folder}`, needsCluster, () => {
    const suffix = randomBytes(3).toString('hex');
    let set: CorpusSet;
    let target: Target;
    let objects: number;

    before(async () => {
      set = await loadCorpusSet(spec.folder, spec.home, suffix);
      objects = set.objects.length;
      // A previous run's CRDs may still be terminating: a new apply cannot create them until gone.
      const crds = set.objects.filter((o) => o.kind === 'CustomResourceDefinition');
      if (crds.length > 0) {
        const gone = await kubectl([
          'wait',
          '--for=delete',
          '--timeout=120s',
          ...crds.map((c) => `crd/${c.metadata.name}`),
        ]);
        assert.equal(gone.code, 0, `a previous run's CRDs are still there: ${gone.stderr}`);
      }
      for (const ns of set.undeclared) {
        const made = await kubectl(['create', 'namespace', ns]);
        assert.equal(made.code, 0, made.stderr);
      }
      target = {
        dir: await manifestsDir(set.objects),
        inventory: `fidelity-${spec.folder}`,
        namespace: set.namespace(spec.home),
      };
    });
    after(async () => {
      await kubectl([
        'delete',
        '--ignore-not-found',
        '--wait=false',
        '-f',
        `${target.dir}/all.yaml`,
      ]);
      for (const ns of set.undeclared)
        await kubectl(['delete', 'namespace', ns, '--ignore-not-found', '--wait=false']);
    });

    it(`applies the published manifests and reports no drift once controllers settle`, async () => {
      const applied = await ferryApply(target);
      assert.equal(applied.code, 0, applied.stderr);
      assert.equal(applied.json?.counts.failed, 0);
      // A real apply has nothing to say about an object it created (a message would mean it was
      // not written: "dry run: not validated, its CRD is not installed yet").
      assert.deepEqual(
        applied.json?.objects.filter((o) => o.message).map((o) => `${o.object}: ${o.message}`),
        [],
      );
      assert.equal(applied.json?.counts.created, objects, JSON.stringify(applied.json?.counts));
      const report = await settledDrift(target, set);
      assert.deepEqual(driftLines(report), []);
      assert.equal(report.clean, true);
    });

    it('re-applies with zero writes, as sent on the wire through a proxy', async (t) => {
      // The API server's apiserver_request_total cannot say who wrote: the test files sharing
      // the cluster write ConfigMaps, Secrets, … of their own meanwhile. A pass-through proxy
      // between ferry and the API server sees ferry's requests alone.
      const proxy = await startFaultProxy(t);
      const report = await ferryApply(target, ['--kubeconfig', proxy.kubeconfig]);
      assert.equal(report.code, 0, report.stderr);
      const acted = (report.json?.objects ?? [])
        .filter((o) => o.action !== 'unchanged')
        .map((o) => `${o.object}: ${o.action}`);
      assert.ok(proxy.requests.length > 0, 'ferry went through the proxy');
      assert.deepEqual(
        { wire: wireWrites(proxy.requests), ferry: acted },
        { wire: [], ferry: [] },
        'writes during a re-apply, as ferry sent them and as ferry reported them',
      );
    });

    it('reports every hand edit at its path, including inside atomic lists', async () => {
      for (const edit of spec.edits) {
        const ns = edit.namespace ? ['-n', set.namespace(edit.namespace)] : [];
        const done = await kubectl([...ns, ...edit.kubectl(resourceOf(edit))]);
        assert.equal(done.code, 0, `${edit.what}: ${done.stderr}`);
      }
      const report = await ferryDrift(target);
      const lines = driftLines(report);
      const unreported = spec.edits.filter(
        (edit) =>
          !report.objects.some(
            (o) => isEdited(o.object, edit) && o.fields.some((f) => edit.path.test(f.path)),
          ),
      );
      assert.deepEqual(
        unreported.map((e) => e.what),
        [],
        `reported instead:\n${lines.join('\n')}`,
      );
      // A value on the cluster names its manager; a removed field names no one (the API server
      // does not record who removed it) and says it was removed.
      for (const field of report.objects.flatMap((o) => o.fields)) {
        if ('live' in field)
          assert.equal(typeof field.manager, 'string', `manager of ${field.path}`);
        else assert.equal(field.unattributed, 'removed', `${field.path}: ${JSON.stringify(field)}`);
      }
    });

    it('takes every hand edit back with a plain apply (no --force-conflicts); drift is clean again', async () => {
      const restored = await ferryApply(target);
      const notRestored: string[] = [];
      for (const edit of spec.edits) {
        const live = await liveObject(edit, set);
        const git = gitObject(edit, set);
        if (!covers(at(git, edit.pointer), at(live, edit.pointer)))
          notRestored.push(`${edit.what}: live ${JSON.stringify(at(live, edit.pointer))}`);
      }
      assert.equal(restored.code, 0, restored.stderr);
      assert.deepEqual(notRestored, []);
      assert.deepEqual(driftLines(await ferryDrift(target)), []);
    });
  });
}
