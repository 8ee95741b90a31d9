import { DELIVERY_KINDS } from '../decodeDelivery';
import type { PayloadClass } from '../webhook/payloadClass';
import { parseAlertmanagerPayload } from './alertmanagerPayload';

/** An Alertmanager webhook (version 4), with the Systems its labels name. */
export function classifyAlertmanagerPayload(payload: unknown): PayloadClass {
  const parsed = parseAlertmanagerPayload(payload);
  if (!parsed.ok) {
    return {
      kind: DELIVERY_KINDS.alertmanager,
      refused: `Payload is not an Alertmanager webhook (version 4): ${parsed.error}`,
    };
  }
  const named = parsed.notifications.flatMap(n =>
    n.entityRef ? [n.entityRef] : [],
  );
  return {
    kind: DELIVERY_KINDS.alertmanager,
    namedSystems: [...new Set(named)],
  };
}
