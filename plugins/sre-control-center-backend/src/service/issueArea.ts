import type {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogSystemRepositoryDirectory } from '../adapters/catalog/CatalogSystemRepositoryDirectory';
import { GithubIssueDeliveries } from '../adapters/github/GithubIssueDeliveries';
import { OctokitIssueApi } from '../adapters/github/OctokitIssueApi';
import type { SreControlCenterConfig } from '../config';
import type { AuditMirror } from '../domain/audit';
import {
  IssueOpener,
  IssueReader,
  IssueSync,
  IssueTimelineSource,
  IssueTracker,
  type GithubIssueApi,
  type IssuePublisher,
} from '../domain/issues';
import type { SreControlCenterStore } from '../store/SreControlCenterStore';

/**
 * The GitHub issues area's construction: catalog directory, octokit, the
 * tracker the webhook deliveries and the sync share, the opener, the reader
 * and the timeline source.
 */
export async function createIssueArea(deps: {
  settings: SreControlCenterConfig;
  store: SreControlCenterStore;
  config: RootConfigService;
  logger: LoggerService;
  auth: AuthService;
  catalog: CatalogService;
  publisher: IssuePublisher;
  mirror: AuditMirror;
  holder: string;
  /** Tests and the benchmark put their own client here. */
  github?: GithubIssueApi;
}) {
  const { settings, store, logger } = deps;
  const github = settings.github;
  const systems = new CatalogSystemRepositoryDirectory(deps.catalog, deps.auth);
  const api =
    deps.github ?? OctokitIssueApi.fromConfig(deps.config, { logger });
  const tracker = new IssueTracker({
    store: store.issues,
    systems,
    alerts: store.alerts,
    publisher: deps.publisher,
    agentLogins: github.agentLogins,
    labels: github.labels,
    linkWindowMs: github.linkWindowHours * 3_600_000,
    onError: error => logger.warn(`Issue change not pushed: ${error}`),
  });
  const reader = new IssueReader({
    store: store.issues,
    systems,
    closedWindowDays: github.closedWindowDays,
  });
  const appBaseUrl = deps.config.getOptionalString('app.baseUrl') ?? '';
  const opener = new IssueOpener({
    store: store.issues,
    tracker,
    systems,
    github: api,
    audit: store.audit,
    mirror: deps.mirror,
    labels: github.openLabels,
    holder: deps.holder,
    portalLink: alert => {
      const ref = parseEntityRef(alert.entityRef ?? '');
      return `${appBaseUrl}/catalog/${ref.namespace}/${ref.kind}/${
        ref.name
      }/control-center?alert=${encodeURIComponent(alert.id)}`;
    },
  });
  return {
    api,
    tracker,
    reader,
    opener,
    sync: new IssueSync({
      tracker,
      store: store.issues,
      systems,
      github: api,
      closedWindowDays: github.closedWindowDays,
    }),
    deliveries: new GithubIssueDeliveries(tracker),
    timeline: new IssueTimelineSource(store.issues, reader),
    webhookSecrets: [github.webhookSecret, github.previousWebhookSecret].filter(
      (s): s is string => Boolean(s),
    ),
    syncIntervalSeconds: github.syncIntervalSeconds,
  };
}

export type IssueArea = Awaited<ReturnType<typeof createIssueArea>>;
