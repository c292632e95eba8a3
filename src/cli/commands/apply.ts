import { applyTraceAnnotations } from '../../core/applyset.js';
import { Option, type Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { detectSource } from '../../adapters/ci-environment.js';
import {
  DEFAULT_TIMEOUT,
  DEFAULT_TIMEOUT_MS,
  parseClusterName,
  parseCount,
  parseDurationOption,
  parseInventoryName,
  parseList,
} from '../../core/options.js';
import type { ApplyReport } from '../../core/apply-report.js';
import type { ApplyStatusDestination } from '../../commands/publish/apply-status.js';
import { githubTarget } from '../github-target.js';
import { addForgeReportOptions } from '../forge-report-options.js';
import { gitlabTarget } from '../gitlab-target.js';
import { parsedOption } from '../parsed-option.js';
import { addRequestTimeoutOption } from '../request-timeout.js';
import { addSetSourceOptions, setSettings, type SetSourceFlags } from '../renderer-options.js';
import { useColour, type CliIO } from '../io.js';

interface ApplyFlags extends SetSourceFlags {
  dir: string;
  inventory: string;
  namespace?: string;
  prune?: boolean;
  pruneEmpty?: boolean;
  pruneAllow?: string[];
  maxDeletions?: number;
  wait?: boolean;
  timeout: number;
  dryRun?: boolean;
  forceConflicts?: boolean;
  gitWinsOver?: string[];
  adopt?: boolean;
  kubeconfig?: string;
  context?: string;
  requestTimeout?: number;
  output: 'text' | 'json';
  cluster: string;
  repo?: string;
  commitStatus?: string | boolean;
  tokenEnv?: string;
  apiUrl?: string;
  forge: 'github' | 'gitlab';
}

export function applyCommand(program: Command, io: CliIO): void {
  const command = program
    .command('apply')
    .description(
      'server-side apply a folder of manifests as one inventory, with safe prune and rollout wait',
    )
    .requiredOption('-d, --dir <dir>', 'folder of manifests (YAML/JSON, recursively)')
    .addOption(
      parsedOption(
        '-i, --inventory <name>',
        'inventory (ApplySet) name, e.g. guestbook-production',
        parseInventoryName,
      ).makeOptionMandatory(),
    )
    .option(
      '-n, --namespace <ns>',
      "namespace for objects that name none, and for the inventory (default: the context's)",
    )
    .option('--prune', 'delete objects of this inventory that are no longer in the manifests')
    .option(
      '--prune-empty',
      'with --prune, accept a folder with no manifests: delete every member of the inventory',
    )
    .addOption(
      parsedOption(
        '--prune-allow <kinds>',
        'also prune these protected kinds (Namespace,CustomResourceDefinition,PersistentVolume,PersistentVolumeClaim)',
        parseList,
      ),
    )
    .addOption(
      parsedOption('--max-deletions <n>', 'abort before pruning more than n objects', parseCount),
    )
    .option(
      '--wait',
      'wait for rollouts to complete (fails fast on ImagePullBackOff, CrashLoopBackOff, …)',
    )
    .addOption(
      parsedOption('--timeout <duration>', 'how long --wait waits', parseDurationOption, {
        value: DEFAULT_TIMEOUT_MS,
        shown: DEFAULT_TIMEOUT,
      }),
    )
    .option(
      '--dry-run',
      'validate everything on the server and report what would change; change nothing',
    )
    .option(
      '--force-conflicts',
      'take over fields that other field managers own (hand edits by kubectl are taken back without it)',
    )
    .addOption(
      parsedOption(
        '--git-wins-over <managers>',
        "field managers, besides kubectl's, whose changes apply takes back (comma-separated)",
        parseList,
      ),
    )
    .option('--adopt', 'take over objects owned by another ApplySet or tool')
    .option(
      '--kubeconfig <path>',
      'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)',
    )
    .option('--context <name>', 'kubeconfig context');
  addSetSourceOptions(command);
  addRequestTimeoutOption(command)
    .addOption(
      new Option('-o, --output <format>', 'report format')
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(
      parsedOption(
        '--cluster <name>',
        'cluster name for the commit status context',
        parseClusterName,
      ).default('default'),
    )
    .option(
      '--commit-status [sha]',
      'post ferry/apply (<cluster>) on the env-repo commit (default: $GITHUB_SHA; GitLab: $CI_COMMIT_SHA)',
    )
    .option(
      '--repo <owner/name>',
      'repository (GitLab: project path) for the status (default: $GITHUB_REPOSITORY; GitLab: $CI_PROJECT_PATH)',
    );
  addForgeReportOptions(command, 'commit statuses')
    .addHelpText(
      'after',
      `
Examples:
  ferry apply --dir apps/guestbook/production --inventory guestbook-production --namespace guestbook --wait
  ferry apply --dir apps/guestbook/production --inventory guestbook-production --prune --max-deletions 5
  ferry apply --dir rendered/ --inventory demo --dry-run --output json
  # in a GitLab pipeline: the status promote's gates read, on the pipeline's commit
  ferry apply -d apps/guestbook/staging -i guestbook-staging --wait --forge gitlab --commit-status --cluster staging-eu
`,
    )
    .action(async (flags: ApplyFlags) => {
      // Loaded on use, so `ferry --help` and other commands do not pay for them.
      const { apply } = await import('../../commands/cluster/apply/apply.js');
      const { ApplyFailure, formatText } = await import('../../core/apply-report.js');
      const status = statusTarget(flags);
      const postStatus = async (report: ApplyReport, error?: Error): Promise<void> => {
        if (!status?.statusSha) return;
        const { reportApplyStatus } = await import('../../commands/publish/apply-status.js');
        const subject = {
          sha: status.statusSha,
          cluster: flags.cluster,
          runUrl: source.runUrl || undefined,
        };
        await reportApplyStatus({ ...status, ...subject }, report, error, log);
      };
      const log = consoleLogger(io.stderr);
      const source = detectSource(process.env);
      const print = (report: Parameters<typeof formatText>[0]): void => {
        io.stdout.write(
          flags.output === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : formatText(report, useColour(io.stdout)),
        );
      };
      try {
        const report = await apply(
          {
            dir: flags.dir,
            inventory: flags.inventory,
            namespace: flags.namespace,
            prune: flags.prune,
            pruneEmpty: flags.pruneEmpty,
            pruneAllow: flags.pruneAllow,
            maxDeletions: flags.maxDeletions,
            wait: flags.wait,
            timeoutMs: flags.timeout,
            dryRun: flags.dryRun,
            forceConflicts: flags.forceConflicts,
            gitWinsOver: flags.gitWinsOver,
            adopt: flags.adopt,
            kubeconfig: flags.kubeconfig,
            context: flags.context,
            requestTimeoutMs: flags.requestTimeout,
            source: setSettings(flags),
            annotations: applyTraceAnnotations(source),
          },
          log,
        );
        print(report);
        await postStatus(report);
      } catch (error) {
        if (error instanceof ApplyFailure) {
          print(error.report);
          await postStatus(error.report, error);
        }
        throw error;
      }
    });
}

/** Where the commit status goes (GitHub or GitLab), or undefined when none was asked for. */
function statusTarget(
  flags: ApplyFlags,
): (ApplyStatusDestination & { statusSha?: string }) | undefined {
  if (flags.forge === 'gitlab') {
    const gitlab = gitlabTarget(flags, false);
    return gitlab && { forge: 'gitlab', ...gitlab };
  }
  return githubTarget({ ...flags, tokenEnv: flags.tokenEnv ?? 'GITHUB_TOKEN' }, false);
}
