import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { readSettings } from '../../src/action/settings.js';
import { collectionPath, objectPath } from '../../src/adapters/kube/discovery.js';
import { ConfigError } from '../../src/core/errors.js';
import { nameProblem } from '../../src/core/object-names.js';
import { countingServer, ferryOnSet, manifests } from '../helpers/counting-server.js';

// Names and namespaces become URL path segments. Each is checked against the API server's own
// rule for it before any request (one line, exit 2), and every segment is encoded.

const LABEL_RULE =
  "a DNS label: lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters";
const BAD_NAMESPACES = ['t2/../kube-system', 't2%2F..', 'Foo', '', '..', 'a'.repeat(64)];

const configMap = (name: string, namespace?: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${JSON.stringify(name)}\n${namespace === undefined ? '' : `  namespace: ${JSON.stringify(namespace)}\n`}data: {a: "1"}\n`;

describe('names and namespaces are checked before any request', () => {
  for (const command of ['apply', 'plan', 'drift']) {
    it(`ferry ${command} --namespace: exit 2 naming the flag`, async (t) => {
      const { kubeconfig, requests } = await countingServer(t);
      const dir = await manifests(t);
      for (const namespace of BAD_NAMESPACES) {
        const run = await ferryOnSet(command, dir, kubeconfig, '--namespace', namespace);
        assert.equal(
          run.stderr,
          `error: --namespace: ${JSON.stringify(namespace.length > 80 ? `${namespace.slice(0, 80)}…` : namespace)} is not a valid namespace (${LABEL_RULE})\n`,
        );
        assert.equal(run.code, 2);
      }
      assert.deepEqual(requests, []);
    });
  }

  it('a manifest name or namespace that is not what the API server takes', async (t) => {
    const { kubeconfig, requests } = await countingServer(t);
    const cases: [string, string][] = [
      [
        configMap('Bad_Name/../x'),
        `metadata.name "Bad_Name/../x" is not a valid ConfigMap name (a DNS subdomain: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)`,
      ],
      [
        configMap('ok', 't2/../kube-system'),
        `metadata.namespace "t2/../kube-system" is not a valid namespace (${LABEL_RULE})`,
      ],
      [
        'apiVersion: v1\nkind: Service\nmetadata: {name: 1web}\nspec: {ports: [{port: 80}]}\n',
        `metadata.name "1web" is not a valid Service name (a DNS-1035 label: lowercase letters, digits and '-', starting with a letter and ending with a letter or digit, at most 63 characters)`,
      ],
      [
        'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: ../secrets}\n',
        `metadata.name "../secrets" is not a valid Widget name (not empty, "." or "..", and without '/' or '%')`,
      ],
    ];
    for (const [text, message] of cases) {
      const dir = await manifests(t, { 'object.yaml': text });
      const run = await ferryOnSet('apply', dir, kubeconfig);
      const kind = /kind: (\w+)/.exec(text)![1]!;
      const object = kind === 'ConfigMap' && message.includes('namespace') ? 'ConfigMap ok' : kind;
      assert.equal(
        run.stderr,
        `error: ${join(dir, 'object.yaml')}: document 1 (${object}): ${message}\n`,
      );
      assert.equal(run.code, 2);
    }
    assert.deepEqual(requests, []);
  });

  it("a kubeconfig context's namespace", async (t) => {
    const { kubeconfig, requests } = await countingServer(t, { namespace: 't2/../kube-system' });
    const run = await ferryOnSet('apply', await manifests(t), kubeconfig);
    assert.equal(
      run.stderr,
      `error: kubeconfig: ${kubeconfig}: contexts[0].context.namespace: "t2/../kube-system" is not a valid namespace (${LABEL_RULE})\n`,
    );
    assert.equal(run.code, 2);
    assert.deepEqual(requests, []);
  });

  it('the action input namespace', () => {
    process.env.INPUT_COMMAND = 'drift';
    process.env.INPUT_DIR = 'rendered';
    process.env.INPUT_INVENTORY = 'demo';
    process.env.INPUT_NAMESPACE = 't2%2F..';
    assert.throws(
      () => readSettings(),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message === `input namespace: "t2%2F.." is not a valid namespace (${LABEL_RULE})`,
    );
  });
  afterEach(() => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name];
  });
});

describe("each kind's own rule, as the API server has it", () => {
  it('refuses what the server refuses and takes what it takes', () => {
    const valid: [string, string, string][] = [
      ['', 'ConfigMap', 'app.config-1'],
      ['', 'Namespace', 'team-a'],
      ['', 'Service', 'web'],
      ['apps', 'Deployment', 'web.v2'],
      ['rbac.authorization.k8s.io', 'ClusterRole', 'system:aggregate-to-admin'],
      ['rbac.authorization.k8s.io', 'RoleBinding', 'Team_Readers'],
      ['batch', 'CronJob', 'c'.repeat(52)],
      ['example.com', 'Widget', 'Any_Name:1'],
    ];
    for (const [group, kind, name] of valid)
      assert.equal(nameProblem(group, kind, name), undefined, `${kind} ${name}`);
    const invalid: [string, string, string][] = [
      ['', 'ConfigMap', 'Upper'],
      ['', 'ConfigMap', 'a_b'],
      ['', 'Secret', 'x'.repeat(254)],
      ['', 'Namespace', 'a.b'],
      ['apps', 'StatefulSet', 'db.primary'],
      ['', 'Service', '1web'],
      ['batch', 'CronJob', 'c'.repeat(53)],
      ['rbac.authorization.k8s.io', 'Role', 'a/b'],
      ['example.com', 'Widget', '..'],
      ['example.com', 'Widget', '50%'],
      ['example.com', 'Widget', ''],
    ];
    for (const [group, kind, name] of invalid)
      assert.notEqual(nameProblem(group, kind, name), undefined, `${kind} ${name}`);
  });

  it('encodes every path segment and refuses "." and ".." ones', () => {
    const info = {
      group: 'rbac.authorization.k8s.io',
      version: 'v1',
      kind: 'Role',
      resource: 'roles',
      namespaced: true,
      statusSubresource: false,
    };
    assert.equal(
      objectPath(info, 'a:b c', 'ns'),
      '/apis/rbac.authorization.k8s.io/v1/namespaces/ns/roles/a%3Ab%20c',
    );
    assert.equal(
      objectPath(info, 'x/../y', 'ns'),
      '/apis/rbac.authorization.k8s.io/v1/namespaces/ns/roles/x%2F..%2Fy',
    );
    for (const bad of ['..', '.', ''])
      assert.throws(() => objectPath(info, bad, 'ns'), /refusing to request a URL/);
    assert.throws(() => collectionPath(info, '..'), /as the namespace/);
    assert.throws(() => collectionPath({ ...info, resource: '..' }), /as the resource/);
  });
});
