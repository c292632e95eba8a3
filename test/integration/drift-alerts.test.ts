import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { KubeClient } from '../../src/adapters/kube/client.js';
import type { Logger } from '../../src/adapters/logger.js';
import { applyObjects } from '../../src/commands/cluster/apply/apply.js';
import { driftCheck } from '../../src/commands/cluster/drift/drift.js';
import { sendDriftAlerts, type AlertOptions } from '../../src/commands/publish/drift-alerts.js';
import type { KubeObject } from '../../src/core/manifest.js';
import { startForgeHarness } from '../forge/harness.js';
import { runFerry } from '../helpers/cli.js';
import { kubectl, needsCluster, testKubeconfig, testNamespace } from '../helpers/kube.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

/** A loopback webhook receiver that keeps every body it gets. */
async function webhookReceiver(): Promise<{
  url: string;
  bodies: { text: string }[];
  close: () => Promise<void>;
}> {
  const bodies: { text: string }[] = [];
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(data) as { text: string });
      res.end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret-path`,
    bodies,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

describe(
  'drift alerts: issue, commit status and webhook, only on a change of state',
  needsCluster,
  () => {
    it('opens, updates and closes one issue; posts statuses per cluster; sends webhooks on change', async (t) => {
      const ns = await testNamespace('alerts');
      t.after(() => ns.remove());
      const { server, octokit } = await startForgeHarness(t);
      await server.createRepo('acme/environments', { files: { 'README.md': 'env repo\n' } });
      const sha = (
        await octokit.rest.repos.getBranch({ owner: 'acme', repo: 'environments', branch: 'main' })
      ).data.commit.sha;
      const hook = await webhookReceiver();
      t.after(() => hook.close());
      const kube = KubeClient.connect({ kubeconfig: testKubeconfig() });
      t.after(() => kube.close());

      const objects: KubeObject[] = [
        {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'settings' },
          data: { mode: 'safe', level: 'info' },
        },
      ];
      await applyObjects(kube, objects, { dir: '', inventory: 'app', namespace: ns.name }, quiet);
      const options = (cluster: string): AlertOptions => ({
        cluster,
        webhookUrl: hook.url,
        github: {
          token: server.token,
          apiUrl: server.apiUrl,
          repo: 'acme/environments',
          issue: true,
          statusSha: sha,
        },
      });
      const round = async (cluster = 'prod-eu'): Promise<Record<string, string>> => {
        const report = await driftCheck(
          kube,
          objects,
          { inventory: 'app', namespace: ns.name },
          quiet,
        );
        return sendDriftAlerts(report, options(cluster), kube, quiet);
      };
      const openIssues = async (): Promise<{ number: number; body?: string | null }[]> =>
        (
          await octokit.rest.issues.listForRepo({
            owner: 'acme',
            repo: 'environments',
            state: 'all',
          })
        ).data;

      assert.deepEqual(await round(), { issue: 'none', status: 'posted', webhook: 'none' });

      assert.equal(
        (
          await kubectl(['-n', ns.name, 'edit', 'configmap', 'settings'], undefined, {
            KUBE_EDITOR: 'sed -i s/mode:\\ safe/mode:\\ yolo/',
          })
        ).code,
        0,
      );
      const opened = await round();
      assert.match(opened.issue!, /^opened #\d+$/);
      assert.deepEqual(
        { status: opened.status, webhook: opened.webhook },
        { status: 'posted', webhook: 'sent' },
      );
      assert.match(hook.bodies.at(-1)!.text, /ferry drift on prod-eu .*1 drifted/);
      assert.ok(!JSON.stringify(hook.bodies).includes('secret-path'));

      // The same drift again: nothing new anywhere.
      assert.deepEqual(await round(), {
        issue: opened.issue!.replace('opened', 'unchanged'),
        status: 'unchanged',
        webhook: 'unchanged',
      });

      assert.equal(
        (
          await kubectl(['-n', ns.name, 'edit', 'configmap', 'settings'], undefined, {
            KUBE_EDITOR: 'sed -i s/level:\\ info/level:\\ trace/',
          })
        ).code,
        0,
      );
      const updated = await round();
      assert.equal(updated.issue, opened.issue!.replace('opened', 'updated'));
      assert.equal(updated.webhook, 'sent');
      const issues = await openIssues();
      assert.equal(issues.length, 1, 'no duplicate issue');
      assert.match(issues[0]!.body ?? '', /\/data\/level/);

      // A second cluster keeps its own status context and its own issue.
      const other = await round('prod-us');
      assert.match(other.issue!, /^opened #\d+$/);
      const statuses = (
        await octokit.rest.repos.getCombinedStatusForRef({
          owner: 'acme',
          repo: 'environments',
          ref: sha,
        })
      ).data.statuses;
      assert.deepEqual(statuses.map((s) => `${s.context}=${s.state}`).sort(), [
        'ferry/drift (prod-eu)=failure',
        'ferry/drift (prod-us)=failure',
      ]);

      await applyObjects(
        kube,
        objects,
        { dir: '', inventory: 'app', namespace: ns.name, forceConflicts: true },
        quiet,
      );
      const closed = await round();
      assert.equal(closed.issue, opened.issue!.replace('opened', 'closed'));
      assert.deepEqual(
        { status: closed.status, webhook: closed.webhook },
        { status: 'posted', webhook: 'sent' },
      );
      assert.match(hook.bodies.at(-1)!.text, /no drift/);
      const comments = server.requests.filter((r) => r.path.includes('/comments'));
      assert.deepEqual(comments, [], 'no comment spam');
      assert.deepEqual(server.violations, []);
    });

    it('prints the report when the webhook fails, then fails the run', async (t) => {
      const ns = await testNamespace('alerts-down');
      t.after(() => ns.remove());
      const dir = await mkdtemp(join(tmpdir(), 'ferry-alerts-'));
      t.after(() => rm(dir, { recursive: true, force: true }));
      await writeFile(
        join(dir, 'cm.yaml'),
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: watched, namespace: ${ns.name}}\n` +
          'data: {mode: safe}\n',
      );
      const common = ['-d', dir, '-i', 'down', '--kubeconfig', testKubeconfig()!];
      assert.equal((await runFerry(['apply', ...common])).code, 0);
      const patch = [
        'patch',
        'configmap',
        'watched',
        '--type=merge',
        '-p',
        '{"data":{"mode":"x"}}',
      ];
      assert.equal((await kubectl(['-n', ns.name, ...patch])).code, 0);
      // A webhook that answers 500.
      const down = createServer((_req, res) => res.writeHead(500).end());
      await new Promise<void>((done) => down.listen(0, '127.0.0.1', done));
      t.after(() => new Promise((done) => down.close(done)));
      const variable = 'FERRY_TEST_DOWN_WEBHOOK';
      process.env[variable] = `http://127.0.0.1:${(down.address() as AddressInfo).port}/hook/x`;
      t.after(() => delete process.env[variable]);
      const run = await runFerry(['drift', ...common, '--webhook-env', variable, '-o', 'json']);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /drift webhook http:\/\/127\.0\.0\.1:\d+\/…: HTTP 500/);
      const report = JSON.parse(run.stdout) as { clean: boolean; objects: { object: string }[] };
      assert.equal(report.clean, false);
      assert.deepEqual(
        report.objects.map((o) => o.object),
        [`ConfigMap ${ns.name}/watched`],
      );
    });
  },
);
