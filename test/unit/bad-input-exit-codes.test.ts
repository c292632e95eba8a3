import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';
import { ConfigError } from '../../src/core/errors.js';
import { runFerry } from '../helpers/cli.js';
import { countingServer, ferryOnSet, manifests, scratch } from '../helpers/counting-server.js';

// A kubeconfig that cannot be used and a flag value that names nothing real are bad input:
// one line, exit 2, before any request — whichever way the kubeconfig was named.

describe('kubeconfig problems are bad input (exit 2)', () => {
  const saved = process.env.KUBECONFIG;
  afterEach(() => {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
  });

  it('a missing file, by --kubeconfig or by $KUBECONFIG', async (t) => {
    const dir = await scratch(t);
    const missing = join(dir, 'missing');
    const flag = await ferryOnSet('apply', dir, missing);
    assert.equal(flag.stderr, `error: kubeconfig: ${missing}: no such file\n`);
    assert.equal(flag.code, 2);
    process.env.KUBECONFIG = missing;
    const env = await runFerry(['apply', '-d', dir, '-i', 'demo']);
    assert.equal(
      env.stderr,
      `error: kubeconfig: $KUBECONFIG names no file that exists (${missing})\n`,
    );
    assert.equal(env.code, 2);
  });

  it('a garbage kubeconfig, an unknown --context, files it names that are missing', async (t) => {
    const { kubeconfig, requests } = await countingServer(t);
    const dir = await manifests(t);
    const good = await readFile(kubeconfig, 'utf8');
    const cases: [string, string[], string][] = [
      [
        ': : garbage\n',
        [],
        `kubeconfig: ${kubeconfig}:1: incomplete explicit mapping pair; a key node is missed; or followed by a non-tabulated empty line`,
      ],
      ['- a\n- b\n', [], `kubeconfig: ${kubeconfig}: not a kubeconfig (expected a mapping)`],
      [good, ['--context', 'nope'], 'kubeconfig: no context named "nope"'],
      [
        good.replace('token: test-token', `tokenFile: ${join(dir, 'no-token')}`),
        [],
        `kubeconfig: cannot read token file ${join(dir, 'no-token')}: ENOENT`,
      ],
      [
        good.replace(/server: .*/, 'server: "http://[bad"'),
        [],
        'kubeconfig: cluster "c" has an invalid server URL "http://[bad"',
      ],
      [
        good.replace(
          'token: test-token',
          'exec: {apiVersion: client.authentication.k8s.io/v1, command: ferry-no-such-plugin}',
        ),
        [],
        'kubeconfig: cannot run exec plugin ferry-no-such-plugin: ENOENT',
      ],
    ];
    for (const [text, flags, message] of cases) {
      await writeFile(kubeconfig, text);
      const run = await ferryOnSet('apply', dir, kubeconfig, ...flags);
      assert.equal(run.stderr, `error: ${message}\n`, text);
      assert.equal(run.code, 2, message);
    }
    assert.deepEqual(requests, []);
  });
});

describe('--prune-allow takes only the kinds prune protects', () => {
  const message = (option: string, kind: string): string =>
    `${option}: "${kind}" is not a protected kind (one of Namespace, CustomResourceDefinition, PersistentVolume, PersistentVolumeClaim)`;

  for (const command of ['apply', 'plan']) {
    it(`ferry ${command}: an unknown kind is exit 2 naming the allowed ones`, async (t) => {
      const { kubeconfig, requests } = await countingServer(t);
      const dir = await manifests(t);
      for (const kinds of ['Foo', 'Namespace,Foo', 'namespace']) {
        const run = await ferryOnSet(command, dir, kubeconfig, '--prune', '--prune-allow', kinds);
        const kind = kinds.split(',').at(-1)!;
        assert.equal(run.stderr, `error: ${message('--prune-allow', kind)}\n`);
        assert.equal(run.code, 2);
      }
      assert.deepEqual(requests, []);
    });
  }

  it('the action input prune-allow', () => {
    Object.assign(process.env, {
      INPUT_COMMAND: 'apply',
      INPUT_DIR: 'rendered',
      INPUT_INVENTORY: 'demo',
      'INPUT_PRUNE-ALLOW': 'PersistentVolumeClaim, Deployment',
    });
    try {
      assert.throws(
        () => readSettings(),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message === message('input prune-allow', 'Deployment'),
      );
      process.env['INPUT_PRUNE-ALLOW'] = 'PersistentVolumeClaim, Namespace';
      const settings = readSettings();
      assert.ok(settings.command === 'apply');
      assert.deepEqual(settings.values.pruneAllow, ['PersistentVolumeClaim', 'Namespace']);
    } finally {
      for (const name of Object.keys(process.env))
        if (name.startsWith('INPUT_')) delete process.env[name];
    }
  });
});
