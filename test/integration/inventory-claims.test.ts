import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { APPLYSET_PART_OF, applySetParent } from '../../src/core/applyset.js';
import { runFerry } from '../helpers/cli.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { kubectl, needsCluster, testNamespace } from '../helpers/kube.js';

const ROUNDS = 10;
/** How long the first write of a round waits for the other run's write before going on alone. */
const BARRIER_MS = 10_000;

/** Resolves every waiter once `count` have arrived, or `ms` after the first did. */
function barrier(count: number, ms: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => {};
  const open = new Promise<void>((done) => (release = done));
  return () => {
    arrived++;
    if (arrived === 1) setTimeout(release, ms).unref();
    if (arrived >= count) release();
    return open;
  };
}

// Two inventories that both want one object, started together: the claim is the write itself
// (a server-side apply conditional on the resourceVersion read), so exactly one takes it and the
// other fails naming the object and its owner. A barrier in front of the API server holds each
// run's real write of the shared object until the other's arrives too: both have read the
// object as free before either writes, the worst interleaving, every round.
describe('two inventories claiming one object at once', needsCluster, () => {
  let ns: Awaited<ReturnType<typeof testNamespace>>;
  let dir: string;
  before(async () => {
    ns = await testNamespace('ferry-claims');
    dir = await mkdtemp(join(tmpdir(), 'ferry-claims-'));
  });
  after(async () => {
    await ns.remove();
    await rm(dir, { recursive: true, force: true });
  });

  it(`exactly one wins each of ${ROUNDS} rounds; the other exits non-zero naming object and owner`, async (t) => {
    const proxy = await startFaultProxy(t);
    const problems: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const name = `shared-${round}`;
      const folder = join(dir, `round-${round}`);
      await mkdir(folder);
      await writeFile(
        join(folder, 'shared.yaml'),
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {round: "${round}"}\n`,
      );
      // Odd rounds: the object exists, unowned (the claim is an update); even rounds: it does
      // not exist yet (the claim creates it).
      if (round % 2 === 1) {
        const created = await kubectl(['-n', ns.name, 'create', 'configmap', name]);
        assert.equal(created.code, 0, created.stderr);
      }
      const arrive = barrier(2, BARRIER_MS);
      proxy.inject({
        method: 'PATCH',
        path: new RegExp(`/configmaps/${name}\\?(?!.*dryRun)`),
        fault: { kind: 'before', action: arrive },
        times: 2,
      });
      const inventories = [`left-${round}`, `right-${round}`];
      const runs = await Promise.all(
        inventories.map((inventory) =>
          runFerry([
            'apply',
            '-d',
            folder,
            '-i',
            inventory,
            '-n',
            ns.name,
            '--kubeconfig',
            proxy.kubeconfig,
          ]),
        ),
      );
      proxy.clear();
      const winners = runs.flatMap((run, i) => (run.code === 0 ? [inventories[i]!] : []));
      if (winners.length !== 1) {
        problems.push(`round ${round}: ${winners.length} runs exited 0`);
        continue;
      }
      const winner = winners[0]!;
      const loser = runs.find((run) => run.code !== 0)!;
      const label = await kubectl([
        '-n',
        ns.name,
        'get',
        'configmap',
        name,
        '-o',
        `jsonpath={.metadata.labels.${APPLYSET_PART_OF.replace(/\./g, '\\.')}}`,
      ]);
      if (label.stdout !== applySetParent(winner, ns.name).id)
        problems.push(`round ${round}: the object is not labelled for the winner ${winner}`);
      const owner = new RegExp(
        `ConfigMap ${ns.name}/${name}: owned by another ApplySet \\(inventory ${ns.name}/${winner}\\)`,
      );
      if (!owner.test(loser.stderr))
        problems.push(`round ${round}: the loser did not name object and owner: ${loser.stderr}`);
    }
    assert.ok(
      proxy.requests.filter((r) => r.fault === 'before').length >= ROUNDS,
      'the writes met at the barrier',
    );
    assert.deepEqual(problems, []);
  });
});
