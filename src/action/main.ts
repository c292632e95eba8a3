import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TOKEN_VARIABLES, redactSecrets } from '../adapters/secrets.js';
import { FerryError, messageOf } from '../core/errors.js';
import { runPromote, runPropose, runRender, runRollback } from './commands.js';
import { removeWrittenKubeconfigs } from './kubeconfig.js';
import { maskSecret } from './mask.js';
import { runApply } from './run-apply.js';
import { runDrift } from './run-drift.js';
import { runPlan } from './run-plan.js';
import { runSets, runStatus } from './run-sets.js';
import { runRbac } from './run-rbac.js';
import { readSettings } from './settings.js';

/** The action's entry: read inputs once, run the command, fail the step on any error. */
export async function run(): Promise<void> {
  let configDir = '.';
  try {
    for (const name of TOKEN_VARIABLES) maskSecret(process.env[name]);
    const settings = readSettings();
    if ('config' in settings.values) configDir = dirname(settings.values.config);
    // Commands group their own long phases (Actions does not nest groups).
    if (settings.command === 'render') await runRender(settings);
    else if (settings.command === 'propose') await runPropose(settings);
    else if (settings.command === 'apply') await runApply(settings);
    else if (settings.command === 'plan') await runPlan(settings);
    else if (settings.command === 'promote') await runPromote(settings);
    else if (settings.command === 'rollback') await runRollback(settings);
    else if (settings.command === 'sets') await runSets(settings);
    else if (settings.command === 'status') await runStatus(settings);
    else if (settings.command === 'rbac') await runRbac(settings);
    else await runDrift(settings);
  } catch (error) {
    fail(error, configDir);
  } finally {
    await removeWrittenKubeconfigs();
  }
}

/**
 * Fails the step with exactly one error annotation. A message that starts `file:line: ` (a
 * template or ferry.yaml at fault) is annotated on that line, so the pull request shows it where
 * the mistake is. Anything thrown, `Error` or not, ends here; a bug (not a FerryError) also
 * leaves its stack in the debug log.
 */
export function fail(error: unknown, configDir = '.'): void {
  const message = redactSecrets(messageOf(error));
  if (error instanceof Error && !(error instanceof FerryError) && error.stack)
    core.debug(redactSecrets(error.stack));
  const at = /^([^\s:]+\.(?:ya?ml|hbs|json)):(\d+): /.exec(message);
  // Template names are relative to ferry.yaml's folder; annotations to the workspace.
  const file = at && (existsSync(at[1]!) ? at[1]! : join(configDir, at[1]!));
  core.error(message, file ? { file, startLine: Number(at[2]) } : {});
  // What core.setFailed does besides its own annotation, which would be the second one.
  process.exitCode = core.ExitCode.Failure;
}
