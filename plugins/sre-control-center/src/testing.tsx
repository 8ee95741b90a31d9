import type { Entity } from '@backstage/catalog-model';
import type {
  Alert,
  CostSummary,
  Page,
} from '@internal/plugin-sre-control-center-common';
import type { SreControlCenterApi } from './api';

/** The Mindful Moments System as catalog-info.yaml declares it. */
export const mindfulMomentsSystem: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: {
    name: 'mindful-moments',
    namespace: 'default',
    annotations: {
      'sre-control-center/azure-resource-group':
        '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev',
      'sre-control-center/budget': 'budget-mindful-moments-dev',
      'github.com/project-slug': 'mindful-moments/mindful-moments',
    },
  },
  spec: { owner: 'group:default/mindful-moments-team' },
};

/** An in-memory API whose alert list the test decides; records what was asked. */
export function fakeApi(
  alerts: Alert[] = [],
  costs?: CostSummary,
): SreControlCenterApi & {
  requests: unknown[];
} {
  const requests: unknown[] = [];
  return {
    requests,
    async health() {
      return { status: 'ok' };
    },
    async listAlerts(request): Promise<Page<Alert>> {
      requests.push(request);
      return { items: alerts, nextCursor: null };
    },
    async acknowledgeAlert(id) {
      requests.push({ acknowledge: id });
      const alert = alerts.find(a => a.id === id)!;
      return {
        alert: {
          ...alert,
          state: 'Acknowledged',
          updatedAt: new Date().toISOString(),
        },
        changed: true,
      };
    },
    async getCosts(entityRef) {
      requests.push({ costs: entityRef });
      return costs;
    },
    async closeAlert(id) {
      requests.push({ close: id });
      const alert = alerts.find(a => a.id === id)!;
      return {
        alert: {
          ...alert,
          state: 'Closed',
          updatedAt: new Date().toISOString(),
        },
        changed: true,
      };
    },
  };
}

export const sampleAlert: Alert = {
  id: '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/providers/microsoft.alertsmanagement/alerts/1',
  entityRef: 'system:default/mindful-moments',
  name: 'alert-high-response-time',
  severity: 'Sev2',
  state: 'New',
  monitorCondition: 'Fired',
  targetResourceId: null,
  description: null,
  firedAt: '2026-11-28T10:00:00.000Z',
  resolvedAt: null,
  updatedAt: '2026-11-28T10:00:00.000Z',
};

export const sampleCosts: CostSummary = {
  entityRef: 'system:default/mindful-moments',
  currency: 'EUR',
  period: { from: '2026-11-01', to: '2026-11-30' },
  monthToDate: 101.5,
  forecast: 131.2,
  budget: {
    name: 'budget-mindful-moments-dev',
    amount: 120,
    percentUsed: 84.58,
    forecastPercent: 109.33,
    thresholds: [
      { percent: 80, basis: 'Actual', crossed: true },
      { percent: 100, basis: 'Actual', crossed: false },
    ],
  },
  byService: [
    { name: 'Azure App Service', cost: 48.1 },
    { name: 'Azure Database for PostgreSQL', cost: 38.4 },
  ],
  byResource: [
    {
      resourceId:
        '/subscriptions/s/resourcegroups/rg/providers/microsoft.web/serverfarms/asp-mindful-moments-dev',
      name: 'asp-mindful-moments-dev',
      cost: 48.1,
    },
  ],
  daily: [{ date: '2026-11-01', cost: 4.1 }],
  refreshedAt: '2026-11-28T10:00:00.000Z',
  lastError: null,
};

/** Two of the Mindful Moments Resources, as catalog-info.yaml declares them. */
export const mindfulMomentsResources = [
  'app-mindful-moments-dev',
  'psql-mindful-moments-dev',
].map(name => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name,
    namespace: 'default',
    annotations: {
      'sre-control-center/azure-resource-id': `/subscriptions/s/resourceGroups/rg/providers/x/${name}`,
    },
  },
  spec: {
    type: name.startsWith('app')
      ? 'azure-app-service'
      : 'azure-postgresql-flexible-server',
    system: 'mindful-moments',
  },
}));

/** The System with hasPart relations to its Resources, as the catalog returns it. */
export const mindfulMomentsSystemWithParts: Entity = {
  ...mindfulMomentsSystem,
  relations: mindfulMomentsResources.map(r => ({
    type: 'hasPart',
    targetRef: `resource:default/${r.metadata.name}`,
  })),
};
