import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import yaml from 'js-yaml';
import { runFerry } from './cli.js';

/** A temporary folder, removed after the test. */
export async function scratch(t: TestContext): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-options-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * An "API server" that counts what reaches it (and answers 404), with a kubeconfig for it: a
 * command that got past its checks would show up in `requests`.
 */
export async function countingServer(
  t: TestContext,
  context: { namespace?: string } = { namespace: 'default' },
): Promise<{ kubeconfig: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  const dir = await scratch(t);
  const kubeconfig = join(dir, 'kubeconfig');
  await writeFile(
    kubeconfig,
    yaml.dump({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server: `http://127.0.0.1:${port}` } }],
      users: [{ name: 'u', user: { token: 'test-token' } }],
      contexts: [{ name: 'c', context: { cluster: 'c', user: 'u', ...context } }],
      'current-context': 'c',
    }),
  );
  t.after(() => new Promise((done) => server.close(done)));
  return { kubeconfig, requests };
}

/** A manifests folder with one ConfigMap (or the given files). */
export async function manifests(
  t: TestContext,
  files: Record<string, string | Buffer> = {
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: options-test}\ndata: {a: "1"}\n',
  },
): Promise<string> {
  const dir = await scratch(t);
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

/** `ferry <command> -d <dir> -i demo --kubeconfig <kubeconfig> <flags…>`, run in-process. */
export function ferryOnSet(
  command: string,
  dir: string,
  kubeconfig: string,
  ...flags: string[]
): ReturnType<typeof runFerry> {
  return runFerry([command, '-d', dir, '-i', 'demo', '--kubeconfig', kubeconfig, ...flags]);
}
