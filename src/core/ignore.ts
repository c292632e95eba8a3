import yaml from 'js-yaml';
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
import { parseList } from './options.js';

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

/** Parses an ignore file: a list of rules, or `{ignore: [...]}` (a Flux `driftDetection` block works). */
export function parseIgnoreRules(text: string, file: string): IgnoreRule[] {
  let data: unknown;
  try {
    data = yaml.load(text);
  } catch (error) {
    throw new ConfigError(`${file}: invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(data) ? data : (data as { ignore?: unknown } | null)?.ignore;
  if (!Array.isArray(list))
    throw new ConfigError(`${file}: expected a list of rules or an "ignore:" list`);
  return list.map((rule: unknown, index) => {
    const r = rule as Partial<IgnoreRule> | null;
    if (
      !r ||
      !Array.isArray(r.paths) ||
      r.paths.some((p) => typeof p !== 'string' || !p.startsWith('/'))
    ) {
      throw new ConfigError(
        `${file}: ignore[${index}].paths: expected a list of JSON pointers starting with "/"`,
      );
    }
    return { paths: r.paths, ...(r.target ? { target: r.target } : {}) };
  });
}

/** Equality-based selectors: `a=b`, `a==b`, `a!=b`, `a`, `!a`, comma-separated. */
function matchesSelector(
  selector: string | undefined,
  values: Record<string, string> | undefined,
): boolean {
  if (!selector) return true;
  const map = values ?? {};
  return parseList(selector).every((term) => {
    const notEqual = /^([^!=]+)!=(.*)$/.exec(term);
    if (notEqual) return map[notEqual[1]!.trim()] !== notEqual[2]!.trim();
    const equal = /^([^!=]+)==?(.*)$/.exec(term);
    if (equal) return map[equal[1]!.trim()] === equal[2]!.trim();
    if (term.startsWith('!')) return !(term.slice(1) in map);
    return term in map;
  });
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
    matchesSelector(t.labelSelector, object.metadata.labels) &&
    matchesSelector(t.annotationSelector, object.metadata.annotations)
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
