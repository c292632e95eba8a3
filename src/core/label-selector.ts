/**
 * Label selectors in the grammar the API server and kubectl use (`-l`), so an ignore rule's
 * `labelSelector` means exactly what it means to `kubectl get -l`, and a malformed one is an
 * error rather than a filter that matches everything. The grammar and matching follow
 * k8s.io/apimachinery/pkg/labels (`Parse`, `Requirement.Matches`):
 *
 *   selector    ::= requirement ("," requirement)*      (empty: everything)
 *   requirement ::= "!" KEY | KEY | KEY ("=" | "==" | "!=") VALUE
 *                 | KEY ("in" | "notin") "(" VALUE ("," VALUE)* ")" | KEY (">" | "<") INTEGER
 *
 * KEY is a qualified name (`[prefix/]name`), VALUE a label value (possibly empty).
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
 */

type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<';

interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

/** A parsed selector: every requirement must match. */
export type LabelSelector = Requirement[];

type Token = { kind: 'identifier' | 'symbol' | 'end'; text: string };

const SYMBOLS = ['!=', '==', '=', '!', '(', ')', ',', '>', '<'];
const SPECIAL = /[=!(),><]/;
const SPACE = /[ \t\r\n]/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (SPACE.test(ch)) {
      i++;
    } else if (SPECIAL.test(ch)) {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i))!;
      tokens.push({ kind: 'symbol', text: symbol });
      i += symbol.length;
    } else {
      let end = i;
      while (end < text.length && !SPECIAL.test(text[end]!) && !SPACE.test(text[end]!)) end++;
      const word = text.slice(i, end);
      // `in` and `notin` are operators after a key, and values anywhere else.
      tokens.push({ kind: 'identifier', text: word });
      i = end;
    }
  }
  tokens.push({ kind: 'end', text: 'end of string' });
  return tokens;
}

const NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a label key (a qualified name), or undefined. */
function keyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash < 0 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== undefined && (prefix.length > 253 || !SUBDOMAIN.test(prefix)))
    return `key "${key}": its prefix must be a DNS subdomain`;
  if (name.length > 63 || !NAME.test(name))
    return `key "${key}": a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return undefined;
}

/** Why `value` is not a label value, or undefined. */
function valueProblem(value: string): string | undefined {
  return value === '' || (value.length <= 63 && NAME.test(value))
    ? undefined
    : `value "${value}": at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
}

/** Parses a selector; throws an Error whose message says what is wrong (for the caller to place). */
export function parseLabelSelector(text: string): LabelSelector {
  const tokens = tokenize(text);
  let at = 0;
  const peek = (): Token => tokens[at]!;
  const next = (): Token => tokens[at++]!;
  const found = (token: Token, expected: string): Error =>
    new Error(`found '${token.text}', expected: ${expected}`);
  const requirements: LabelSelector = [];
  if (peek().kind === 'end') return requirements;
  for (;;) {
    let token = next();
    const negated = token.kind === 'symbol' && token.text === '!';
    if (negated) token = next();
    if (token.kind !== 'identifier') throw found(token, 'identifier');
    const key = token.text;
    const bad = keyProblem(key);
    if (bad) throw new Error(bad);
    const after = peek();
    if (negated || after.kind === 'end' || after.text === ',') {
      if (negated && after.kind !== 'end' && after.text !== ',')
        throw found(after, "',' or end of string");
      requirements.push({ key, operator: negated ? '!' : 'exists', values: [] });
    } else {
      requirements.push({ key, ...parseRestriction(next(), next, peek, found) });
    }
    const separator = next();
    if (separator.kind === 'end') return requirements;
    if (separator.text !== ',') throw found(separator, "',' or end of string");
    if (peek().kind === 'end') throw found(peek(), "identifier after ','");
  }
}

function parseRestriction(
  operator: Token,
  next: () => Token,
  peek: () => Token,
  found: (token: Token, expected: string) => Error,
): { operator: Operator; values: string[] } {
  const op = operator.text;
  if (op === 'in' || op === 'notin') {
    const open = next();
    if (open.text !== '(' || open.kind !== 'symbol') throw found(open, "'('");
    const values: string[] = [];
    for (;;) {
      // Empty values are allowed: `x in (a,,b)`, `x in ()`.
      const value = peek().kind === 'identifier' ? next().text : '';
      const problem = valueProblem(value);
      if (problem) throw new Error(problem);
      values.push(value);
      const separator = next();
      if (separator.text === ')' && separator.kind === 'symbol') return { operator: op, values };
      if (separator.text !== ',' || separator.kind !== 'symbol')
        throw found(separator, "',' or ')'");
    }
  }
  if (operator.kind !== 'symbol' || !['=', '==', '!=', '>', '<'].includes(op))
    throw found(operator, 'in, notin, =, ==, !=, >, <');
  const token = peek();
  const value = token.kind === 'end' || token.text === ',' ? '' : next();
  if (typeof value !== 'string' && value.kind !== 'identifier') throw found(value, 'identifier');
  const text = typeof value === 'string' ? value : value.text;
  if ((op === '>' || op === '<') && !/^[+-]?\d+$/.test(text))
    throw new Error(`for '${op}' the value must be an integer, not "${text}"`);
  const problem = valueProblem(text);
  if (problem) throw new Error(problem);
  return { operator: op as Operator, values: [text] };
}

/** Whether `labels` (an object's labels or annotations) satisfy every requirement. */
export function matchesSelector(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const map = labels ?? {};
  return selector.every(({ key, operator, values }) => {
    const has = Object.hasOwn(map, key);
    const value = map[key];
    switch (operator) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case '=':
      case '==':
      case 'in':
        return has && values.includes(value!);
      case '!=':
      case 'notin':
        return !has || !values.includes(value!);
      case '>':
      case '<': {
        if (!has || !/^[+-]?\d+$/.test(value!)) return false;
        const [live, limit] = [BigInt(value!), BigInt(values[0]!)];
        return operator === '>' ? live > limit : live < limit;
      }
    }
  });
}
