import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError } from './errors.js';

/**
 * A YAML file ferry validates (ferry.yaml, drift ignore rules), kept with its line positions so
 * every error names `file:line` and the field.
 */
export interface YamlSource {
  doc: Document;
  lines: LineCounter;
}

/** Parses one YAML document (unique keys, aliases bounded), its errors naming file and line. */
export function parseYamlSource(text: string, fileName: string): YamlSource & { data: unknown } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lines.linePos(yamlError.pos[0]).line;
    throw new ConfigError(`${fileName}:${line}: invalid YAML: ${firstLine(yamlError.message)}`);
  }
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error) {
    // The yaml package's guard against alias bombs (maxAliasCount) throws a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error;
    throw new ConfigError(`${fileName}: ${error.message} (YAML aliases expand too much); refused`);
  }
  return { data, doc, lines };
}

/**
 * The ajv ferry validates its files with: the first error, with the failing schema (for the
 * `x-error` keyword: the message for a mismatch). scripts/schema-validator.ts compiles
 * ferry.yaml's schema with it ahead of time.
 */
export function ferryAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({ allErrors: false, verbose: true, ...options });
  ajv.addKeyword({ keyword: 'x-error', schemaType: 'string' });
  return ajv;
}

/** A JSON schema validator that knows ferry's `x-error` keyword (the message for a mismatch). */
export function compileSchema(
  schema: object,
  options: { useDefaults?: boolean; allErrors?: boolean; refs?: object[] } = {},
): ValidateFunction {
  const { refs = [], ...ajvOptions } = options;
  const ajv = ferryAjv(ajvOptions);
  // Schemas `schema` takes definitions from by $ref, so a fact is written in one schema only.
  for (const ref of refs) ajv.addSchema(ref);
  return ajv.compile(schema);
}

/** Validates `data` against a schema; the first error is one line: `file:line: field: problem`. */
export function checkSchema(
  validate: ValidateFunction,
  data: unknown,
  source: YamlSource,
  fileName: string,
): void {
  if (validate(data)) return;
  // With allErrors, the most telling one: an unknown key (a typo) explains a missing one.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'if');
  const error = errors.find((e) => e.keyword === 'additionalProperties') ?? errors[0];
  throw new ConfigError(error ? describe(error, source, fileName) : `${fileName}: invalid`);
}

function describe(error: ErrorObject, { doc, lines }: YamlSource, fileName: string): string {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  let field = path;
  let message: string;
  switch (error.keyword) {
    case 'required':
      field = [...path, String(error.params.missingProperty)];
      message = 'is required';
      break;
    case 'additionalProperties': {
      field = [...path, String(error.params.additionalProperty)];
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      message = `unknown key${known.length > 0 ? ` (expected one of ${known.join(', ')})` : ''}`;
      break;
    }
    case 'type':
      message = `expected ${article(String(error.params.type))}`;
      break;
    case 'enum':
      message = `expected one of ${(error.params.allowedValues as unknown[]).join(', ')}`;
      break;
    case 'propertyNames':
      field = [...path, String(error.params.propertyName)];
      message = 'invalid name: expected lowercase letters, digits and "-"';
      break;
    default: {
      const schemaNode: Record<string, unknown> = error.parentSchema ?? {};
      const custom = schemaNode['x-error'];
      message = typeof custom === 'string' ? custom : (error.message ?? 'invalid');
    }
  }
  return `${fileName}:${locate(doc, lines, field)}: ${fieldName(field)}: ${message}`;
}

/** A field path as messages show it: `environments.staging.branch`, `ignore[0].target.nmae`. */
export function fieldName(path: (string | number)[]): string {
  const name = path
    .map((part) => (/^\d+$/.test(String(part)) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
  return name || '(top level)';
}

/** Line of the deepest node that exists on `path`, preferring the key of the last element. */
export function locate(doc: Document, lines: LineCounter, path: (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const parent =
      depth > 1 ? (doc.getIn(path.slice(0, depth - 1), true) as Node | undefined) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(path[depth - 1]),
      );
      const key = pair?.key as Node | undefined;
      if (key?.range) return lines.linePos(key.range[0]).line;
    }
    const node = doc.getIn(path.slice(0, depth), true) as Node | undefined;
    if (node?.range) return lines.linePos(node.range[0]).line;
  }
  const range = doc.contents?.range;
  return range ? lines.linePos(range[0]).line : 1;
}

function unescapePointer(part: string): string {
  return part.replace(/~1/g, '/').replace(/~0/g, '~');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
