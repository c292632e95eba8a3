import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readManifestDir } from '../../src/adapters/files.js';

// apply and drift read a folder of plain manifests: their errors name the file and line, and say
// nothing of rendering (nothing was rendered).
describe('reading a manifests folder', () => {
  it('names the file and line of invalid YAML', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-manifests-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const file = join(dir, 'cm.yaml');
    await writeFile(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n');
    await assert.rejects(readManifestDir(dir), (error: Error) => {
      assert.equal(
        error.message,
        `${file}:5: invalid YAML: bad indentation of a mapping entry (at "data: 1")`,
      );
      return true;
    });
  });

  it('applies the items of a List one by one, as kubectl does', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'ferry-manifests-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    await writeFile(
      join(dir, 'exported.yaml'),
      'apiVersion: v1\nkind: List\nitems:\n' +
        '- {apiVersion: v1, kind: ConfigMap, metadata: {name: a}}\n' +
        '- {apiVersion: v1, kind: ServiceAccount, metadata: {name: b}}\n' +
        '---\napiVersion: v1\nkind: Service\nmetadata: {name: c}\n',
    );
    const manifests = await readManifestDir(dir);
    assert.deepEqual(
      manifests.map((m) => `${m.object.kind}/${m.object.metadata.name}`),
      ['ConfigMap/a', 'ServiceAccount/b', 'Service/c'],
    );
  });

  it('says when the folder does not exist', async () => {
    const dir = join(tmpdir(), 'ferry-no-such-folder');
    await assert.rejects(readManifestDir(dir), (error: Error) => {
      assert.equal(error.message, `${dir}: manifests folder not found`);
      return true;
    });
  });
});
