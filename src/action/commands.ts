import * as core from '@actions/core';
import { render } from '../commands/render.js';
import { actionsLogger } from './logger.js';
import type { ProposeSettings, RenderSettings } from './settings.js';

/** `command: render`: outputs the folder, file list, object count and image. */
export async function runRender(settings: RenderSettings): Promise<void> {
  const result = await core.group('ferry render', () =>
    render(
      {
        config: settings.config,
        env: settings.environment,
        imageTag: settings.imageTag,
        imageDigest: settings.imageDigest,
        out: settings.out,
      },
      actionsLogger,
    ),
  );
  core.setOutput('out', settings.out);
  core.setOutput('files', JSON.stringify(result.files));
  core.setOutput('objects', result.objects.length);
  core.setOutput('image', result.image.ref);
  await core.summary
    .addHeading(`ferry render: ${result.environment.name}`, 3)
    .addRaw(`Image \`${result.image.ref}\`, ${result.objects.length} objects\n\n`)
    .addList(result.objects.map((object) => `\`${object}\``))
    .write();
}

/**
 * `command: propose`: outputs operation, pr-number, pr-url and head-sha; the summary links the
 * pull request. The token is masked before anything can print it.
 */
export async function runPropose(settings: ProposeSettings): Promise<void> {
  const { propose } = await import('../commands/propose.js');
  if (settings.token) core.setSecret(settings.token);
  for (const name of ['FERRY_GITHUB_TOKEN', 'GITHUB_TOKEN']) {
    const value = process.env[name];
    if (value) core.setSecret(value);
  }
  // The input reaches the command the way the CLI's tokens do: as a variable, never an argument.
  const env = settings.token ? { ...process.env, FERRY_GITHUB_TOKEN: settings.token } : process.env;
  const result = await core.group('ferry propose', () =>
    propose(
      {
        config: settings.config,
        env: settings.environment,
        imageTag: settings.imageTag,
        imageDigest: settings.imageDigest,
        dryRun: settings.dryRun,
        apiUrl: settings.apiUrl,
        labels: settings.labels,
        reviewers: settings.reviewers,
        assignees: settings.assignees,
        draft: settings.draft,
        autoMerge: settings.autoMerge,
        allowFork: settings.allowFork,
      },
      actionsLogger,
      { env },
    ),
  );
  core.setOutput('operation', result.operation);
  core.setOutput('pr-number', result.pullRequest?.number ?? '');
  core.setOutput('pr-url', result.pullRequest?.url ?? '');
  core.setOutput('head-sha', result.headSha ?? '');
  core.setOutput('branch', result.branch);
  const where = result.pullRequest
    ? `[#${result.pullRequest.number}](${result.pullRequest.url})`
    : `branch \`${result.branch}\``;
  await core.summary
    .addHeading(`ferry propose: ${result.operation}${result.dryRun ? ' (dry run)' : ''}`, 3)
    .addRaw(`${result.title} — ${where}\n\n`)
    .addRaw(result.dryRun ? result.body : '')
    .write();
}
