'use strict';
/** Azure Monitor common-alert-schema bodies for the benchmarks, one alert id per index. */

const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';

/**
 * Alert ids have Azure's real shape (the webhook refuses others with 422): a
 * GUID whose first group names the run's prefix and whose last counts.
 */
function prefixHex(prefix) {
  let hash = 0x811c9dc5;
  for (const ch of prefix)
    hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function alertId(i, prefix = 'bench') {
  const serial = i.toString(16).padStart(12, '0');
  return `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/${prefixHex(
    prefix,
  )}-0000-4000-8000-${serial}`;
}

/** A SQL LIKE pattern matching the stored (lower-cased) ids of one prefix. */
function alertIdPattern(prefix = 'bench') {
  return `%/alerts/${prefixHex(prefix)}-0000-4000-8000-%`;
}

/**
 * `rule` and `firedAt` change what the portal shows (rule text, order);
 * `severity` whether the demo escalation policy pages for it (Sev0-Sev2).
 */
function alertBody(i, prefix = 'bench', { rule, firedAt, severity } = {}) {
  return JSON.stringify({
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId: alertId(i, prefix),
        alertRule: rule ?? 'alert-high-response-time',
        severity: severity ?? 'Sev2',
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

module.exports = { alertBody, alertId, alertIdPattern };
