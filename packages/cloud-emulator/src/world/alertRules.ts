import {
  PLAN_ID,
  PLAN_NAME,
  POSTGRES_ID,
  POSTGRES_NAME,
  RESOURCE_GROUP,
  SITE_ID,
  SITE_NAME,
  SUBSCRIPTION_ID,
  alertResourceId,
  metricAlertRuleId,
} from './constants';
import { noise, stableGuid } from './random';
import { Severity, StoredAlert } from './state';

/** A metric alert rule of the seeded world. */
export interface MetricAlertRule {
  name: string;
  description: string;
  severity: Severity;
  targetResource: string;
  targetResourceName: string;
  targetResourceType: string;
  metricName: string;
  metricNamespace: string;
  operator: 'GreaterThan' | 'LessThan';
  threshold: number;
  timeAggregation: 'Average' | 'Total' | 'Maximum';
  windowSize: string;
  windowMinutes: number;
  /** Metric value seen when the rule fires. */
  firingValue: number;
}

export const ALERT_RULES: Record<string, MetricAlertRule> = {
  'alert-high-response-time': {
    name: 'alert-high-response-time',
    description: `Average response time of ${SITE_NAME} is above 5 seconds`,
    severity: 'Sev2',
    targetResource: SITE_ID,
    targetResourceName: SITE_NAME,
    targetResourceType: 'microsoft.web/sites',
    metricName: 'HttpResponseTime',
    metricNamespace: 'Microsoft.Web/sites',
    operator: 'GreaterThan',
    threshold: 5,
    timeAggregation: 'Average',
    windowSize: 'PT5M',
    windowMinutes: 5,
    firingValue: 6.84,
  },
  'alert-http-5xx': {
    name: 'alert-http-5xx',
    description: `${SITE_NAME} answers with HTTP 5xx`,
    severity: 'Sev1',
    targetResource: SITE_ID,
    targetResourceName: SITE_NAME,
    targetResourceType: 'microsoft.web/sites',
    metricName: 'Http5xx',
    metricNamespace: 'Microsoft.Web/sites',
    operator: 'GreaterThan',
    threshold: 10,
    timeAggregation: 'Total',
    windowSize: 'PT5M',
    windowMinutes: 5,
    firingValue: 57,
  },
  'alert-db-connection-failures': {
    name: 'alert-db-connection-failures',
    description: `Failed connections to ${POSTGRES_NAME}`,
    severity: 'Sev1',
    targetResource: POSTGRES_ID,
    targetResourceName: POSTGRES_NAME,
    targetResourceType: 'microsoft.dbforpostgresql/flexibleservers',
    metricName: 'connections_failed',
    metricNamespace: 'Microsoft.DBforPostgreSQL/flexibleServers',
    operator: 'GreaterThan',
    threshold: 5,
    timeAggregation: 'Total',
    windowSize: 'PT5M',
    windowMinutes: 5,
    firingValue: 23,
  },
  'alert-high-cpu': {
    name: 'alert-high-cpu',
    description: `CPU of App Service plan ${PLAN_NAME} above 80 %`,
    severity: 'Sev2',
    targetResource: PLAN_ID,
    targetResourceName: PLAN_NAME,
    targetResourceType: 'microsoft.web/serverfarms',
    metricName: 'CpuPercentage',
    metricNamespace: 'Microsoft.Web/serverfarms',
    operator: 'GreaterThan',
    threshold: 80,
    timeAggregation: 'Average',
    windowSize: 'PT15M',
    windowMinutes: 15,
    firingValue: 93.4,
  },
};

export function originAlertId(rule: MetricAlertRule, firedAt: Date): string {
  const suffix = Math.floor(
    noise(`${rule.name}${firedAt.toISOString()}`) * 1e9,
  );
  return `${SUBSCRIPTION_ID}_${RESOURCE_GROUP}_microsoft.insights_metricAlerts_${rule.name}_-${suffix}`;
}

/** Creates a fired, new alert instance of a metric alert rule. */
export function createMetricAlert(
  rule: MetricAlertRule,
  firedAt: Date,
  alertId: string = stableGuid(`${rule.name}@${firedAt.toISOString()}`),
): StoredAlert {
  const fired = firedAt.toISOString();
  const windowStart = new Date(
    firedAt.getTime() - rule.windowMinutes * 60_000,
  ).toISOString();
  return {
    alertId,
    name: rule.name,
    essentials: {
      severity: rule.severity,
      signalType: 'Metric',
      alertState: 'New',
      monitorCondition: 'Fired',
      monitorService: 'Platform',
      targetResource: rule.targetResource,
      targetResourceName: rule.targetResourceName,
      targetResourceGroup: RESOURCE_GROUP,
      targetResourceType: rule.targetResourceType,
      sourceCreatedId: originAlertId(rule, firedAt),
      smartGroupId: stableGuid(`smartgroup-${alertId}`),
      smartGroupingReason: '',
      alertRule: metricAlertRuleId(rule.name),
      startDateTime: fired,
      lastModifiedDateTime: fired,
      lastModifiedUserName: 'System',
      actionStatus: { isSuppressed: false },
      description: rule.description,
    },
    alertContext: {
      properties: null,
      conditionType: 'SingleResourceMultipleMetricCriteria',
      condition: {
        windowSize: rule.windowSize,
        allOf: [
          {
            metricName: rule.metricName,
            metricNamespace: rule.metricNamespace,
            operator: rule.operator,
            threshold: String(rule.threshold),
            timeAggregation: rule.timeAggregation,
            dimensions: [],
            metricValue: rule.firingValue,
            webTestName: null,
          },
        ],
        windowStartTime: windowStart,
        windowEndTime: fired,
      },
    },
    history: [
      {
        modificationEvent: 'AlertCreated',
        oldValue: '',
        newValue: '',
        modifiedAt: fired,
        modifiedBy: 'System',
        comments: '',
        description: 'Alert fired',
      },
    ],
  };
}

export function resolveAlert(alert: StoredAlert, at: Date): void {
  if (alert.essentials.monitorCondition === 'Resolved') return;
  const when = at.toISOString();
  alert.essentials.monitorCondition = 'Resolved';
  alert.essentials.monitorConditionResolvedDateTime = when;
  alert.essentials.lastModifiedDateTime = when;
  alert.essentials.lastModifiedUserName = 'System';
  alert.history.push({
    modificationEvent: 'MonitorConditionChange',
    oldValue: 'Fired',
    newValue: 'Resolved',
    modifiedAt: when,
    modifiedBy: 'System',
    comments: '',
    description: 'Monitor condition changed to Resolved',
  });
}

export function changeAlertState(
  alert: StoredAlert,
  newState: StoredAlert['essentials']['alertState'],
  user: string,
  comments: string,
  at: Date,
): void {
  const when = at.toISOString();
  const oldState = alert.essentials.alertState;
  alert.essentials.alertState = newState;
  alert.essentials.lastModifiedDateTime = when;
  alert.essentials.lastModifiedUserName = user;
  alert.history.push({
    modificationEvent: 'StateChange',
    oldValue: oldState,
    newValue: newState,
    modifiedAt: when,
    modifiedBy: user,
    comments,
    description: `State changed from '${oldState}' to '${newState}'`,
  });
}

/** Payload an action group with the common alert schema enabled POSTs. */
export function commonAlertSchemaPayload(alert: StoredAlert) {
  const e = alert.essentials;
  return {
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId: alertResourceId(alert.alertId),
        alertRule: alert.name,
        severity: e.severity,
        signalType: e.signalType,
        monitorCondition: e.monitorCondition,
        monitoringService: e.monitorService,
        alertTargetIDs: [e.targetResource.toLowerCase()],
        configurationItems: [e.targetResourceName],
        originAlertId: e.sourceCreatedId,
        firedDateTime: e.startDateTime,
        ...(e.monitorCondition === 'Resolved'
          ? { resolvedDateTime: e.monitorConditionResolvedDateTime }
          : {}),
        description: e.description,
        essentialsVersion: '1.0',
        alertContextVersion: '1.0',
      },
      alertContext: alert.alertContext,
      customProperties: null,
    },
  };
}
