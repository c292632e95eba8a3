import { Option, type Command } from 'commander';

/**
 * Adds what apply and drift take to say where their reports go: `--forge github|gitlab`, then
 * `--token-env` and `--api-url` with each forge's defaults (see github-target.ts and
 * gitlab-target.ts). `what` completes "where the … go".
 */
export function addForgeReportOptions(command: Command, what: string): Command {
  return command
    .addOption(
      new Option('--forge <forge>', `where the ${what} go`)
        .choices(['github', 'gitlab'])
        .default('github'),
    )
    .option(
      '--token-env <name>',
      'environment variable holding the token (default: GITHUB_TOKEN; GitLab: FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN)',
    )
    .option(
      '--api-url <url>',
      'API URL (default: $GITHUB_API_URL or api.github.com; GitLab: $CI_API_V4_URL or gitlab.com)',
    );
}
