import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { detectSource } from '../../adapters/ci-environment.js';
import { ciPullRequest } from '../../adapters/ci-pull-request.js';
import type { PlanForgeTarget, PlanPublishing } from '../../commands/publish/plan-publish.js';
import type { PlanAllOptions } from '../../commands/cluster/sets/plan-all.js';
import { ConfigError, FerryError, OperationError } from '../../core/errors.js';
import {
  PLAN_CHANGES_EXIT_CODE,
  PLAN_OPTIONS,
  planAllOptions,
  planOptions,
  refuseFolderOptionsWithSets,
  targetOf,
  type PlanValues,
} from '../../options/cluster.js';
import { githubTarget } from '../github-target.js';
import { gitlabTarget } from '../gitlab-target.js';
import { addOptions, optionValues } from '../options.js';
import { useColour, type CliIO } from '../io.js';

export function planCommand(program: Command, io: CliIO): void {
  const command = program
    .command('plan')
    .description(
      'show what applying the manifests would change in the live cluster; change nothing',
    );
  addOptions(command, PLAN_OPTIONS)
    .addHelpText(
      'after',
      `
Examples:
  ferry plan --dir apps/guestbook/production --inventory guestbook-production --namespace guestbook --prune
  ferry plan -d apps/guestbook/production -i guestbook-production --output markdown --detailed-exitcode
  # on a pull request: one comment per cluster, edited on every push, and a commit status
  ferry plan -d apps/guestbook/production -i guestbook-production --cluster prod-eu --comment --commit-status
  # the sets a pull request changes, one comment per cluster
  ferry plan --all --cluster prod-eu --changed-since origin/main --comment

Exit codes: 0 plan made, ${PLAN_CHANGES_EXIT_CODE} changes (with --detailed-exitcode), 1 the server rejects an object or failure, 2 usage.
`,
    )
    .action(async () => {
      const flags = optionValues(PLAN_OPTIONS, command);
      const target = targetOf(flags);
      if (target.kind === 'sets') {
        refuseFolderOptionsWithSets(flags);
        return planSetsAndPublish(planAllOptions(flags, target), flags, io);
      }
      const { planAndPublish } = await import('../../commands/publish/plan-publish.js');
      const { formatPlanText } = await import('../../core/plan-text.js');
      const { formatPlanMarkdown } = await import('../../core/plan-markdown.js');
      const { hasChanges } = await import('../../core/plan.js');
      const log = consoleLogger(io.stderr);
      const publishing = await publishingOf(flags);
      const { report } = await planAndPublish(planOptions(flags, target), publishing, log);
      io.stdout.write(
        flags.output === 'json'
          ? `${JSON.stringify(report, null, 2)}\n`
          : flags.output === 'markdown'
            ? formatPlanMarkdown(report)
            : formatPlanText(report, useColour(io.stdout)),
      );
      if (report.counts.rejected > 0)
        throw new OperationError(`the server rejects ${report.counts.rejected} object(s)`);
      if (flags.detailedExitcode && hasChanges(report))
        throw new FerryError('the plan has changes', PLAN_CHANGES_EXIT_CODE);
    });
}

/** `plan --all`: the sets' plans, one comment per cluster, exit code as for one set. */
async function planSetsAndPublish(
  options: PlanAllOptions,
  flags: PlanValues,
  io: CliIO,
): Promise<void> {
  const { planAllAndPublish } = await import('../../commands/publish/plan-all-publish.js');
  const { exitWithSets, printSets } = await import('../sets-run.js');
  const { hasChanges } = await import('../../core/plan.js');
  const publishing = await publishingOf(flags);
  const { report } = await planAllAndPublish(options, publishing, consoleLogger(io.stderr));
  await printSets(io, flags.output, report);
  const changed = report.sets.some((row) => row.report && hasChanges(row.report));
  exitWithSets(report, flags.detailedExitcode && changed ? PLAN_CHANGES_EXIT_CODE : 0);
}

/** Where the comment and status go, checked before the cluster is read. */
async function publishingOf(flags: PlanValues): Promise<PlanPublishing> {
  const needed = Boolean(flags.comment);
  const ci = await ciPullRequest(process.env);
  const given = flags.forge === 'gitlab' ? flags.mergeRequest : flags.pullRequest;
  const number = given ?? ci.number;
  if (needed && number === undefined)
    throw new ConfigError(
      flags.forge === 'gitlab'
        ? '--comment needs --merge-request or $CI_MERGE_REQUEST_IID (a merge request pipeline)'
        : '--comment needs --pull-request or a pull_request event',
    );
  // A status on a pull request goes on its head commit, which the reviewer sees.
  const commitStatus = flags.commitStatus === true && ci.headSha ? ci.headSha : flags.commitStatus;
  let target: (PlanForgeTarget & { statusSha?: string }) | undefined;
  if (flags.forge === 'gitlab') {
    const gitlab = gitlabTarget({ ...flags, commitStatus }, needed);
    target = gitlab && { forge: 'gitlab', ...gitlab };
  } else {
    target = githubTarget(
      { ...flags, commitStatus, tokenEnv: flags.tokenEnv ?? 'GITHUB_TOKEN' },
      needed,
    );
  }
  const runUrl = detectSource(process.env).runUrl || undefined;
  return {
    ...(target ? { target } : {}),
    ...(needed && number !== undefined
      ? { comment: { number, runUrl, mergeRequestUrl: ci.url } }
      : {}),
    ...(target?.statusSha ? { statusSha: target.statusSha } : {}),
    runUrl,
  };
}
