import { randomBytes } from 'node:crypto';
import Handlebars from 'handlebars';
import { ConfigError } from './errors.js';

/**
 * Handlebars templates that cannot be broken by the values they render.
 *
 * Handlebars escaping is HTML escaping and does nothing for YAML: a tag holding a newline and
 * `privileged: true` would add a key. So no value ever reaches the YAML text. Every `{{…}}`
 * is rewritten to the `ferryValue` helper, which outputs an opaque token (`FERRY<nonce>N<i>E`);
 * the YAML is parsed with the tokens in place, so its shape comes from the template alone;
 * then each token is replaced in the parsed objects by the value it stands for
 * (see substituteValues). Finite numbers and booleans are the exception: their text cannot
 * change YAML structure, so they are written as-is and keep their YAML type.
 */

/** The variables a template sees. */
export type TemplateContext = Record<string, unknown>;

/** What one template run produced: YAML text holding tokens, and the values behind them. */
export interface TemplateOutput {
  text: string;
  /** Every token is `${prefix}<index>E`; `values[index]` is what it stands for. */
  prefix: string;
  values: unknown[];
  /** Template line of each value, for messages. */
  lines: number[];
}

const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);

function compare(a: unknown, b: unknown): boolean {
  return a === b;
}

/** Helpers templates may call. Each is documented in README "Template helpers". */
const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** `{{quote values.port}}`: the value as a string, whatever its type. */
  quote: (value) => (typeof value === 'string' ? value : JSON.stringify(value)),
  /** `{{toYaml values.resources}}`: embed a structure (the `indent` hash is accepted and not needed). */
  toYaml: (value) => value,
  /** `{{toJson values.config}}`: the value as a JSON string (e.g. for a ConfigMap entry). */
  toJson: (value) => JSON.stringify(value),
  /** `{{default values.x "fallback"}}`: fallback when the value is null or ''. */
  default: (value, fallback) =>
    value === null || value === undefined || value === '' ? fallback : value,
  /** `{{#if (has values "debug")}}`: whether an object has a key (strict mode forbids reading missing ones). */
  has: (object, key) =>
    typeof object === 'object' && object !== null && Object.hasOwn(object, String(key)),
  /** `{{get values "key"}}`: read a key that may be missing, as null. */
  get: (object, key) =>
    typeof object === 'object' && object !== null && Object.hasOwn(object, String(key))
      ? (object as Record<string, unknown>)[String(key)]
      : null,
  eq: compare,
  ne: (a, b) => !compare(a, b),
  not: (a) => !a,
  and: (...args) => args.slice(0, -1).every(Boolean),
  or: (...args) => args.slice(0, -1).some(Boolean),
  lower: (value) => String(value).toLowerCase(),
  upper: (value) => String(value).toUpperCase(),
  join: (list, separator) =>
    Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ',') : '',
};

/** Names templates may use as helpers, for messages and docs. */
export const helperNames = Object.keys(HELPERS).sort();

/** A compiled template, ready to run many times. */
export interface CompiledTemplate {
  name: string;
  run(context: TemplateContext): TemplateOutput;
}

/**
 * Compiles a template. Errors name `template:line`. Unknown helpers are caught here, before
 * anything runs; unknown variables are caught when the template runs (Handlebars strict mode).
 */
export function compileTemplate(name: string, source: string): CompiledTemplate {
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const line = /on line (\d+)/.exec(message)?.[1] ?? '1';
    const detail = message.split('\n').pop() ?? message;
    throw new ConfigError(`${name}:${line}: template syntax error: ${detail}`);
  }
  rewriteProgram(program, name);
  const env = Handlebars.create();
  let current: TemplateOutput | undefined;
  env.registerHelper(HELPERS);
  env.registerHelper('ferryDefined', (value: unknown, original: string, line: number) => {
    if (value === undefined)
      throw new ConfigError(`${name}:${line}: unknown variable "${original}"`);
    return value;
  });
  env.registerHelper('ferryValue', (value: unknown, options: Handlebars.HelperOptions) => {
    const out = current;
    if (!out) throw new Error('ferryValue outside a template run');
    if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
      return String(value);
    }
    const loc = (options as unknown as { loc?: hbs.AST.SourceLocation }).loc;
    out.lines.push(loc?.start.line ?? 0);
    return new env.SafeString(`${prefix}${out.values.push(value) - 1}E`);
  });
  const template = env.compile(program, { strict: true, knownHelpersOnly: false });
  // Random per compiled template, so a template's own text cannot collide with a token by chance.
  const prefix = `FERRY${randomBytes(6).toString('hex')}N`;
  return {
    name,
    run(context) {
      current = { text: '', prefix, values: [], lines: [] };
      try {
        current.text = template(context);
        return current;
      } catch (error) {
        throw templateRunError(name, error);
      } finally {
        current = undefined;
      }
    },
  };
}

function templateRunError(name: string, error: unknown): ConfigError {
  if (error instanceof ConfigError) return error;
  const e = error as Error & { lineNumber?: number };
  const notDefined = /^"(.+)" not defined in/.exec(e.message);
  const line = e.lineNumber ?? 0;
  if (notDefined) {
    return new ConfigError(`${name}:${line}: unknown variable "${notDefined[1]}"`);
  }
  return new ConfigError(`${name}:${line}: ${e.message.split('\n')[0]}`);
}

type Statement = hbs.AST.Statement;

function rewriteProgram(program: hbs.AST.Program | undefined, name: string): void {
  if (!program) return;
  for (const statement of program.body) rewriteStatement(statement, name);
}

function rewriteStatement(statement: Statement, name: string): void {
  switch (statement.type) {
    case 'MustacheStatement':
      checkHelpers(statement as hbs.AST.MustacheStatement, name);
      wrapInFerryValue(statement as hbs.AST.MustacheStatement);
      break;
    case 'BlockStatement': {
      const block = statement as hbs.AST.BlockStatement;
      const blockName = pathName(block.path);
      if (blockName && !BUILTIN_BLOCKS.has(blockName) && (block.params.length > 0 || block.hash)) {
        throw new ConfigError(
          `${name}:${block.loc.start.line}: unknown block helper "${blockName}"`,
        );
      }
      for (const param of block.params) checkExpression(param, name);
      block.params = block.params.map(guardMissing);
      rewriteProgram(block.program, name);
      rewriteProgram(block.inverse, name);
      break;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement':
    case 'DecoratorBlock':
    case 'Decorator':
      throw new ConfigError(
        `${name}:${statement.loc.start.line}: partials and decorators are not supported`,
      );
    default:
      break;
  }
}

/** Rejects calls of helpers that do not exist, with their line, before the template runs. */
function checkHelpers(node: hbs.AST.MustacheStatement | hbs.AST.SubExpression, name: string): void {
  const helper = pathName(node.path);
  const isCall = node.params.length > 0 || node.hash !== undefined || node.type === 'SubExpression';
  if (isCall && (!helper || !(helper in HELPERS))) {
    throw new ConfigError(
      `${name}:${node.loc.start.line}: unknown helper "${helper ?? '?'}" (helpers: ${helperNames.join(', ')})`,
    );
  }
  for (const param of node.params) checkExpression(param, name);
  for (const pair of node.hash?.pairs ?? []) checkExpression(pair.value, name);
}

function checkExpression(expression: hbs.AST.Expression, name: string): void {
  if (expression.type === 'SubExpression') checkHelpers(expression as hbs.AST.SubExpression, name);
}

/**
 * Handlebars strict mode does not cover helper parameters (`{{#if values.typo}}` is silently
 * false), so every variable read becomes `(ferryDefined x "x" line)`, which fails on undefined.
 * `default` and `get` exist to read optional values and keep their arguments unguarded.
 */
function guardMissing(expression: hbs.AST.Expression): hbs.AST.Expression {
  if (expression.type === 'SubExpression') {
    const sub = expression as hbs.AST.SubExpression;
    const helper = pathName(sub.path);
    if (helper !== 'default' && helper !== 'get') sub.params = sub.params.map(guardMissing);
    for (const pair of sub.hash?.pairs ?? []) pair.value = guardMissing(pair.value);
    return sub;
  }
  if (expression.type !== 'PathExpression') return expression;
  const path = expression as hbs.AST.PathExpression;
  const loc = path.loc;
  return {
    type: 'SubExpression',
    path: helperPath('ferryDefined', loc),
    params: [
      path,
      {
        type: 'StringLiteral',
        value: path.original,
        original: path.original,
        loc,
      } as hbs.AST.StringLiteral,
      {
        type: 'NumberLiteral',
        value: loc.start.line,
        original: loc.start.line,
        loc,
      } as hbs.AST.NumberLiteral,
    ],
    hash: { type: 'Hash', pairs: [], loc },
    loc,
  } as hbs.AST.SubExpression;
}

function helperPath(name: string, loc: hbs.AST.SourceLocation): hbs.AST.PathExpression {
  return {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [name],
    original: name,
    loc,
  };
}

/** `{{x}}` becomes `{{ferryValue x}}`; `{{helper a}}` becomes `{{ferryValue (helper a)}}`. */
function wrapInFerryValue(node: hbs.AST.MustacheStatement): void {
  const helper = pathName(node.path);
  const isCall =
    node.params.length > 0 ||
    node.hash !== undefined ||
    (helper !== undefined && helper in HELPERS);
  const inner: hbs.AST.Expression = isCall
    ? ({
        type: 'SubExpression',
        path: node.path as hbs.AST.PathExpression,
        params: node.params,
        hash: node.hash ?? { type: 'Hash', pairs: [], loc: node.loc },
        loc: node.loc,
      } as hbs.AST.SubExpression)
    : node.path;
  node.path = helperPath('ferryValue', node.loc);
  node.params = [guardMissing(inner)];
  node.hash = undefined as unknown as hbs.AST.Hash;
  node.escaped = false;
}

function pathName(expression: hbs.AST.Expression): string | undefined {
  if (expression.type !== 'PathExpression') return undefined;
  const path = expression as hbs.AST.PathExpression;
  return path.data || path.parts.length !== 1 ? undefined : path.original;
}

/**
 * Replaces every token in parsed YAML data with its value. A string that is exactly one token
 * becomes the value itself (an object stays an object); tokens inside a longer string are
 * replaced by the value's text, and only strings may be spliced that way. Values are never
 * scanned for tokens, so a value cannot smuggle one in. Returns new objects throughout.
 */
export function substituteValues(data: unknown, output: TemplateOutput, name: string): unknown {
  const { prefix } = output;
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.includes(prefix) ? substituteString(node, output, name) : node;
    }
    if (typeof node !== 'object' || node === null) return node;
    if (Array.isArray(node)) return node.map(visit);
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(node)) {
      const value = visit((node as Record<string, unknown>)[key]);
      const newKey = key.includes(prefix) ? substituteKey(key, output, name) : key;
      if (newKey !== key && Object.hasOwn(result, newKey)) {
        throw new ConfigError(`${name}: duplicate key "${newKey}" after rendering values`);
      }
      // defineProperty: a key named "__proto__" must stay a key, not set the prototype.
      Object.defineProperty(result, newKey, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  };
  return visit(data);
}

function substituteKey(key: string, output: TemplateOutput, name: string): string {
  const value = substituteString(key, output, name);
  if (typeof value !== 'string') {
    throw new ConfigError(`${name}: a mapping key must be a string, got ${typeof value}`);
  }
  return value;
}

function substituteString(text: string, output: TemplateOutput, name: string): unknown {
  const { prefix, values } = output;
  if (text.startsWith(prefix) && text.endsWith('E')) {
    const index = text.slice(prefix.length, -1);
    if (/^\d+$/.test(index)) return values[Number(index)];
  }
  let result = '';
  let from = 0;
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, from)) {
    const end = text.indexOf('E', at + prefix.length);
    const index = Number(text.slice(at + prefix.length, end));
    const value = values[index];
    if (typeof value !== 'string') {
      const what =
        value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      throw new ConfigError(
        `${name}:${output.lines[index] ?? 0}: cannot place ${what} inside a string; use it as a whole value or with toJson`,
      );
    }
    result += text.slice(from, at) + value;
    from = end + 1;
  }
  return result + text.slice(from);
}
