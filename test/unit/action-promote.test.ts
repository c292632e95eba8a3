import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';

/** Sets the action's inputs the way the runner does (INPUT_<NAME> variables). */
function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value;
  }
}

describe('action settings for promote and rollback', () => {
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
  });

  it('reads the promotion inputs with the pull request ones', () => {
    inputs({
      command: 'promote',
      from: 'staging',
      force: 'true',
      'min-soak': '1h',
      cluster: 'staging-eu',
      labels: 'promote',
      'auto-merge': 'merge',
    });
    assert.deepEqual(readSettings(), {
      command: 'promote',
      values: {
        config: 'ferry.yaml',
        from: 'staging',
        to: undefined,
        force: true,
        minSoak: '1h',
        cluster: 'staging-eu',
        token: undefined,
        apiUrl: undefined,
        labels: ['promote'],
        reviewers: undefined,
        assignees: undefined,
        draft: false,
        autoMerge: 'merge',
        dryRun: false,
        kustomize: undefined,
        helm: undefined,
      },
    });
  });

  it('reads the rollback inputs and requires the environment', () => {
    inputs({ command: 'rollback' });
    assert.throws(() => readSettings(), /input environment is required for command rollback/);
    inputs({
      environment: 'production',
      'rollback-to': '1.4.1',
      reason: 'leak',
      'dry-run': 'true',
    });
    const settings = readSettings();
    assert.equal(settings.command, 'rollback');
    assert.ok(settings.command === 'rollback');
    assert.equal(settings.values.to, '1.4.1');
    assert.equal(settings.values.reason, 'leak');
    assert.equal(settings.values.dryRun, true);
  });
});
