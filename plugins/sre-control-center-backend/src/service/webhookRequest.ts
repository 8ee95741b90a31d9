import { CustomErrorBase } from '@backstage/errors';
import express from 'express';

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
