/**
 * Prefix of the signal channels the backend publishes project updates on.
 *
 * @public
 */
export const SIGNAL_CHANNEL_PREFIX = 'sre-control-center:';

/**
 * The signal channel for one project, e.g.
 * `sre-control-center:system:default/mindful-moments`. Entity refs compare
 * case-insensitively, so the channel uses the lower-cased ref.
 *
 * @public
 */
export function signalChannelFor(entityRef: string): string {
  return `${SIGNAL_CHANNEL_PREFIX}${entityRef.toLocaleLowerCase('en-US')}`;
}

/**
 * The channel of the operators' page: unrouted alerts and failed deliveries.
 *
 * @public
 */
export const OPERATIONS_SIGNAL_CHANNEL = `${SIGNAL_CHANNEL_PREFIX}operations`;
