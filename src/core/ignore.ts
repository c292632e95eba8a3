import type { ValidateFunction } from 'ajv';
import schema from '../../schema/ignore.schema.json' with { type: 'json' };
import { ConfigError } from './errors.js';
import {
  escapeField,
  formatPath,
  isRecord,
  jsonEqual,
  type FieldPath,
  type PathElement,
} from './field-path.js';
import { groupOf, type KubeObject } from './manifest.js';
import { matchesSelector, parseLabelSelector, type LabelSelector } from './label-selector.js';
import { checkSchema, compileSchema, fieldName, locate, parseYamlSource } from './yaml-source.js';

/**
 * Drift ignore rules, in the shape Flux uses (`spec.driftDetection.ignore` of a HelmRelease), so
 * configurations port over: JSON-pointer `paths` and an optional `target` selecting objects.
 */
export interface IgnoreRule {
  paths: string[];
  target?: {
    group?: string;
    version?: string;
    kind?: string;
    name?: string;
    namespace?: string;
    labelSelector?: string;
    annotationSelector?: string;
  };
}

let compiled: ValidateFunction | undefined;

/**
 * Parses an ignore file: a list of rules, or `{ignore: [...]}` (a Flux `driftDetection` block
 * works). An unknown key (`nmae:`) or a malformed selector is an error naming `file:line`: a
 * rule that silently matched more than written would hide real drift.
 */
export function parseIgnoreRules(text: string, file: string): IgnoreRule[] {
  const { data, doc, lines } = parseYamlSource(text, file);
  compiled ??= compileSchema(schema, { allErrors: true });
  checkSchema(compiled, data, { doc, lines }, file);
  const list = (
    Array.isArray(data) ? data : (data as { ignore: unknown[] }).ignore
  ) as IgnoreRule[];
  const base = Array.isArray(data) ? [] : ['ignore'];
  list.forEach((rule, index) => {
    for (const field of ['labelSelector', 'annotationSelector'] as const) {
      const selector = rule.target?.[field];
      if (selector === undefined) continue;
      try {
        selectorOf(selector);
      } catch (error) {
        const path = [...base, index, 'target', field];
        throw new ConfigError(
          `${file}:${locate(doc, lines, path)}: ${fieldName(path)}: ${JSON.stringify(selector)} is not a valid selector: ${(error as Error).message}`,
        );
      }
    }
  });
  return list.map((rule) => ({
    paths: rule.paths,
    ...(rule.target ? { target: rule.target } : {}),
  }));
}

const selectors = new Map<string, LabelSelector>();

/** A selector parsed once (rules are matched against every drifted field). */
function selectorOf(text: string): LabelSelector {
  let selector = selectors.get(text);
  if (!selector) selectors.set(text, (selector = parseLabelSelector(text)));
  return selector;
}

function targets(rule: IgnoreRule, object: KubeObject): boolean {
  const t = rule.target;
  if (!t) return true;
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  return (
    (t.kind === undefined || t.kind === object.kind) &&
    (t.name === undefined || t.name === object.metadata.name) &&
    (t.namespace === undefined || t.namespace === object.metadata.namespace) &&
    (t.group === undefined || t.group === (group ?? groupOf(object.apiVersion))) &&
    (t.version === undefined || t.version === version) &&
    (t.labelSelector === undefined ||
      matchesSelector(selectorOf(t.labelSelector), object.metadata.labels)) &&
    (t.annotationSelector === undefined ||
      matchesSelector(selectorOf(t.annotationSelector), object.metadata.annotations))
  );
}

/** Whether a list item is the one a path element names. */
function isItem(item: unknown, element: PathElement): boolean {
  if ('value' in element) return jsonEqual(item, element.value);
  if (!('key' in element) || !isRecord(item)) return false;
  return Object.entries(element.key).every(([k, v]) => item[k] === undefined || item[k] === v);
}

/**
 * The path as a plain JSON pointer with list indexes (`/spec/containers/1/image`), found in the
 * live object, which is how Flux rules name list entries.
 */
function indexedPointer(live: unknown, path: FieldPath): string {
  let node = live;
  let pointer = '';
  for (const element of path) {
    if ('field' in element) {
      pointer += `/${escapeField(element.field)}`;
      node = isRecord(node) ? node[element.field] : undefined;
      continue;
    }
    const list: unknown[] = Array.isArray(node) ? node : [];
    const index =
      'index' in element ? element.index : list.findIndex((item) => isItem(item, element));
    pointer += `/${index >= 0 ? index : formatPath([element])}`;
    node = list[index];
  }
  return pointer || '/';
}

function covers(rulePath: string, path: string): boolean {
  const rule = rulePath.split('/');
  const actual = path.split('/');
  if (rule.length > actual.length) return false;
  return rule.every((part, i) => part === '*' || part === actual[i]);
}

/** Whether a rule suppresses a drifted field (the field, or anything under it). */
export function ignoredBy(rules: IgnoreRule[], live: KubeObject, path: FieldPath): boolean {
  const applicable = rules.filter((rule) => targets(rule, live));
  if (applicable.length === 0) return false;
  const pointer = indexedPointer(live, path);
  const shown = formatPath(path);
  return applicable.some((rule) => rule.paths.some((p) => covers(p, shown) || covers(p, pointer)));
}

/**
 * Whether a rule covers a field given as a plain JSON pointer with list indexes
 * (`/data/tls.crt`, `/spec/template/spec/containers/0/env/1/value`), for an object rules target.
 */
export function coveredAt(rules: IgnoreRule[], object: KubeObject, pointer: string): boolean {
  return rules.some((rule) => targets(rule, object) && rule.paths.some((p) => covers(p, pointer)));
}
