import { redact } from '../core/redact.js';

/**
 * The secrets this process holds (tokens, webhook URLs), remembered as they are read, so the
 * edges (CLI streams, action logger and failure path) can scrub them from anything printed,
 * including a server's error body that echoes a token.
 */
const known = new Set<string>();

/**
 * Where the GitHub Action hands its `token` input to a command. That input defaults to the
 * workflow's own GITHUB_TOKEN (`${{ github.token }}`), which no one can tell from another token
 * by its value: commands read it after FERRY_GITHUB_TOKEN (set on purpose) and before
 * GITHUB_TOKEN (see github-session.ts).
 */
export const ACTION_TOKEN_VARIABLE = 'FERRY_ACTION_TOKEN';

/** Environment variables that carry forge tokens by default (see github-session, gitlab.ts). */
export const TOKEN_VARIABLES = [
  'FERRY_GITHUB_TOKEN',
  ACTION_TOKEN_VARIABLE,
  'GITHUB_TOKEN',
  'FERRY_GITLAB_TOKEN',
  'GITLAB_TOKEN',
  'CI_JOB_TOKEN',
] as const;

/** Remembers a secret for {@link redactSecrets}; returns it. */
export function rememberSecret<T extends string | undefined>(value: T): T {
  if (value) known.add(value);
  return value;
}

/** Remembers the values of the named environment variables (the default token variables). */
export function rememberEnvSecrets(
  env: NodeJS.ProcessEnv,
  names: Iterable<string> = TOKEN_VARIABLES,
): void {
  for (const name of names) rememberSecret(env[name]);
}

/** `text` with URL user-info and every remembered secret redacted. */
export function redactSecrets(text: string): string {
  return redact(text, known);
}
