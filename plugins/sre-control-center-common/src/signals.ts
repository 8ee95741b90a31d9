/** Prefix of the signal channels the backend publishes project updates on. */
export const SIGNAL_CHANNEL_PREFIX = 'sre-control-center:';

/**
 * The signal channel for one project, e.g.
 * `sre-control-center:system:default/mindful-moments`.
 * The entity ref must already be in its canonical (lower-case) form.
 */
export function signalChannelFor(entityRef: string): string {
  return `${SIGNAL_CHANNEL_PREFIX}${entityRef}`;
}
