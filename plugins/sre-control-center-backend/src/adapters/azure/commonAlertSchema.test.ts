import { parseCommonAlert } from './commonAlertSchema';

// Shape of the metric alert sample in Azure Monitor's common alert schema docs.
const sample = {
  schemaId: 'azureMonitorCommonAlertSchema',
  data: {
    essentials: {
      // The docs write <subscription ID> here; only a real GUID is accepted.
      alertId:
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/Microsoft.AlertsManagement/alerts/12345678-1234-1234-1234-1234567890ab',
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
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/microsoft.alertsmanagement/alerts/12345678-1234-1234-1234-1234567890ab',
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

  it.each([
    '/subscriptions/<subscription ID>/providers/Microsoft.AlertsManagement/alerts/12345678-1234-1234-1234-1234567890ab',
    `/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/Microsoft.AlertsManagement/alerts/x/../../../../subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.AlertsManagement/alerts/12345678-1234-1234-1234-1234567890ab`,
    '/'.repeat(65_536),
  ])('refuses an alert id that is not in its real shape: %#', alertId => {
    const result = parseCommonAlert({
      ...sample,
      data: {
        ...sample.data,
        essentials: { ...sample.data.essentials, alertId },
      },
    });
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^data\.essentials\.alertId: must be an Azure alert id/,
      ),
    });
  });

  it('refuses control characters and over-long names where they are visible', () => {
    const withNul = parseCommonAlert({
      ...sample,
      data: {
        ...sample.data,
        essentials: { ...sample.data.essentials, alertRule: 'rule\u0000x' },
      },
    });
    expect(withNul).toEqual({
      ok: false,
      error: expect.stringMatching(
        /alertRule: must not contain control characters/,
      ),
    });
    const long = parseCommonAlert({
      ...sample,
      data: {
        ...sample.data,
        essentials: { ...sample.data.essentials, alertRule: 'r'.repeat(256) },
      },
    });
    expect(long.ok).toBe(false);
  });
});
