import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  signalsServiceRef,
  type SignalPayload,
} from '@backstage/plugin-signals-node';

/**
 * A signals service that records what open pages would be told: pass
 * `feature` to the test backend, read `signals`.
 */
export function recordedSignals() {
  const signals: SignalPayload[] = [];
  const feature = createServiceFactory({
    service: signalsServiceRef,
    deps: {},
    factory: () => ({
      publish: async (signal: SignalPayload) => {
        signals.push(signal);
      },
    }),
  });
  return { signals, feature };
}
