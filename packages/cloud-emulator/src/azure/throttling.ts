import { NextFunction, Request, Response } from 'express';
import { EmulatorContext } from '../context';
import { sendArmError } from './armHttp';

const COST_MANAGEMENT = /\/providers\/Microsoft\.CostManagement\//i;
const METRICS =
  /\/metrics:getBatch\/?$|\/providers\/microsoft\.insights\/metrics\/?$/i;

/**
 * Answers 429 while a throttling scenario is active. Cost Management signals
 * its back-off in `x-ms-ratelimit-microsoft.costmanagement-*-retry-after`
 * headers (which the Azure SDK retry policy does not read); other ARM routes
 * send the standard `Retry-After`.
 */
export function throttling(ctx: EmulatorContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const t = ctx.state.throttle;
    if (METRICS.test(req.path) && t.metricsRemaining > 0) {
      t.metricsRemaining--;
      sendArmError(
        res,
        429,
        'TooManyRequests',
        'The request is throttled: too many metrics queries for this subscription. Retry after the time in Retry-After.',
        { 'Retry-After': String(t.metricsRetryAfterSeconds) },
      );
      return;
    }
    if (COST_MANAGEMENT.test(req.path)) {
      if (t.costManagementRemaining > 0) {
        t.costManagementRemaining--;
        const after = String(t.costManagementRetryAfterSeconds);
        sendArmError(res, 429, '429', 'Too many requests. Please retry.', {
          'x-ms-ratelimit-microsoft.costmanagement-qpu-retry-after': after,
          'x-ms-ratelimit-microsoft.costmanagement-entity-retry-after': after,
          'x-ms-ratelimit-microsoft.costmanagement-tenant-retry-after': after,
          'x-ms-ratelimit-microsoft.costmanagement-client-retry-after': after,
          'x-ms-ratelimit-microsoft.costmanagement-qpu-remaining':
            'QueryResource:0, Organization:0',
          'x-ms-ratelimit-microsoft.costmanagement-qpu-consumed': '1',
        });
        return;
      }
    } else if (t.armRemaining > 0) {
      t.armRemaining--;
      sendArmError(
        res,
        429,
        'TooManyRequests',
        'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/armthrottling',
        {
          'Retry-After': String(t.armRetryAfterSeconds),
          'x-ms-ratelimit-remaining-subscription-reads': '0',
        },
      );
      return;
    }
    next();
  };
}
