import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import type { PromoteResult } from '../../commands/env-repo/promote/promote.js';
import { OperationError } from '../../core/errors.js';
import type { CliIO } from '../io.js';
import { addToolOptions, toolPaths, type ToolFlags } from '../renderer-options.js';
import { parsedOption } from '../parsed-option.js';
import { parseClusterName, parseDurationOption } from '../../core/options.js';
import { formatResult } from './propose.js';
import {
  addOutputOption,
  addPullRequestOptions,
  pullRequestOptions,
  type PullRequestFlags,
} from './pull-request-options.js';

interface PromoteFlags extends PullRequestFlags, ToolFlags {
  config: string;
  from?: string;
  to?: string;
  force?: boolean;
  minSoak?: string;
  cluster: string;
}

export function promoteCommand(program: Command, io: CliIO): void {
  const command = program
    .command('promote')
    .description(
      'promote what an environment runs to the next: one pull request per target environment, behind gates',
    )
    .requiredOption('-c, --config <file>', 'path to ferry.yaml', 'ferry.yaml')
    .option('--from <env>', "source environment (default: the target's promoteFrom)")
    .option('--to <env>', 'target environment (default: every environment promoted from --from)')
    .option('--force', 'promote even if gates fail (the pull request says so)')
    .addOption(
      parsedOption(
        '--min-soak <duration>',
        'gate: minimum time since the source was deployed (e.g. 1h)',
        // Checked here, so a bad value fails before any request; promote parses it again.
        (text, option) => (parseDurationOption(text, option), text),
      ),
    )
    .addOption(
      parsedOption(
        '--cluster <name>',
        'source cluster in the status contexts ferry/apply (<name>) and ferry/drift (<name>)',
        parseClusterName,
      ).default('default'),
    );
  addPullRequestOptions(command);
  addToolOptions(command);
  addOutputOption(command)
    .addHelpText(
      'after',
      `
Gates, read from the commit statuses (GitHub or GitLab) on the tip of the source environment's branch:
  apply succeeded   the latest ferry/apply (<cluster>) status is success
  drift clean       the latest ferry/drift (<cluster>) status is success
  soaked <d>        with --min-soak: that long since that apply (plain git: since the commit)
ferry apply/drift --commit-status post them (on GitLab with --forge gitlab).
Plain git has no commit statuses: its promotions need --force.

Examples:
  FERRY_GITHUB_TOKEN=… ferry promote -c ferry.yaml --from staging --to production --min-soak 1h
  FERRY_GITLAB_TOKEN=… ferry promote -c ferry.yaml --to production   # forge: gitlab environments
  ferry promote -c ferry.yaml --from staging --dry-run        # every environment promoted from staging
  ferry promote -c ferry.yaml --to production --force --cluster staging-eu

Exit codes: 0 ok, 1 a gate failed or a promotion failed, 2 usage or configuration error.
`,
    )
    .action(async (flags: PromoteFlags) => {
      const { promote } = await import('../../commands/env-repo/promote/promote.js');
      const result = await promote(
        {
          ...pullRequestOptions(flags),
          config: flags.config,
          from: flags.from,
          to: flags.to,
          force: flags.force,
          minSoak: flags.minSoak,
          cluster: flags.cluster,
          tools: toolPaths(flags),
        },
        consoleLogger(io.stderr),
      );
      io.stdout.write(
        flags.output === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatPromotion(result),
      );
      const failed = result.promotions.filter((promotion) => promotion.error !== undefined);
      if (failed.length > 0) {
        const names = failed.map((promotion) => promotion.to).join(', ');
        throw new OperationError(
          `${failed.length} of ${result.promotions.length} promotions failed: ${names}`,
        );
      }
    });
}

/** The result for a terminal: the image and gates, then each target's outcome. */
export function formatPromotion(result: PromoteResult): string {
  const verdict = result.forced
    ? `not enforced (--force), ${result.gates.filter((gate) => !gate.passed).length} failed`
    : 'passed';
  const lines = [
    `promote ${result.image} from ${result.from} (${result.sourceCommit.slice(0, 12)})`,
    `gates: ${verdict}`,
    ...result.gates.map(
      (gate) =>
        `  ${gate.passed ? 'passed' : 'FAILED'}  ${gate.gate}: ${gate.detail}${gate.value ? ` ${JSON.stringify(gate.value)}` : ''}`,
    ),
  ];
  for (const promotion of result.promotions) {
    lines.push('');
    if (promotion.error !== undefined) lines.push(`${promotion.to}: failed: ${promotion.error}`);
    else lines.push(`${promotion.to}: ${formatResult(promotion).trimEnd()}`);
  }
  return `${lines.join('\n')}\n`;
}
