import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';

describe('the action renders into $RUNNER_TEMP by default', () => {
  const saved = process.env.RUNNER_TEMP;
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
    if (saved === undefined) delete process.env.RUNNER_TEMP;
    else process.env.RUNNER_TEMP = saved;
  });
  const out = () => {
    process.env.INPUT_COMMAND = 'render';
    process.env.INPUT_ENVIRONMENT = 'staging';
    return (readSettings() as { out: string }).out;
  };

  it('under RUNNER_TEMP when it is set', () => {
    process.env.RUNNER_TEMP = '/runner/temp';
    assert.equal(out(), '/runner/temp/ferry/rendered');
  });

  it('under the system temp folder when RUNNER_TEMP is empty or unset, never /ferry/rendered', () => {
    process.env.RUNNER_TEMP = '';
    assert.equal(out(), join(tmpdir(), 'ferry', 'rendered'));
    delete process.env.RUNNER_TEMP;
    assert.equal(out(), join(tmpdir(), 'ferry', 'rendered'));
  });
});
