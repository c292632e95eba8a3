import type { Command } from 'commander';
import { applyTraceAnnotations } from '../../core/applyset.js';
import { consoleLogger } from '../../adapters/logger.js';
import { detectSource } from '../../adapters/ci-environment.js';
import type { ApplyReport } from '../../core/apply-report.js';
import type { ReportTarget } from '../../commands/publish/report-target.js';
import {
  APPLY_OPTIONS,
  applyAllOptions,
  applyOptions,
  refuseFolderOptionsWithSets,
  targetOf,
  type ApplyValues,
} from '../../options/cluster.js';
import { githubTarget } from '../github-target.js';
import { gitlabTarget } from '../gitlab-target.js';
import { addOptions, optionValues } from '../options.js';
import { useColour, type CliIO } from '../io.js';

export function applyCommand(program: Command, io: CliIO): void {
  const command = program
    .command('apply')
    .description(
      'server-side apply a folder of manifests as one inventory, with safe prune and rollout wait',
    );
  addOptions(command, APPLY_OPTIONS)
    .addHelpText(
      'after',
      `
Examples:
  ferry apply --dir apps/guestbook/production --inventory guestbook-production --namespace guestbook --wait
  ferry apply --dir apps/guestbook/production --inventory guestbook-production --prune --max-deletions 5
  ferry apply --dir rendered/ --inventory demo --dry-run --output json
  # in a GitLab pipeline: the status promote's gates read, on the pipeline's commit
  ferry apply -d apps/guestbook/staging -i guestbook-staging --wait --forge gitlab --commit-status --cluster staging-eu
  # every set of the environment repo for a cluster whose folder changed, dependencies first
  ferry apply --all --cluster prod-eu
  ferry apply --set guestbook-production --cluster prod-eu   # one set (a matrix job)
`,
    )
    .action(async () => {
      const values = optionValues(APPLY_OPTIONS, command);
      const target = targetOf(values);
      if (target.kind === 'sets') {
        refuseFolderOptionsWithSets(values);
        const { applySets } = await import('../sets-run.js');
        return applySets(applyAllOptions(values, target), values, statusTarget(values), io);
      }
      // Loaded on use, so `ferry --help` and other commands do not pay for them.
      const { apply } = await import('../../commands/cluster/apply/apply.js');
      const { ApplyFailure, formatText } = await import('../../core/apply-report.js');
      const status = statusTarget(values);
      const log = consoleLogger(io.stderr);
      const source = detectSource(process.env);
      const postStatus = async (report: ApplyReport, error?: Error): Promise<void> => {
        if (!status?.statusSha) return;
        const { reportApplyStatus } = await import('../../commands/publish/apply-status.js');
        const subject = {
          sha: status.statusSha,
          cluster: values.cluster,
          runUrl: source.runUrl || undefined,
        };
        await reportApplyStatus({ ...status, ...subject }, report, error, log);
      };
      const print = (report: ApplyReport): void => {
        io.stdout.write(
          values.output === 'json'
            ? `${JSON.stringify(report, null, 2)}\n`
            : formatText(report, useColour(io.stdout)),
        );
      };
      try {
        const report = await apply(
          { ...applyOptions(values, target), annotations: applyTraceAnnotations(source) },
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
export function statusTarget(
  values: ApplyValues,
): (ReportTarget & { statusSha?: string }) | undefined {
  if (values.forge === 'gitlab') {
    const gitlab = gitlabTarget(values, false);
    return gitlab && { forge: 'gitlab', ...gitlab };
  }
  return githubTarget({ ...values, tokenEnv: values.tokenEnv ?? 'GITHUB_TOKEN' }, false);
}
