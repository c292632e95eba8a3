import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { copyFile, cp, mkdtemp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { runFerry } from '../helpers/cli.js';
import { writeApp } from '../helpers/render.js';
import { fixture } from '../helpers/sops.js';

const example = 'examples/guestbook/ferry.yaml';
const sourceFlags = [
  '--source-commit',
  '0123456789abcdef0123456789abcdef01234567',
  '--run-url',
  'https://ci.example.com/run/1',
];

/**
 * Compares with a stored snapshot. A missing snapshot fails (it would otherwise be written and
 * then compared with itself); FERRY_UPDATE_SNAPSHOTS=1 writes or rewrites it, on purpose.
 */
function matchesSnapshot(actual: string, name: string): void {
  const path = join('test/fixtures/snapshots', name);
  if (process.env.FERRY_UPDATE_SNAPSHOTS === '1') writeFileSync(path, actual);
  assert.ok(existsSync(path), `snapshot ${path} is missing (FERRY_UPDATE_SNAPSHOTS=1 to write it)`);
  assert.equal(
    actual,
    readFileSync(path, 'utf8'),
    `snapshot ${path} differs (FERRY_UPDATE_SNAPSHOTS=1 to accept)`,
  );
}

describe('ferry render', () => {
  for (const env of ['staging', 'production']) {
    it(`renders the guestbook example for ${env} (snapshot)`, async () => {
      const { code, stdout, stderr } = await runFerry([
        'render',
        '--config',
        example,
        '--env',
        env,
        '--image-tag',
        '1.4.2',
        ...sourceFlags,
      ]);
      assert.equal(stderr, '');
      assert.equal(code, 0);
      matchesSnapshot(stdout, `guestbook-${env}.yaml`);
    });
  }

  it('is deterministic: the same inputs give byte-identical output', async () => {
    const args = [
      'render',
      '--config',
      example,
      '--env',
      'production',
      '--image-tag',
      '2.0.0',
      ...sourceFlags,
    ];
    const first = await runFerry(args);
    const second = await runFerry(args);
    assert.equal(first.code, 0);
    assert.equal(first.stdout, second.stdout);
  });

  it('adds per-build annotations only to the objects that use the image; app and environment to all', async () => {
    const { stdout } = await runFerry([
      'render',
      '--config',
      example,
      '--env',
      'staging',
      '--image-tag',
      '1.4.2',
      ...sourceFlags,
    ]);
    const objects = yaml.loadAll(stdout) as {
      kind: string;
      metadata: { annotations: Record<string, string> };
    }[];
    assert.ok(objects.length >= 5);
    for (const object of objects) {
      assert.equal(object.metadata.annotations['ferry.dev/app'], 'guestbook');
      assert.equal(object.metadata.annotations['ferry.dev/environment'], 'staging');
    }
    const stamped = objects.filter((o) => o.metadata.annotations['ferry.dev/image'] !== undefined);
    assert.deepEqual(
      stamped.map((o) => o.kind),
      ['Deployment'],
      'a tag bump changes only the object that runs the image',
    );
    const deployment = stamped[0]!.metadata.annotations;
    assert.equal(deployment['ferry.dev/image'], 'registry.example.com/acme/guestbook:1.4.2');
    assert.equal(deployment['ferry.dev/source-commit'], sourceFlags[1]);
    assert.equal(deployment['ferry.dev/run-url'], sourceFlags[3]);
    for (const object of objects.filter((o) => o.kind !== 'Deployment'))
      assert.equal(object.metadata.annotations['ferry.dev/source-commit'], undefined);
  });

  it('writes one file per object with --out, replacing an earlier rendering wholesale', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'ferry-out-')), 'rendered');
    // An earlier rendering, plus a file of an object the new one no longer has.
    const earlier = await runFerry([
      'render',
      '-c',
      example,
      '-e',
      'staging',
      '-t',
      '1',
      '-o',
      out,
    ]);
    assert.equal(earlier.code, 0, earlier.stderr);
    await copyFile(join(out, 'deployment-guestbook.yaml'), join(out, 'stale-object.yaml'));
    const { code, stderr } = await runFerry([
      'render',
      '--config',
      example,
      '--env',
      'production',
      '--image-tag',
      '1.4.2',
      '--out',
      out,
    ]);
    assert.equal(code, 0, stderr);
    assert.deepEqual((await readdir(out)).sort(), [
      'configmap-guestbook-config.yaml',
      'deployment-guestbook.yaml',
      'horizontalpodautoscaler-guestbook.yaml',
      'ingress-guestbook.yaml',
      'poddisruptionbudget-guestbook.yaml',
      'service-guestbook.yaml',
    ]);
  });

  it('creates the parents of a new --out folder', async () => {
    // The action's default is $RUNNER_TEMP/ferry/rendered, and $RUNNER_TEMP/ferry is new.
    const out = join(await mkdtemp(join(tmpdir(), 'ferry-out-')), 'ferry', 'rendered');
    const { code, stderr } = await runFerry([
      'render',
      '--config',
      example,
      '--env',
      'staging',
      '--image-tag',
      '1',
      '--out',
      out,
    ]);
    assert.equal(code, 0, stderr);
    assert.equal((await readdir(out)).length, 5);
  });

  it('keeps value types: numbers stay numbers unless quoted, strings stay strings', async () => {
    const config = await writeApp(
      {
        'cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{app}}\ndata:\n  quoted: "{{values.replicas}}"\n  tag: {{image.tag}}\n  mixed: v{{values.replicas}}-{{image.tag}}\n  yes: {{quote values.no}}\n',
        'deploy.yaml':
          'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{app}}\nspec:\n  replicas: {{values.replicas}}\n',
      },
      `app: demo\nimage: r.example.com/demo\ntemplates: deploy\nenvironments:\n  dev: {repo: x, path: p, values: {replicas: 3, no: "no"}}\n`,
    );
    const { code, stdout, stderr } = await runFerry([
      'render',
      '-c',
      config,
      '-e',
      'dev',
      '-t',
      '1.10',
    ]);
    assert.equal(code, 0, stderr);
    const [cm, deploy] = yaml.loadAll(stdout) as [
      { data: Record<string, unknown> },
      { spec: { replicas: unknown } },
    ];
    assert.deepEqual(cm.data, { quoted: '3', tag: '1.10', mixed: 'v3-1.10', yes: 'no' });
    assert.equal(deploy.spec.replicas, 3);
  });

  it('embeds structures with toYaml whatever the indentation', async () => {
    const config = await writeApp(
      {
        'd.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: {{toYaml values.labels indent=8}}\n',
      },
      `app: demo\nimage: r.example.com/demo\ntemplates: deploy\nenvironments:\n  dev: {repo: x, path: p, values: {labels: {a: "1", b: "two"}}}\n`,
    );
    const { code, stdout } = await runFerry(['render', '-c', config, '-e', 'dev', '-t', '1']);
    assert.equal(code, 0);
    assert.deepEqual((yaml.load(stdout) as { metadata: { labels: unknown } }).metadata.labels, {
      a: '1',
      b: 'two',
    });
  });
});

describe('ferry render rejects bad input with one line and exit code 2', () => {
  const cases: {
    name: string;
    templates: Record<string, string>;
    args?: string[];
    error: RegExp;
  }[] = [
    {
      name: 'an unknown variable, with template and line',
      templates: {
        'cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{app}}\ndata:\n  a: {{values.nmae}}\n',
      },
      error: /^error: deploy\/cm\.yaml:6: unknown variable "values\.nmae"$/,
    },
    {
      name: 'an unknown variable inside a condition',
      templates: {
        'cm.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n{{#if values.debgu}}\ndata: {}\n{{/if}}\n',
      },
      error: /^error: deploy\/cm\.yaml:5: unknown variable "values\.debgu"$/,
    },
    {
      name: 'an unknown helper',
      templates: {
        'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{b64enc app}}\n',
      },
      error: /^error: deploy\/cm\.yaml:4: unknown helper "b64enc"/,
    },
    {
      name: 'a bad image tag',
      templates: { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' },
      args: ['-e', 'dev', '-t', 'v1\n  privileged: true'],
      error: /^error: image tag "v1\\n  privileged: true" is not a valid OCI tag/,
    },
    {
      name: 'a duplicate object identity',
      templates: {
        'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n',
        'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n',
      },
      error: /^error: deploy\/b\.yaml: ConfigMap same is already defined in deploy\/a\.yaml/,
    },
    {
      name: 'a plaintext Secret',
      templates: {
        's.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\nstringData:\n  password: hunter2\n',
      },
      error: /^error: deploy\/s\.yaml: Secret creds holds plaintext data; encrypt it with SOPS/,
    },
    {
      name: 'a plaintext Secret inside a List',
      templates: {
        'l.yaml':
          'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n  - {apiVersion: v1, kind: Secret, metadata: {name: creds}, stringData: {password: hunter2}}\n',
      },
      error: /^error: deploy\/l\.yaml: Secret creds holds plaintext data/,
    },
    {
      name: 'a List item without a name, naming the item',
      templates: {
        'l.yaml':
          'apiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}\n  - {apiVersion: v1, kind: ConfigMap, metadata: {}}\n',
      },
      error:
        /^error: deploy\/l\.yaml: document 1, item 2 \(ConfigMap\): metadata\.name is required/,
    },
    {
      name: 'a Secret that only looks encrypted (sops block, plaintext value)',
      templates: {
        's.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata: {name: creds}\ndata:\n  password: aHVudGVyMg==\nsops: {mac: x}\n',
      },
      error: /plaintext data/,
    },
    {
      name: 'invalid YAML, naming the template and line',
      templates: {
        'bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n   labels: [\n',
      },
      error: /^error: deploy\/bad\.yaml:5: invalid YAML after rendering: /,
    },
    {
      name: 'a document without metadata.name',
      templates: { 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n' },
      error: /^error: deploy\/x\.yaml: document 1 \(ConfigMap\): metadata\.name is required/,
    },
    {
      name: 'an unknown environment',
      templates: { 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' },
      args: ['-e', 'prod', '-t', '1'],
      error: /no environment "prod" \(environments: dev\)/,
    },
    {
      name: 'a template syntax error',
      templates: { 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: {{app}\n' },
      error: /^error: deploy\/x\.yaml:3: template syntax error/,
    },
  ];
  for (const { name, templates, args, error } of cases) {
    it(name, async () => {
      const config = await writeApp(templates);
      const { code, stdout, stderr } = await runFerry([
        'render',
        '-c',
        config,
        ...(args ?? ['-e', 'dev', '-t', '1.0.0']),
      ]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr.trimEnd().split('\n').length, 1, `one line: ${stderr}`);
      assert.match(stderr.trimEnd(), error);
    });
  }

  it('accepts SOPS-encrypted Secrets, SealedSecrets and ExternalSecrets', async () => {
    const config = await writeApp({
      's.yaml': await fixture('secret.sops.yaml'),
      'sealed.yaml':
        'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: sealed}\nspec: {encryptedData: {password: AgBy}}\n',
      'ext.yaml':
        'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata: {name: ext}\nspec: {secretStoreRef: {name: vault}}\n',
    });
    const { code, stderr } = await runFerry(['render', '-c', config, '-e', 'dev', '-t', '1']);
    assert.equal(code, 0, stderr);
  });

  it('reports a missing config file', async () => {
    const { code, stderr } = await runFerry([
      'render',
      '-c',
      '/nonexistent/ferry.yaml',
      '-e',
      'dev',
      '-t',
      '1',
    ]);
    assert.equal(code, 2);
    assert.equal(stderr, 'error: /nonexistent/ferry.yaml: config file not found\n');
  });

  it("refuses the same object twice when one copy takes the environment's namespace, naming both", async () => {
    const same = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\ndata: {x: "1"}\n';
    const config = await writeApp(
      { 'a.yaml': same, 'b.yaml': same.replace('{name: same}', '{name: same, namespace: demo}') },
      `app: demo\nimage: r.example.com/demo\ntemplates: deploy\nenvironments:\n  dev: {repo: ../env, path: apps/demo/dev, namespace: demo}\n`,
    );
    const { code, stdout, stderr } = await runFerry([
      'render',
      '-c',
      config,
      '-e',
      'dev',
      '-t',
      '1',
    ]);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      'error: deploy/b.yaml: ConfigMap demo/same is already defined in deploy/a.yaml (duplicate object identity, once its namespace is defaulted)\n',
    );
  });

  it('reads an absolute templates folder, and names a missing one as ferry.yaml has it', async () => {
    const elsewhere = dirname(
      await writeApp({ 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' }),
    );
    const configFor = (templates: string) =>
      writeApp(
        {},
        `app: demo\nimage: r.example.com/demo\ntemplates: ${templates}\nenvironments:\n  dev: {repo: ../env, path: apps/demo/dev}\n`,
      );
    const found = await runFerry([
      'render',
      '-c',
      await configFor(join(elsewhere, 'deploy')),
      '-e',
      'dev',
      '-t',
      '1',
    ]);
    assert.equal(found.code, 0, found.stderr);
    assert.match(found.stdout, /kind: ConfigMap/);
    const missing = join(elsewhere, 'missing');
    const lost = await runFerry(['render', '-c', await configFor(missing), '-e', 'dev', '-t', '1']);
    assert.equal(lost.code, 2);
    assert.equal(lost.stderr, `error: ${missing}: templates folder not found\n`);
  });

  it('treats a missing option as a usage error', async () => {
    const { code, stderr } = await runFerry(['render', '-c', example]);
    assert.equal(code, 2);
    assert.match(stderr, /required option '-e, --env <name>' not specified/);
  });
});

describe('render --out never replaces what is not its own', () => {
  const render = (config: string, out: string) =>
    runFerry(['render', '-c', config, '-e', 'staging', '-t', '1', '--out', out]);
  /** Every file under `dir` with its content, to show nothing changed. */
  const snapshot = async (dir: string) =>
    Object.fromEntries(
      await Promise.all(
        (await readdir(dir, { recursive: true, withFileTypes: true }))
          .filter((e) => e.isFile())
          .map(async (e) => {
            const path = join(e.parentPath, e.name);
            return [path, await readFile(path, 'utf8')] as const;
          }),
      ),
    );
  /** A copy of the guestbook example to point --out at; returns its ferry.yaml. */
  const exampleCopy = async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'ferry-example-')), 'app');
    await cp(dirname(example), dir, { recursive: true });
    return join(dir, 'ferry.yaml');
  };

  const foreign: [string, Record<string, string>, RegExp][] = [
    [
      'a file in a subfolder named like YAML',
      { 'important.yaml/notes.txt': 'keep me' },
      /holds important\.yaml\/notes\.txt, which ferry did not render/,
    ],
    ['a README', { 'README.md': 'keep me' }, /holds README\.md, which ferry did not render/],
    [
      'YAML that ferry did not write',
      { 'mine.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: mine}\n' },
      /holds mine\.yaml, which ferry did not render/,
    ],
    [
      'a foreign file deeper down',
      { 'z/deep/notes.yaml': 'a: 1\n' },
      /holds z\/deep\/notes\.yaml, which ferry did not render/,
    ],
  ];
  for (const [name, files, message] of foreign) {
    it(`refuses a folder holding ${name}, naming it, and changes nothing`, async () => {
      const out = await mkdtemp(join(tmpdir(), 'ferry-out-'));
      for (const [file, text] of Object.entries(files)) {
        await mkdir(dirname(join(out, file)), { recursive: true });
        await writeFile(join(out, file), text);
      }
      const before = await snapshot(out);
      const { code, stderr } = await render(example, out);
      assert.equal(code, 2, stderr);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
      assert.match(stderr, message);
      assert.deepEqual(await snapshot(out), before);
    });
  }

  for (const [name, where, message] of [
    ['the templates folder', 'deploy', /is the templates folder/],
    ['a folder inside the templates folder', 'deploy/rendered', /is inside the templates folder/],
    ['the folder of ferry.yaml', '.', /holds the config file/],
    ['a folder holding ferry.yaml', '..', /holds the config file/],
  ] as const) {
    it(`refuses ${name}, and changes nothing`, async () => {
      const config = await exampleCopy();
      const root = dirname(dirname(config));
      const before = await snapshot(root);
      const { code, stderr } = await render(config, join(dirname(config), where));
      assert.equal(code, 2, stderr);
      assert.match(stderr, message);
      assert.deepEqual(await snapshot(root), before);
    });
  }
});
