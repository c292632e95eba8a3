import * as core from '@actions/core';
import { ConfigError } from '../core/errors.js';
import { camel, inputName, onSurface, type AnyOption, type Values } from '../options/declare.js';
import { maskSecret } from './mask.js';

/**
 * Reads a command's declared options (src/options) from the action's inputs, once, through the
 * same grammar as the CLI's flags; a malformed value names the input (`input max-deletions`).
 * An empty input is an input not given (the runner passes every declared input, blank or not).
 */
export function readInputs<S extends readonly AnyOption[]>(command: string, specs: S): Values<S> {
  const values: Record<string, unknown> = {};
  for (const spec of onSurface(specs, 'action')) {
    const name = inputName(spec);
    const text = core.getInput(name);
    if (spec.secret) maskSecret(text);
    let value: unknown;
    if (text !== '') value = spec.parse(text, `input ${name}`);
    else if (spec.required)
      throw new ConfigError(`input ${name} is required for command ${command}`);
    else value = (spec.inputFallback ?? spec.fallback)?.value;
    values[camel(spec.name)] = value;
  }
  return values as Values<S>;
}
