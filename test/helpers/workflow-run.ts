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
  steps: WorkflowStep[];
  outputs?: Record<string, string>;
  strategy?: { matrix?: { include?: Record<string, unknown>[] } & Record<string, unknown> };
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

/** Runs job `name` of the workflow at `file`. */
export async function runWorkflowJob(
  file: string,
  name: string,
  options: JobOptions,
): Promise<JobResult> {
  const job = (await loadWorkflow(file)).jobs[name];
  assert.ok(job, `${file} has no job ${name}`);
  if (options.matrix) {
    const include = job.strategy?.matrix?.include;
    assert.ok(
      include?.some((entry) => JSON.stringify(entry) === JSON.stringify(options.matrix)) ??
        Object.keys(job.strategy?.matrix ?? {}).length > 0,
      `${file}: ${JSON.stringify(options.matrix)} is not in the matrix of ${name}`,
    );
  }
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
