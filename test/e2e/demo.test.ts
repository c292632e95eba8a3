import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { needsCluster, testKubeconfig } from '../helpers/kube.js';

// `npm run demo` (scripts/demo.ts) against the test cluster (FERRY_DEMO_KUBECONFIG), as the
// README tells a newcomer to run it. Its sentences about outcomes are built from what each
// command returned; this test checks that they say what ferry really does at each step.

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');

describe('the demo', needsCluster, () => {
  it('runs the whole loop and says what happened at each step', async () => {
    const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: root,
      env: {
        ...process.env,
        FERRY_DEMO_KUBECONFIG: testKubeconfig()!,
        FERRY_DEMO_KUBECTL: process.env.FERRY_TEST_KUBECTL || 'kubectl',
      },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 280_000,
    });
    // The steps and what the demo said came of each, in order.
    const said = stdout
      .split('\n')
      .filter((line) => /^\x1b\[1m\d+\. |^ {2}→ /.test(line))
      .map((line) =>
        line.replace(/\x1b\[[0-9;]*m/g, '').replace(/guestbook-demo-[0-9a-f]+/g, 'NS'),
      );
    const after = (step: RegExp): string[] => {
      const at = said.findIndex((line) => step.test(line));
      assert.ok(at >= 0, `no step ${step}:\n${said.join('\n')}`);
      const next = said.slice(at + 1).findIndex((line) => /^\d+\. /.test(line));
      return said.slice(at + 1, next < 0 ? undefined : at + 1 + next);
    };
    const image = '/spec/template/spec/containers[name=guestbook]/image';
    assert.deepEqual(after(/^\d+\. The env repo pipeline on main/), ['  → applied (5 created)']);
    assert.deepEqual(after(/^\d+\. Check for drift again/), [
      `  → drift: Deployment NS/guestbook ${image} (changed by kubectl-set)`,
    ]);
    assert.deepEqual(after(/^\d+\. Apply from git again$/), [
      `  → applied (1 configured, 4 unchanged); took back Deployment NS/guestbook ${image} from kubectl-set`,
    ]);
    assert.deepEqual(after(/^\d+\. Apply from git again \(demo-operator/), [
      '  → apply stopped (exit 1), nothing else changed: Deployment NS/guestbook: .spec.replicas is managed by "demo-operator" (to take it over: --git-wins-over demo-operator, or --force-conflicts for every manager)',
    ]);
    assert.deepEqual(after(/--git-wins-over\), and apply$/), [
      '  → applied (1 configured, 4 unchanged); took back Deployment NS/guestbook /spec/replicas from demo-operator',
      '  → the cluster matches git (no drift: 5 objects match git)',
    ]);
    assert.ok(
      after(/^\d+\. 1\.5\.0 misbehaves/).includes(
        '  → the Deployment runs registry.example.com/acme/guestbook:1.4.2',
      ),
      said.join('\n'),
    );
    assert.match(
      after(/^\d+\. The next build tries/)[0] ?? '',
      /^ {2}→ refused \(exit 1\): error: guestbook in staging is pinned to "registry\.example\.com\/acme\/guestbook:1\.4\.2"/,
    );
    assert.match(stdout, /done\x1b\[0m: render → propose → merge → apply → drift → rollback/);
  });
});
