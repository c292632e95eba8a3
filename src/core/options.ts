import { parseDuration } from './duration.js';
import { ConfigError } from './errors.js';
import { quoteForMessage } from './image.js';
import { nameProblem, namespaceProblem } from './object-names.js';
import { PRUNE_PROTECTED_KINDS } from './ordering.js';

/**
 * The grammar of every option value the CLI and the action share, defined once. Each parser
 * takes `option`, the name as the user wrote it (`--max-deletions` on the command line,
 * `input max-deletions` in the action), so a malformed value is one line naming it, exit 2,
 * before any request is made.
 */

/** How long `apply --wait` waits by default (kubectl's `rollout status` has no default; 5m is ours). */
export const DEFAULT_TIMEOUT = '5m';
/** {@link DEFAULT_TIMEOUT} in milliseconds. */
export const DEFAULT_TIMEOUT_MS = parseDuration(DEFAULT_TIMEOUT, 'default timeout');

/** Merge methods auto-merge accepts (GitHub's names; GitLab squashes or not). */
export const AUTO_MERGE_METHODS = ['merge', 'squash', 'rebase'] as const;
export type AutoMergeMethod = (typeof AUTO_MERGE_METHODS)[number];

/** A whole number ≥ 0, written in decimal digits only (`4x`, `-1`, `1e3`, `` are refused). */
export function parseCount(text: string, option: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,15}$/.test(trimmed))
    throw new ConfigError(`${option}: ${quoteForMessage(text)} is not a whole number (0 or more)`);
  return Number(trimmed);
}

/** A duration such as `90s`, `5m`, `1h`, `1m30s` or plain seconds, in milliseconds. */
export function parseDurationOption(text: string, option: string): number {
  return parseDuration(text, option);
}

/** `true` or `false` in the spellings YAML 1.2 core (and the Actions runner) accepts. */
export function parseBoolean(text: string, option: string): boolean {
  const trimmed = text.trim();
  if (['true', 'True', 'TRUE'].includes(trimmed)) return true;
  if (['false', 'False', 'FALSE'].includes(trimmed)) return false;
  throw new ConfigError(`${option}: ${quoteForMessage(text)} is not true or false`);
}

/** A comma-separated list, items trimmed and blanks dropped (`a, b,,` is `[a, b]`). */
export function parseList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** One of `choices`, exactly as written. */
export function parseChoice<T extends string>(
  text: string,
  choices: readonly T[],
  option: string,
): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new ConfigError(`${option}: ${quoteForMessage(text)} is not one of ${choices.join(', ')}`);
}

/**
 * An inventory (ApplySet parent ConfigMap) name: a DNS subdomain, as the API server checks
 * ConfigMap names (lowercase alphanumerics, '-' and '.', alphanumeric at both ends, ≤ 253).
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
 */
export function parseInventoryName(text: string, option: string): string {
  if (nameProblem('', 'ConfigMap', text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid inventory name (a ConfigMap name: lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters)`,
    );
  return text;
}

/** A namespace name, as the API server checks it: a DNS label (core/object-names.ts). */
export function parseNamespace(text: string, option: string): string {
  const problem = namespaceProblem(text);
  if (problem)
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid namespace (${problem})`,
    );
  return text;
}

/**
 * A cluster name, as it appears in the status contexts `ferry/apply (<cluster>)`: one line of
 * 1 to 100 characters, so a status context stays one line and fits GitHub's limit.
 */
export function parseClusterName(text: string, option: string): string {
  if (text === '' || text.length > 100 || /[\x00-\x1f\x7f]/.test(text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a valid cluster name (1 to 100 characters, no control characters)`,
    );
  return text;
}

/**
 * Protected kinds prune may delete (`--prune-allow Namespace,PersistentVolumeClaim`): only the
 * kinds prune protects, spelled as in manifests; anything else would silently allow nothing.
 */
export function parsePruneAllow(text: string, option: string): string[] {
  const kinds = parseList(text);
  const unknown = kinds.find((kind) => !PRUNE_PROTECTED_KINDS.includes(kind));
  if (unknown !== undefined)
    throw new ConfigError(
      `${option}: ${quoteForMessage(unknown)} is not a protected kind (one of ${PRUNE_PROTECTED_KINDS.join(', ')})`,
    );
  return kinds;
}

/**
 * A Kubernetes version for a chart's `.Capabilities.KubeVersion` (`1.34`, `v1.34.2`), as helm's
 * `--kube-version` takes it; the same grammar as `kubeVersion` in ferry.yaml's schema.
 */
export function parseKubeVersion(text: string, option: string): string {
  if (!/^v?\d+\.\d+(\.\d+)?$/.test(text))
    throw new ConfigError(
      `${option}: ${quoteForMessage(text)} is not a Kubernetes version (such as 1.34 or v1.34.2)`,
    );
  return text;
}
