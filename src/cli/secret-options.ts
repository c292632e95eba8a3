import type { Command } from 'commander';

/**
 * `--allow-plaintext-secrets`, for every command that reads a set (apply, plan, drift): without
 * it a core Secret holding plaintext data is refused, as render refuses it (issue 19, item 10).
 */
export function addSecretOptions(command: Command): Command {
  return command.option(
    '--allow-plaintext-secrets',
    'accept Secrets whose data is not SOPS-encrypted (refused by default, as render refuses them)',
  );
}
