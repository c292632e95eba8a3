import { stripUserInfo } from '../core/redact.js';
import { tmpdir } from 'node:os';
import type { SourceInfo } from '../core/render.js';

/**
 * Reads where this build came from out of the CI system's own variables (GitHub Actions or
 * GitLab CI). Explicit values win over detected ones; unknown fields stay ''. The run URL, from
 * either, loses any user-info here, the one place it enters: it is written to files, committed
 * annotations and pull request bodies, which no redaction at the output edges reaches.
 */
export function detectSource(
  env: NodeJS.ProcessEnv,
  explicit: Partial<SourceInfo> = {},
): SourceInfo {
  const github = env.GITHUB_ACTIONS === 'true' || env.GITHUB_REPOSITORY !== undefined;
  const gitlab = env.GITLAB_CI === 'true';
  let detected: SourceInfo = { repo: '', commit: '', ref: '', runUrl: '' };
  if (github) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    detected = {
      repo: env.GITHUB_REPOSITORY ?? '',
      commit: env.GITHUB_SHA ?? '',
      ref: env.GITHUB_REF ?? '',
      runUrl:
        env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : '',
    };
  } else if (gitlab) {
    detected = {
      repo: env.CI_PROJECT_PATH ?? '',
      commit: env.CI_COMMIT_SHA ?? '',
      ref: env.CI_COMMIT_REF_NAME ?? '',
      runUrl: env.CI_JOB_URL ?? env.CI_PIPELINE_URL ?? '',
    };
  }
  return {
    repo: explicit.repo || detected.repo,
    commit: explicit.commit || detected.commit,
    ref: explicit.ref || detected.ref,
    runUrl: stripUserInfo(explicit.runUrl || detected.runUrl),
  };
}

/**
 * A web link to the source commit, when the CI system says where the source repo lives
 * (GitHub Actions: GITHUB_SERVER_URL; GitLab CI: CI_PROJECT_URL); '' otherwise.
 */
export function sourceCommitUrl(env: NodeJS.ProcessEnv, source: SourceInfo): string {
  if (!/^[0-9a-f]{7,64}$/i.test(source.commit)) return '';
  if (env.GITHUB_ACTIONS === 'true' || env.GITHUB_REPOSITORY !== undefined) {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(source.repo)) return '';
    return `${env.GITHUB_SERVER_URL ?? 'https://github.com'}/${source.repo}/commit/${source.commit}`;
  }
  if (env.GITLAB_CI === 'true' && env.CI_PROJECT_URL) {
    return `${env.CI_PROJECT_URL}/-/commit/${source.commit}`;
  }
  return '';
}

/**
 * The runner's temp folder: `$RUNNER_TEMP`, or the system's temp folder when it is unset or
 * empty (an empty one would otherwise put files at the file system's root, or in the work tree).
 */
export function runnerTemp(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || tmpdir();
}
