import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import {
  isRemoteChartReference,
  missingDependencies,
  parseChartFile,
  type ChartDependency,
} from '../../core/chart.js';
import { ConfigError } from '../../core/errors.js';
import { quoteForMessage } from '../../core/image.js';
import type { RenderedManifest } from '../../core/manifest.js';
import { parseRenderedStream } from '../../core/rendered-stream.js';
import type { RenderPolicy } from '../../core/sources.js';
import { linkGuard, pathError, readTextFile } from '../files.js';
import { renderTwice, runTool } from './run.js';
import type { RenderTool } from './tools.js';

/** A `helm template`: the chart, its release, and values in the order helm merges them. */
export interface HelmInput {
  /** Absolute folder of a local chart, or (with allowRemote) a remote reference. */
  chart: string;
  /** The chart as the user wrote it, for messages. */
  display: string;
  version?: string;
  releaseName: string;
  namespace: string;
  /** Values files (absolute paths, as `-f`), after the chart's own values.yaml. */
  valuesFiles: { path: string; display: string }[];
  /** Values given inline, each written to a file of its own and given after the files. */
  values: Record<string, unknown>[];
  kubeVersion?: string;
  apiVersions: string[];
  policy: RenderPolicy;
  tool: RenderTool;
}

async function isFolder(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isDirectory() ?? false;
}

/** Dependencies a local chart declares and does not carry in charts/, its subcharts' included. */
async function unvendored(chart: string, display: string): Promise<ChartDependency[]> {
  const file = join(chart, 'Chart.yaml');
  const text = await readTextFile(file, 'chart file').catch((error: unknown) => {
    throw error instanceof ConfigError
      ? new ConfigError(`${display}: no Chart.yaml (not a chart folder)`)
      : error;
  });
  const { dependencies } = parseChartFile(text, join(display, 'Chart.yaml'));
  const folders: string[] = [];
  const archives: string[] = [];
  const missing: ChartDependency[] = [];
  const entries = await readdir(join(chart, 'charts'), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(chart, 'charts', entry.name);
    if (entry.isDirectory() && (await stat(join(path, 'Chart.yaml')).catch(() => undefined))) {
      const sub = await readFile(join(path, 'Chart.yaml'), 'utf8');
      folders.push(parseChartFile(sub, join(display, 'charts', entry.name, 'Chart.yaml')).name);
      missing.push(...(await unvendored(path, join(display, 'charts', entry.name))));
    } else if (entry.name.endsWith('.tgz')) archives.push(entry.name);
  }
  return [...missingDependencies(dependencies, { folders, archives }), ...missing];
}

/**
 * A chart's files must be its own: helm follows symbolic links, so a link out of the chart
 * (`templates/x.yaml -> /proc/self/environ`, a `.Files.Get` of a linked file) would render what
 * lies elsewhere into objects sent to the cluster. Links that stay inside are fine.
 */
async function refuseLinksOut(chart: string, display: string): Promise<void> {
  const inside = await linkGuard(chart, 'the chart');
  for (const entry of await readdir(chart, { recursive: true, withFileTypes: true }))
    if (entry.isSymbolicLink()) {
      const path = join(entry.parentPath, entry.name);
      await inside(path, 'chart file', join(display, relative(chart, path)));
    }
}

/**
 * The chart helm reads: the local folder when everything it needs is in it; with allowRemote and
 * undeclared vendoring, a scratch copy whose dependencies `helm dependency build` fetched.
 */
async function chartToRender(input: HelmInput, scratch: string): Promise<string> {
  const { chart, display, policy } = input;
  const local = !isRemoteChartReference(chart) && (await isFolder(chart));
  if (!local) {
    if (!policy.allowRemote) {
      const what = isRemoteChartReference(chart)
        ? 'is a remote chart'
        : 'is not a chart folder here';
      throw new ConfigError(
        `${display}: ${what}; remote charts are refused unless allowRemote: true`,
      );
    }
    return chart;
  }
  await refuseLinksOut(chart, display);
  const missing = await unvendored(chart, display);
  if (missing.length === 0) return chart;
  if (!policy.allowRemote) {
    const dep = missing[0]!;
    const from = dep.repository ? ` from ${quoteForMessage(dep.repository)}` : '';
    throw new ConfigError(
      `${display}/Chart.yaml: dependency ${quoteForMessage(dep.name)}${from} is not vendored in charts/; run \`helm dependency build\` and commit charts/, or set allowRemote: true`,
    );
  }
  const copy = join(scratch, 'chart');
  await cp(chart, copy, { recursive: true });
  // `file://../x` dependencies are relative to the chart: the copy points at the same folders.
  const chartFile = join(copy, 'Chart.yaml');
  const text = await readFile(chartFile, 'utf8');
  await writeFile(
    chartFile,
    text.replace(/file:\/\/([^\s"']+)/g, (_, path: string) => `file://${resolve(chart, path)}`),
  );
  await runTool({
    tool: input.tool,
    args: ['dependency', 'build', copy],
    display,
    rewrite: [[copy, display]],
  });
  return copy;
}

/** `helm template` arguments: namespace, CRDs included, tests left out, values in order. */
function templateArgs(input: HelmInput, chart: string, valueFiles: string[]): string[] {
  const args = ['template', input.releaseName, chart, '--namespace', input.namespace];
  args.push('--include-crds', '--skip-tests');
  if (input.version) args.push('--version', input.version);
  if (input.kubeVersion) args.push('--kube-version', input.kubeVersion);
  for (const api of input.apiVersions) args.push('--api-versions', api);
  for (const file of [...input.valuesFiles.map((f) => f.path), ...valueFiles])
    args.push('--values', file);
  return args;
}

/**
 * `helm template` of a chart, twice (compared), offline unless allowRemote. Objects are named in
 * messages by the template they came from (`charts/podinfo/templates/deployment.yaml`).
 */
export async function helmTemplate(input: HelmInput): Promise<RenderedManifest[]> {
  for (const file of input.valuesFiles) {
    const found = await stat(file.path).catch((error: unknown) => {
      throw pathError(error, file.display, 'values file', 'file');
    });
    if (!found.isFile())
      throw new ConfigError(`${file.display}: values file is a folder, not a file`);
  }
  const scratch = await mkdtemp(join(tmpdir(), 'ferry-helm-'));
  try {
    const chart = await chartToRender(input, scratch);
    // JSON is YAML: each value arrives with its type (a tag `1.10` stays a string), no --set grammar.
    const valueFiles = await Promise.all(
      input.values.map(async (values, i) => {
        const path = join(scratch, `values-${i}.json`);
        await writeFile(path, JSON.stringify(values));
        return path;
      }),
    );
    // helm names a template `<chart name>/templates/x.yaml`: shown under the chart's own path.
    const sourceOf = (comment: string | undefined) =>
      comment ? join(input.display, comment.split('/').slice(1).join('/')) : input.display;
    const run = {
      tool: input.tool,
      args: templateArgs(input, chart, valueFiles),
      display: input.display,
      rewrite: [[scratch, '(scratch)']] as [string, string][],
    };
    return await renderTwice(
      run,
      (text) => parseRenderedStream(text, sourceOf),
      input.policy.volatile,
    );
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
