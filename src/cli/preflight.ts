import type { Command } from 'commander';

/**
 * `--no-preflight` (apply and plan): skip the permission check made before the first LIST
 * (one SelfSubjectAccessReview per distinct verb, resource and namespace).
 */
export function addPreflightOption(command: Command): Command {
  return command.option(
    '--no-preflight',
    'skip checking, before anything is read or written, that this identity has every permission the run needs',
  );
}
