/**
 * bench/renderers: `ferry render` of a Helm chart and of a Kustomize overlay (issue 22) beside a
 * bare `helm template` / `kustomize build` of the same input, measured in the same run: whole
 * processes, started in turn (ferry, bare, ferry, bare, …), the ratio taken pair by pair so a
 * machine whose speed drifts still compares like with like. ferry's time includes its
 * determinism check: two renders, run at once (two processes), plus the tool's version check.
 * Two ferry figures: the whole `ferry render` process (Node's start and module loading
 * included), and the render step in this process (ferry.yaml read, both renders, comparison,
 * checks, annotations, serialization; modules already loaded), each against the bare tool.
 * The inputs are the public fixtures of test/fixtures/renderers (podinfo's chart with its
 * production values; online-boutique's base with three components and a patch).
 *
 *   npm run build && npm run bench:renderers
 *
 * kustomize and helm come from FERRY_KUSTOMIZE / FERRY_HELM, else PATH.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTool } from '../src/adapters/renderers/tools.js';
import { loadEnvironment, renderEnvironment } from '../src/commands/env-repo/render.js';
import { imageReference } from '../src/core/image.js';
import { NO_SOURCE } from '../src/core/render.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 2;
const FIXTURES = 'test/fixtures/renderers';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Wall milliseconds of one process, which must succeed. */
function wall(command: string, args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${String(run.stderr)}`);
  return ms;
}

interface Pair {
  name: string;
  ferry: [string, string[]];
  bare: [string, string[]];
  /** ferry.yaml of the app, for the in-process render. */
  config: string;
}

/** Wall milliseconds of ferry's render step in this process: ferry.yaml read, rendered, serialized. */
async function inProcess(config: string, tools: { helm: string; kustomize: string }) {
  const start = process.hrtime.bigint();
  const { config: app, environment, baseDir } = await loadEnvironment(config, 'production');
  const image = imageReference(app.image, '7.0.0');
  await renderEnvironment(app, environment, image, NO_SOURCE, baseDir, { tools });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** How many objects a command prints (top-level `kind:` lines). */
function objects([command, args]: [string, string[]]): number {
  const out = execFileSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  return out.split('\n').filter((line) => line.startsWith('kind: ')).length;
}

async function measure(pair: Pair, tools: { helm: string; kustomize: string }) {
  const { name, ferry, bare, config } = pair;
  const count = objects(ferry);
  if (count !== objects(bare)) throw new Error(`${name}: ferry and the bare tool disagree`);
  for (let i = 0; i < WARMUP; i++) {
    wall(...ferry);
    wall(...bare);
    await inProcess(config, tools);
  }
  const cli: number[] = [];
  const step: number[] = [];
  const tool: number[] = [];
  const cliRatios: number[] = [];
  const stepRatios: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cli.push(wall(...ferry));
    tool.push(wall(...bare));
    step.push(await inProcess(config, tools));
    cliRatios.push(cli[i]! / tool[i]!);
    stepRatios.push(step[i]! / tool[i]!);
  }
  const range = (r: number[]) => `${Math.min(...r).toFixed(2)}–${Math.max(...r).toFixed(2)}`;
  return [
    `${name} (${count} objects)`,
    median(tool).toFixed(0),
    median(cli).toFixed(0),
    `${median(cliRatios).toFixed(2)} (${range(cliRatios)})`,
    median(step).toFixed(0),
    `${median(stepRatios).toFixed(2)} (${range(stepRatios)})`,
  ];
}

const helm = (await findTool('helm')).command;
const kustomize = await findTool('kustomize');
const tools = { helm, kustomize: kustomize.command };
const app = mkdtempSync(join(tmpdir(), 'ferry-bench-renderers-'));
try {
  cpSync(join(FIXTURES, 'helm/podinfo'), join(app, 'chart'), { recursive: true });
  cpSync(join(FIXTURES, 'kustomize/online-boutique'), join(app, 'kustomize'), { recursive: true });
  writeFileSync(
    join(app, 'chart.yaml'),
    `app: podinfo
image: ghcr.io/stefanprodan/podinfo
helm: {chart: chart, imageValue: image.tag, imageRepositoryValue: image.repository}
environments:
  production: {repo: ../envs, path: p, namespace: podinfo, kubeVersion: "1.34", valuesFiles: [chart/values-prod.yaml]}
`,
  );
  writeFileSync(
    join(app, 'overlay.yaml'),
    `app: shop
image: us-central1-docker.pkg.dev/online-boutique-ci/microservices-demo/frontend
kustomize: kustomize/overlays/{env}
environments:
  production: {repo: ../envs, path: p, namespace: shop}
`,
  );
  const ferry = (config: string, tool: string[]): [string, string[]] => [
    process.execPath,
    ['dist/cli.js', 'render', '-c', join(app, config), '-e', 'production', '-t', '7.0.0', ...tool],
  ];
  const rows = [
    await measure(
      {
        name: 'Helm chart: podinfo, production values',
        ferry: ferry('chart.yaml', ['--helm', helm]),
        config: join(app, 'chart.yaml'),
        bare: [
          helm,
          [
            'template',
            'podinfo',
            join(app, 'chart'),
            ...[
              '--namespace',
              'podinfo',
              '--include-crds',
              '--skip-tests',
              '--kube-version',
              '1.34',
            ],
            ...['--values', join(app, 'chart/values-prod.yaml')],
          ],
        ],
      },
      tools,
    ),
    await measure(
      {
        name: 'Kustomize overlay: online-boutique production',
        ferry: ferry('overlay.yaml', ['--kustomize', kustomize.command]),
        bare: [
          kustomize.command,
          [...kustomize.prefix, 'build', join(app, 'kustomize/overlays/production')],
        ],
        config: join(app, 'overlay.yaml'),
      },
      tools,
    ),
  ];
  const versions = `${await (await findTool('helm')).label}, ${await kustomize.label}`;
  const cores = execFileSync('nproc', { encoding: 'utf8' }).trim();
  console.log(
    `node ${process.version}, ${cores} cores, ${versions}; median of ${RUNS} alternating runs\n`,
  );
  console.log(
    '| input | bare tool (ms) | `ferry render` process (ms) | ratio | render step in process (ms) | ratio |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
} finally {
  rmSync(app, { recursive: true, force: true });
}
