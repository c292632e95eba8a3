import { Option, type Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { detectSource } from '../../adapters/ci-environment.js';
import { ciPullRequest } from '../../adapters/ci-pull-request.js';
import type { PlanForgeTarget, PlanPublishing } from '../../commands/publish/plan-publish.js';
import { ConfigError, FerryError, OperationError } from '../../core/errors.js';
import { parseClusterName, parseInventoryName, parseList } from '../../core/options.js';
import { parsedOption } from '../parsed-option.js';
import { addRequestTimeoutOption } from '../request-timeout.js';
import { addSetSourceOptions, setSettings, type SetSourceFlags } from '../renderer-options.js';
import { githubTarget } from '../github-target.js';
import { addForgeReportOptions } from '../forge-report-options.js';
import { gitlabTarget } from '../gitlab-target.js';
import { useColour, type CliIO } from '../io.js';

/** Exit code for "the plan has changes" (with --detailed-exitcode), as terraform plan uses it. */
export const PLAN_CHANGES_EXIT_CODE = 3;

interface PlanFlags extends SetSourceFlags {
  dir: string;
  inventory: string;
  namespace?: string;
  prune?: boolean;
  pruneAllow?: string[];
  forceConflicts?: boolean;
  gitWinsOver?: string[];
  adopt?: boolean;
  kubeconfig?: string;
  context?: string;
  requestTimeout?: number;
  cluster: string;
  output: 'text' | 'json' | 'markdown';
  detailedExitcode?: boolean;
  comment?: boolean;
  pullRequest?: string;
  mergeRequest?: string;
  commitStatus?: string | boolean;
  repo?: string;
  tokenEnv?: string;
  apiUrl?: string;
  forge: 'github' | 'gitlab';
}

export function planCommand(program: Command, io: CliIO): void {
  const command = program
    .command('plan')
    .description(
      'show what applying the manifests would change in the live cluster; change nothing',
    )
    .requiredOption('-d, --dir <dir>', 'folder of manifests, as apply would apply them')
    .addOption(
      parsedOption(
        '-i, --inventory <name>',
        'inventory (ApplySet) name used by ferry apply',
        parseInventoryName,
      ).makeOptionMandatory(),
    )
    .option(
      '-n, --namespace <ns>',
      "namespace for objects that name none, and of the inventory (default: the context's)",
    )
    .option('--prune', 'plan as apply --prune: members no longer in git would be deleted')
    .addOption(
      parsedOption(
        '--prune-allow <kinds>',
        'protected kinds apply --prune-allow lets prune delete',
        parseList,
      ),
    )
    .option('--force-conflicts', 'validate as apply --force-conflicts (take over fields)')
    .addOption(
      parsedOption(
        '--git-wins-over <managers>',
        'plan as apply --git-wins-over: these managers’ fields are taken back',
        parseList,
      ),
    )
    .option('--adopt', 'validate as apply --adopt (take over objects of another owner)')
    .option(
      '--kubeconfig <path>',
      'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)',
    )
    .option('--context <name>', 'kubeconfig context');
  addSetSourceOptions(command);
  addRequestTimeoutOption(command)
    .addOption(
      parsedOption(
        '--cluster <name>',
        'cluster name for the report, comment and status',
        parseClusterName,
      ).default('default'),
    )
    .addOption(
      new Option('-o, --output <format>', 'report format')
        .choices(['text', 'json', 'markdown'])
        .default('text'),
    )
    .option(
      '--detailed-exitcode',
      `exit with code ${PLAN_CHANGES_EXIT_CODE} when there are changes`,
    )
    .option(
      '--comment',
      'post the plan on the pull request (GitLab: merge request), edited in place',
    )
    .option('--pull-request <n>', 'pull request number (default: from the GitHub event payload)')
    .option('--merge-request <iid>', 'merge request iid (default: $CI_MERGE_REQUEST_IID)')
    .option(
      '--commit-status [sha]',
      'post ferry/plan (<cluster>) (default: the pull request head; GitLab: $CI_COMMIT_SHA)',
    )
    .option(
      '--repo <owner/name>',
      'repository (GitLab: project path) for the comment and status (default: $GITHUB_REPOSITORY; GitLab: $CI_PROJECT_PATH)',
    );
  addForgeReportOptions(command, 'comment and status')
    .addHelpText(
      'after',
      `
Examples:
  ferry plan --dir apps/guestbook/production --inventory guestbook-production --namespace guestbook --prune
  ferry plan -d apps/guestbook/production -i guestbook-production --output markdown --detailed-exitcode
  # on a pull request: one comment per cluster, edited on every push, and a commit status
  ferry plan -d apps/guestbook/production -i guestbook-production --cluster prod-eu --comment --commit-status

Exit codes: 0 plan made, ${PLAN_CHANGES_EXIT_CODE} changes (with --detailed-exitcode), 1 the server rejects an object or failure, 2 usage.
`,
    )
    .action(async (flags: PlanFlags) => {
      const { planAndPublish } = await import('../../commands/publish/plan-publish.js');
      const { formatPlanText } = await import('../../core/plan-text.js');
      const { formatPlanMarkdown } = await import('../../core/plan-markdown.js');
      const { hasChanges } = await import('../../core/plan.js');
      const log = consoleLogger(io.stderr);
      const publishing = await publishingOf(flags);
      const { report } = await planAndPublish(
        {
          dir: flags.dir,
          inventory: flags.inventory,
          namespace: flags.namespace,
          prune: flags.prune,
          pruneAllow: flags.pruneAllow,
          forceConflicts: flags.forceConflicts,
          gitWinsOver: flags.gitWinsOver,
          adopt: flags.adopt,
          cluster: flags.cluster,
          kubeconfig: flags.kubeconfig,
          context: flags.context,
          requestTimeoutMs: flags.requestTimeout,
          source: setSettings(flags),
        },
        publishing,
        log,
      );
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

function positive(value: string, flag: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(value))
    throw new ConfigError(`${flag} "${value}": expected a positive number`);
  return Number(value);
}

/** Where the comment and status go, checked before the cluster is read. */
async function publishingOf(flags: PlanFlags): Promise<PlanPublishing> {
  const needed = Boolean(flags.comment);
  const ci = await ciPullRequest(process.env);
  const given = flags.forge === 'gitlab' ? flags.mergeRequest : flags.pullRequest;
  const number =
    given === undefined
      ? ci.number
      : positive(given, flags.forge === 'gitlab' ? '--merge-request' : '--pull-request');
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
