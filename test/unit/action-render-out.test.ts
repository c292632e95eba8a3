import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { rm } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRenderOut } from '../../src/action/commands.js';
import { kubeconfigFromInput } from '../../src/action/kubeconfig.js';

describe("the action's temp files go under RUNNER_TEMP", () => {
  it('renders under RUNNER_TEMP when it is set', () => {
    assert.equal(defaultRenderOut({ RUNNER_TEMP: '/runner/temp' }), '/runner/temp/ferry/rendered');
  });

  it('renders under the system temp folder when RUNNER_TEMP is empty or unset, never /ferry/rendered', () => {
    assert.equal(defaultRenderOut({ RUNNER_TEMP: '' }), join(tmpdir(), 'ferry', 'rendered'));
    assert.equal(defaultRenderOut({}), join(tmpdir(), 'ferry', 'rendered'));
  });

  it('writes a kubeconfig input under the system temp folder when RUNNER_TEMP is empty, not in the work tree', async () => {
    const saved = process.env.RUNNER_TEMP;
    process.env.RUNNER_TEMP = '';
    let path: string | undefined;
    try {
      path = await kubeconfigFromInput('apiVersion: v1\nkind: Config\nclusters: []\n');
    } finally {
      if (saved === undefined) delete process.env.RUNNER_TEMP;
      else process.env.RUNNER_TEMP = saved;
      if (path) await rm(dirname(path), { recursive: true, force: true });
    }
    assert.ok(path && isAbsolute(path) && path.startsWith(`${tmpdir()}/ferry-kube-`), path);
  });
});
