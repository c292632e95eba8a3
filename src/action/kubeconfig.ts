import * as core from '@actions/core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import yaml from 'js-yaml';
import { runnerTemp } from '../adapters/ci-environment.js';
import { readTextFile } from '../adapters/files.js';
import { maskSecret } from './mask.js';

/**
 * Masks every credential in a kubeconfig, value by value: GitHub masks exact strings, so a
 * whole kubeconfig registered as one secret would not hide a token printed on its own.
 */
export function maskKubeconfig(text: string): void {
  let parsed: unknown;
  try {
    parsed = yaml.load(text);
  } catch {
    maskSecret(text);
    return;
  }
  const users = (parsed as { users?: { user?: unknown }[] } | null)?.users ?? [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string' && value.length >= 4) {
      maskSecret(value);
      // A base64 value may be printed decoded (a client key in an error message).
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      if (/^[\x20-\x7e\s]+$/.test(decoded) && decoded.length >= 8)
        for (const line of decoded.split('\n'))
          if (line.trim().length >= 8) maskSecret(line.trim());
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit);
  };
  for (const user of users) visit(user.user);
}

/** Folders holding a kubeconfig written from an input, removed as the step ends. */
const written = new Set<string>();

/**
 * The kubeconfig input is either a path or the file's content (the usual `${{ secrets.KUBECONFIG }}`).
 * Content is masked and written to a private temp file, which {@link removeWrittenKubeconfigs}
 * deletes when the step ends; returns the path to use, if any.
 */
export async function kubeconfigFromInput(input: string | undefined): Promise<string | undefined> {
  if (input === undefined) return undefined;
  if (!input.includes('\n') && !input.trimStart().startsWith('{')) return input;
  maskKubeconfig(input);
  const dir = await mkdtemp(join(runnerTemp(), 'ferry-kube-'));
  written.add(dir);
  const path = join(dir, 'kubeconfig');
  await writeFile(path, input, { mode: 0o600 });
  return path;
}

/**
 * Deletes every kubeconfig written from an input: RUNNER_TEMP outlives the step (later steps of
 * the job, a self-hosted runner's next job), and the credentials must not.
 */
export async function removeWrittenKubeconfigs(): Promise<void> {
  await Promise.all([...written].map((dir) => rm(dir, { recursive: true, force: true })));
  written.clear();
}

/**
 * The kubeconfig path a command should use, with every credential masked first: from the input
 * (content or path), else the standard $KUBECONFIG (undefined: kubectl's loading rules, see
 * adapters/kube/kubeconfig.ts).
 */
export async function prepareKubeconfig(input: string | undefined): Promise<string | undefined> {
  const fromInput = await kubeconfigFromInput(input);
  if (fromInput !== undefined) {
    if (input !== undefined && !input.includes('\n'))
      maskKubeconfig(await readTextFile(fromInput, 'kubeconfig'));
    return fromInput;
  }
  // Every file $KUBECONFIG lists: ferry merges them all, as kubectl does.
  for (const file of (process.env.KUBECONFIG ?? '').split(delimiter).filter(Boolean))
    maskKubeconfig(await readFile(file, 'utf8').catch(() => ''));
  return undefined;
}

/** The inputs that say where apply, plan and drift report on GitHub. */
export interface GitHubReportInputs {
  /** Token for statuses, comments and issues; undefined: GITHUB_TOKEN. */
  token: string | undefined;
  apiUrl: string | undefined;
  commitStatus: boolean | string | undefined;
}

/** GitHub reporting for apply, plan and drift: token from the input, else GITHUB_TOKEN (masked). */
export function reportTarget(
  report: GitHubReportInputs,
): { token: string; apiUrl?: string; repo: string; statusSha?: string } | undefined {
  const token = report.token ?? process.env.GITHUB_TOKEN;
  const repo = process.env.GITHUB_REPOSITORY;
  if (!token || !repo) return undefined;
  maskSecret(token);
  const statusSha = report.commitStatus ? process.env.GITHUB_SHA : undefined;
  return {
    token,
    repo,
    ...(report.apiUrl ? { apiUrl: report.apiUrl } : {}),
    ...(statusSha ? { statusSha } : {}),
  };
}

/**
 * Warns when `ferry/apply` was asked for (commit-status) and cannot be posted: promotion gates
 * read it, so its absence must not pass unnoticed. `target`: reportTarget's answer.
 */
export function warnIfNoApplyStatus(
  values: GitHubReportInputs & { cluster: string },
  target: { statusSha?: string } | undefined,
): void {
  if (values.commitStatus && !target?.statusSha)
    core.warning(
      `input commit-status: ferry/apply (${values.cluster}) cannot be posted: ${missingForReport(values, true)}; promotion gates that read it will not pass`,
    );
}

/**
 * What reporting to GitHub needs and this step lacks, in words (see reportTarget); `sha`: the
 * report is a status on GITHUB_SHA.
 */
export function missingForReport(report: GitHubReportInputs, sha: boolean): string {
  const missing = [
    report.token || process.env.GITHUB_TOKEN
      ? ''
      : 'no token (input token is empty; its default is the workflow token)',
    process.env.GITHUB_REPOSITORY ? '' : 'no GITHUB_REPOSITORY',
    process.env.GITHUB_SHA || !sha ? '' : 'no GITHUB_SHA',
  ].filter(Boolean);
  return missing.join(', ');
}
