import { Option, type Command } from 'commander';
import { camel, onSurface, type AnyOption, type Values } from '../options/declare.js';

/**
 * Adds the declared options (src/options) that exist on the command line to `command`. Values
 * go through the declared grammar while argv is parsed, so a malformed one fails before any
 * command starts, and the message names the flag as typed (`--max-deletions`).
 */
export function addOptions(command: Command, specs: readonly AnyOption[]): Command {
  for (const spec of onSurface(specs, 'cli')) command.addOption(commanderOption(spec));
  return command;
}

function commanderOption(spec: AnyOption): Option {
  const flags = [spec.short && `-${spec.short},`, `--${spec.name}`, spec.placeholder]
    .filter(Boolean)
    .join(' ');
  const choices = spec.choices ? ` (choices: ${spec.choices.join(', ')})` : '';
  const option = new Option(flags, `${spec.help}${choices}`);
  if (spec.placeholder !== undefined) {
    option.argParser((text: string) => spec.parse(text, `--${spec.name}`));
    // Commander runs no parser on a default: it is declared already parsed.
    if (spec.fallback) option.default(spec.fallback.value, spec.fallback.shown);
  }
  if (spec.required) option.makeOptionMandatory();
  return option;
}

/** The command's values after parsing: flags not given are false, defaults filled in. */
export function optionValues<S extends readonly AnyOption[]>(
  specs: S,
  command: Command,
): Values<S> {
  const given = command.opts<Record<string, unknown>>();
  const values: Record<string, unknown> = {};
  for (const spec of onSurface(specs, 'cli')) {
    const key = camel(spec.name);
    values[key] = given[key] ?? spec.fallback?.value;
  }
  return values as Values<S>;
}
