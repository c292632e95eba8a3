import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { Command } from 'commander';
import { readSettings } from '../../src/action/settings.js';
import { optionValues, addOptions } from '../../src/cli/options.js';
import {
  applyAllOptions,
  applyOptions,
  driftAllOptions,
  driftOptions,
  planAllOptions,
  planOptions,
} from '../../src/options/cluster.js';
import { listSetsOptions, statusOptions } from '../../src/options/sets.js';
import { COMMAND_NAMES, COMMAND_OPTIONS } from '../../src/options/commands.js';
import { rbacOptions } from '../../src/options/rbac.js';
import { camel, inputName, onSurface, type AnyOption } from '../../src/options/declare.js';
import {
  promoteOptions,
  proposeOptions,
  renderOptions,
  rollbackOptions,
} from '../../src/options/env-repo.js';

const exec = promisify(execFile);
const script = resolve('scripts/surfaces.ts');
const surfaces = (cwd?: string) =>
  exec(process.execPath, ['--import', import.meta.resolve('tsx'), script, '--check'], {
    cwd,
    env: { ...process.env, NODE_PATH: resolve('node_modules') },
  });

// Each option is declared once (src/options); the CLI's flags, the action's inputs, action.yml
// and the docs' tables derive from it, so none can drift from the others.
describe('surfaces derived from the option declarations', () => {
  it('action.yml and the docs tables match the declarations', async () => {
    await surfaces();
  });

  it('an action.yml that lost an input is reported out of date', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-surfaces-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await mkdir(join(dir, 'docs'));
    for (const file of ['action.yml', '.prettierrc.json']) await copyFile(file, join(dir, file));
    const pages = ['github-action', 'environment-repo', ...COMMAND_NAMES].filter(
      (page) => !['sets', 'status'].includes(page),
    );
    for (const page of pages) await copyFile(`docs/${page}.md`, join(dir, `docs/${page}.md`));
    await surfaces(dir);
    const action = yaml.load(await readFile('action.yml', 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    delete action.inputs['max-deletions'];
    await writeFile(join(dir, 'action.yml'), yaml.dump(action, { lineWidth: -1 }));
    await assert.rejects(surfaces(dir), /out of date[^\n]*action\.yml/);
  });

  it('every action input of every command is in action.yml', async () => {
    const action = yaml.load(await readFile('action.yml', 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    for (const command of COMMAND_NAMES)
      for (const spec of onSurface(COMMAND_OPTIONS[command] as readonly AnyOption[], 'action'))
        assert.ok(inputName(spec) in action.inputs, `${command}: input ${inputName(spec)}`);
  });
});

/**
 * What each shell does with a value besides passing it to the command: reporting targets,
 * output format, exit codes. Every other declared option must reach the command's options, or
 * it would be silently dropped (as plan once dropped git-wins-over in the action).
 */
const SHELL_ONLY = new Set([
  'output',
  'forge',
  'repo',
  'tokenEnv',
  'token',
  'commitStatus',
  'webhookEnv',
  'webhookUrl',
  'alertIssue',
  'failOnDrift',
  'detailedExitcode',
  'comment',
  'pullRequest',
  'mergeRequest',
  // read by targetOf, which chooses between one folder and the sets
  'all',
  // `ferry sets` prints with it
  'gitlabTemplate',
]);
/** Where apply, plan and drift report is the shells' business, the API URL included. */
const shellOnly = (command: string, key: string): boolean =>
  SHELL_ONLY.has(key) ||
  (key === 'apiUrl' && ['apply', 'plan', 'drift'].includes(command)) ||
  // apply and drift name their cluster only in statuses and alerts; plan's report names it.
  (key === 'cluster' && ['apply', 'drift'].includes(command));

// Every command's values, as sentinels.
type V = any;
const folder = (v: V) => ({ kind: 'folder' as const, dir: v.dir!, inventory: v.inventory! });
const sets = (v: V) => ({ kind: 'sets' as const, root: v.root!, sets: v.set });
/** Every mapping of a command's values to what it runs: one folder and the sets, for cluster commands. */
const MAPPINGS: Record<(typeof COMMAND_NAMES)[number], (values: V) => object[]> = {
  render: (v) => [renderOptions(v)],
  propose: (v) => [proposeOptions(v)],
  promote: (v) => [promoteOptions(v)],
  rollback: (v) => [rollbackOptions(v)],
  apply: (v) => [applyOptions(v, folder(v)), applyAllOptions(v, sets(v))],
  plan: (v) => [planOptions(v, folder(v)), planAllOptions(v, sets(v))],
  drift: (v) => [driftOptions(v, folder(v)), driftAllOptions(v, sets(v))],
  sets: (v) => [listSetsOptions(v)],
  status: (v) => [statusOptions(v)],
  rbac: (v) => [rbacOptions(v)],
};

describe("each command's options reach the command", () => {
  for (const command of COMMAND_NAMES) {
    it(`${command}: every declared option is passed on`, () => {
      const values: Record<string, unknown> = {};
      const specs = COMMAND_OPTIONS[command] as readonly AnyOption[];
      for (const spec of specs) values[camel(spec.name)] = Symbol(spec.name);
      const passed = JSON.stringify(MAPPINGS[command](values as V), (_key, value: unknown) =>
        typeof value === 'symbol' ? value.description : value,
      );
      for (const spec of specs) {
        const key = camel(spec.name);
        if (shellOnly(command, key)) continue;
        assert.ok(passed.includes(`"${spec.name}"`), `${command}: ${spec.name} is not passed on`);
      }
    });
  }
});

describe('the CLI and the action read the same values', () => {
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
  });

  it('for apply, plan and drift options given both ways', () => {
    const given: Record<string, string> = {
      dir: 'rendered',
      inventory: 'demo',
      namespace: 'team',
      'prune-allow': 'Namespace,PersistentVolumeClaim',
      'git-wins-over': 'helm, kustomize-controller',
      'request-timeout': '2m',
      context: 'prod',
      cluster: 'prod-eu',
      timeout: '90s',
      'max-deletions': '7',
    };
    for (const command of ['apply', 'plan', 'drift'] as const) {
      const specs = COMMAND_OPTIONS[command] as readonly AnyOption[];
      const names = new Set(specs.map((spec) => spec.name));
      const own = Object.entries(given).filter(([name]) => names.has(name));
      const program = new Command(command).exitOverride();
      addOptions(program, specs);
      program.parse(
        own.flatMap(([name, value]) => [`--${name}`, value]),
        { from: 'user' },
      );
      const cli = optionValues(specs, program);
      process.env.INPUT_COMMAND = command;
      for (const [name, value] of own) process.env[`INPUT_${name.toUpperCase()}`] = value;
      const action = readSettings().values as Record<string, unknown>;
      for (const spec of specs.filter((spec) => spec.only === undefined)) {
        const key = camel(spec.name);
        // The action waits by default (a deploy step); the CLI waits when asked.
        if (key === 'wait') continue;
        assert.deepEqual(action[key], (cli as Record<string, unknown>)[key], `${command}: ${key}`);
      }
    }
  });
});
