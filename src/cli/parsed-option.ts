import { Option } from 'commander';

/**
 * A flag whose value goes through one of the shared option parsers (core/options.ts) while
 * argv is parsed: a malformed value fails before any command starts, and the message names
 * the flag as typed (`--max-deletions`). Commander runs no parser on a default, so a default
 * is given already parsed, with `shown` for the help text.
 */
export function parsedOption<T>(
  flags: string,
  description: string,
  parse: (text: string, option: string) => T,
  defaults?: { value: T; shown: string },
): Option {
  const option = new Option(flags, description);
  option.argParser((text: string) => parse(text, option.long ?? flags));
  return defaults ? option.default(defaults.value, defaults.shown) : option;
}
