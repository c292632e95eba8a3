import { OperationError } from '../../core/errors.js';
import type { DriftReport } from '../../core/drift.js';
import { driftSummary } from '../../core/drift-report.js';

/** A webhook URL as it may appear in messages: scheme and host only (the path often is the secret). */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '(invalid URL)';
  }
}

/** The Slack-compatible body: `text` for any incoming-webhook consumer, `blocks` for Slack. */
export function webhookBody(
  report: DriftReport,
  cluster: string,
  runUrl?: string,
): { text: string; blocks: unknown[] } {
  const headline = `${report.clean ? ':white_check_mark:' : ':warning:'} ferry drift on ${cluster} (${report.inventory.namespace}/${report.inventory.name}): ${driftSummary(report)}`;
  const lines = report.objects
    .slice(0, 20)
    .map(
      (o) =>
        `• ${o.object}: ${o.kind}${o.fields.length ? ` (${o.fields.map((f) => f.path).join(', ')})` : ''}`,
    );
  const text = [
    headline,
    ...lines,
    ...(report.objects.length > 20 ? [`…and ${report.objects.length - 20} more`] : []),
    ...(runUrl ? [runUrl] : []),
  ].join('\n');
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** POSTs the alert; errors name the host only, never the URL. */
export async function sendWebhook(url: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new OperationError(`drift webhook ${redactUrl(url)}: ${(error as Error).message}`);
  }
  if (!response.ok)
    throw new OperationError(`drift webhook ${redactUrl(url)}: HTTP ${response.status}`);
}
