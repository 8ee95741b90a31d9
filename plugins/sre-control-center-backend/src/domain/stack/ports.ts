import type {
  ArmResourceId,
  MetricSeries,
  StackSnapshot,
  StackSource,
  TerraformOutputsStatus,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { ProjectScope } from '../projects';

/** One Resource entity of a System, as the catalog has it. */
export interface InventoryResource {
  entityRef: string;
  name: string;
  /** Catalog spec.type, e.g. azure-app-service. */
  type: string;
  /** The `sre-control-center/azure-resource-id` annotation, unchecked. */
  resourceId: string | undefined;
}

/** The System's resources and the catalog module's last status. */
export interface StackInventory {
  resourcesOf(project: ProjectScope): Promise<{
    resources: InventoryResource[];
    terraformOutputs: TerraformOutputsStatus;
  }>;
}

/** What ARM says about one resource, before the domain judges it. */
export interface ArmResourceState {
  state: string | null;
  provisioningState: string | null;
  sku: string | null;
  workers: number | null;
  location: string | null;
  version: string | null;
}

/** ARM reads of resources (sites, plans, PostgreSQL servers, storage, key vaults). */
export interface ResourceStateSource {
  /** The spec.types this source reads; others get no ARM call. */
  readonly types: ReadonlySet<string>;
  stateOf(resource: ArmResourceId, type: string): Promise<ArmResourceState>;
}

/** The metrics to read for one resource type. */
export interface MetricSpec {
  metric: string;
  label: string;
  unit: string;
  aggregation: MetricSeries['aggregation'];
  /** Values past these are a warning / critical (below for `direction: 'below'`). */
  warning: number;
  critical: number;
  direction: 'above' | 'below';
}

export interface MetricQuery {
  namespace: string;
  /** Region of the resources: the metrics batch API is regional. */
  location: string | null;
  resources: ArmResourceId[];
  metrics: MetricSpec[];
  from: Date;
  to: Date;
  /** ISO 8601 step, e.g. PT5M. */
  interval: string;
}

/** Azure Monitor metrics of resources of one namespace. */
export interface MetricsSource {
  /** Points per resource id (lower-cased) and metric name. */
  query(
    query: MetricQuery,
  ): Promise<
    Map<string, Map<string, Array<{ at: string; value: number | null }>>>
  >;
}

/** A metric alert rule as the domain needs it. */
export interface AlertRuleDefinition {
  id: string;
  name: string;
  description: string | null;
  severity: number;
  enabled: boolean;
  scopes: string[];
  windowSize: string | null;
  criteria: Array<{
    metric: string;
    operator: string;
    threshold: number | null;
    aggregation: string;
  }>;
  actionGroupIds: string[];
}

export interface ActionGroupDefinition {
  id: string;
  name: string;
  enabled: boolean;
  emailReceivers: number;
  webhooks: Array<{
    name: string;
    serviceUri: string;
    useCommonAlertSchema: boolean;
    useAadAuth: boolean;
  }>;
}

/** Metric alert rules and action groups (Azure Monitor). */
export interface AlertRuleSource {
  metricAlertRules(group: {
    subscriptionId: string;
    resourceGroup: string;
  }): Promise<AlertRuleDefinition[]>;
  actionGroups(group: {
    subscriptionId: string;
    resourceGroup: string;
  }): Promise<ActionGroupDefinition[]>;
  /** One action group by id (for groups outside the resource group); undefined when it does not exist. */
  actionGroup(id: ArmResourceId): Promise<ActionGroupDefinition | undefined>;
}

/** The Terraform estimate of a System's monthly cost. */
export interface CostEstimate {
  monthly: number;
  currency: string;
  pricedAt: string | null;
  items: Array<{ name: string; monthly: number }>;
}

export interface CostEstimateSource {
  /** Undefined when the System has no estimate (yet): not an error. */
  estimateFor(entityRef: string): Promise<CostEstimate | undefined>;
}

/** The actual figures the cost refresh already keeps (no Azure call). */
export interface CostFigures {
  get(entityRef: string): Promise<
    | {
        currency: string;
        monthToDate: number;
        forecast: number;
        budget: { amount: number } | null;
      }
    | undefined
  >;
}

/** When each alert rule last fired for a System, from the Control Center's own alerts. */
export interface AlertFiringHistory {
  lastFiredByRule(entityRef: string): Promise<Map<string, string>>;
}

/** The last snapshot per System, shared by every replica. */
export interface StackSnapshotStore {
  get(
    entityRef: string,
  ): Promise<Omit<StackSnapshot, 'ageSeconds'> | undefined>;
  save(snapshot: Omit<StackSnapshot, 'ageSeconds'>): Promise<void>;
}

export interface StackPublisher {
  stackChanged(entityRef: string): Promise<void>;
}

/**
 * Azure (or the catalog) refused or failed a read. Adapters turn SDK errors
 * into this so the domain can say what is missing and why.
 */
export class StackReadError extends Error {
  readonly name = 'StackReadError';
  constructor(
    message: string,
    readonly details: {
      source: StackSource;
      status?: number;
      code?: string;
      retryAfterSeconds?: number;
    },
  ) {
    super(message);
  }
}
