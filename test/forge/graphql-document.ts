// A deliberately small reader for the GraphQL documents ferry sends. There is no OpenAPI
// description for GitHub's GraphQL API, so the fake checks the request shape itself.
//
// Limitation: this is not a GraphQL parser. It finds the operation type, the variable
// definitions and the top-level fields with their arguments; it requires every argument to be
// a variable (`input: $input`) rather than an inline literal, and it ignores the selection set
// below each field (the fake always answers the same fields). Ferry always sends variables.

/** One top-level field of the operation, e.g. `createCommitOnBranch(input: $input)`. */
export interface TopLevelField {
  /** The response key: the alias when there is one, else the field name. */
  key: string;
  name: string;
  /** Argument name to the variable it references; undefined for an inline literal. */
  arguments: Map<string, string | undefined>;
}

/** The parts of a GraphQL document the fake needs. */
export interface GraphqlDocument {
  operation: 'query' | 'mutation' | 'subscription';
  /** Variable name (without `$`) to its declared type, e.g. `CreateCommitOnBranchInput!`. */
  variableTypes: Map<string, string>;
  fields: TopLevelField[];
}

/** Reads `source`; throws an Error with a GraphQL-style message when it cannot. */
export function readGraphqlDocument(source: string): GraphqlDocument {
  const text = source.replace(/#[^\n\r]*/g, '');
  const open = text.indexOf('{');
  if (open === -1) throw new Error('Parse error: expected a selection set');
  const header = text.slice(0, open).trim();
  const operation = (/^(query|mutation|subscription)\b/.exec(header)?.[1] ??
    (header === '' ? 'query' : undefined)) as GraphqlDocument['operation'] | undefined;
  if (!operation) throw new Error(`Parse error on "${header.split(/\s/)[0] ?? ''}"`);
  const variableTypes = new Map<string, string>();
  for (const found of header.matchAll(/\$(\w+)\s*:\s*([\w!\]\[]+)/g)) {
    variableTypes.set(found[1] ?? '', found[2] ?? '');
  }
  const close = matching(text, open, '{', '}');
  return { operation, variableTypes, fields: readFields(text.slice(open + 1, close)) };
}

function readFields(selection: string): TopLevelField[] {
  const fields: TopLevelField[] = [];
  const token = /\s*([_A-Za-z]\w*)\s*(:\s*([_A-Za-z]\w*))?\s*/y;
  let index = 0;
  while (index < selection.length) {
    if (/\s|,/.test(selection[index] ?? '')) {
      index += 1;
      continue;
    }
    token.lastIndex = index;
    const found = token.exec(selection);
    if (!found) throw new Error(`Parse error near "${selection.slice(index, index + 20)}"`);
    const key = found[1] ?? '';
    const name = found[3] ?? key;
    index = token.lastIndex;
    const field: TopLevelField = { key, name, arguments: new Map() };
    if (selection[index] === '(') {
      const end = matching(selection, index, '(', ')');
      field.arguments = readArguments(selection.slice(index + 1, end));
      index = end + 1;
    }
    while (/\s/.test(selection[index] ?? '')) index += 1;
    if (selection[index] === '{') index = matching(selection, index, '{', '}') + 1;
    fields.push(field);
  }
  return fields;
}

function readArguments(text: string): Map<string, string | undefined> {
  const result = new Map<string, string | undefined>();
  // Split on top-level commas only; a literal object would contain nested ones.
  let depth = 0;
  let start = 0;
  const parts: string[] = [];
  for (let index = 0; index <= text.length; index += 1) {
    const char = text[index];
    if (char === '{' || char === '[') depth += 1;
    if (char === '}' || char === ']') depth -= 1;
    if ((char === ',' && depth === 0) || index === text.length) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  for (const part of parts) {
    const found = /^\s*(\w+)\s*:\s*([\s\S]*?)\s*$/.exec(part);
    if (!found) continue;
    const variable = /^\$(\w+)$/.exec(found[2] ?? '')?.[1];
    result.set(found[1] ?? '', variable);
  }
  return result;
}

function matching(text: string, open: number, opener: string, closer: string): number {
  let depth = 0;
  let inString = false;
  for (let index = open; index < text.length; index += 1) {
    const char = text[index];
    if (char === '"' && text[index - 1] !== '\\') inString = !inString;
    if (inString) continue;
    if (char === opener) depth += 1;
    if (char === closer) depth -= 1;
    if (depth === 0) return index;
  }
  throw new Error(`Parse error: unbalanced "${opener}"`);
}
