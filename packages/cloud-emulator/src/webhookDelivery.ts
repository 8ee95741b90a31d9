import { randomUUID } from 'node:crypto';
import { EmulatorContext } from './context';
import { DeliveryRecord } from './world/state';

/** Azure action groups retry webhooks on these answers (and on network errors). */
function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export interface DeliveryRequest {
  kind: DeliveryRecord['kind'];
  event: string;
  url: string | undefined;
  /** Exact bytes to send; signatures are computed over this string. */
  body: string;
  payload: unknown;
  headers: Record<string, string>;
  /** Delays between attempts; an empty list means a single attempt. */
  retryDelaysMs: number[];
}

/**
 * POSTs a webhook and records every attempt in the state, so tests and the
 * control route can see what was delivered. Resolves when done, never rejects.
 */
export function deliverWebhook(
  ctx: EmulatorContext,
  req: DeliveryRequest,
): Promise<DeliveryRecord> {
  const record: DeliveryRecord = {
    id: randomUUID(),
    kind: req.kind,
    event: req.event,
    url: req.url ?? '',
    payload: req.payload,
    attempts: [],
    outcome: req.url ? 'pending' : 'skipped',
  };
  ctx.state.deliveries.push(record);
  if (!req.url) return Promise.resolve(record);
  const url = req.url;

  const run = async () => {
    for (let attempt = 0; ; attempt++) {
      const at = ctx.now().toISOString();
      let retry: boolean;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...req.headers },
          body: req.body,
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer().catch(() => undefined);
        record.attempts.push({ at, status: response.status });
        if (response.ok) {
          record.outcome = 'delivered';
          return record;
        }
        retry = isRetryable(response.status);
      } catch (err) {
        record.attempts.push({
          at,
          error: err instanceof Error ? err.message : String(err),
        });
        retry = true;
      }
      const delay = req.retryDelaysMs[attempt];
      if (!retry || delay === undefined || ctx.isClosed()) {
        record.outcome = 'failed';
        return record;
      }
      await ctx.sleep(delay);
      if (ctx.isClosed()) {
        record.outcome = 'failed';
        return record;
      }
    }
  };
  return ctx.track(run());
}
