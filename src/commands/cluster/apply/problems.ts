import type { ApplyOutcome } from '../../../adapters/kube/objects.js';
import { ConfigError } from '../../../core/errors.js';
import { ApplyFailure, type ApplyReport } from '../../../core/apply-report.js';

/**
 * An empty folder with prune would delete the whole set, most likely by mistake (a wrong path,
 * a failed render): refused before connecting unless asked for. kubectl refuses it too.
 */
export function refuseEmptyPrune(
  manifests: number,
  options: { dir: string; inventory: string; prune?: boolean; pruneEmpty?: boolean },
): void {
  if (options.prune && manifests === 0 && !options.pruneEmpty)
    throw new ConfigError(
      `${options.dir}: no manifests, and prune would delete every object of inventory ${options.inventory}; nothing was changed (to mean it, pass --prune-empty, action input prune-empty)`,
    );
}

type FailedApply = Extract<ApplyOutcome, { ok: false }>;

/**
 * One line, with the fix, for an apply refused because its namespace does not exist (a 404
 * `namespaces "x" not found`, the API server's words for it); undefined for any other failure.
 */
export function namespaceFailure(outcome: FailedApply): string | undefined {
  const namespace =
    outcome.status === 404
      ? /^namespaces "([^"]+)" not found$/.exec(outcome.message)?.[1]
      : undefined;
  return namespace === undefined
    ? undefined
    : `namespace ${namespace} does not exist: create it, or add a Namespace manifest to the folder`;
}

/**
 * What the server-side dry-run refused, collected for one message. A missing namespace fails
 * every object in it alike, so it is said once, not once per object.
 */
export class ValidationProblems {
  private readonly perObject: string[] = [];
  private readonly namespaces = new Set<string>();
  private failed = 0;

  /** Records `object`'s failure: `message`, or once for all, its namespace's absence. */
  add(object: string, message: string, outcome?: FailedApply): void {
    this.failed += 1;
    const namespace = outcome && namespaceFailure(outcome);
    if (namespace === undefined) this.perObject.push(`${object}: ${message}`);
    else this.namespaces.add(namespace);
  }

  /** Throws one ApplyFailure saying everything that was refused, if anything was. */
  throwIfAny(report: ApplyReport): void {
    if (this.failed === 0) return;
    const missing = [...this.namespaces].sort();
    if (this.perObject.length === 0)
      throw new ApplyFailure(`${missing.join('; ')}; nothing was applied`, report);
    const lines = [...missing, ...this.perObject.sort()];
    throw new ApplyFailure(
      `${this.failed} object(s) failed validation, so nothing else was changed:\n  ${lines.join('\n  ')}`,
      report,
    );
  }
}
