import { CustomErrorBase, InputError } from '@backstage/errors';
import express from 'express';
import type { Inbox, InboxDelivery } from '../domain/alerts/ports';
import { systemRef } from '../domain/systemRef';

/**
 * Largest webhook body accepted. Azure caps a common-schema alert at 256 KB
 * and drops log search results beyond that; Alertmanager groups many alerts
 * per delivery. 1 MiB leaves room for both.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

/** 413, with the limit in the message. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/** 422: well-formed JSON that fails the payload's schema. */
export class UnprocessableEntityError extends CustomErrorBase {
  name = 'UnprocessableEntityError' as const;
  statusCode = 422;
}

const raw = express.raw({ type: () => true, limit: WEBHOOK_BODY_LIMIT_BYTES });

/**
 * Reads the body as bytes, exactly as sent (what the inbox stores), and turns
 * an oversized body into a 413 that says the limit.
 */
export const readRawBody: express.RequestHandler = (req, res, next) => {
  raw(req, res, error => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large') {
      next(
        new PayloadTooLargeError(
          `Body exceeds the webhook limit of 1 MiB (${WEBHOOK_BODY_LIMIT_BYTES} bytes)`,
        ),
      );
      return;
    }
    next(error);
  });
};

/** The body as text and as parsed JSON; a 400 when it is empty or not JSON. */
export function parseJsonBody(
  req: express.Request,
  expected: string,
): { raw: string; payload: unknown } {
  const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
  if (!text.trim()) {
    throw new InputError(`Empty body: expected ${expected}`);
  }
  try {
    return { raw: text, payload: JSON.parse(text) };
  } catch (e) {
    throw new InputError(`Body is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * `?entityRef=system:default/name` on the webhook URL: the System this action
 * group or Alertmanager receiver reports for. A 400 when it names no System.
 */
export function entityRefParam(query: express.Request['query']): string | null {
  const value = query.entityRef;
  if (value === undefined) return null;
  const ref = typeof value === 'string' ? systemRef(value) : undefined;
  if (!ref) {
    throw new InputError(
      'Invalid webhook URL: entityRef must name a System, system:namespace/name',
    );
  }
  return ref;
}

/**
 * Stores the delivery, then answers: 202 when it will be processed, 422 when
 * it was refused (kept in the inbox, marked processed with the reason, so it
 * can be inspected but never becomes an alert).
 */
export async function storeAndAnswer(
  options: { inbox: Inbox; onDelivery?: () => void },
  delivery: InboxDelivery,
  res: express.Response,
): Promise<void> {
  const id = await options.inbox.add(delivery);
  if (delivery.rejected !== undefined) {
    throw new UnprocessableEntityError(
      `${delivery.rejected} (kept as inbox delivery ${id} for inspection)`,
    );
  }
  res.status(202).json({ accepted: true, inboxId: id, kind: delivery.kind });
  options.onDelivery?.();
}
