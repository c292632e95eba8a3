import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readManifestDir } from '../../src/adapters/files.js';
import { parseRollbackTarget } from '../../src/commands/env-repo/rollback/revision.js';
import { ConfigError } from '../../src/core/errors.js';
import {
  evaluateGates,
  formatDuration,
  forcedPromotionWarning,
  gateFailure,
  type StatusFact,
} from '../../src/core/gates.js';
import { parseImageReference } from '../../src/core/image.js';
import { pinIdentity, pinPath, pinRefusal, pinText, type Pin } from '../../src/core/pin.js';
import { gateTable } from '../../src/core/promotion-text.js';

const SHA = 'a'.repeat(40);
const status = (
  context: string,
  state: StatusFact['state'],
  createdAt = '2030-01-01T00:00:00Z',
) => ({
  context,
  state,
  description: `${state}!`,
  createdAt,
});

describe('promotion gates', () => {
  const input = {
    forge: 'github' as const,
    cluster: 'default',
    sourceCommit: SHA,
    committedAt: new Date('2029-12-31T00:00:00Z'),
    minSoakMs: undefined,
    now: new Date('2030-01-01T02:00:00Z'),
  };

  it('pass on a successful apply and a clean drift check of the source commit', () => {
    const statuses = [
      status('ferry/apply (default)', 'success'),
      status('ferry/drift (default)', 'success'),
    ];
    const gates = evaluateGates({ ...input, statuses, minSoakMs: 3_600_000 });
    assert.deepEqual(
      gates.map((g) => [g.gate, g.passed]),
      [
        ['apply succeeded', true],
        ['drift clean', true],
        ['soaked 1h', true],
      ],
    );
    assert.equal(gates[2]!.detail, 'applied 2030-01-01T00:00:00Z, 2h ago');
    assert.equal(gateFailure(gates, 'staging'), undefined);
  });

  it('fail on a failed, pending or missing status, another cluster, or too short a soak', () => {
    const statuses = [
      status('ferry/apply (default)', 'pending'),
      status('ferry/drift (other)', 'success'),
    ];
    const gates = evaluateGates({ ...input, statuses, minSoakMs: 3 * 3_600_000 });
    assert.deepEqual(
      gates.map((g) => g.passed),
      [false, false, false],
    );
    assert.equal(
      gateFailure(gates, 'staging'),
      'promotion from staging blocked by 3 gate(s): apply succeeded: ferry/apply (default) is pending ' +
        '(2030-01-01T00:00:00Z) "pending!"; drift clean: no ferry/drift (default) status on aaaaaaaaaaaa; ' +
        'soaked 3h: no successful ferry/apply (default) to measure from; pass --force to promote anyway',
    );
  });

  it('warn on a forced promotion with what failed, and no advice to force it', () => {
    const gates = evaluateGates({
      ...input,
      statuses: [status('ferry/apply (default)', 'failure')],
    });
    const warning = forcedPromotionWarning(gates, 'staging');
    assert.match(
      warning,
      /^promotion gates not enforced \(--force\): promotion from staging blocked by 2 gate\(s\): /,
    );
    assert.doesNotMatch(warning, /pass --force/);
    const passed = evaluateGates({
      ...input,
      statuses: [
        status('ferry/apply (default)', 'success'),
        status('ferry/drift (default)', 'success'),
      ],
    });
    assert.equal(
      forcedPromotionWarning(passed, 'staging'),
      'promotion gates not enforced (--force): all passed',
    );
  });

  it('say on GitLab which command posts a missing status', () => {
    const statuses = [status('ferry/drift (default)', 'success')];
    const gates = evaluateGates({ ...input, forge: 'gitlab', statuses, minSoakMs: 60_000 });
    assert.equal(
      gateFailure(gates, 'staging'),
      'promotion from staging blocked by 2 gate(s): apply succeeded: no ferry/apply (default) status on ' +
        'aaaaaaaaaaaa in GitLab (posted by ferry apply --forge gitlab --commit-status); ' +
        'soaked 1m: no successful ferry/apply (default) to measure from; pass --force to promote anyway',
    );
  });

  it('say plain git has no statuses, and soak from the commit date there', () => {
    const gates = evaluateGates({
      ...input,
      forge: 'git',
      statuses: undefined,
      minSoakMs: 60_000,
    });
    assert.equal(gates[0]!.detail, 'not available for plain git (it has no commit statuses)');
    assert.deepEqual(gates[2], {
      gate: 'soaked 1m',
      passed: true,
      detail: 'committed 2029-12-31T00:00:00Z, 1d 2h ago',
    });
  });

  it('keep outside values inert in the table', () => {
    const gates = evaluateGates({
      ...input,
      statuses: [status('ferry/apply (default)', 'failure')],
    });
    gates[0]!.value = 'a | b ` <script>';
    assert.match(
      gateTable(gates),
      /\| apply succeeded \| ❌ failed \| `ferry\/apply \(default\) is failure \(2030-01-01T00:00:00Z\)` ``a \\\| b ` <script>`` \|/,
    );
  });

  it('formats durations', () => {
    assert.deepEqual([0, 59_000, 61_000, 3_600_000, 90_061_000].map(formatDuration), [
      '0s',
      '59s',
      '1m 1s',
      '1h',
      '1d 1h 1m 1s',
    ]);
  });
});

describe('pins', () => {
  const pin: Pin = {
    app: 'demo',
    environment: 'production',
    image: 'registry.example.com/demo:1.0.0',
    revision: SHA,
    reason: 'leak: "x"\n# not a comment',
    pinnedBy: 'alice',
    pinnedAt: '2030-01-01T00:00:00Z',
    runUrl: '',
  };
  const where = {
    app: 'demo',
    env: 'production',
    path: '.ferry/pins/demo/production.yaml',
    branch: 'main',
  };

  it('allow only the pinned image, and say how to unpin in one line', () => {
    const text = pinText(pin);
    assert.equal(pinRefusal(text, where, pin.image), undefined);
    const refusal = pinRefusal(text, where, 'registry.example.com/demo:2.0.0')!;
    assert.equal(refusal.split('\n').length, 1);
    assert.match(
      refusal,
      /is pinned to "registry\.example\.com\/demo:1\.0\.0" by \.ferry\/pins\/demo\/production\.yaml on main/,
    );
    assert.match(
      refusal,
      /to unpin, delete \.ferry\/pins\/demo\/production\.yaml from main in a pull request$/,
    );
    assert.match(pinRefusal('not: [yaml', where, pin.image)!, /which names no image/);
  });

  it('are never read as manifests by apply or drift, even from the repository root', async (t) => {
    const root = await mkdtemp(join(tmpdir(), 'ferry-pin-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    const files = {
      [pinPath('demo', 'production')]: pinText(pin),
      'apps/demo/production/configmap.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n',
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(dirname(join(root, name)), { recursive: true });
      await writeFile(join(root, name), text);
    }
    const manifests = await readManifestDir(root);
    assert.deepEqual(
      manifests.map((m) => m.object.kind),
      ['ConfigMap'],
    );
  });

  it('are the same pin whoever wrote them when', () => {
    const later = pinText({
      ...pin,
      pinnedBy: 'bob',
      pinnedAt: '2031-01-01T00:00:00Z',
      runUrl: 'https://ci/2',
    });
    assert.equal(pinIdentity(later), pinIdentity(pinText(pin)));
    assert.notEqual(pinIdentity(pinText({ ...pin, image: 'x:1' })), pinIdentity(pinText(pin)));
  });
});

describe('values read back from the environment repo and --to', () => {
  it('parses recorded image references and refuses hostile ones', () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    assert.deepEqual(parseImageReference(`reg.example:5000/web:1.2@${digest}`, 'x'), {
      repository: 'reg.example:5000/web',
      tag: '1.2',
      digest,
      ref: `reg.example:5000/web:1.2@${digest}`,
    });
    for (const bad of ['web:1.0\nx: y', 'web:$(id)', 'Web:1', 'web@sha256:zz'])
      assert.throws(() => parseImageReference(bad, 'x'), ConfigError);
  });

  it('tells commits, tags and digests apart', () => {
    assert.deepEqual(parseRollbackTarget(undefined), { kind: 'previous' });
    assert.deepEqual(parseRollbackTarget(SHA.toUpperCase()), { kind: 'commit', sha: SHA });
    assert.deepEqual(parseRollbackTarget('abc1234'), { kind: 'commit-or-tag', value: 'abc1234' });
    assert.deepEqual(parseRollbackTarget('1.4.1'), { kind: 'image', tag: '1.4.1', digest: '' });
    for (const bad of ['1..2', 'a;b', '-x', 'HEAD~1', ''])
      assert.throws(() => parseRollbackTarget(bad), ConfigError);
  });
});
