// The pinned renderers (test/tools/build.sh, wrapper modules in test/tools/modules/) build, run,
// and report exactly the versions their go.mod files pin; sops and age-keygen work together.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { buildTools, type ToolName } from '../helpers/tools.js';

const run = promisify(execFile);
const modules = join(import.meta.dirname, '..', 'tools', 'modules');

/** The version a wrapper module's go.mod requires of `module`. */
async function pinned(folder: string, module: string): Promise<string> {
  const goMod = await readFile(join(modules, folder, 'go.mod'), 'utf8');
  const escaped = module.replaceAll('.', '\\.');
  const version = new RegExp(`^\\s*(?:require\\s+)?${escaped} (v\\S+)`, 'm').exec(goMod)?.[1];
  assert.ok(version, `${folder}/go.mod requires ${module}`);
  return version;
}

describe('pinned kustomize, helm, sops and age-keygen', () => {
  let bin: Record<ToolName, string>;
  let dir: string;
  before(
    async () => {
      bin = await buildTools();
      dir = await mkdtemp(join(tmpdir(), 'ferry-tools-'));
    },
    { timeout: 40 * 60_000 }, // a cold build of all four, run alone, on a busy 2-core machine
  );
  after(() => rm(dir, { recursive: true, force: true }));

  it('live in the cache under <tool>-<pinned version>/bin', async () => {
    const versions = {
      kustomize: await pinned('kustomize', 'sigs.k8s.io/kustomize/kustomize/v5'),
      helm: await pinned('helm', 'helm.sh/helm/v3'),
      sops: await pinned('sops', 'github.com/getsops/sops/v3'),
      'age-keygen': await pinned('age', 'filippo.io/age'),
    };
    for (const [tool, version] of Object.entries(versions))
      assert.ok(bin[tool as ToolName].endsWith(`/tools/${tool}-${version}/bin/${tool}`), tool);
  });

  it('kustomize reports its pinned version and builds an overlay', async () => {
    const { stdout } = await run(bin.kustomize, ['version']);
    assert.equal(stdout.trim(), await pinned('kustomize', 'sigs.k8s.io/kustomize/kustomize/v5'));
    await writeFile(join(dir, 'kustomization.yaml'), 'namePrefix: p-\nresources: [cm.yaml]\n');
    await writeFile(join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n');
    const built = await run(bin.kustomize, ['build', dir]);
    assert.match(built.stdout, /name: p-a/);
  });

  it('helm reports its pinned version and templates with the Kubernetes version of its client-go', async () => {
    const { stdout } = await run(bin.helm, ['version', '--template', '{{.Version}}']);
    assert.equal(stdout, await pinned('helm', 'helm.sh/helm/v3'));
    // Release builds stamp .Capabilities.KubeVersion from client-go (v0.X → v1.X.0); an
    // unstamped build says v1.20.0, so `helm template` output would differ from the release's.
    const clientGo = await pinned('helm', 'k8s.io/client-go');
    const chart = join(dir, 'chart');
    await mkdir(join(chart, 'templates'), { recursive: true });
    await writeFile(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    await writeFile(
      join(chart, 'templates', 'cm.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {kube: "{{ .Capabilities.KubeVersion.Version }}"}\n',
    );
    const rendered = await run(bin.helm, ['template', chart]);
    assert.match(rendered.stdout, new RegExp(`kube: "v1\\.${clientGo.split('.')[1]}\\.0"`));
  });

  it('age-keygen and sops report their pinned versions and round-trip a secret', async () => {
    const age = await run(bin['age-keygen'], ['--version']);
    assert.equal(age.stdout.trim(), await pinned('age', 'filippo.io/age'));
    const sops = await run(bin.sops, ['--version', '--disable-version-check']);
    assert.equal(
      sops.stdout.trim(),
      `sops ${(await pinned('sops', 'github.com/getsops/sops/v3')).slice(1)}`,
    );

    const keyFile = join(dir, 'age.key');
    const generated = await run(bin['age-keygen'], ['-o', keyFile]);
    const recipient = /age1[0-9a-z]+/.exec(generated.stderr)?.[0];
    assert.ok(recipient, generated.stderr);
    const plain = join(dir, 'secret.yaml');
    await writeFile(plain, 'password: hunter2\n');
    const encrypted = await run(bin.sops, ['--encrypt', '--age', recipient, plain]);
    assert.match(encrypted.stdout, /password: ENC\[AES256_GCM,/);
    assert.doesNotMatch(encrypted.stdout, /hunter2/);
    const sealed = join(dir, 'secret.enc.yaml');
    await writeFile(sealed, encrypted.stdout);
    const env = { ...process.env, SOPS_AGE_KEY_FILE: keyFile };
    const decrypted = await run(bin.sops, ['--decrypt', sealed], { env });
    assert.equal(decrypted.stdout, 'password: hunter2\n');
  });

  it('the build script builds nothing when every binary is cached, and refuses an unknown tool', async () => {
    const script = join(import.meta.dirname, '..', 'tools', 'build.sh');
    const again = await run('bash', [script, 'helm', 'sops']);
    assert.equal(again.stdout, `${bin.helm}\n${bin.sops}\n`);
    assert.equal(again.stderr, '');
    await assert.rejects(
      run('bash', [script, 'kubectl']),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /unknown tool 'kubectl'/);
        return true;
      },
    );
  });
});
