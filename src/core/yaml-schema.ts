import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isScalar, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError } from './errors.js';

/**
 * A YAML file a user writes by hand (ferry.yaml, a set's .ferry-set.yaml), validated against its
 * JSON Schema in schema/. Errors name the file, line and field:
 * `ferry.yaml:12: environments.production.branch: expected a string`.
 */
export interface ValidatedYaml {
  data: unknown;
  /** The line of `path` in the file (or of its deepest part that exists). */
  lineOf: (path: string[]) => number;
}

/** Compiles a schema once, on first use (commands that never read the file skip it). */
export function lazyValidator(schema: object): () => ValidateFunction {
  let compiled: ValidateFunction | undefined;
  return () => {
    if (!compiled) {
      const ajv = new Ajv({ allErrors: false, verbose: true, useDefaults: true });
      ajv.addKeyword({ keyword: 'x-error', schemaType: 'string' });
      compiled = ajv.compile(schema);
    }
    return compiled;
  };
}

/** Parses `text` as YAML and validates it (defaults filled in), or throws one ConfigError line. */
export function parseValidatedYaml(
  text: string,
  fileName: string,
  validate: ValidateFunction,
): ValidatedYaml {
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
  if (!validate(data)) {
    const error = validate.errors?.[0];
    throw new ConfigError(error ? describe(error, doc, lines, fileName) : `${fileName}: invalid`);
  }
  return { data, lineOf: (path) => locate(doc, lines, path) };
}

function describe(error: ErrorObject, doc: Document, lines: LineCounter, fileName: string): string {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  let field = path;
  let message: string;
  switch (error.keyword) {
    case 'required':
      field = [...path, String(error.params.missingProperty)];
      message = 'is required';
      break;
    case 'additionalProperties':
      field = [...path, String(error.params.additionalProperty)];
      message = 'unknown key';
      break;
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
  const at = locate(doc, lines, field);
  const name = field.length > 0 ? field.join('.') : '(top level)';
  return `${fileName}:${at}: ${name}: ${message}`;
}

/** Line of the deepest node that exists on `path`, preferring the key of the last element. */
function locate(doc: Document, lines: LineCounter, path: string[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const parent =
      depth > 1 ? (doc.getIn(path.slice(0, depth - 1), true) as Node | undefined) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === path[depth - 1],
      );
      const key = pair?.key as Node | undefined;
      if (key?.range) return lines.linePos(key.range[0]).line;
    }
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
