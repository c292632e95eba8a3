import { OperationError } from '../../core/errors.js';

/** `--request-timeout`'s default: how long one request to the API server may take. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** Dial and TLS handshake limit, as client-go's dialer (30 s), never above the request timeout. */
const CONNECT_TIMEOUT_MS = 30_000;

/** Attempts for an idempotent request: the first and up to four retries. */
export const MAX_ATTEMPTS = 5;

/** The longest `Retry-After` ferry waits; a server asking for more gets its answer reported. */
const MAX_RETRY_AFTER_MS = 30_000;

/** Timeouts of one client; 0 means none (kubectl's `--request-timeout=0`). */
export interface RequestTimeouts {
  requestMs: number;
  connectMs: number;
}

export function requestTimeouts(requestMs = DEFAULT_REQUEST_TIMEOUT_MS): RequestTimeouts {
  return {
    requestMs,
    connectMs: requestMs > 0 ? Math.min(CONNECT_TIMEOUT_MS, requestMs) : CONNECT_TIMEOUT_MS,
  };
}

/** What a request does, as far as retrying it is concerned. */
export interface RetryableSpec {
  method: string;
  /** `review`: an access review, a POST that stores nothing. */
  verb?: string;
  query?: Record<string, string | undefined>;
  contentType?: string;
  body?: unknown;
}

/**
 * Whether sending the request twice has the effect of sending it once: reads, server-side
 * dry-runs, server-side apply (the same applied configuration twice is a no-op the second
 * time) and DELETE with a uid precondition (a second one finds the object gone: 404, which
 * ferry counts as deleted, and can never hit a recreated object). A create or update is not.
 */
export function isIdempotent(spec: RetryableSpec): boolean {
  if (spec.method === 'GET' || spec.query?.dryRun) return true;
  // An access review (SelfSubjectAccessReview) is a question: asking twice is asking once.
  if (spec.method === 'POST' && spec.verb === 'review') return true;
  if (spec.method === 'PATCH') return spec.contentType === 'application/apply-patch+yaml';
  if (spec.method === 'DELETE') {
    const body = spec.body as { preconditions?: { uid?: string } } | undefined;
    return Boolean(body?.preconditions?.uid);
  }
  return false;
}

/** A failure to get an answer at all (no HTTP status); `retryable` when the connection broke. */
export class TransportError extends OperationError {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** Connection-level errors worth a retry: the server or something between dropped the connection. */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED', 'ECONNABORTED']);

export function isRetryableNetworkError(error: Error): boolean {
  return RETRYABLE_CODES.has((error as NodeJS.ErrnoException).code ?? '');
}

/** Statuses worth a retry: throttling (429) and server-side failures (5xx). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * How long to wait before attempt `attempt + 1`: the server's `Retry-After` (seconds or an
 * HTTP date) when it sent one, plus up to 20% so retrying clients spread out; else exponential
 * backoff from 250 ms with jitter (half to all of 250 ms × 2^(attempt-1), at most 8 s).
 * Undefined when the server asks for longer than ferry waits.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | undefined,
  random: () => number = Math.random,
): number | undefined {
  const asked = retryAfterMs(retryAfter);
  if (asked !== undefined) {
    if (asked > MAX_RETRY_AFTER_MS) return undefined;
    return Math.round(asked * (1 + random() / 5));
  }
  const ceiling = Math.min(250 * 2 ** (attempt - 1), 8_000);
  return Math.round(ceiling * (0.5 + random() / 2));
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** `1.5s`, `250ms`: how the timeouts and waits read in messages. */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${Number((ms / 1000).toFixed(1))}s`;
}
