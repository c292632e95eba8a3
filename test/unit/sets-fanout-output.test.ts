// What CI fans out: the GitHub matrix and the GitLab child pipeline `ferry sets` prints, from
// the listed sets alone (src/core/sets-output.ts), and the dependency order they carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { ConfigError } from '../../src/core/errors.js';
import type { EnvSet } from '../../src/core/set-descriptor.js';
import { ancestorsOf } from '../../src/core/set-order.js';
import { githubMatrix, gitlabPipeline, type SetEntry } from '../../src/core/sets-output.js';

const entry = (set: string, fields: Partial<SetEntry> = {}): SetEntry => ({
  set,
  cluster: 'prod-eu',
  path: `sets/${set}`,
  namespace: undefined,
  dependsOn: [],
  ancestors: [],
  ...fields,
});

const TEMPLATE =
  'image: node:24\nscript:\n  - ferry apply --set "$FERRY_SET" --cluster "$FERRY_CLUSTER"\n';

type Jobs = Record<
  string,
  { extends?: string; needs?: string[]; variables?: Record<string, string>; script?: string[] }
>;
const pipeline = (entries: SetEntry[]): Jobs =>
  yaml.load(gitlabPipeline(entries, TEMPLATE, 'ferry-set-job.yml')) as Jobs;

describe('the GitHub matrix', () => {
  it('is one line of the JSON strategy.matrix takes: include entries with set, cluster and path', () => {
    const text = githubMatrix([
      entry('crds', { namespace: 'kube-system' }),
      entry('app', { dependsOn: ['crds'], ancestors: ['crds'] }),
    ]);
    assert.doesNotMatch(text, /\n/);
    assert.deepEqual(JSON.parse(text), {
      include: [
        { set: 'crds', cluster: 'prod-eu', path: 'sets/crds' },
        { set: 'app', cluster: 'prod-eu', path: 'sets/app' },
      ],
    });
  });

  it('is an empty include when nothing is listed (the workflow skips the job on count 0)', () => {
    assert.equal(githubMatrix([]), '{"include":[]}');
  });
});

describe('the GitLab child pipeline', () => {
  it('has a job per set extending the template, with its set, cluster and folder as variables', () => {
    const jobs = pipeline([entry('crds'), entry('app', { cluster: 'prod-us' })]);
    assert.deepEqual(jobs['.ferry-set'], yaml.load(TEMPLATE));
    assert.deepEqual(jobs['apply app on prod-us'], {
      extends: '.ferry-set',
      variables: { FERRY_SET: 'app', FERRY_CLUSTER: 'prod-us', FERRY_SET_PATH: 'sets/app' },
      needs: [],
    });
  });

  it('needs the listed dependencies of the same cluster only', () => {
    const jobs = pipeline([
      entry('crds'),
      entry('app', { dependsOn: ['crds', 'operator'], ancestors: ['crds', 'operator'] }),
      entry('crds', { cluster: 'prod-us' }),
    ]);
    assert.deepEqual(jobs['apply app on prod-eu']?.needs, ['apply crds on prod-eu']);
  });

  it('needs a listed set reached through unlisted ones, and no set another need follows anyway', () => {
    // crds ← operator (unchanged, not listed) ← app; and web ← app, web ← crds directly.
    const jobs = pipeline([
      entry('crds'),
      entry('app', { dependsOn: ['operator'], ancestors: ['crds', 'operator'] }),
      entry('web', { dependsOn: ['app', 'crds'], ancestors: ['crds', 'operator', 'app'] }),
    ]);
    assert.deepEqual(jobs['apply app on prod-eu']?.needs, ['apply crds on prod-eu']);
    assert.deepEqual(jobs['apply web on prod-eu']?.needs, ['apply app on prod-eu']);
  });

  it('keeps a hostile folder name a plain value', () => {
    const path = 'apps/x: y\n- z: "$(id)"';
    const jobs = pipeline([entry('app', { path })]);
    assert.equal(jobs['apply app on prod-eu']?.variables?.FERRY_SET_PATH, path);
  });

  it('with nothing listed, has one job saying so (GitLab refuses a pipeline without jobs)', () => {
    const jobs = pipeline([]);
    assert.deepEqual(Object.keys(jobs), ['.ferry-set', 'ferry: no set to apply']);
  });

  it('refuses a template that is not a job body, naming the file', () => {
    for (const text of ['- a list\n', 'just text\n', 'image: [unclosed\n']) {
      assert.throws(
        () => gitlabPipeline([entry('app')], text, 'ci/set-job.yml'),
        (error: unknown) =>
          error instanceof ConfigError && /^ci\/set-job\.yml: /.test(error.message),
        text,
      );
    }
  });
});

describe('the sets a set follows', () => {
  const set = (name: string): EnvSet =>
    ({ descriptor: { inventory: name, dependsOn: [] }, path: name }) as unknown as EnvSet;
  const [crds, operator, app, web] = ['crds', 'operator', 'app', 'web'].map(set) as [
    EnvSet,
    EnvSet,
    EnvSet,
    EnvSet,
  ];
  const dependencies = new Map<string, EnvSet[]>([
    ['crds', []],
    ['operator', [crds]],
    ['app', [operator]],
    ['web', [app, crds]],
  ]);

  it('are its dependencies and theirs, dependencies first, each once', () => {
    const names = (name: string) =>
      ancestorsOf(name, dependencies).map((s) => s.descriptor.inventory);
    assert.deepEqual(names('crds'), []);
    assert.deepEqual(names('app'), ['crds', 'operator']);
    assert.deepEqual(names('web'), ['crds', 'operator', 'app']);
    assert.equal(web.descriptor.inventory, 'web');
  });
});
