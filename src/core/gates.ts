import { quoteForMessage } from './image.js';

/**
 * Promotion gates: what must be true of the source environment before its image moves on.
 * Pure: the facts (commit statuses, dates, the clock) are read by the command.
 */

/** One commit status as the gates need it (the latest of its context). */
export interface StatusFact {
  context: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string;
  /** ISO 8601. */
  createdAt: string;
}

/** What the gates are judged on. */
export interface GateInput {
  /** Where the environment repo lives: says what is missing in the forge's words. */
  forge: 'github' | 'gitlab' | 'git';
  /** Names the source's cluster in the status contexts. */
  cluster: string;
  /** The source branch's tip in the env repo. */
  sourceCommit: string;
  /** The latest status of each context on `sourceCommit`; undefined: the forge has none. */
  statuses: StatusFact[] | undefined;
  /** The source commit's committer date: the soak start when there are no statuses. */
  committedAt: Date;
  /** `--min-soak` in milliseconds; undefined: no soak gate. */
  minSoakMs: number | undefined;
  now: Date;
}

/** A gate's verdict. `detail` is ferry's words; `value`, when set, came from outside. */
export interface GateResult {
  gate: string;
  passed: boolean;
  detail: string;
  value?: string;
}

/** The status contexts `ferry apply`, `ferry drift` and `ferry plan` post for a cluster. */
export function statusContexts(cluster: string): { apply: string; drift: string; plan: string } {
  return {
    apply: `ferry/apply (${cluster})`,
    drift: `ferry/drift (${cluster})`,
    plan: `ferry/plan (${cluster})`,
  };
}

const NO_STATUSES = 'not available for plain git (it has no commit statuses)';

/** Judges every gate; all are judged even when one fails, so each can be reported. */
export function evaluateGates(input: GateInput): GateResult[] {
  const contexts = statusContexts(input.cluster);
  const results = [
    statusGate('apply succeeded', contexts.apply, 'ferry apply', input),
    statusGate('drift clean', contexts.drift, 'ferry drift', input),
  ];
  if (input.minSoakMs !== undefined) results.push(soakGate(input.minSoakMs, contexts.apply, input));
  return results;
}

function latest(input: GateInput, context: string): StatusFact | undefined {
  return input.statuses?.find((status) => status.context === context);
}

function statusGate(gate: string, context: string, poster: string, input: GateInput): GateResult {
  if (input.statuses === undefined) return { gate, passed: false, detail: NO_STATUSES };
  const status = latest(input, context);
  if (!status) {
    let detail = `no ${context} status on ${input.sourceCommit.slice(0, 12)}`;
    // GitLab statuses are new to most setups: say which command posts the missing one.
    if (input.forge === 'gitlab')
      detail += ` in GitLab (posted by ${poster} --forge gitlab --commit-status)`;
    return { gate, passed: false, detail };
  }
  return {
    gate,
    passed: status.state === 'success',
    detail: `${context} is ${status.state} (${isoTime(new Date(status.createdAt))})`,
    ...(status.description ? { value: status.description } : {}),
  };
}

function soakGate(minSoakMs: number, applyContext: string, input: GateInput): GateResult {
  const gate = `soaked ${formatDuration(minSoakMs)}`;
  let since = input.committedAt;
  let from = 'committed';
  if (input.statuses !== undefined) {
    const applied = latest(input, applyContext);
    if (applied?.state !== 'success') {
      return { gate, passed: false, detail: `no successful ${applyContext} to measure from` };
    }
    since = new Date(applied.createdAt);
    from = 'applied';
  }
  const elapsed = input.now.getTime() - since.getTime();
  if (Number.isNaN(elapsed)) return { gate, passed: false, detail: `no readable time ${from}` };
  const ago = elapsed < 0 ? 'in the future' : `${formatDuration(elapsed)} ago`;
  return { gate, passed: elapsed >= minSoakMs, detail: `${from} ${isoTime(since)}, ${ago}` };
}

/** GitHub's way of printing a time (whole seconds, UTC); never an outside string as is. */
function isoTime(time: Date): string {
  return Number.isNaN(time.getTime())
    ? 'unknown time'
    : time.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `1h 5m`, `2m 3s`, `0s`: whole seconds, largest units first. */
export function formatDuration(ms: number): string {
  let seconds = Math.floor(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ] as const) {
    if (seconds >= size) parts.push(`${Math.floor(seconds / size)}${unit}`);
    seconds %= size;
  }
  if (seconds > 0 || parts.length === 0) parts.push(`${seconds}s`);
  return parts.join(' ');
}

/** `promotion from <env> blocked by N gate(s): <each failed gate>`, or undefined when all passed. */
function blockedBy(results: GateResult[], from: string): string | undefined {
  const failed = results.filter((result) => !result.passed);
  if (failed.length === 0) return undefined;
  const reasons = failed.map(
    (result) =>
      `${result.gate}: ${result.detail}${result.value ? ` ${quoteForMessage(result.value)}` : ''}`,
  );
  return `promotion from ${from} blocked by ${failed.length} gate(s): ${reasons.join('; ')}`;
}

/**
 * The one-line refusal when any gate failed, naming each failed gate and how to force it, or
 * undefined when all passed.
 */
export function gateFailure(results: GateResult[], from: string): string | undefined {
  const blocked = blockedBy(results, from);
  return blocked && `${blocked}; pass --force to promote anyway`;
}

/** The warning of a forced promotion: what the gates said, without advice to force it. */
export function forcedPromotionWarning(results: GateResult[], from: string): string {
  return `promotion gates not enforced (--force): ${blockedBy(results, from) ?? 'all passed'}`;
}
