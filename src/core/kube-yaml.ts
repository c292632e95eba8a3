import yaml from 'js-yaml';

/**
 * YAML as Kubernetes tools read it. kubectl, Flux and Argo CD parse manifests with
 * sigs.k8s.io/yaml, i.e. YAML 1.1: `0644` is an octal integer (every `defaultMode: 0644`), and
 * `yes`, `no`, `on`, `off`, `y`, `n` are booleans. ferry reads integers the same way, so a
 * manifest kubectl accepts means the same to ferry; and it writes any string YAML 1.1 would take
 * for something else in quotes, so what ferry renders means the same to every other tool.
 */

/** YAML 1.1 octal: a leading zero and octal digits. */
const OCTAL = /^[-+]?0[0-7]+$/;

// js-yaml exports its built-in types (`types`); its TypeScript declarations leave them out.
const builtIn = (yaml as unknown as { types: Record<'null' | 'bool' | 'int' | 'float', yaml.Type> })
  .types;
const coreInt = builtIn.int;

/** The core schema's integers, plus YAML 1.1 octal. */
const kubeInt = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => (data !== null && OCTAL.test(data)) || coreInt.resolve(data),
  construct: (data: string): number => {
    if (!OCTAL.test(data)) return coreInt.construct(data) as number;
    const sign = data.startsWith('-') ? -1 : 1;
    return sign * parseInt(data.replace(/^[-+]/, ''), 8);
  },
  predicate: coreInt.predicate ?? undefined,
  represent: coreInt.represent ?? undefined,
  defaultStyle: coreInt.defaultStyle ?? undefined,
});

/** For reading manifests: the core schema with YAML 1.1 octal integers. */
export const KUBE_READ_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [builtIn.null, builtIn.bool, kubeInt, builtIn.float],
});

/** Plain scalars YAML 1.1 reads as booleans or numbers where the core schema sees strings. */
const YAML11_NOT_STRING =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?0[0-7]+|[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?)$/;

/**
 * Never constructs anything: listed so the writer sees these strings as ambiguous and quotes
 * them (`value: "yes"`, `mode: "0644"`).
 */
const yaml11Ambiguous = new yaml.Type('tag:ferry.dev,2026:yaml11-ambiguous', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && YAML11_NOT_STRING.test(data),
  construct: (data: string) => data,
});

/** For writing manifests: strings that YAML 1.1 would not read as strings come out quoted. */
export const KUBE_WRITE_SCHEMA = KUBE_READ_SCHEMA.extend({ implicit: [yaml11Ambiguous] });

/**
 * More values than any real manifest holds once aliases are expanded: an alias bomb (a few
 * lines of `&a [*b, *b, …]` that expand to billions of values when serialised). go-yaml, which
 * kubectl uses, refuses excessive aliasing the same way.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

/**
 * How many values `document` holds with every alias expanded (each shared object counted as
 * often as it is referenced), stopping once past {@link MAX_EXPANDED_VALUES}. Memoised per
 * object, so the count costs one visit of each distinct node, never the expansion.
 */
export function expandedSize(document: unknown, sizes = new Map<object, number>()): number {
  if (document === null || typeof document !== 'object') return 1;
  const known = sizes.get(document);
  if (known !== undefined) return known;
  // A node that contains itself (js-yaml allows `&a [*a]`) expands without end.
  sizes.set(document, MAX_EXPANDED_VALUES + 1);
  let size = 1;
  for (const child of Object.values(document)) {
    size += expandedSize(child, sizes);
    if (size > MAX_EXPANDED_VALUES) break;
  }
  sizes.set(document, size);
  return size;
}
