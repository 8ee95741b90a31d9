import type { SignalApi } from '@backstage/plugin-signals-react';
import type { JsonObject } from '@backstage/types';
import { signalChannelFor } from '@sre-control-center/plugin-sre-control-center-common';

/** The System most tests are about. */
export const TEST_SYSTEM = 'system:default/mindful-moments';

/**
 * A signal API the test pushes messages through, as the signals plugin
 * delivers them: to every subscriber of the channel.
 */
export function fakeSignals() {
  const listeners = new Map<string, Set<(message: JsonObject) => void>>();
  const api: SignalApi = {
    subscribe(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      const listener = onMessage as (message: JsonObject) => void;
      set.add(listener);
      listeners.set(channel, set);
      return { unsubscribe: () => set.delete(listener) };
    },
  };
  return {
    api,
    /** Sends a message on a project's channel (the test System's by default). */
    push(message: JsonObject, entityRef = TEST_SYSTEM) {
      listeners
        .get(signalChannelFor(entityRef))
        ?.forEach(listener => listener(message));
    },
    /** Sends a message on a channel by its full name. */
    pushOn(channel: string, message: JsonObject) {
      listeners.get(channel)?.forEach(listener => listener(message));
    },
    /** How many subscribers a project's channel has now. */
    subscribers: (entityRef = TEST_SYSTEM) =>
      listeners.get(signalChannelFor(entityRef))?.size ?? 0,
  };
}

/** A signal API that never sends anything (signals available, nothing pushed). */
export const silentSignals: SignalApi = {
  subscribe: () => ({ unsubscribe: () => {} }),
};
