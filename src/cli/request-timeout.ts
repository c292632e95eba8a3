import type { Command } from 'commander';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../adapters/kube/request-policy.js';
import { parseDuration } from '../core/duration.js';

/** `--request-timeout`, kubectl's name: for every command that talks to the API server. */
export function addRequestTimeoutOption(command: Command): Command {
  return command.option(
    '--request-timeout <duration>',
    `how long one request to the API server may take (e.g. 30s, 2m; 0: no limit) (default: ${DEFAULT_REQUEST_TIMEOUT_MS / 1000}s)`,
  );
}

/** The flag in milliseconds; undefined: the client's default. A malformed value is exit 2. */
export function requestTimeoutMs(flag: string | undefined): number | undefined {
  return flag === undefined ? undefined : parseDuration(flag, '--request-timeout');
}
