// GitHub Actions expressions (`${{ … }}`), evaluated as the runner does for the parts the
// example workflows use: literals, context paths (`a.b`, `a['b']`, `a[expr]`), `!`, `==`, `!=`,
// `&&`, `||`, parentheses, and the functions always, success, failure, cancelled, fromJSON,
// toJSON, contains, startsWith, endsWith and format. Anything else throws, so a test never runs
// a workflow on a guess. https://docs.github.com/actions/reference/workflows-and-actions/expressions

/** The contexts an expression reads: github, matrix, secrets, vars, inputs, steps, needs, env. */
export type ExpressionContext = Record<string, unknown>;

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const string = /^'((?:[^']|'')*)'/.exec(rest);
    const number = /^-?\d+(\.\d+)?/.exec(rest);
    const id = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    const op = /^(==|!=|<=|>=|&&|\|\||[!<>().[\],*])/.exec(rest);
    if (string) tokens.push({ t: 'str', v: string[1]!.replace(/''/g, "'") });
    else if (number) tokens.push({ t: 'num', v: Number(number[0]) });
    else if (id) tokens.push({ t: 'id', v: id[0] });
    else if (op) tokens.push({ t: 'op', v: op[0] });
    else throw new Error(`expression: cannot read ${JSON.stringify(rest)}`);
    i += (string ?? number ?? id ?? op)![0].length;
  }
  return tokens;
}

/** The runner's string form of a value (`true`, `''` for null, JSON for objects). */
export function asString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function truthy(value: unknown): boolean {
  return !(value === null || value === undefined || value === false || value === 0 || value === '');
}

/** Loose equality as the runner coerces: strings compare case-insensitively. */
function equal(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (
    typeof a === 'boolean' ||
    typeof b === 'boolean' ||
    typeof a === 'number' ||
    typeof b === 'number'
  )
    return Number(a ?? 0) === Number(b ?? 0);
  return (a ?? null) === (b ?? null);
}

function property(value: unknown, key: unknown): unknown {
  if (value === null || typeof value !== 'object') return null;
  const name = asString(key);
  // Context keys are case-insensitive.
  const found = Object.keys(value).find((k) => k.toLowerCase() === name.toLowerCase());
  return found === undefined ? null : (value as Record<string, unknown>)[found];
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  always: () => true,
  success: () => true,
  failure: () => false,
  cancelled: () => false,
  fromjson: (text) => JSON.parse(asString(text)) as unknown,
  tojson: (value) => JSON.stringify(value, null, 2),
  contains: (haystack, needle) =>
    Array.isArray(haystack)
      ? haystack.some((item) => equal(item, needle))
      : asString(haystack).toLowerCase().includes(asString(needle).toLowerCase()),
  startswith: (a, b) => asString(a).toLowerCase().startsWith(asString(b).toLowerCase()),
  endswith: (a, b) => asString(a).toLowerCase().endsWith(asString(b).toLowerCase()),
  format: (template, ...args) =>
    asString(template).replace(/\{(\d+)\}/g, (_, n: string) => asString(args[Number(n)])),
};

/** Evaluates one expression (the text inside `${{ }}`). */
export function evaluate(expression: string, context: ExpressionContext): unknown {
  const tokens = tokenize(expression);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const isOp = (v: string): boolean => peek()?.t === 'op' && peek()?.v === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`expression ${JSON.stringify(expression)}: expected ${v}`);
    at++;
  };
  const or = (): unknown => {
    let left = and();
    while (isOp('||')) {
      at++;
      const right = and();
      left = truthy(left) ? left : right;
    }
    return left;
  };
  const and = (): unknown => {
    let left = comparison();
    while (isOp('&&')) {
      at++;
      const right = comparison();
      left = truthy(left) ? right : left;
    }
    return left;
  };
  const comparison = (): unknown => {
    const left = unary();
    if (isOp('==') || isOp('!=')) {
      const negate = peek()!.v === '!=';
      at++;
      const same = equal(left, unary());
      return negate ? !same : same;
    }
    return left;
  };
  const unary = (): unknown => {
    if (isOp('!')) {
      at++;
      return !truthy(unary());
    }
    return postfix(primary());
  };
  const postfix = (value: unknown): unknown => {
    for (;;) {
      if (isOp('.')) {
        at++;
        const name = tokens[at++];
        if (name?.t !== 'id') throw new Error(`expression ${JSON.stringify(expression)}: bad path`);
        value = property(value, name.v);
      } else if (isOp('[')) {
        at++;
        const key = or();
        expect(']');
        value = property(value, key);
      } else return value;
    }
  };
  const primary = (): unknown => {
    const token = tokens[at++];
    if (!token) throw new Error(`expression ${JSON.stringify(expression)}: ends early`);
    if (token.t === 'num' || token.t === 'str') return token.v;
    if (token.t === 'op' && token.v === '(') {
      const value = or();
      expect(')');
      return value;
    }
    if (token.t !== 'id')
      throw new Error(`expression ${JSON.stringify(expression)}: unexpected ${token.v}`);
    if (token.v === 'true' || token.v === 'false') return token.v === 'true';
    if (token.v === 'null') return null;
    if (isOp('(')) {
      const fn = FUNCTIONS[token.v.toLowerCase()];
      if (!fn) throw new Error(`expression: function ${token.v} is not modelled`);
      at++;
      const args: unknown[] = [];
      while (!isOp(')')) {
        args.push(or());
        if (isOp(',')) at++;
      }
      at++;
      return fn(...args);
    }
    if (!(token.v in context))
      throw new Error(`expression ${JSON.stringify(expression)}: no context ${token.v}`);
    return context[token.v];
  };
  const value = or();
  if (at !== tokens.length)
    throw new Error(`expression ${JSON.stringify(expression)}: trailing text`);
  return value;
}

/**
 * A workflow value with its expressions evaluated: a value that is one expression keeps that
 * expression's type; expressions inside text are interpolated as strings.
 */
export function evaluateValue(value: unknown, context: ExpressionContext): unknown {
  if (typeof value !== 'string') return value;
  const whole = /^\$\{\{([\s\S]*?)\}\}$/.exec(value.trim());
  if (whole && !whole[1]!.includes('}}')) return evaluate(whole[1]!, context);
  return value.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, inner: string) =>
    asString(evaluate(inner, context)),
  );
}
