import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';
import { ConfigError } from '../../src/core/errors.js';

/** Sets the action's inputs the way the runner does (INPUT_<NAME> variables). */
function inputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    process.env[`INPUT_${name.toUpperCase()}`] = value;
  }
}

describe('action settings for propose', () => {
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
  });

  it('reads every propose input once, lists split and trimmed', () => {
    inputs({
      command: 'propose',
      environment: 'staging',
      'image-tag': '1.4.2',
      token: 'ghs_secret',
      labels: 'deploy, staging,,',
      reviewers: 'alice',
      assignees: '',
      draft: 'true',
      'auto-merge': 'squash',
      'dry-run': 'false',
    });
    assert.deepEqual(readSettings(), {
      command: 'propose',
      values: {
        config: 'ferry.yaml',
        env: 'staging',
        imageTag: '1.4.2',
        imageDigest: undefined,
        token: 'ghs_secret',
        apiUrl: undefined,
        labels: ['deploy', 'staging'],
        reviewers: ['alice'],
        assignees: undefined,
        draft: true,
        autoMerge: 'squash',
        dryRun: false,
        allowFork: false,
        kustomize: undefined,
        helm: undefined,
      },
    });
  });

  it('refuses a missing environment and an unknown merge method in one line', () => {
    inputs({ command: 'propose' });
    assert.throws(() => readSettings(), /input environment is required for command propose/);
    inputs({ environment: 'staging', 'auto-merge': 'fast-forward' });
    assert.throws(
      () => readSettings(),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message === 'input auto-merge: "fast-forward" is not one of merge, squash, rebase',
    );
  });
});
