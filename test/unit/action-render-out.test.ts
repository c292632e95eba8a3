import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { defaultRenderOut } from '../../src/action/commands.js';
import { runnerTemp } from '../../src/adapters/ci-environment.js';

describe("the action's temp files go under RUNNER_TEMP", () => {
  it('renders under RUNNER_TEMP when it is set', () => {
    assert.equal(defaultRenderOut({ RUNNER_TEMP: '/runner/temp' }), '/runner/temp/ferry/rendered');
  });

  it('renders under the system temp folder when RUNNER_TEMP is empty or unset, never /ferry/rendered', () => {
    assert.equal(defaultRenderOut({ RUNNER_TEMP: '' }), join(tmpdir(), 'ferry', 'rendered'));
    assert.equal(defaultRenderOut({}), join(tmpdir(), 'ferry', 'rendered'));
  });

  it('keeps a kubeconfig under the system temp folder when RUNNER_TEMP is empty, not in the work tree', () => {
    assert.equal(runnerTemp({ RUNNER_TEMP: '' }), tmpdir());
    assert.equal(runnerTemp({ RUNNER_TEMP: '/runner/temp' }), '/runner/temp');
  });
});
