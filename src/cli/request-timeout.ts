import type { Command } from 'commander';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../adapters/kube/request-policy.js';
import { parseDurationOption } from '../core/options.js';
import { parsedOption } from './parsed-option.js';

/**
 * `--request-timeout`, kubectl's name, for every command that talks to the API server: parsed
 * to milliseconds while argv is read (a malformed value is exit 2 before any request).
 */
export function addRequestTimeoutOption(command: Command): Command {
  return command.addOption(
    parsedOption(
      '--request-timeout <duration>',
      `how long one request to the API server may take (e.g. 30s, 2m; 0: no limit) (default: ${DEFAULT_REQUEST_TIMEOUT_MS / 1000}s)`,
      parseDurationOption,
    ),
  );
}
