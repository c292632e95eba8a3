// Runs one job of a GitHub Actions workflow file the way a hosted runner does, for the steps
// ferry's examples use: expressions evaluated (workflow-expressions.ts), ferry's own steps run
// from dist/ through @github/local-action with action.yml's defaults applied as the runner
// applies them (`${{ github.token }}` included), `run:` steps run by bash with GITHUB_OUTPUT,
// and the other actions (checkout, app tokens, logins) played by stand-ins the test gives. As on
// a runner, no step gets GITHUB_TOKEN in its environment.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { runActionStep, type StepResult } from './action-step.js';
import {
  asString,
  evaluate,
  evaluateValue,
  type ExpressionContext,
} from './workflow-expressions.js';

const exec = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const FERRY = /^ferry-gitops\/ferry@/;

interface WorkflowStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface WorkflowJob {
  if?: string;
  needs?: string | string[];
  /** A reusable workflow this job calls (`./.github/workflows/x.yml`) and its inputs. */
  uses?: string;
  with?: Record<string, unknown>;
  steps: WorkflowStep[];
  outputs?: Record<string, string>;
  /** A matrix, or an expression giving one (`${{ fromJSON(needs.x.outputs.matrix) }}`). */
  strategy?: {
    matrix?: ({ include?: Record<string, unknown>[] } & Record<string, unknown>) | string;
  };
}

/** A stand-in for an action that is not ferry's: gets the step's evaluated inputs, returns outputs. */
export type StandIn = (
  inputs: Record<string, string>,
) => Record<string, string> | Promise<Record<string, string>>;

export interface JobOptions {
  /** The contexts: github (token, sha, repository, event, …), secrets, vars, inputs, needs. */
  context: ExpressionContext;
  /** One matrix entry (the workflow's own matrix is checked to hold it). */
  matrix?: Record<string, unknown>;
  /** The checkout the steps run in. */
  workspace: string;
  /** GITHUB_* variables of every step (never GITHUB_TOKEN: runners do not export it). */
  env: Record<string, string>;
  /** Stand-ins by `uses` without the version (`actions/checkout`). */
  standIns?: Record<string, StandIn>;
  /** `run:` steps (by name or id) not to run here (they need docker or the like). */
  skip?: string[];
  /** Input values the test replaces in ferry's steps (e.g. a namespace of the test's own). */
  rewrite?: (inputs: Record<string, string>) => Record<string, string>;
}

export interface JobResult {
  /** Whether the job's `if:` let it run. */
  ran: boolean;
  /** Each ferry step's result, in order. */
  ferry: StepResult[];
  /** Each step's outputs, by id. */
  steps: Record<string, Record<string, string>>;
  /** The job's outputs, evaluated. */
  outputs: Record<string, string>;
}

/** The workflow at `file` (relative to the repository root, or absolute), parsed. */
export async function loadWorkflow(file: string): Promise<{ jobs: Record<string, WorkflowJob> }> {
  return yaml.load(await readFile(resolve(repoRoot, file), 'utf8')) as {
    jobs: Record<string, WorkflowJob>;
  };
}

/** action.yml's input defaults, as the runner reads them (before evaluating expressions). */
async function actionDefaults(): Promise<Record<string, unknown>> {
  const action = yaml.load(await readFile(join(repoRoot, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: unknown }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs)
      .filter(([, spec]) => spec.default !== undefined)
      .map(([name, spec]) => [name, spec.default]),
  );
}

/** Runs a `run:` step with bash, as `shell: bash` does; returns its GITHUB_OUTPUT. */
async function runShell(script: string, env: Record<string, string>, cwd: string) {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-run-step-'));
  const output = join(dir, 'output');
  await writeFile(output, '');
  await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, GITHUB_OUTPUT: output },
  });
  const outputs: Record<string, string> = {};
  for (const line of (await readFile(output, 'utf8')).split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return outputs;
}

const strings = (values: Record<string, unknown> | undefined, context: ExpressionContext) =>
  Object.fromEntries(
    Object.entries(values ?? {}).map(([name, value]) => [
      name,
      asString(evaluateValue(value, context)),
    ]),
  );

/** Checks that `matrix` is one of the entries job `name` runs with. */
function assertInMatrix(
  file: string,
  name: string,
  job: WorkflowJob,
  matrix: Record<string, unknown> | undefined,
): void {
  const declared = job.strategy?.matrix;
  // A matrix from an expression: the caller expanded it (runCalledWorkflow).
  if (!matrix || typeof declared === 'string') return;
  const include = declared?.include;
  assert.ok(
    include?.some((entry) => JSON.stringify(entry) === JSON.stringify(matrix)) ??
      Object.keys(declared ?? {}).length > 0,
    `${file}: ${JSON.stringify(matrix)} is not in the matrix of ${name}`,
  );
}

/** Runs job `name` of the workflow at `file`. */
export async function runWorkflowJob(
  file: string,
  name: string,
  options: JobOptions,
): Promise<JobResult> {
  const job = (await loadWorkflow(file)).jobs[name];
  assert.ok(job, `${file} has no job ${name}`);
  assertInMatrix(file, name, job, options.matrix);
  const steps: Record<string, Record<string, string>> = {};
  const context: ExpressionContext = {
    env: {},
    vars: {},
    secrets: {},
    inputs: {},
    needs: {},
    ...options.context,
    matrix: options.matrix ?? {},
    steps: {},
  };
  const result: JobResult = { ran: false, ferry: [], steps, outputs: {} };
  if (job.if !== undefined && !evaluate(job.if.replace(/^\$\{\{|\}\}$/g, ''), context))
    return result;
  result.ran = true;
  const defaults = await actionDefaults();
  for (const [index, step] of job.steps.entries()) {
    const id = step.id ?? `step-${index}`;
    context.steps = Object.fromEntries(
      Object.entries(steps).map(([key, outputs]) => [key, { outputs }]),
    );
    if (step.if !== undefined && !evaluate(step.if.replace(/^\$\{\{|\}\}$/g, ''), context))
      continue;
    const inputs = strings(step.with, context);
    if (step.uses && FERRY.test(step.uses)) {
      const withDefaults = { ...strings(defaults, context), ...inputs };
      const final = options.rewrite ? options.rewrite(withDefaults) : withDefaults;
      const run = await runActionStep(final, options.env, options.workspace);
      result.ferry.push(run);
      steps[id] = run.outputs;
    } else if (step.uses) {
      const action = step.uses.replace(/@.*$/, '');
      const standIn = options.standIns?.[action];
      assert.ok(standIn, `${file}: no stand-in for ${step.uses}`);
      steps[id] = await standIn(inputs);
    } else if (step.run !== undefined) {
      if (options.skip?.includes(step.name ?? '') || options.skip?.includes(id)) continue;
      const script = asString(evaluateValue(step.run, context));
      steps[id] = await runShell(
        script,
        { ...options.env, ...strings(step.env, context) },
        options.workspace,
      );
    }
  }
  context.steps = Object.fromEntries(
    Object.entries(steps).map(([key, outputs]) => [key, { outputs }]),
  );
  result.outputs = strings(job.outputs, context);
  return result;
}

/** A called workflow's jobs as they ran: each job's runs (one per matrix entry; none if skipped). */
export type CalledWorkflow = Record<string, JobResult[]>;

/**
 * Runs job `name` of the workflow at `file` when it calls a reusable workflow (`uses:
 * ./.github/workflows/x.yml`, read from beside `file`, as the examples are copied side by side):
 * its `with` evaluated as the called workflow's `inputs`, the caller's secrets passed on
 * (`secrets: inherit`), then each called job in order, with `needs` holding the result and
 * outputs of the jobs it needs, and a matrix given by an expression expanded into one run per
 * `include` entry (none: the job is skipped, as GitHub skips an empty matrix's job).
 */
export async function runCalledWorkflow(
  file: string,
  name: string,
  options: JobOptions,
): Promise<CalledWorkflow> {
  const caller = (await loadWorkflow(file)).jobs[name];
  assert.ok(caller, `${file} has no job ${name}`);
  const uses = caller.uses;
  if (!uses?.startsWith('./.github/workflows/')) assert.fail(`${file}: ${name} calls no workflow`);
  assertInMatrix(file, name, caller, options.matrix);
  const callerContext = { ...options.context, matrix: options.matrix ?? {} };
  const inputs = strings(caller.with, callerContext);
  const called = join(resolve(repoRoot, file), '..', uses.slice('./.github/workflows/'.length));
  const needs: Record<string, { result: string; outputs: Record<string, string> }> = {};
  const runs: CalledWorkflow = {};
  for (const [jobName, job] of Object.entries((await loadWorkflow(called)).jobs)) {
    const needed = [job.needs ?? []].flat();
    for (const other of needed)
      assert.ok(needs[other], `${called}: ${jobName} needs ${other}, which runs after it`);
    const context: ExpressionContext = {
      ...options.context,
      inputs,
      needs: Object.fromEntries(needed.map((other) => [other, needs[other]])),
    };
    const matrix = job.strategy?.matrix;
    // The caller's matrix is not the called jobs': they read `inputs`.
    let entries: (Record<string, unknown> | undefined)[] = [undefined];
    if (typeof matrix === 'string') {
      const gate = job.if === undefined || evaluate(job.if.replace(/^\$\{\{|\}\}$/g, ''), context);
      entries = gate
        ? ((evaluateValue(matrix, context) as { include?: Record<string, unknown>[] }).include ??
          [])
        : [];
    }
    runs[jobName] = [];
    for (const entry of entries)
      runs[jobName].push(
        await runWorkflowJob(called, jobName, { ...options, context, matrix: entry }),
      );
    const ran = runs[jobName].filter((run) => run.ran);
    needs[jobName] = {
      result: ran.length > 0 ? 'success' : 'skipped',
      outputs: ran.length === 1 ? ran[0]!.outputs : {},
    };
  }
  return runs;
}
