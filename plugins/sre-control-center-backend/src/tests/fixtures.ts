/** Test data and helpers shared by the backend plugin's integration tests. */

/** The Mindful Moments System, owning the given resource group. */
export function systemOwning(resourceGroupId: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: 'mindful-moments',
      namespace: 'default',
      annotations: {
        'sre-control-center/azure-resource-group': resourceGroupId,
      },
    },
    spec: { owner: 'group:default/mindful-moments-team' },
  };
}

/** A common-alert-schema delivery with only the essentials the portal reads. */
export function commonAlertPayload(essentials: {
  alertId: string;
  alertRule: string;
  severity: string;
  monitorCondition: 'Fired' | 'Resolved';
  targetResourceId: string;
  firedDateTime: string;
  resolvedDateTime?: string;
}) {
  const { targetResourceId, ...rest } = essentials;
  return {
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: { ...rest, alertTargetIDs: [targetResourceId.toLowerCase()] },
      alertContext: {},
    },
  };
}

/** Polls until `ok` holds (webhook processing is asynchronous to its 202), or 10 s pass. */
export async function eventually<T>(
  fn: () => Promise<T>,
  ok: (t: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await fn();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise(r => setTimeout(r, 50));
  }
}
