import type { Command } from 'commander';
import { consoleLogger } from '../../adapters/logger.js';
import type { PromoteResult } from '../../commands/env-repo/promote/promote.js';
import { OperationError } from '../../core/errors.js';
import type { CliIO } from '../io.js';
import { PROMOTE_OPTIONS, promoteOptions } from '../../options/env-repo.js';
import { addOptions, optionValues } from '../options.js';
import { formatResult } from './propose.js';

export function promoteCommand(program: Command, io: CliIO): void {
  const command = program
    .command('promote')
    .description(
      'promote what an environment runs to the next: one pull request per target environment, behind gates',
    );
  addOptions(command, PROMOTE_OPTIONS)
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
    .action(async () => {
      const flags = optionValues(PROMOTE_OPTIONS, command);
      const { promote } = await import('../../commands/env-repo/promote/promote.js');
      const result = await promote(promoteOptions(flags), consoleLogger(io.stderr));
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
