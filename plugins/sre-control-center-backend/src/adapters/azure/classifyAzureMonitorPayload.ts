import { DELIVERY_KINDS } from '../decodeDelivery';
import type { PayloadClass } from '../webhook/payloadClass';
import { parseBudgetAlert } from './budgetAlert';
import { commonAlertProblems } from './commonAlertSchema';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Tells what kind of action-group payload this is and, for the schemas we
 * know, whether it is valid (`refused` names each bad field). JSON of any
 * other shape is `unrecognized`: kept and shown as a generic alert.
 */
export function classifyAzureMonitorPayload(payload: unknown): PayloadClass {
  const body = isRecord(payload) ? payload : {};
  const budget = (): PayloadClass => {
    const parsed = parseBudgetAlert(payload);
    return parsed.ok
      ? { kind: DELIVERY_KINDS.budget }
      : { kind: DELIVERY_KINDS.budget, refused: parsed.error };
  };
  if (body.schemaId === 'azureMonitorCommonAlertSchema') {
    const essentials = isRecord(body.data) ? body.data.essentials : undefined;
    // Cost Management budget alerts come in the common schema too.
    if (isRecord(essentials) && essentials.monitoringService === 'CostAlerts') {
      return budget();
    }
    const problems = commonAlertProblems(payload);
    return problems
      ? {
          kind: DELIVERY_KINDS.commonAlert,
          refused: `Payload does not match the common alert schema: ${problems}`,
        }
      : { kind: DELIVERY_KINDS.commonAlert };
  }
  // Budget alerts sent through an action group use their own schema id.
  if (body.schemaId === 'AIP Budget Notification') return budget();
  return { kind: DELIVERY_KINDS.unrecognized };
}
