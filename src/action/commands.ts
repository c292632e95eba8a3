import { join } from 'node:path';
import * as core from '@actions/core';
import { render } from '../commands/env-repo/render.js';
import { actionsLogger } from './logger.js';
import { runnerTemp } from '../adapters/ci-environment.js';
import { ACTION_TOKEN_VARIABLE, redactSecrets } from '../adapters/secrets.js';
import type { ProposeResult } from '../commands/env-repo/propose/context.js';
import { OperationError } from '../core/errors.js';
import { proposalSummary, renderSummary } from '../core/job-summary.js';
import {
  promoteOptions,
  proposeOptions,
  renderOptions,
  rollbackOptions,
} from '../options/env-repo.js';
import type {
  PromoteSettings,
  ProposeSettings,
  RenderSettings,
  RollbackSettings,
} from './settings.js';

/** Where the action renders when the `out` input is not given: under the runner's temp folder. */
export function defaultRenderOut(env: NodeJS.ProcessEnv = process.env): string {
  return join(runnerTemp(env), 'ferry', 'rendered');
}

/** `command: render`: outputs the folder, file list, object count and image. */
export async function runRender({ values }: RenderSettings): Promise<void> {
  const out = values.out ?? defaultRenderOut();
  const result = await core.group('ferry render', () =>
    render({ ...renderOptions(values), out }, actionsLogger),
  );
  core.setOutput('out', out);
  core.setOutput('files', JSON.stringify(result.files));
  core.setOutput('objects', result.objects.length);
  core.setOutput('image', result.image.ref);
  await core.summary
    .addRaw(
      renderSummary({
        environment: result.environment.name,
        image: result.image.ref,
        objects: result.objects,
      }),
    )
    .write();
}

/**
 * The environment a pull request command runs with: the `token` input reaches the command the
 * way the CLI's tokens do, as a variable (ACTION_TOKEN_VARIABLE), never an argument. A
 * FERRY_GITHUB_TOKEN the workflow sets wins over it: the input always holds a token (its
 * default is the workflow's GITHUB_TOKEN), the variable is there only when set on purpose.
 * Every token it may use is already masked (the input in settings.ts, the default variables as
 * the step started, in main.ts).
 */
function tokenEnv(token: string | undefined): NodeJS.ProcessEnv {
  return token ? { ...process.env, [ACTION_TOKEN_VARIABLE]: token } : process.env;
}

/**
 * Outputs operation, pr-number, pr-url, head-sha and branch; with several results (a promotion
 * to several environments), each is a comma-separated list in the same order. The summary
 * links each pull request (or branch), with the whole body on a dry run.
 */
async function publishProposals(command: string, results: ProposeResult[]): Promise<void> {
  const output = (name: string, value: (result: ProposeResult) => string | number | undefined) =>
    core.setOutput(name, results.map((result) => value(result) ?? '').join(','));
  output('operation', (result) => result.operation);
  output('pr-number', (result) => result.pullRequest?.number);
  output('pr-url', (result) => result.pullRequest?.url);
  output('head-sha', (result) => result.headSha);
  output('branch', (result) => result.branch);
  for (const result of results)
    core.summary.addRaw(redactSecrets(proposalSummary(command, result)));
  await core.summary.write();
}

/** `command: propose`: see {@link publishProposals}. */
export async function runPropose({ values }: ProposeSettings): Promise<void> {
  const { propose } = await import('../commands/env-repo/propose/propose.js');
  const env = tokenEnv(values.token);
  const result = await core.group('ferry propose', () =>
    propose(proposeOptions(values), actionsLogger, { env }),
  );
  await publishProposals('propose', [result]);
}

/**
 * `command: promote`: one result per target environment (see {@link publishProposals}); fails
 * the step when a gate or any target failed.
 */
export async function runPromote({ values }: PromoteSettings): Promise<void> {
  const { promote } = await import('../commands/env-repo/promote/promote.js');
  const env = tokenEnv(values.token);
  const result = await core.group('ferry promote', () =>
    promote(promoteOptions(values), actionsLogger, { env }),
  );
  const done = result.promotions.filter((promotion) => promotion.error === undefined);
  await publishProposals('promote', done);
  const failed = result.promotions.filter((promotion) => promotion.error !== undefined);
  if (failed.length > 0) {
    const reasons = failed.map((promotion) => `${promotion.to}: ${promotion.error}`);
    throw new OperationError(`promotion failed for ${reasons.join('; ')}`);
  }
}

/** `command: rollback`: see {@link publishProposals}. */
export async function runRollback({ values }: RollbackSettings): Promise<void> {
  const { rollback } = await import('../commands/env-repo/rollback/rollback.js');
  const env = tokenEnv(values.token);
  const result = await core.group('ferry rollback', () =>
    rollback(rollbackOptions(values), actionsLogger, { env }),
  );
  await publishProposals('rollback', [result]);
}
