import { parseBoolean, parseChoice } from '../core/options.js';

/**
 * Each option of each command is declared once, here in src/options, with its name, grammar,
 * default and help. Every surface is derived from the declaration: commander's flags
 * (cli/options.ts), the action's input reading (action/inputs.ts), action.yml's inputs and the
 * docs' option tables (scripts/surfaces.ts, checked by a unit test). Declarations are data: no
 * I/O, no commander, no @actions/*.
 */

/** Where an option exists: both surfaces unless it says otherwise. */
export type Surface = 'cli' | 'action';

/** An option's grammar: the text as typed and the option's name as the user wrote it. */
export type Parser<T> = (text: string, option: string) => T;

export interface OptionSpec<
  N extends string = string,
  T = unknown,
  Present extends boolean = boolean,
> {
  /** kebab-case: `--max-deletions` on the command line, and the action input's name. */
  readonly name: N;
  /** One-letter CLI alias (`d` for `-d`). */
  readonly short?: string;
  /** The action input's name when it is not `name` (`environment` for `--env`). */
  readonly input?: string;
  /** The CLI's value placeholder (`<n>`, `[sha]` for an optional value); absent: a flag. */
  readonly placeholder?: string;
  /** The grammar, shared by both surfaces (a flag's action input is `true`/`false`). */
  readonly parse: Parser<T>;
  /** The value when none is given, and how help shows it. */
  readonly fallback?: { readonly value: T; readonly shown: string };
  /**
   * The action input's default when it differs from the CLI's (`wait` is on in the action); a
   * value the runner fills in (`${{ github.token }}`) has no value of its own here.
   */
  readonly inputFallback?: { readonly value: T | undefined; readonly shown: string };
  /** Values commander offers and checks (the grammar still parses them). */
  readonly choices?: readonly string[];
  readonly required?: boolean;
  /** One line: the CLI help, the docs table, and the start of the action input's description. */
  readonly help: string;
  /** More for the docs table and action.yml (not the terse CLI help). */
  readonly details?: string;
  /** The action input's words when they differ from `help` (the kubeconfig input takes content). */
  readonly inputHelp?: string;
  /** Only on this surface (the CLI's `--token-env`, the action's `token`). */
  readonly only?: Surface;
  /** A credential: the action masks the input's value (the CLI takes none as a flag). */
  readonly secret?: boolean;
  /** Phantom: the value is always there (a flag, a default, or required). */
  readonly present?: Present;
}

/** Any declared option. */
export type AnyOption = OptionSpec<string, unknown, boolean>;

type Details = Pick<
  OptionSpec,
  'short' | 'input' | 'details' | 'inputHelp' | 'only' | 'choices' | 'secret'
>;

/** An on/off switch: `--prune` on the command line, `prune: true` in the action. */
export function flag<N extends string>(
  name: N,
  help: string,
  more: Details & { inputFallback?: { value: boolean; shown: string } } = {},
): OptionSpec<N, boolean, true> {
  return { name, help, parse: parseBoolean, fallback: { value: false, shown: 'false' }, ...more };
}

/** An option taking a value, kept as typed (or parsed by `parse`). */
export function valued<N extends string, T = string>(
  name: N,
  placeholder: string,
  help: string,
  more: Details & {
    parse?: Parser<T>;
    inputFallback?: { readonly value: T | undefined; readonly shown: string };
  } = {},
): OptionSpec<N, T, false> {
  const { choices } = more;
  const {
    parse = (text: string, option: string) =>
      (choices ? parseChoice(text, choices, option) : text) as T,
    ...rest
  } = more;
  return { name, placeholder, help, parse, ...rest };
}

/** `spec` with a default value (`shown` in help, docs and action.yml). */
export function defaulted<N extends string, T>(
  spec: OptionSpec<N, T, boolean>,
  value: T,
  shown: string,
): OptionSpec<N, T, true> {
  return { ...spec, fallback: { value, shown } } as OptionSpec<N, T, true>;
}

/** `spec`, which must be given. */
export function required<N extends string, T>(
  spec: OptionSpec<N, T, boolean>,
): OptionSpec<N, T, true> {
  return { ...spec, required: true } as OptionSpec<N, T, true>;
}

/** `spec` with other help words (the same option as another command understands it). */
export function reworded<N extends string, T, P extends boolean>(
  spec: OptionSpec<N, T, P>,
  help: string,
  details?: string,
): OptionSpec<N, T, P> {
  // The other command's details would describe the wrong behaviour: only the new ones stay.
  return { ...spec, help, details };
}

/** `max-deletions` → `maxDeletions`: the key of an option's value in a command's settings. */
export type Camel<S extends string> = S extends `${infer Head}-${infer Rest}`
  ? `${Head}${Capitalize<Camel<Rest>>}`
  : S;

/** The key of an option's value in a command's settings. */
export function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

/** What a list of declared options gives a command: each value by its camel-case name. */
export type Values<S extends readonly AnyOption[]> = {
  [O in S[number] as Camel<O['name']>]: O extends OptionSpec<string, infer T, infer P>
    ? P extends true
      ? T
      : T | undefined
    : never;
};

/** The options of `specs` that exist on `surface`. */
export function onSurface<S extends AnyOption>(specs: readonly S[], surface: Surface): S[] {
  return specs.filter((spec) => spec.only === undefined || spec.only === surface);
}

/** The name the action knows an option by. */
export function inputName(spec: AnyOption): string {
  return spec.input ?? spec.name;
}
