import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import yaml from 'js-yaml';
import { readSettings } from '../../src/action/settings.js';
import { ConfigError } from '../../src/core/errors.js';
import {
  DEFAULT_TIMEOUT,
  DEFAULT_TIMEOUT_MS,
  parseBoolean,
  parseClusterName,
  parseCount,
  parseInventoryName,
  parseList,
} from '../../src/core/options.js';
import { runFerry } from '../helpers/cli.js';
import { countingServer, manifests, scratch } from '../helpers/counting-server.js';

// One grammar for every option value, on the command line and in the action: a malformed value
// is one line naming the flag (or input) as written, exit 2, and no request is ever made.

describe('option values', () => {
  it('parses counts, booleans, lists and names, and names the option when refusing', () => {
    assert.equal(parseCount('0', '--n'), 0);
    assert.equal(parseCount(' 12 ', '--n'), 12);
    for (const bad of ['abc', '4x', '-1', '1e3', '1.5', '', ' ', '0x10', 'NaN', 'Infinity'])
      assert.throws(
        () => parseCount(bad, '--max-deletions'),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.message ===
            `--max-deletions: ${JSON.stringify(bad)} is not a whole number (0 or more)`,
      );
    assert.equal(parseBoolean('TRUE', 'input prune'), true);
    assert.equal(parseBoolean('false', 'input prune'), false);
    assert.throws(() => parseBoolean('yes', 'input prune'), {
      message: 'input prune: "yes" is not true or false',
    });
    assert.deepEqual(parseList(' a, b,,c ,'), ['a', 'b', 'c']);
    assert.deepEqual(parseList(undefined), []);
    assert.equal(
      parseInventoryName('guestbook-production.v2', '--inventory'),
      'guestbook-production.v2',
    );
    for (const bad of ['Bad_Name!', '-x', 'x-', 'a..b', 'UPPER', '', 'x'.repeat(254)])
      assert.throws(() => parseInventoryName(bad, '--inventory'), /^ConfigError: --inventory: /);
    assert.throws(() => parseClusterName('a\nb', '--cluster'), {
      message:
        '--cluster: "a\\nb" is not a valid cluster name (1 to 100 characters, no control characters)',
    });
  });

  it('has one default timeout, the one action.yml and the GitLab component document', () => {
    assert.equal(DEFAULT_TIMEOUT_MS, 5 * 60_000);
    const action = yaml.load(readFileSync('action.yml', 'utf8')) as {
      inputs: Record<string, { default?: string }>;
    };
    assert.equal(action.inputs.timeout?.default, DEFAULT_TIMEOUT);
    const component = readFileSync('templates/apply.yml', 'utf8');
    assert.equal(
      /\n {4}timeout:\n {6}type: string\n {6}default: (\S+)\n/.exec(component)?.[1],
      DEFAULT_TIMEOUT,
    );
  });
});

describe('the CLI refuses a malformed value before any request, exit 2, naming the flag', () => {
  const cases: [string, string[], string][] = [
    [
      'a word',
      ['--prune', '--max-deletions', 'abc'],
      '--max-deletions: "abc" is not a whole number (0 or more)',
    ],
    [
      'a suffix',
      ['--prune', '--max-deletions', '4x'],
      '--max-deletions: "4x" is not a whole number (0 or more)',
    ],
    [
      'a negative count',
      ['--max-deletions=-1'],
      '--max-deletions: "-1" is not a whole number (0 or more)',
    ],
    [
      'a duration with a space',
      ['--timeout', '5', 'minutes'],
      '--timeout: unexpected "minutes" after "5" (quote a value that has spaces)',
    ],
    [
      'a duration in words',
      ['--timeout', '5 minutes'],
      '--timeout: "5 minutes" is not a duration (e.g. 90s, 5m, 1h)',
    ],
    [
      'an inventory name',
      ['-i', 'Bad_Name!'],
      `--inventory: "Bad_Name!" is not a valid inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)`,
    ],
    [
      'a cluster name',
      ['--cluster', 'a\nb'],
      '--cluster: "a\\nb" is not a valid cluster name (1 to 100 characters, no control characters)',
    ],
  ];
  for (const [what, flags, message] of cases) {
    it(`ferry apply: ${what}`, async (t) => {
      const { kubeconfig, requests } = await countingServer(t);
      const dir = await manifests(t);
      const run = await runFerry([
        'apply',
        '-d',
        dir,
        '-i',
        'demo',
        '--kubeconfig',
        kubeconfig,
        ...flags,
      ]);
      assert.equal(run.stderr, `error: ${message}\n`);
      assert.equal(run.code, 2);
      assert.deepEqual(requests, [], 'no request was made');
    });
  }

  it('ferry drift: an inventory name and a cluster name', async (t) => {
    const { kubeconfig, requests } = await countingServer(t);
    const dir = await manifests(t);
    const bad = await runFerry(['drift', '-d', dir, '-i', 'Bad_Name!', '--kubeconfig', kubeconfig]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^error: --inventory: "Bad_Name!" is not a valid inventory name/);
    const cluster = await runFerry([
      'drift',
      '-d',
      dir,
      '-i',
      'demo',
      '--cluster',
      '',
      '--kubeconfig',
      kubeconfig,
    ]);
    assert.equal(cluster.code, 2);
    assert.match(cluster.stderr, /^error: --cluster: "" is not a valid cluster name/);
    assert.deepEqual(requests, []);
  });

  it('ferry promote: a soak time and a cluster name, before ferry.yaml is even read', async () => {
    const soak = await runFerry(['promote', '-c', 'no-such.yaml', '--min-soak', '1day']);
    assert.equal(soak.stderr, 'error: --min-soak: "1day" is not a duration (e.g. 90s, 5m, 1h)\n');
    assert.equal(soak.code, 2);
    const cluster = await runFerry(['promote', '-c', 'no-such.yaml', '--cluster', 'x'.repeat(101)]);
    assert.equal(cluster.code, 2);
    assert.match(cluster.stderr, /^error: --cluster: "x+…" is not a valid cluster name/);
  });
});

describe('ferry apply --prune on a folder with no manifests', () => {
  it('is refused before connecting, naming --prune-empty, unless it is given', async (t) => {
    const { kubeconfig, requests } = await countingServer(t);
    const empty = await scratch(t);
    const refused = await runFerry([
      'apply',
      '-d',
      empty,
      '-i',
      'demo',
      '--prune',
      '--kubeconfig',
      kubeconfig,
    ]);
    assert.equal(
      refused.stderr,
      `error: ${empty}: no manifests, and prune would delete every object of inventory demo; nothing was changed (to mean it, pass --prune-empty, action input prune-empty)\n`,
    );
    assert.equal(refused.code, 2);
    assert.deepEqual(requests, []);
    // Without --prune an empty folder deletes nothing, so it is not refused; with --prune-empty
    // the run goes on to the server (here one that serves nothing, so it fails there).
    const meant = await runFerry([
      'apply',
      '-d',
      empty,
      '-i',
      'demo',
      '--prune',
      '--prune-empty',
      '--kubeconfig',
      kubeconfig,
    ]);
    assert.equal(meant.code, 1, meant.stderr);
    assert.ok(requests.length > 0);
  });
});

describe('paths that are not what they should be are bad input: exit 2, naming the path', () => {
  it('a folder as --config, a file as --dir, a link loop, a folder as --kubeconfig', async (t) => {
    const dir = await scratch(t);
    const file = join(dir, 'file.yaml');
    await writeFile(file, 'a: 1\n');
    await mkdir(join(dir, 'folder'));
    await symlink('loop.yaml', join(dir, 'loop.yaml'));
    const runs: [string[], string][] = [
      [
        ['render', '-c', join(dir, 'folder'), '-e', 'x'],
        `${join(dir, 'folder')}: config file is a folder, not a file`,
      ],
      [
        ['render', '-c', join(dir, 'loop.yaml'), '-e', 'x'],
        `${join(dir, 'loop.yaml')}: config file is a symbolic link loop`,
      ],
      [['apply', '-d', file, '-i', 'demo'], `${file}: manifests folder is a file, not a folder`],
      [['drift', '-d', file, '-i', 'demo'], `${file}: manifests folder is a file, not a folder`],
      [
        ['apply', '-d', join(dir, 'folder'), '-i', 'demo', '--kubeconfig', join(dir, 'folder')],
        `${join(dir, 'folder')}: kubeconfig is a folder, not a file`,
      ],
    ];
    for (const [args, message] of runs) {
      const run = await runFerry(args);
      assert.equal(run.stderr, `error: ${message}\n`, args.join(' '));
      assert.equal(run.code, 2);
    }
  });

  it('a YAML alias bomb, in manifests and in ferry.yaml', async (t) => {
    const dir = await scratch(t);
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (const [previous, name] of [...'abcdefgh'].map((c, i) => [c, 'bcdefghi'[i]!]))
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    await mkdir(join(dir, 'manifests'));
    const bomb = join(dir, 'manifests', 'bomb.yaml');
    await writeFile(
      bomb,
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bomb}\ndata:\n${levels.map((l) => `  ${l}`).join('\n')}\n`,
    );
    const config = join(dir, 'ferry.yaml');
    await writeFile(config, `app: x\n${levels.join('\n')}\n`);
    const apply = await runFerry(['apply', '-d', join(dir, 'manifests'), '-i', 'demo']);
    assert.equal(
      apply.stderr,
      `error: ${bomb}: YAML aliases expand to more than 1000000 values (an alias bomb?); refused\n`,
    );
    assert.equal(apply.code, 2);
    const render = await runFerry(['render', '-c', config, '-e', 'x']);
    assert.match(
      render.stderr,
      new RegExp(`^error: ${config}: .* \\(YAML aliases expand too much\\); refused\\n$`),
    );
    assert.equal(render.code, 2);
  });
});

describe('the action reads the same grammar, naming the input', () => {
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
  });
  const inputs = (values: Record<string, string>): void => {
    for (const [name, value] of Object.entries(values))
      process.env[`INPUT_${name.toUpperCase()}`] = value;
  };
  const refuses = (values: Record<string, string>, message: string): void => {
    inputs({ command: 'apply', dir: 'rendered', inventory: 'demo', ...values });
    assert.throws(
      () => readSettings(),
      (error: unknown) => error instanceof ConfigError && error.message === message,
    );
    for (const name of Object.keys(values)) delete process.env[`INPUT_${name.toUpperCase()}`];
  };

  it('refuses malformed apply inputs in one line', () => {
    refuses(
      { 'max-deletions': 'abc' },
      'input max-deletions: "abc" is not a whole number (0 or more)',
    );
    refuses(
      { 'max-deletions': '4x' },
      'input max-deletions: "4x" is not a whole number (0 or more)',
    );
    refuses(
      { timeout: '5 minutes' },
      'input timeout: "5 minutes" is not a duration (e.g. 90s, 5m, 1h)',
    );
    refuses({ prune: 'maybe' }, 'input prune: "maybe" is not true or false');
    refuses({ 'prune-empty': 'yes' }, 'input prune-empty: "yes" is not true or false');
    refuses(
      { inventory: 'Bad_Name!' },
      `input inventory: "Bad_Name!" is not a valid inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)`,
    );
    refuses(
      { cluster: 'a\nb' },
      'input cluster: "a\\nb" is not a valid cluster name (1 to 100 characters, no control characters)',
    );
  });

  it('reads valid apply inputs, with the shared defaults', () => {
    inputs({
      command: 'apply',
      dir: 'rendered',
      inventory: 'demo',
      prune: 'true',
      'prune-empty': 'true',
      'prune-allow': 'Namespace, PersistentVolumeClaim,',
      'max-deletions': '3',
    });
    const settings = readSettings();
    assert.ok(settings.command === 'apply');
    assert.equal(settings.values.pruneEmpty, true);
    assert.deepEqual(settings.values.pruneAllow, ['Namespace', 'PersistentVolumeClaim']);
    assert.equal(settings.values.maxDeletions, 3);
    assert.equal(settings.values.timeout, DEFAULT_TIMEOUT_MS);
    assert.equal(settings.values.cluster, 'default');
    assert.equal(settings.values.wait, true, "the action's wait input defaults to true");
  });
});
