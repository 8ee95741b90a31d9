import fs from 'node:fs';
import path from 'node:path';
import { classifyAzureMonitorPayload } from './classifyAzureMonitorPayload';
import { describeAlertContext } from './alertContext';
import { parseBudgetAlert } from './budgetAlert';
import { parseCommonAlert } from './commonAlertSchema';

/**
 * Every payload in __fixtures__ (one per monitoringService Azure sends in the
 * common alert schema; see the README there for the documentation each one
 * follows) is parsed, and what the portal keeps of it is checked.
 */

const FIXTURES = path.join(__dirname, '__fixtures__');
const SUB = '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
const RG = `${SUB}/resourcegroups/rg-mindful-moments-dev/providers`;
const alertId = (guid: string) =>
  `${SUB}/providers/microsoft.alertsmanagement/alerts/${guid}`;

function load(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8'));
}

interface Expected {
  alertId: string;
  rule: string;
  severity: string;
  monitorCondition: 'Fired' | 'Resolved';
  targetResourceIds: string[];
  firedAt: string;
  resolvedAt: string | null;
  condition: Record<string, unknown>;
}

const expected: Record<string, Expected> = {
  'metric-static-threshold.json': {
    alertId: alertId('6c1d9a52-0b7e-4f3a-9d21-5e8f4a7b3c10'),
    rule: 'alert-high-response-time',
    severity: 'Sev2',
    monitorCondition: 'Fired',
    targetResourceIds: [`${RG}/microsoft.web/sites/app-mindful-moments-dev`],
    firedAt: '2026-11-28T10:04:12.553Z',
    resolvedAt: null,
    condition: {
      source: 'Platform',
      metric: 'HttpResponseTime',
      operator: 'GreaterThan',
      threshold: 2,
      observed: 3.7215,
      text: 'Average HttpResponseTime GreaterThan 2 (observed 3.7215) over PT5M',
      dimensions: [{ name: 'Instance', value: 'pd0mdwk00016G' }],
    },
  },
  'metric-static-threshold-resolved.json': {
    alertId: alertId('0e4b7f61-93c2-4d8a-b5e0-2a6c9d1f8e37'),
    rule: 'alert-plan-cpu',
    severity: 'Sev3',
    monitorCondition: 'Resolved',
    targetResourceIds: [
      `${RG}/microsoft.web/serverfarms/asp-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T08:41:03.228Z',
    resolvedAt: '2026-11-28T08:52:37.901Z',
    condition: {
      metric: 'CpuPercentage',
      operator: 'GreaterThan',
      threshold: 80,
      observed: 41.25,
    },
  },
  'metric-dynamic-threshold.json': {
    alertId: alertId('a83f2c19-6d5e-4b07-8e1a-4f2c7b9d0e56'),
    rule: 'alert-storage-transactions-anomaly',
    severity: 'Sev3',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.storage/storageaccounts/stmindfulmomentsdev`,
    ],
    firedAt: '2026-11-28T11:20:48.014Z',
    resolvedAt: null,
    condition: {
      metric: 'Transactions',
      operator: 'GreaterThan',
      // For a dynamic threshold Azure reports the threshold it computed.
      threshold: 412.7,
      observed: 1530,
      text: 'Total Transactions GreaterThan 412.7 (observed 1530) over PT15M; dynamic threshold, medium sensitivity',
    },
  },
  'metric-availability-test.json': {
    alertId: alertId('d2e7a4b0-1c93-4f58-a6d2-8b0e5f3c9a71'),
    rule: 'webtest-mindful-moments-home-appi-mindful-moments-dev',
    severity: 'Sev1',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.insights/components/appi-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T12:02:09.661Z',
    resolvedAt: null,
    condition: {
      metric: 'Failed Location',
      operator: 'GreaterThan',
      threshold: 2,
      observed: 3,
      text: expect.stringContaining(
        'availability test webtest-mindful-moments-home',
      ),
    },
  },
  'log-search-v1-log-analytics.json': {
    alertId: alertId('4f6a1b3e-8c2d-47e9-b051-c7d3e9a2f684'),
    rule: 'alert-http-5xx-logs',
    severity: 'Sev1',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.operationalinsights/workspaces/log-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T09:55:31.804Z',
    resolvedAt: null,
    condition: {
      source: 'Log Analytics',
      operator: 'Greater Than',
      threshold: 5,
      observed: 2,
      query:
        'AppServiceHTTPLogs | where ScStatus >= 500 | summarize AggregatedValue = count() by bin(TimeGenerated, 5m), CsHost',
      dimensions: [
        { name: 'CsHost', value: 'app-mindful-moments-dev.azurewebsites.net' },
      ],
      link: expect.stringContaining('/q/http-5xx-filtered'),
    },
  },
  'log-search-v1-application-insights.json': {
    alertId: alertId('91c5e7a3-2b8f-4d60-a4e9-6f0d3b7c1e28'),
    rule: 'alert-failed-requests',
    severity: 'Sev2',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.insights/components/appi-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T10:31:07.442Z',
    resolvedAt: null,
    condition: {
      source: 'Application Insights',
      operator: 'Greater Than',
      threshold: 10,
      observed: 14,
      query: expect.stringMatching(/^requests \| where success == false/),
      text: 'Number of results: 14 results, alert when Greater Than 10',
    },
  },
  'log-search-v2.json': {
    alertId: alertId('b7d0e2f4-5a36-4c19-8b7e-9e2a4c6d1f03'),
    rule: 'alert-exceptions-spike',
    severity: 'Sev2',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.insights/components/appi-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T13:10:44.973Z',
    resolvedAt: null,
    condition: {
      source: 'Log Alerts V2',
      operator: 'GreaterThan',
      threshold: 10,
      observed: 27,
      query:
        'exceptions | where cloud_RoleName == "app-mindful-moments-dev" | summarize count() by problemId',
      dimensions: [
        {
          name: 'problemId',
          value: 'System.TimeoutException at Npgsql.NpgsqlConnector.Connect',
        },
      ],
      link: expect.stringContaining('/q/exceptions-filtered'),
    },
  },
  'log-search-simple.json': {
    alertId: alertId('2c9e5a17-d4b8-4e63-91f0-7a3d6c8e0b45'),
    rule: 'alert-any-exception',
    severity: 'Sev3',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.insights/components/appi-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T14:00:05.118Z',
    resolvedAt: null,
    condition: {
      source: 'Simple Log Alert',
      observed: 1,
      query: expect.stringMatching(/^exceptions \| where timestamp > ago/),
      text: 'query result: 1',
    },
  },
  'activity-log-administrative.json': {
    alertId: alertId('e3a8c1f5-7b20-4d96-8f4e-1c5a9d2b6e07'),
    rule: 'alert-site-restarted',
    severity: 'Sev4',
    monitorCondition: 'Fired',
    targetResourceIds: [`${RG}/microsoft.web/sites/app-mindful-moments-dev`],
    firedAt: '2026-11-28T15:12:40.662Z',
    resolvedAt: null,
    condition: {
      source: 'Activity Log - Administrative',
      text: 'Microsoft.Web/sites/restart/action: Succeeded by alex@mindfulmoments.example',
    },
  },
  'activity-log-policy.json': {
    alertId: alertId('5d1b9e3c-a742-4f08-b6d5-2e9c7a0f4b18'),
    rule: 'alert-policy-audit',
    severity: 'Sev3',
    monitorCondition: 'Fired',
    targetResourceIds: [`${RG}/microsoft.web/sites/app-mindful-moments-dev`],
    firedAt: '2026-11-28T06:03:17.205Z',
    resolvedAt: null,
    condition: {
      source: 'Activity Log - Policy',
      text: 'Microsoft.Authorization/policies/audit/action (policy mm-security-baseline, Audit): Succeeded by 04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    },
  },
  'activity-log-autoscale.json': {
    alertId: alertId('7f2c4e9a-0b58-4d13-a6c7-3e9d1f5b8a24'),
    rule: 'alert-plan-autoscaled',
    severity: 'Sev4',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.web/serverfarms/asp-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T16:25:03.559Z',
    resolvedAt: null,
    condition: {
      source: 'Activity Log - Autoscale',
      text: expect.stringMatching(
        /from 2 instances count to 3 instances count: Succeeded by Microsoft.Insights\/autoscaleSettings$/,
      ),
    },
  },
  'activity-log-security.json': {
    alertId: alertId('c8e1a5d3-4f29-4b76-9e0c-2d7b4a8f1e53'),
    rule: 'alert-defender-threat',
    severity: 'Sev1',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.compute/virtualmachines/vm-mindful-moments-jump`,
    ],
    firedAt: '2026-11-28T03:41:26.009Z',
    resolvedAt: null,
    condition: {
      source: 'Activity Log - Security',
      text: 'Microsoft.Security/locations/alerts/activate/action (Trojan, Quarantined): Active',
    },
  },
  'service-health.json': {
    alertId: alertId('0a7d3f9e-c261-4b85-9e4a-7f1c5d8b2e60'),
    rule: 'alert-service-health-west-europe',
    severity: 'Sev2',
    monitorCondition: 'Fired',
    // Service Health targets the subscription: no resource group to match a System.
    targetResourceIds: [SUB],
    firedAt: '2026-11-28T07:15:52.308Z',
    resolvedAt: null,
    condition: {
      source: 'ServiceHealth',
      text: 'App Service - West Europe - Degraded performance (Incident, Active, App Service, West Europe)',
    },
  },
  'resource-health.json': {
    alertId: alertId('3b6f0c8d-e514-4a97-82c6-9d4e1a7f5b30'),
    rule: 'alert-postgres-health',
    severity: 'Sev1',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.dbforpostgresql/flexibleservers/psql-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T05:27:14.441Z',
    resolvedAt: null,
    condition: {
      source: 'Resource Health',
      text: 'The database server is unavailable because of a platform issue: Available → Unavailable (PlatformInitiated)',
    },
  },
  'smart-detector.json': {
    alertId: alertId('8e4c2a6f-1d93-4b57-a0e8-5c7f3b9d1e24'),
    rule: 'Failure Anomalies - appi-mindful-moments-dev',
    severity: 'Sev3',
    monitorCondition: 'Fired',
    targetResourceIds: [
      `${RG}/microsoft.insights/components/appi-mindful-moments-dev`,
    ],
    firedAt: '2026-11-28T12:44:19.770Z',
    resolvedAt: null,
    condition: {
      source: 'SmartDetector',
      metric: 'Failure Anomalies',
      text: 'An abnormal rise in failed request rate: detected 18.2 %, normal 0.4 % (over the last 7 days)',
    },
  },
};

const alertFixtures = fs
  .readdirSync(FIXTURES)
  .filter(f => f.endsWith('.json') && f !== 'budget-cost-alert.json');

describe('common alert schema fixtures', () => {
  it('has an expectation for every fixture', () => {
    expect(alertFixtures.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(alertFixtures)('%s is an alert delivery', file => {
    expect(classifyAzureMonitorPayload(load(file))).toEqual({
      kind: 'common-alert',
    });
  });

  it.each(alertFixtures)('parses %s', file => {
    const result = parseCommonAlert(load(file));
    if (!result.ok) throw new Error(result.error);
    const n = result.notification;
    const want = expected[file];
    expect({
      alertId: n.alertId,
      rule: n.rule,
      severity: n.severity,
      monitorCondition: n.monitorCondition,
      targetResourceIds: n.targetResourceIds,
      firedAt: n.firedAt.toISOString(),
      resolvedAt: n.resolvedAt?.toISOString() ?? null,
    }).toEqual({ ...want, condition: undefined });
    expect(n.condition).toMatchObject(want.condition);
  });

  it('reads a Cost Management budget alert as a budget, not an alert', () => {
    const body = load('budget-cost-alert.json');
    expect(classifyAzureMonitorPayload(body)).toEqual({ kind: 'budget' });
    expect(parseBudgetAlert(body)).toEqual({
      ok: true,
      budgetName: 'budget-mindful-moments-dev',
    });
  });
});

describe('describeAlertContext', () => {
  it('reads a managed Prometheus rule context', () => {
    // The alertContext of the docs' "Sample Prometheus alert", with our values.
    expect(
      describeAlertContext('Prometheus', {
        interval: 'PT1M',
        expression: 'pg_up == 0',
        expressionValue: '0',
        for: 'PT2M',
        labels: { cluster: 'aks-mindful-moments-dev' },
        annotations: { summary: 'PostgreSQL exporter sees the server down' },
        ruleGroup: `${SUB}/resourceGroups/rg/providers/Microsoft.AlertsManagement/prometheusRuleGroups/pg`,
      }),
    ).toEqual({
      source: 'Prometheus',
      query: 'pg_up == 0',
      observed: 0,
      text: 'PostgreSQL exporter sees the server down',
    });
  });

  it('keeps only the source of a context it does not know, and never throws', () => {
    expect(describeAlertContext('Brand New Service', { foo: 1 })).toEqual({
      source: 'Brand New Service',
    });
    expect(
      describeAlertContext('Platform', {
        conditionType: 'SingleResourceMultipleMetricCriteria',
        condition: { allOf: 'not a list' },
      }),
    ).toEqual({ source: 'Platform' });
    expect(describeAlertContext(undefined, null)).toBeUndefined();
  });

  it('ignores a threshold that is not a number rather than inventing one', () => {
    const condition = describeAlertContext('Platform', {
      conditionType: 'SingleResourceMultipleMetricCriteria',
      condition: {
        allOf: [
          {
            metricName: 'Http5xx',
            operator: 'GreaterThan',
            threshold: 'n/a',
            metricValue: 12,
          },
        ],
      },
    });
    expect(condition).toEqual(
      expect.objectContaining({ metric: 'Http5xx', observed: 12 }),
    );
    expect(condition).not.toHaveProperty('threshold');
  });
});
