import { parseCommonAlert } from './commonAlertSchema';

// Shape of the metric alert sample in Azure Monitor's common alert schema docs.
const sample = {
  schemaId: 'azureMonitorCommonAlertSchema',
  data: {
    essentials: {
      alertId:
        '/subscriptions/<subscription ID>/providers/Microsoft.AlertsManagement/alerts/12345678-1234-1234-1234-1234567890ab',
      alertRule: 'test-metricAlertRule',
      severity: 'Sev3',
      signalType: 'Metric',
      monitorCondition: 'Resolved',
      monitoringService: 'Platform',
      alertTargetIDs: [
        '/subscriptions/<subscription ID>/resourcegroups/<resource group name>/providers/Microsoft.Compute/virtualMachines/<resource name>',
      ],
      configurationItems: ['<resource name>'],
      originAlertId: '12345678-1234-1234-1234-1234567890ab',
      firedDateTime: '2023-08-28T09:29:32.1111111Z',
      resolvedDateTime: '2023-08-28T09:32:22.2222222Z',
      description: 'Alert rule description',
      essentialsVersion: '1.0',
      alertContextVersion: '1.0',
    },
    alertContext: {
      properties: { customKey1: 'value1' },
      conditionType: 'SingleResourceMultipleMetricCriteria',
      condition: {
        windowSize: 'PT1M',
        allOf: [
          {
            metricName: 'Percentage CPU',
            metricNamespace: 'Microsoft.Compute/virtualMachines',
            operator: 'GreaterThan',
            threshold: '90',
            timeAggregation: 'Average',
            dimensions: [],
            metricValue: 85.5,
          },
        ],
        windowStartTime: '2023-08-28T09:26:05.1111111Z',
        windowEndTime: '2023-08-28T09:27:05.1111111Z',
      },
    },
    customProperties: { customKey1: 'value1' },
  },
};

describe('parseCommonAlert', () => {
  it('reads the essentials of the documented sample', () => {
    const result = parseCommonAlert(sample);
    if (!result.ok) throw new Error(result.error);
    expect(result.notification).toEqual({
      alertId:
        '/subscriptions/<subscription id>/providers/microsoft.alertsmanagement/alerts/12345678-1234-1234-1234-1234567890ab',
      rule: 'test-metricAlertRule',
      severity: 'Sev3',
      monitorCondition: 'Resolved',
      targetResourceIds: [
        '/subscriptions/<subscription id>/resourcegroups/<resource group name>/providers/microsoft.compute/virtualmachines/<resource name>',
      ],
      description: 'Alert rule description',
      firedAt: new Date('2023-08-28T09:29:32.111Z'),
      resolvedAt: new Date('2023-08-28T09:32:22.222Z'),
      condition: {
        source: 'Platform',
        metric: 'Percentage CPU',
        operator: 'GreaterThan',
        threshold: 90,
        observed: 85.5,
        text: 'Average Percentage CPU GreaterThan 90 (observed 85.5) over PT1M',
      },
      source: 'azure-monitor',
    });
  });

  it('treats zone-less timestamps as UTC', () => {
    const result = parseCommonAlert({
      ...sample,
      data: {
        ...sample.data,
        essentials: {
          ...sample.data.essentials,
          firedDateTime: '2023-08-28T09:29:32',
        },
      },
    });
    expect(result.ok && result.notification.firedAt.toISOString()).toBe(
      '2023-08-28T09:29:32.000Z',
    );
  });

  it('says which field is wrong', () => {
    const result = parseCommonAlert({
      ...sample,
      data: { essentials: { ...sample.data.essentials, severity: 'High' } },
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/data\.essentials\.severity/);
  });
});
