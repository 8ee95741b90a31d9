/**
 * In-memory state of the emulated clouds. Plain JSON-serialisable objects so
 * that `GET /_emulator/state` can return it as is.
 */

export type AlertState = 'New' | 'Acknowledged' | 'Closed';
export type MonitorCondition = 'Fired' | 'Resolved';
export type Severity = 'Sev0' | 'Sev1' | 'Sev2' | 'Sev3' | 'Sev4';

/** `essentials` of an Alerts Management alert (2019-03-01 spec). */
export interface AlertEssentials {
  severity: Severity;
  signalType: 'Metric' | 'Log' | 'Unknown';
  alertState: AlertState;
  monitorCondition: MonitorCondition;
  monitorService: string;
  targetResource: string;
  targetResourceName: string;
  targetResourceGroup: string;
  targetResourceType: string;
  sourceCreatedId: string;
  smartGroupId: string;
  smartGroupingReason: string;
  alertRule: string;
  startDateTime: string;
  lastModifiedDateTime: string;
  lastModifiedUserName: string;
  monitorConditionResolvedDateTime?: string;
  actionStatus: { isSuppressed: boolean };
  description: string;
}

export interface AlertModificationItem {
  modificationEvent: 'AlertCreated' | 'StateChange' | 'MonitorConditionChange';
  oldValue: string;
  newValue: string;
  modifiedAt: string;
  modifiedBy: string;
  comments: string;
  description: string;
}

/** One metric criterion, as it appears in the common alert schema. */
export interface MetricCriterion {
  metricName: string;
  metricNamespace: string;
  operator: string;
  /** The common alert schema sends the threshold as a string. */
  threshold: string;
  timeAggregation: string;
  dimensions: Array<{ name: string; value: string }>;
  metricValue: number;
  webTestName: null;
}

export interface StoredAlert {
  /** GUID part of the alert id. */
  alertId: string;
  /** Alert rule name; ARM returns it as the alert resource `name`. */
  name: string;
  essentials: AlertEssentials;
  /** `alertContext` of the common alert schema payload. */
  alertContext: {
    properties: Record<string, string> | null;
    conditionType: string;
    condition: {
      windowSize: string;
      allOf: MetricCriterion[];
      windowStartTime: string;
      windowEndTime: string;
    };
  };
  history: AlertModificationItem[];
}

/** `properties.slotSwapStatus` App Service reports after a swap. */
export interface SlotSwapStatus {
  timestampUtc: string;
  sourceSlotName: string;
  destinationSlotName: string;
}

/** What a slot swap moves between two slots: the app content and its runtime. */
export interface SlotContent {
  linuxFxVersion: string;
  /** Build running in the slot; only visible in `/_emulator/state`. */
  deployedVersion: string;
}

export interface SiteSlotState extends SlotContent {
  /** Slot name without the site, e.g. `staging`. */
  name: string;
  state: 'Running' | 'Stopped';
  lastModifiedTimeUtc: string;
  tags: Record<string, string>;
  slotSwapStatus?: SlotSwapStatus;
}

export interface SiteState extends SlotContent {
  name: string;
  state: 'Running' | 'Stopped';
  restarts: string[];
  lastModifiedTimeUtc: string;
  tags: Record<string, string>;
  /** Deployment slots other than production. */
  slots: SiteSlotState[];
  slotSwapStatus?: SlotSwapStatus;
}

/** One slot swap, kept so the operation-result route can answer polls. */
export interface SlotSwapRecord {
  operationId: string;
  site: string;
  sourceSlot: string;
  targetSlot: string;
  preserveVnet: boolean;
  at: string;
  /** Build each slot runs after the swap. */
  result: Record<string, string>;
}

/** A PostgreSQL flexible server (2025-08-01 `Server`). */
export interface PostgresServerState {
  name: string;
  location: string;
  sku: {
    name: string;
    tier: 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized';
  };
  version: string;
  minorVersion: string;
  state: 'Ready' | 'Stopped' | 'Starting' | 'Stopping' | 'Updating';
  administratorLogin: string;
  storageSizeGB: number;
  storageTier: string;
  iops: number;
  network: {
    publicNetworkAccess: 'Enabled' | 'Disabled';
    delegatedSubnetResourceId: string;
    privateDnsZoneArmResourceId: string;
  };
  availabilityZone: string;
  backupRetentionDays: number;
  createdAt: string;
  tags: Record<string, string>;
}

export interface PlanSku {
  name: string;
  tier: string;
  size: string;
  family: string;
  capacity: number;
}

export interface PlanState {
  name: string;
  location: string;
  kind: string;
  sku: PlanSku;
  reserved: boolean;
  tags: Record<string, string>;
}

export interface BudgetNotification {
  enabled: boolean;
  operator: 'GreaterThan' | 'GreaterThanOrEqualTo' | 'EqualTo';
  threshold: number;
  contactEmails: string[];
  contactRoles: string[];
  contactGroups: string[];
  thresholdType: 'Actual' | 'Forecasted';
  locale: string;
}

export interface BudgetState {
  name: string;
  /** Set for a budget at resource group scope (as the Terraform creates it); else subscription scope. */
  resourceGroup?: string;
  amount: number;
  timeGrain: 'Monthly' | 'Quarterly' | 'Annually';
  startDate: string;
  endDate: string;
  notifications: Record<string, BudgetNotification>;
  eTag: string;
}

export interface DailyCost {
  /** yyyy-mm-dd, UTC */
  date: string;
  /** The resource's tags, which Cost Management filters on. */
  tags?: Record<string, string>;
  serviceName: string;
  meterCategory: string;
  resourceId: string;
  resourceType: string;
  resourceGroup: string;
  cost: number;
}

/** Temporary change to a metric, e.g. response time while an incident lasts. */
export interface MetricOverride {
  resourceId: string;
  metricName: string;
  from: string;
  to?: string;
  value: number;
}

export interface GithubUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface GithubLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
  default: boolean;
}

export interface GithubComment {
  id: number;
  body: string;
  user: GithubUser;
  created_at: string;
  updated_at: string;
}

export interface GithubIssue {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  user: GithubUser;
  labels: string[];
  assignees: string[];
  comments: GithubComment[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by: GithubUser | null;
  /** Set for pull requests, which the issues API lists too. */
  pullRequest?: { merged_at: string | null };
  /** Milestone number. */
  milestone?: number;
  /** Ids (not numbers) of the sub-issues, in order; GitHub allows 100. */
  subIssueIds?: number[];
  /** Id of the parent issue. */
  parentId?: number;
}

export interface GithubMilestone {
  id: number;
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  due_on: string | null;
  created_at: string;
  updated_at: string;
  creator: GithubUser;
}

export interface GithubFile {
  /** Git blob sha of the content. */
  sha: string;
  content: Buffer;
}

export interface GithubRepoState {
  id: number;
  owner: GithubUser;
  name: string;
  description: string;
  private: boolean;
  labels: GithubLabel[];
  issues: GithubIssue[];
  created_at: string;
  milestones?: GithubMilestone[];
  /** Files on the default branch, by path. */
  files?: Record<string, GithubFile>;
}

export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
}

export interface DeliveryRecord {
  id: string;
  kind: 'action-group' | 'github';
  event: string;
  url: string;
  payload: unknown;
  attempts: DeliveryAttempt[];
  /** `suppressed`: an alert processing rule removed all action groups. */
  outcome: 'pending' | 'delivered' | 'failed' | 'skipped' | 'suppressed';
  /** Id of the alert processing rule that suppressed the delivery. */
  suppressedBy?: string;
}

/** `conditions[]` of an alert processing rule. */
export interface AlertProcessingCondition {
  field:
    | 'Severity'
    | 'MonitorService'
    | 'MonitorCondition'
    | 'SignalType'
    | 'TargetResourceType'
    | 'TargetResource'
    | 'TargetResourceGroup'
    | 'AlertRuleId'
    | 'AlertRuleName'
    | 'Description'
    | 'AlertContext';
  operator: 'Equals' | 'NotEquals' | 'Contains' | 'DoesNotContain';
  values: string[];
}

export type AlertProcessingRecurrence =
  | { recurrenceType: 'Daily'; startTime: string; endTime: string }
  | {
      recurrenceType: 'Weekly';
      daysOfWeek: string[];
      startTime?: string;
      endTime?: string;
    }
  | {
      recurrenceType: 'Monthly';
      daysOfMonth: number[];
      startTime?: string;
      endTime?: string;
    };

export interface AlertProcessingSchedule {
  /** Wall-clock time in `timeZone`, without offset, like the API takes it. */
  effectiveFrom?: string;
  effectiveUntil?: string;
  timeZone?: string;
  recurrences?: AlertProcessingRecurrence[];
}

export type AlertProcessingAction =
  | { actionType: 'RemoveAllActionGroups' }
  | { actionType: 'AddActionGroups'; actionGroupIds: string[] };

/** `Microsoft.AlertsManagement/actionRules` (2021-08-08). */
export interface AlertProcessingRuleState {
  name: string;
  resourceGroup: string;
  location: string;
  tags: Record<string, string>;
  properties: {
    scopes: string[];
    conditions?: AlertProcessingCondition[];
    schedule?: AlertProcessingSchedule;
    actions: AlertProcessingAction[];
    description?: string;
    enabled: boolean;
  };
  systemData: {
    createdBy: string;
    createdByType: 'User';
    createdAt: string;
    lastModifiedBy: string;
    lastModifiedByType: 'User';
    lastModifiedAt: string;
  };
}

/** A block blob of an emulated storage account (path-style URLs: /{account}/{container}/{blob}). */
export interface StoredBlob {
  account: string;
  container: string;
  name: string;
  body: string;
  contentType: string;
  etag: string;
  createdAt: string;
  lastModified: string;
}

/** `Microsoft.Insights/metricAlerts` (static thresholds), as ARM stores them. */
export interface MetricAlertRuleState {
  name: string;
  description: string;
  severity: 0 | 1 | 2 | 3 | 4;
  enabled: boolean;
  scopes: string[];
  evaluationFrequency: string;
  windowSize: string;
  targetResourceType: string;
  criteria: Array<{
    name: string;
    metricName: string;
    metricNamespace: string;
    operator:
      | 'GreaterThan'
      | 'GreaterThanOrEqual'
      | 'LessThan'
      | 'LessThanOrEqual';
    threshold: number;
    timeAggregation: 'Average' | 'Total' | 'Maximum' | 'Minimum' | 'Count';
  }>;
  actionGroupIds: string[];
  lastUpdatedTime: string;
  tags: Record<string, string>;
}

export interface ActionGroupState {
  name: string;
  shortName: string;
  enabled: boolean;
  emailReceivers: Array<{
    name: string;
    emailAddress: string;
    useCommonAlertSchema: boolean;
  }>;
  webhookReceivers: Array<{
    name: string;
    serviceUri: string;
    useCommonAlertSchema: boolean;
    useAadAuth: boolean;
  }>;
  tags: Record<string, string>;
}

/** A storage account (`Microsoft.Storage/storageAccounts`). */
export interface StorageAccountState {
  name: string;
  location: string;
  kind: 'StorageV2' | 'BlobStorage';
  sku: { name: string; tier: 'Standard' | 'Premium' };
  provisioningState: 'Succeeded' | 'Creating' | 'ResolvingDNS';
  statusOfPrimary: 'available' | 'unavailable';
  createdAt: string;
  tags: Record<string, string>;
}

/** A key vault (`Microsoft.KeyVault/vaults`). */
export interface KeyVaultState {
  name: string;
  location: string;
  sku: 'standard' | 'premium';
  provisioningState: 'Succeeded' | 'RegisteringDns';
  tags: Record<string, string>;
}

export interface ThrottleState {
  /** Number of metrics queries (metrics:getBatch) still to answer with 429. */
  metricsRemaining: number;
  metricsRetryAfterSeconds: number;
  /** Number of Cost Management requests still to answer with 429. */
  costManagementRemaining: number;
  costManagementRetryAfterSeconds: number;
  /** Number of other ARM requests still to answer with 429. */
  armRemaining: number;
  armRetryAfterSeconds: number;
}

export interface EmulatorState {
  alerts: StoredAlert[];
  sites: SiteState[];
  slotSwaps: SlotSwapRecord[];
  plans: PlanState[];
  postgresServers: PostgresServerState[];
  alertProcessingRules: AlertProcessingRuleState[];
  budgets: BudgetState[];
  dailyCosts: DailyCost[];
  metricOverrides: MetricOverride[];
  github: {
    repos: GithubRepoState[];
    nextId: number;
    /** Scenario `github-issues-denied`: issues created before 403s start. */
    issueCreationsLeft?: number;
    /** Primary rate limit of the core resource (one budget for the emulator). */
    rateLimit?: { used: number; resetAt: number };
    /** Every GitHub REST request answered, oldest first (tests count them). */
    requests?: Array<{ method: string; path: string; status: number }>;
  };
  deliveries: DeliveryRecord[];
  throttle: ThrottleState;
  metricAlertRules: MetricAlertRuleState[];
  actionGroups: ActionGroupState[];
  storageAccounts: StorageAccountState[];
  keyVaults: KeyVaultState[];
  /**
   * ARM reads the caller has no role for: resource ids (or prefixes),
   * lower-cased, answered with 403 AuthorizationFailed.
   */
  armDenied: string[];
  /** ARM requests served, by `METHOD Namespace/type` (see azure/requestStats.ts). */
  armRequests: Record<string, number>;
  /** Blob containers per storage account name, and their blobs. */
  blobContainers: Array<{ account: string; name: string }>;
  blobs: StoredBlob[];
  /** When true, blob reads answer 403 AuthorizationPermissionMismatch (a missing Storage Blob Data Reader role). */
  blobAccessDenied: boolean;
  scenarioRuns: Array<{ name: string; at: string; result: unknown }>;
}

export function emptyState(): EmulatorState {
  return {
    alerts: [],
    sites: [],
    slotSwaps: [],
    plans: [],
    postgresServers: [],
    alertProcessingRules: [],
    budgets: [],
    dailyCosts: [],
    metricOverrides: [],
    github: { repos: [], nextId: 1000 },
    deliveries: [],
    throttle: {
      metricsRemaining: 0,
      metricsRetryAfterSeconds: 0,
      costManagementRemaining: 0,
      costManagementRetryAfterSeconds: 0,
      armRemaining: 0,
      armRetryAfterSeconds: 0,
    },
    metricAlertRules: [],
    actionGroups: [],
    storageAccounts: [],
    keyVaults: [],
    armDenied: [],
    armRequests: {},
    blobContainers: [],
    blobs: [],
    blobAccessDenied: false,
    scenarioRuns: [],
  };
}
