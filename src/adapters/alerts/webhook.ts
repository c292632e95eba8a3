import { OperationError } from '../../core/errors.js';
import type { DriftReport } from '../../core/drift.js';
import { driftSummary } from '../../core/drift-report.js';
import { redact, redactWebhookUrl } from '../../core/redact.js';

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
    // fetch's own message may quote the whole URL (a malformed one): never show it.
    const reason = redact((error as Error).message, [url]);
    throw new OperationError(`drift webhook ${redactWebhookUrl(url)}: ${reason}`);
  }
  if (!response.ok)
    throw new OperationError(`drift webhook ${redactWebhookUrl(url)}: HTTP ${response.status}`);
}
