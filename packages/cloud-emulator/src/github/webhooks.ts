import { createHmac, randomUUID } from 'node:crypto';
import { EmulatorContext } from '../context';
import { deliverWebhook } from '../webhookDelivery';
import { DeliveryRecord } from '../world/state';

/** `sha256=<hex>` HMAC over the exact body bytes, as GitHub signs deliveries. */
export function signGithubPayload(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Sends a repository webhook the way GitHub does. GitHub does not retry
 * failed deliveries by itself, so neither does the emulator.
 */
export function sendGithubWebhook(
  ctx: EmulatorContext,
  event: 'issues' | 'issue_comment',
  payload: {
    action: string;
    repository: { id: number };
    [key: string]: unknown;
  },
): Promise<DeliveryRecord> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'user-agent': 'GitHub-Hookshot/7a1f0b2',
    'x-github-event': event,
    'x-github-delivery': randomUUID(),
    'x-github-hook-id': '498712345',
    'x-github-hook-installation-target-id': String(payload.repository.id),
    'x-github-hook-installation-target-type': 'repository',
  };
  if (ctx.githubWebhookSecret) {
    headers['x-hub-signature'] = `sha1=${createHmac(
      'sha1',
      ctx.githubWebhookSecret,
    )
      .update(body)
      .digest('hex')}`;
    headers['x-hub-signature-256'] = signGithubPayload(
      ctx.githubWebhookSecret,
      body,
    );
  }
  return deliverWebhook(ctx, {
    kind: 'github',
    event: `${event}.${payload.action}`,
    url: ctx.githubWebhookUrl,
    body,
    payload,
    headers,
    retryDelaysMs: [],
  });
}
