import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import { readTextFile } from '../../adapters/files.js';
import { ConfigError } from '../../core/errors.js';
import {
  SETS_OPTIONS,
  STATUS_OPTIONS,
  listSetsOptions,
  statusOptions,
} from '../../options/sets.js';
import { addOptions, optionValues } from '../options.js';
import type { CliIO } from '../io.js';

export function setsCommand(program: Command, io: CliIO): void {
  const command = program
    .command('sets')
    .description(
      'list the sets of the environment repo (folders with a .ferry-set.yaml), per cluster, dependencies first',
    );
  addOptions(command, SETS_OPTIONS)
    .addHelpText(
      'after',
      `
Examples:
  ferry sets --cluster prod-eu
  # a GitHub Actions matrix of what a push changed, for two clusters
  ferry sets --cluster prod-eu,prod-us --changed-since "$BEFORE_SHA" --output github-matrix
  # what the cluster does not run yet (reads its inventories)
  ferry sets --cluster prod-eu --changed --kubeconfig prod-eu.kubeconfig
  # a GitLab child pipeline: one job per set, ordered by needs
  ferry sets --cluster prod-eu --changed --output gitlab-pipeline --gitlab-template .gitlab/ferry-set-job.yml
`,
    )
    .action(async () => {
      const values = optionValues(SETS_OPTIONS, command);
      if (values.output === 'gitlab-pipeline' && !values.gitlabTemplate)
        throw new ConfigError(
          '--output gitlab-pipeline needs --gitlab-template (the job that applies one set)',
        );
      const { listSets } = await import('../../commands/cluster/sets/list.js');
      const { formatSetsList, githubMatrix, gitlabPipeline } =
        await import('../../core/sets-output.js');
      const entries = await listSets(listSetsOptions(values), consoleLogger(io.stderr));
      if (values.output === 'json') io.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      else if (values.output === 'github-matrix') io.stdout.write(`${githubMatrix(entries)}\n`);
      else if (values.output === 'gitlab-pipeline') {
        const file = values.gitlabTemplate!;
        io.stdout.write(
          gitlabPipeline(entries, await readTextFile(file, 'GitLab job template'), file),
        );
      } else io.stdout.write(formatSetsList(entries));
    });
}

export function statusCommand(program: Command, io: CliIO): void {
  const command = program
    .command('status')
    .description(
      'per set of a cluster: the commit applied, when, by which run, and whether the folder has changed since',
    );
  addOptions(command, STATUS_OPTIONS)
    .addHelpText(
      'after',
      `
States: current (the cluster runs the folder as it is), changed (applied before; the folder has
changed since), failed (the last apply of this very folder failed), never applied.

Examples:
  ferry status --cluster prod-eu
  ferry status --cluster prod-eu --output json
`,
    )
    .action(async () => {
      const values = optionValues(STATUS_OPTIONS, command);
      const { setsStatus } = await import('../../commands/cluster/sets/status.js');
      const { formatStatus } = await import('../../core/sets-output.js');
      const report = await setsStatus(statusOptions(values), consoleLogger(io.stderr));
      if (values.output === 'json') {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const lines = report.sets.map((s) => ({
        set: s.set,
        path: s.path,
        state: s.state,
        commit: s.record?.commit,
        at: s.record?.at,
        runUrl: s.record?.runUrl,
        failure: s.record?.failed?.reason,
      }));
      io.stdout.write(formatStatus(report.cluster, report.commit, lines, report.orphans));
    });
}
