// Runs the committed action bundle the way a GitHub runner runs a step, through
// @github/local-action: inputs and GITHUB_* variables travel in its env file, and the action
// writes its outputs and job summary to the files the runner would give it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');
const localAction = join(repoRoot, 'node_modules/.bin/local-action');

/** What a step left behind: its exit code, its log, its outputs and its job summary. */
export interface StepResult {
  code: number;
  log: string;
  outputs: Record<string, string>;
  summary: string;
  /** The step's RUNNER_TEMP, left in place to inspect (it outlives a step on a real runner). */
  runnerTemp: string;
}

/** Parses the runner's GITHUB_OUTPUT file (`name<<DELIMITER` heredocs). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!heredoc) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i]!);
    outputs[heredoc[1]!] = value.join('\n');
  }
  return outputs;
}

/**
 * One `NAME=value` line of a dotenv file that reads back as exactly `value`. dotenv takes a
 * single- or back-quoted value literally, newlines included; double quotes expand `\n`.
 */
function dotenvLine(name: string, value: string): string {
  for (const quote of ["'", '`']) {
    if (!value.includes(quote)) return `${name}=${quote}${value}${quote}`;
  }
  if (!value.includes('"') && !/\\[nr]/.test(value)) return `${name}="${value}"`;
  throw new Error(`${name}: the value holds every dotenv quote; the test cannot pass it`);
}

/**
 * Runs `dist/action.js` (action.yml's `main`; it exports `run()`, which local-action calls)
 * with `local-action run`. The bundle carries its own @actions/core, so local-action's stubs do
 * not stand in for it: outputs, summary, masks and annotations are the runner's file and
 * workflow-command contract, read back here.
 */
export async function runActionStep(
  inputs: Record<string, string>,
  github: Record<string, string> = {},
  /** The checkout the step runs in ($GITHUB_WORKSPACE, its working directory); default this repo. */
  workspace = repoRoot,
): Promise<StepResult> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-step-'));
  const runnerTemp = join(dir, 'runner-temp');
  await mkdir(runnerTemp);
  const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STEP_SUMMARY: join(dir, 'summary') };
  await Promise.all(Object.values(files).map((file) => writeFile(file, '')));
  const variables: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: runnerTemp,
    ...files,
    ...github,
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
  const envFile = join(dir, '.env');
  await writeFile(
    envFile,
    Object.entries(variables)
      .map(([name, value]) => dotenvLine(name, value))
      .join('\n') + '\n',
  );
  // The step sees only what the runner would give it: no kubeconfig or tokens of the caller.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['KUBECONFIG', 'GITHUB_TOKEN', 'FERRY_GITHUB_TOKEN']) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('INPUT_')) delete env[name];
  let code = 0;
  let log = '';
  try {
    // In another workspace, an entry that moves there first (see action-in-workspace.mjs).
    const entry =
      workspace === repoRoot ? 'dist/action.js' : 'test/helpers/action-in-workspace.mjs';
    const run = await exec(localAction, ['run', repoRoot, entry, envFile], {
      cwd: repoRoot,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    log = run.stdout + run.stderr;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    code = typeof failed.code === 'number' ? failed.code : 1;
    log = (failed.stdout ?? '') + (failed.stderr ?? '');
  }
  return {
    code,
    log,
    outputs: parseOutputs(await readFile(files.GITHUB_OUTPUT, 'utf8')),
    summary: await readFile(files.GITHUB_STEP_SUMMARY, 'utf8'),
    runnerTemp,
  };
}

/** The step passed: exit code 0 and no `::error::` workflow command in its log. */
export function assertStepPassed(step: StepResult): void {
  const errors = step.log.split('\n').filter((line) => line.startsWith('::error'));
  assert.deepEqual(errors, [], `the step logged errors:\n${step.log}`);
  assert.equal(step.code, 0, `the step exited ${step.code}:\n${step.log}`);
}

/** The step failed as the runner would see it: a non-zero exit and exactly one `::error::` line. */
export function assertStepFailed(step: StepResult, message: RegExp): void {
  assert.notEqual(step.code, 0, `the step should have failed:\n${step.log}`);
  assert.match(step.log, new RegExp(`^::error[^:]*::${message.source}`, 'm'), step.log);
  const errors = step.log.split('\n').filter((line) => line.startsWith('::error'));
  assert.equal(errors.length, 1, `one annotation per failure:\n${step.log}`);
}
