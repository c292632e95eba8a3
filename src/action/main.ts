import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runPromote, runPropose, runRender, runRollback } from './commands.js';
import { runApply } from './run-apply.js';
import { runDrift } from './run-drift.js';
import { runPlan } from './run-plan.js';
import { readSettings } from './settings.js';

/** The action's entry: read inputs once, run the command, fail the step on any error. */
export async function run(): Promise<void> {
  let configDir = '.';
  try {
    const settings = readSettings();
    if ('config' in settings) configDir = dirname(settings.config);
    // Commands group their own long phases (Actions does not nest groups).
    if (settings.command === 'render') await runRender(settings);
    else if (settings.command === 'propose') await runPropose(settings);
    else if (settings.command === 'apply') await runApply(settings);
    else if (settings.command === 'plan') await runPlan(settings);
    else if (settings.command === 'promote') await runPromote(settings);
    else if (settings.command === 'rollback') await runRollback(settings);
    else await runDrift(settings);
  } catch (error) {
    fail((error as Error).message, configDir);
  }
}

/**
 * Fails the step. A message that starts `file:line: ` (a template or ferry.yaml at fault) is
 * also an annotation on that line, so the pull request shows it where the mistake is.
 */
export function fail(message: string, configDir = '.'): void {
  const at = /^([^\s:]+\.(?:ya?ml|hbs|json)):(\d+): /.exec(message);
  if (at) {
    // Template names are relative to ferry.yaml's folder; annotations to the workspace.
    const file = existsSync(at[1]!) ? at[1]! : join(configDir, at[1]!);
    core.error(message, { file, startLine: Number(at[2]) });
  }
  core.setFailed(message);
}
