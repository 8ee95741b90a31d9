import { NotFoundError } from '@backstage/errors';
import {
  parseArmResourceId,
  parseResourceGroupId,
  type ArmResourceId,
  type MetricSeries,
  type StackAlertRule,
  type StackProblem,
  type StackResource,
  type StackSnapshot,
  type StackSource,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { ProjectResolver, ProjectScope } from '../projects';
import { findProject } from '../projects';
import { METRIC_PLAN, seriesHealth } from './metricPlan';
import type {
  ActionGroupDefinition,
  AlertFiringHistory,
  AlertRuleDefinition,
  AlertRuleSource,
  CostEstimateSource,
  CostFigures,
  MetricSpec,
  MetricsSource,
  ResourceStateSource,
  StackInventory,
  StackPublisher,
  StackSnapshotStore,
} from './ports';
import { StackReadError } from './ports';
import { requiredRoleFor, stateHealth } from './requiredRoles';
import { checkWiring, describeActionGroups } from './wiringCheck';

type Snapshot = Omit<StackSnapshot, 'ageSeconds'>;

const HOUR = 3_600_000;
const SEVERITIES = ['Sev0', 'Sev1', 'Sev2', 'Sev3', 'Sev4'] as const;

export interface StackReaderOptions {
  projects: ProjectResolver;
  inventory: StackInventory;
  states: ResourceStateSource;
  metrics: MetricsSource;
  alertRules: AlertRuleSource;
  estimates: CostEstimateSource;
  costs: CostFigures;
  history: AlertFiringHistory;
  store: StackSnapshotStore;
  /** This portal's Azure Monitor webhook URL(s) the action groups must call. */
  webhookUrls: string[];
  publisher?: StackPublisher;
  now?: () => Date;
}

export interface StackRefreshReport {
  refreshed: string[];
  failures: Array<{ entityRef: string; error: string }>;
}

/** `PT15M` → `15 min` for the rule's condition line. */
function windowText(iso: string | null): string {
  const m = iso ? /^PT(?:(\d+)H)?(?:(\d+)M)?$/i.exec(iso) : null;
  if (!m) return iso ?? '';
  const minutes = Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  return minutes % 60 === 0 && minutes > 0
    ? `${minutes / 60} h`
    : `${minutes} min`;
}

const OPERATORS: Record<string, string> = {
  greaterthan: '>',
  greaterthanorequal: '≥',
  lessthan: '<',
  lessthanorequal: '≤',
  equals: '=',
};

/**
 * Reads each System's stack from Azure on a schedule (refresh) and serves
 * the last snapshot to page views (snapshot) without calling Azure. A
 * source that is slow or refuses keeps its last known values; the snapshot
 * says which part is old and why, and names the role the backend's identity
 * needs when Azure answered 403.
 */
export class StackReader {
  constructor(private readonly options: StackReaderOptions) {}

  /** The last snapshot with its age: no Azure call. */
  async snapshot(entityRef: string): Promise<StackSnapshot> {
    const stored = await this.options.store.get(
      entityRef.toLocaleLowerCase('en-US'),
    );
    if (!stored) {
      throw new NotFoundError(
        `No stack snapshot for ${entityRef} yet: the stack is read from Azure every few minutes, or the System has no sre-control-center/azure-resource-group annotation`,
      );
    }
    const now = this.now().getTime();
    return {
      ...stored,
      ageSeconds: Math.max(
        0,
        Math.round((now - Date.parse(stored.refreshedAt)) / 1000),
      ),
    };
  }

  /** Every project, one after the other (the scheduler runs this). */
  async refresh(): Promise<StackRefreshReport> {
    const report: StackRefreshReport = { refreshed: [], failures: [] };
    for (const project of await this.options.projects.listProjects()) {
      try {
        await this.refreshProject(project);
        report.refreshed.push(project.entityRef);
      } catch (error) {
        report.failures.push({
          entityRef: project.entityRef,
          error: (error as Error).message,
        });
      }
    }
    return report;
  }

  /** One System now (e.g. after a deployment or from a test). */
  async refreshSystem(entityRef: string): Promise<Snapshot> {
    const project = await findProject(this.options.projects, entityRef);
    if (!project) {
      throw new NotFoundError(
        `${entityRef} is not a System with an sre-control-center/azure-resource-group annotation`,
      );
    }
    return this.refreshProject(project);
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  async refreshProject(project: ProjectScope): Promise<Snapshot> {
    const o = this.options;
    const at = this.now();
    const atIso = at.toISOString();
    const group = parseResourceGroupId(project.resourceGroupId);
    if (!group) {
      throw new Error(
        `${project.entityRef}: ${project.resourceGroupId} is not a resource group id`,
      );
    }
    const previous = await o.store.get(project.entityRef);
    const problems: StackProblem[] = [];
    const attempt = async <T>(
      source: StackSource,
      target: string | null,
      read: () => Promise<T>,
    ): Promise<T | undefined> => {
      try {
        return await read();
      } catch (error) {
        problems.push(this.problem(source, target, error, atIso));
        return undefined;
      }
    };

    // 1. The System's resources, from the catalog (no Azure call).
    const inventory = await attempt('catalog', project.entityRef, () =>
      o.inventory.resourcesOf(project),
    );
    const previousResources = new Map(
      (previous?.resources ?? []).map(r => [r.entityRef, r]),
    );
    const resources: Array<StackResource & { arm_?: ArmResourceId }> = [];
    const listed =
      inventory?.resources ??
      (previous?.resources ?? []).map(r => ({
        ...r,
        resourceId: r.resourceId,
      }));
    for (const item of listed) {
      const parsed = item.resourceId
        ? parseArmResourceId(item.resourceId)
        : undefined;
      if (!parsed) {
        problems.push({
          source: 'catalog',
          target: item.name,
          message: `${
            item.entityRef
          } has no valid sre-control-center/azure-resource-id annotation (${
            item.resourceId ?? 'missing'
          }); it is not read from Azure`,
          code: null,
          requiredRole: null,
          at: atIso,
        });
      }
      const before = previousResources.get(item.entityRef);
      resources.push({
        entityRef: item.entityRef,
        name: item.name,
        type: item.type,
        resourceId: parsed?.id ?? item.resourceId ?? '',
        portalUrl: parsed
          ? `https://portal.azure.com/#resource${parsed.id}/overview`
          : '',
        arm: before?.arm ?? null,
        metrics: before?.metrics ?? [],
        readAt: before?.readAt ?? null,
        arm_: parsed,
      });
    }

    // 2. ARM state of the types the card shows.
    for (const resource of resources) {
      if (!resource.arm_ || !o.states.types.has(resource.type)) continue;
      const state = await attempt('arm', resource.name, () =>
        o.states.stateOf(resource.arm_!, resource.type),
      );
      if (state) {
        resource.arm = {
          ...state,
          health: stateHealth(state.state, state.provisioningState),
        };
        resource.readAt = atIso;
      }
    }

    // 3. Alert rules and action groups (their thresholds shape the series' health).
    const rules = await attempt('alert-rules', group.resourceGroup, () =>
      o.alertRules.metricAlertRules(group),
    );
    const groups = rules
      ? await attempt('action-groups', group.resourceGroup, () =>
          this.readActionGroups(group, rules),
        )
      : undefined;

    // 4. Metrics of the last hour, one batch per namespace and region.
    await this.readMetrics(resources, rules ?? [], at, attempt);

    // 5. The wiring check, from what was read now or last time.
    let alertRules: StackAlertRule[] = previous?.alertRules ?? [];
    let actionGroups = previous?.actionGroups ?? [];
    let wiring = previous?.wiring ?? {
      ok: false,
      webhookUrls: o.webhookUrls,
      problems: [],
    };
    if (rules && groups) {
      const lastFired = await o.history
        .lastFiredByRule(project.entityRef)
        .catch(() => new Map<string, string>());
      alertRules = rules.map(rule => this.describeRule(rule, lastFired));
      actionGroups = describeActionGroups(groups, o.webhookUrls);
      wiring = checkWiring({
        rules,
        groups: actionGroups,
        webhookUrls: o.webhookUrls,
      });
    }

    // 6. Estimate next to actual and forecast (no Azure call: the cost refresh keeps those).
    const estimate = await attempt('cost-estimate', project.entityRef, () =>
      o.estimates.estimateFor(project.entityRef),
    );
    const figures = await o.costs.get(project.entityRef).catch(() => undefined);
    const cost = {
      currency: figures?.currency ?? estimate?.currency ?? 'EUR',
      estimate:
        estimate ??
        (problems.some(p => p.source === 'cost-estimate')
          ? previous?.cost.estimate ?? null
          : null),
      monthToDate: figures?.monthToDate ?? null,
      forecast: figures?.forecast ?? null,
      budget: figures?.budget?.amount ?? null,
    };

    const snapshot: Snapshot = {
      entityRef: project.entityRef,
      resourceGroupId: project.resourceGroupId,
      resources: resources.map(({ arm_: _, ...r }) => r),
      alertRules,
      actionGroups,
      wiring,
      cost,
      terraformOutputs: inventory?.terraformOutputs ??
        previous?.terraformOutputs ?? {
          status: 'unknown',
          checkedAt: null,
          readAt: null,
          error: null,
          source: null,
        },
      refreshedAt: atIso,
      problems,
    };
    await o.store.save(snapshot);
    await o.publisher?.stackChanged(project.entityRef);
    return snapshot;
  }

  private async readActionGroups(
    group: { subscriptionId: string; resourceGroup: string },
    rules: AlertRuleDefinition[],
  ): Promise<ActionGroupDefinition[]> {
    const groups = await this.options.alertRules.actionGroups(group);
    const known = new Set(groups.map(g => g.id.toLowerCase()));
    // Rules may use action groups of another resource group: read those one by one.
    const elsewhere = new Set(
      rules
        .flatMap(r => r.actionGroupIds)
        .filter(id => !known.has(id.toLowerCase()))
        .map(id => id.toLowerCase()),
    );
    for (const id of elsewhere) {
      const parsed = parseArmResourceId(id);
      if (!parsed) continue; // reported as "does not exist" by the wiring check
      const found = await this.options.alertRules.actionGroup(parsed);
      if (found) groups.push(found);
    }
    return groups;
  }

  private async readMetrics(
    resources: Array<StackResource & { arm_?: ArmResourceId }>,
    rules: AlertRuleDefinition[],
    at: Date,
    attempt: <T>(
      source: StackSource,
      target: string | null,
      read: () => Promise<T>,
    ) => Promise<T | undefined>,
  ) {
    const batches = new Map<
      string,
      { namespace: string; location: string | null; items: typeof resources }
    >();
    for (const resource of resources) {
      const plan = METRIC_PLAN[resource.type];
      if (!plan || !resource.arm_) continue;
      const location = resource.arm?.location ?? null;
      const k = `${plan.namespace}|${location ?? ''}`;
      const batch = batches.get(k) ?? {
        namespace: plan.namespace,
        location,
        items: [],
      };
      batch.items.push(resource);
      batches.set(k, batch);
    }
    for (const batch of batches.values()) {
      const specs = METRIC_PLAN[batch.items[0].type].metrics;
      const points = await attempt(
        'metrics',
        batch.items.map(r => r.name).join(', '),
        () =>
          this.options.metrics.query({
            namespace: batch.namespace,
            location: batch.location,
            resources: batch.items.map(r => r.arm_!),
            metrics: specs,
            from: new Date(at.getTime() - HOUR),
            to: at,
            interval: 'PT5M',
          }),
      );
      if (!points) continue;
      for (const resource of batch.items) {
        const byMetric = points.get(resource.arm_!.id.toLowerCase());
        resource.metrics = specs.map(spec =>
          this.series(spec, byMetric?.get(spec.metric) ?? [], resource, rules),
        );
        resource.readAt = at.toISOString();
      }
    }
  }

  private series(
    spec: MetricSpec,
    points: Array<{ at: string; value: number | null }>,
    resource: StackResource,
    rules: AlertRuleDefinition[],
  ): MetricSeries {
    // A rule on this metric of this resource sets the critical level.
    const rule = rules.find(
      r =>
        r.enabled &&
        r.scopes.some(
          s => s.toLowerCase() === resource.resourceId.toLowerCase(),
        ) &&
        r.criteria.some(
          c => c.metric.toLowerCase() === spec.metric.toLowerCase(),
        ),
    );
    const threshold = rule?.criteria.find(
      c => c.metric.toLowerCase() === spec.metric.toLowerCase(),
    )?.threshold;
    const levels =
      typeof threshold === 'number' ? { ...spec, critical: threshold } : spec;
    const latest =
      [...points].reverse().find(p => p.value !== null)?.value ?? null;
    return {
      metric: spec.metric,
      label: spec.label,
      unit: spec.unit,
      aggregation: spec.aggregation,
      points,
      latest,
      health: seriesHealth(levels, latest),
    };
  }

  private describeRule(
    rule: AlertRuleDefinition,
    lastFired: Map<string, string>,
  ): StackAlertRule {
    const condition = rule.criteria
      .map(
        c =>
          `${c.aggregation} ${c.metric} ${
            OPERATORS[c.operator.toLowerCase()] ?? c.operator
          } ${c.threshold ?? 'dynamic'}`,
      )
      .join(' and ');
    return {
      id: rule.id,
      name: rule.name,
      description: rule.description,
      severity: SEVERITIES[rule.severity] ?? 'Sev4',
      enabled: rule.enabled,
      condition: rule.windowSize
        ? `${condition} over ${windowText(rule.windowSize)}`
        : condition,
      criteria: rule.criteria,
      targetResourceIds: rule.scopes,
      actionGroupIds: rule.actionGroupIds,
      lastFiredAt: lastFired.get(rule.name.toLowerCase()) ?? null,
    };
  }

  private problem(
    source: StackSource,
    target: string | null,
    error: unknown,
    at: string,
  ): StackProblem {
    const details = error instanceof StackReadError ? error.details : undefined;
    const status = details?.status;
    const role = status === 403 ? requiredRoleFor(source) : null;
    let message = (error as Error).message;
    if (role) {
      message = `Azure refused to let the backend read ${target ?? source} (${
        details?.code ?? '403'
      }): its identity needs ${role}. ${message}`;
    } else if (status === 429) {
      message = `Azure is throttling ${source} reads${
        details?.retryAfterSeconds
          ? `; retry after ${details.retryAfterSeconds} s`
          : ''
      }: the values shown are the last known ones. ${message}`;
    }
    return {
      source,
      target,
      message,
      code: details?.code ?? null,
      requiredRole: role,
      at,
    };
  }
}
