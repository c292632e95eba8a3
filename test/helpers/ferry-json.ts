import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toYamlDocument, type KubeObject } from '../../src/core/manifest.js';
import { runFerry } from './cli.js';
import { testKubeconfig } from './kube.js';

/** One drifted field as `ferry drift --output json` prints it. */
export interface DriftField {
  path: string;
  git?: unknown;
  live?: unknown;
  manager?: unknown;
  unattributed?: unknown;
}

/** `ferry drift --output json`, as much of it as these tests read. */
export interface DriftJson {
  clean: boolean;
  objects: { object: string; kind: string; fields: DriftField[] }[];
}

/** `ferry apply --output json`, as much of it as these tests read (restored: issue 13). */
export interface ApplyJson {
  objects: { object: string; action: string; message?: string }[];
  counts: Record<string, number>;
  restored?: { object: string; path: string; manager?: string; unattributed?: string }[];
  requests: Record<string, number>;
}

/** A folder holding the objects as one manifests file, as a pipeline hands it to ferry. */
export async function manifestsDir(objects: KubeObject[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-manifests-'));
  await writeFile(join(dir, 'all.yaml'), objects.map((o) => toYamlDocument(o)).join('---\n'));
  return dir;
}

/** Where an inventory lives: its manifests folder, name and namespace. */
export interface Target {
  dir: string;
  inventory: string;
  namespace: string;
}

/** The CLI's arguments that name a target on the test cluster. */
export const targetArgs = (t: Target): string[] => [
  '--dir',
  t.dir,
  '--inventory',
  t.inventory,
  '--namespace',
  t.namespace,
  '--kubeconfig',
  testKubeconfig()!,
  // Public manifests (kube-prometheus, …) ship plaintext Secrets: allowed, as a set may allow it.
  '--allow-plaintext-secrets',
];

const where = (t: Target): string[] => [...targetArgs(t), '--output', 'json'];

/** `ferry apply --output json`; `json` is undefined when it printed no report (a usage error). */
export async function ferryApply(
  target: Target,
  extra: string[] = [],
): Promise<{ code: number; json?: ApplyJson; stderr: string; stdout: string }> {
  const result = await runFerry(['apply', ...where(target), ...extra]);
  const json = result.stdout.trim() ? (JSON.parse(result.stdout) as ApplyJson) : undefined;
  return { ...result, json };
}

/** `ferry drift --output json`, which must succeed. */
export async function ferryDrift(target: Target): Promise<DriftJson> {
  const result = await runFerry(['drift', ...where(target)]);
  assert.equal(result.code, 0, `ferry drift: ${result.stderr}`);
  return JSON.parse(result.stdout) as DriftJson;
}

/** A drift report as `object path` lines (`object: kind` for a missing or extra object). */
export function driftLines(report: DriftJson): string[] {
  return report.objects.flatMap((o) =>
    o.fields.length === 0
      ? [`${o.object}: ${o.kind}`]
      : o.fields.map((f) => `${o.object} ${f.path}`),
  );
}
