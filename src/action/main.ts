import * as core from '@actions/core';
import { runPromote, runPropose, runRender, runRollback } from './commands.js';
import { runApply } from './run-apply.js';
import { runDrift } from './run-drift.js';
import { readSettings } from './settings.js';

/** The action's entry: read inputs once, run the command, fail the step on any error. */
export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    // Commands group their own long phases (Actions does not nest groups).
    if (settings.command === 'render') await runRender(settings);
    else if (settings.command === 'propose') await runPropose(settings);
    else if (settings.command === 'apply') await runApply(settings);
    else if (settings.command === 'promote') await runPromote(settings);
    else if (settings.command === 'rollback') await runRollback(settings);
    else await runDrift(settings);
  } catch (error) {
    core.setFailed((error as Error).message);
  }
}
