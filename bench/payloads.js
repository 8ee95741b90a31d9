'use strict';
/** Azure Monitor common-alert-schema bodies for the benchmarks, one alert id per index. */

const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';

function alertId(i, prefix = 'bench') {
  return `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/${prefix}-${i}`;
}

/** `rule` and `firedAt` change what the portal shows (rule text, order). */
function alertBody(i, prefix = 'bench', { rule, firedAt } = {}) {
  return JSON.stringify({
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId: alertId(i, prefix),
        alertRule: rule ?? 'alert-high-response-time',
        severity: 'Sev2',
        signalType: 'Metric',
        monitorCondition: 'Fired',
        monitoringService: 'Platform',
        alertTargetIDs: [
          '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourcegroups/rg-mindful-moments-dev/providers/microsoft.web/sites/app-mindful-moments-dev',
        ],
        configurationItems: ['app-mindful-moments-dev'],
        originAlertId: `${prefix}-${i}`,
        firedDateTime: (firedAt ?? new Date()).toISOString(),
        description: 'Average response time above 2 s',
        essentialsVersion: '1.0',
        alertContextVersion: '1.0',
      },
      alertContext: {
        properties: null,
        conditionType: 'SingleResourceMultipleMetricCriteria',
        condition: {
          windowSize: 'PT5M',
          allOf: [
            {
              metricName: 'HttpResponseTime',
              metricNamespace: 'Microsoft.Web/sites',
              operator: 'GreaterThan',
              threshold: '2',
              timeAggregation: 'Average',
              dimensions: [],
              metricValue: 3.41,
            },
          ],
        },
      },
    },
  });
}

module.exports = { alertBody, alertId };
