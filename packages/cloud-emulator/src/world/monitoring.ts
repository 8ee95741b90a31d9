import {
  ACTION_GROUP_NAME,
  EMAIL_ACTION_GROUP_NAME,
  KEY_VAULT_NAME,
  LOCATION,
  PLAN_ID,
  RESOURCE_GROUP_ID,
  STATE_STORAGE_NAME,
  STORAGE_ID,
  STORAGE_NAME,
} from './constants';
import { ALERT_RULES } from './alertRules';
import {
  ActionGroupState,
  KeyVaultState,
  MetricAlertRuleState,
  StorageAccountState,
} from './state';

const TAGS = { environment: 'dev', app: 'mindful-moments' };
const SEVERITY = { Sev0: 0, Sev1: 1, Sev2: 2, Sev3: 3, Sev4: 4 } as const;

export const actionGroupId = (name: string) =>
  `${RESOURCE_GROUP_ID}/providers/microsoft.insights/actionGroups/${name}`;

/** Where the Control Center's webhook is when the emulator is not told. */
export const DEFAULT_CONTROL_CENTER_WEBHOOK =
  'http://localhost:7007/api/sre-control-center/webhooks/azure-monitor?token=unset';

/**
 * The stack's action groups as the Terraform creates them: one with e-mail
 * and the Control Center webhook (common alert schema), and an e-mail-only
 * group that one rule was (wrongly) pointed at.
 */
export function seedActionGroups(webhookUrl: string): ActionGroupState[] {
  return [
    {
      name: ACTION_GROUP_NAME,
      shortName: 'mindfulsre',
      enabled: true,
      emailReceivers: [
        {
          name: 'sre-team',
          emailAddress: 'sre@mindfulmoments.dev',
          useCommonAlertSchema: true,
        },
      ],
      webhookReceivers: [
        {
          name: 'sre-control-center',
          serviceUri: webhookUrl,
          useCommonAlertSchema: true,
          useAadAuth: false,
        },
      ],
      tags: TAGS,
    },
    {
      name: EMAIL_ACTION_GROUP_NAME,
      shortName: 'mindfulmail',
      enabled: true,
      emailReceivers: [
        {
          name: 'owner',
          emailAddress: 'owner@mindfulmoments.dev',
          useCommonAlertSchema: false,
        },
      ],
      webhookReceivers: [],
      tags: TAGS,
    },
  ];
}

/**
 * Metric alert rules of the resource group: the scenario rules (to the
 * Control Center's action group), memory on the plan, and storage
 * availability, seeded with only the e-mail group so the wiring check has
 * something to find.
 */
export function seedMetricAlertRules(now: Date): MetricAlertRuleState[] {
  const updated = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const fromScenario = Object.values(ALERT_RULES).map(
    (rule): MetricAlertRuleState => ({
      name: rule.name,
      description: rule.description,
      severity: SEVERITY[rule.severity],
      enabled: true,
      scopes: [rule.targetResource],
      evaluationFrequency: 'PT1M',
      windowSize: rule.windowSize,
      targetResourceType: rule.metricNamespace,
      criteria: [
        {
          name: 'Metric1',
          metricName: rule.metricName,
          metricNamespace: rule.metricNamespace,
          operator: rule.operator,
          threshold: rule.threshold,
          timeAggregation: rule.timeAggregation,
        },
      ],
      actionGroupIds: [actionGroupId(ACTION_GROUP_NAME)],
      lastUpdatedTime: updated,
      tags: TAGS,
    }),
  );
  return [
    ...fromScenario,
    {
      name: 'alert-high-memory',
      description: 'Memory of the App Service plan above 85 %',
      severity: 2,
      enabled: true,
      scopes: [PLAN_ID],
      evaluationFrequency: 'PT1M',
      windowSize: 'PT15M',
      targetResourceType: 'Microsoft.Web/serverfarms',
      criteria: [
        {
          name: 'Metric1',
          metricName: 'MemoryPercentage',
          metricNamespace: 'Microsoft.Web/serverfarms',
          operator: 'GreaterThan',
          threshold: 85,
          timeAggregation: 'Average',
        },
      ],
      actionGroupIds: [actionGroupId(ACTION_GROUP_NAME)],
      lastUpdatedTime: updated,
      tags: TAGS,
    },
    {
      name: 'alert-storage-availability',
      description: `Availability of ${STORAGE_NAME} below 99 %`,
      severity: 2,
      enabled: true,
      scopes: [STORAGE_ID],
      evaluationFrequency: 'PT5M',
      windowSize: 'PT15M',
      targetResourceType: 'Microsoft.Storage/storageAccounts',
      criteria: [
        {
          name: 'Metric1',
          metricName: 'Availability',
          metricNamespace: 'Microsoft.Storage/storageAccounts',
          operator: 'LessThan',
          threshold: 99,
          timeAggregation: 'Average',
        },
      ],
      // The broken one: e-mail only, never the Control Center.
      actionGroupIds: [actionGroupId(EMAIL_ACTION_GROUP_NAME)],
      lastUpdatedTime: updated,
      tags: TAGS,
    },
  ];
}

export function seedStorageAccounts(now: Date): StorageAccountState[] {
  const created = new Date(now.getTime() - 120 * 86_400_000).toISOString();
  return [STORAGE_NAME, STATE_STORAGE_NAME].map(name => ({
    name,
    location: LOCATION,
    kind: 'StorageV2',
    sku: { name: 'Standard_LRS', tier: 'Standard' },
    provisioningState: 'Succeeded',
    statusOfPrimary: 'available',
    createdAt: created,
    tags: TAGS,
  }));
}

export function seedKeyVaults(): KeyVaultState[] {
  return [
    {
      name: KEY_VAULT_NAME,
      location: LOCATION,
      sku: 'standard',
      provisioningState: 'Succeeded',
      tags: TAGS,
    },
  ];
}
