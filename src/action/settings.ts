import * as core from '@actions/core';
import { ConfigError } from '../core/errors.js';
import { COMMAND_NAMES, COMMAND_OPTIONS, type CommandName } from '../options/commands.js';
import type { Values } from '../options/declare.js';
import { readInputs } from './inputs.js';

/** Commands the action runs: every command the CLI has (src/options/commands.ts). */
export const ACTION_COMMANDS = COMMAND_NAMES;
export type ActionCommand = CommandName;

/** A command and its inputs, read and checked once against its declared options. */
export type CommandSettings<C extends CommandName> = {
  command: C;
  values: Values<(typeof COMMAND_OPTIONS)[C]>;
};

/** Every input of the action for the chosen command. */
export type ActionSettings = { [C in CommandName]: CommandSettings<C> }[CommandName];

export type RenderSettings = CommandSettings<'render'>;
export type ProposeSettings = CommandSettings<'propose'>;
export type PromoteSettings = CommandSettings<'promote'>;
export type RollbackSettings = CommandSettings<'rollback'>;
export type ApplySettings = CommandSettings<'apply'>;
export type PlanSettings = CommandSettings<'plan'>;
export type DriftSettings = CommandSettings<'drift'>;
export type SetsSettings = CommandSettings<'sets'>;
export type StatusSettings = CommandSettings<'status'>;
export type RbacSettings = CommandSettings<'rbac'>;

/** Reads the action's inputs into one settings object (see action.yml for each input). */
export function readSettings(): ActionSettings {
  const command = core.getInput('command', { required: true });
  if (!(ACTION_COMMANDS as string[]).includes(command))
    throw new ConfigError(
      `input command: "${command}" is not one of ${ACTION_COMMANDS.join(', ')}`,
    );
  const name = command as CommandName;
  return { command: name, values: readInputs(name, COMMAND_OPTIONS[name]) };
}
