import * as core from '@actions/core';
import { ConfigError } from '../core/errors.js';

/** Commands the action exposes (only ones that work). */
export const ACTION_COMMANDS = ['render'] as const;
export type ActionCommand = (typeof ACTION_COMMANDS)[number];

/** Every input of the action, read and checked once. */
export interface ActionSettings {
  command: ActionCommand;
  config: string;
  environment: string;
  imageTag: string | undefined;
  imageDigest: string | undefined;
  out: string;
}

function optional(name: string): string | undefined {
  const value = core.getInput(name);
  return value === '' ? undefined : value;
}

/** Reads the action's inputs into one settings object (see action.yml for each input). */
export function readSettings(): ActionSettings {
  const command = core.getInput('command', { required: true });
  if (!(ACTION_COMMANDS as readonly string[]).includes(command)) {
    throw new ConfigError(
      `input command: "${command}" is not one of ${ACTION_COMMANDS.join(', ')}`,
    );
  }
  return {
    command: command as ActionCommand,
    config: core.getInput('config') || 'ferry.yaml',
    environment: core.getInput('environment', { required: true }),
    imageTag: optional('image-tag'),
    imageDigest: optional('image-digest'),
    out: core.getInput('out') || `${process.env.RUNNER_TEMP ?? '.'}/ferry/rendered`,
  };
}
