import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { HealthResponse } from '@sre-control-center/plugin-sre-control-center-common';
import express from 'express';
import Router from 'express-promise-router';
import type { AlertCommands, AlertRepository } from '../domain/alerts';
import type { AuditTrail } from '../domain/audit';
import type { CostSnapshotStore } from '../domain/costs/ports';
import type { DeliveryRegistry, Inbox } from '../domain/inbox/ports';
import type { MaintenanceWindows } from '../domain/maintenance';
import type { DeploymentRecorder } from '../domain/deployments';
import type { EscalationEngine } from '../domain/escalation';
import type { StackReader } from '../domain/stack/StackReader';
import type { TimelineEntrySource, TimelineSource } from '../domain/timeline';
import { createAlertRoutes } from './alertRoutes';
import { createCostRoutes } from './costRoutes';
import { createDeliveryRoutes } from './deliveryRoutes';
import {
  createDeploymentWebhookRouter,
  type DeploymentWebhookAuthOptions,
} from './deploymentWebhook';
import { createErrorHandler } from './errorHandler';
import { createGithubWebhookRouter } from './githubWebhook';
import { createEscalationRoutes } from './escalationRoutes';
import {
  createPhoneWebhookRouter,
  type PhoneWebhookOptions,
} from './phoneWebhooks';
import { createHistoryRoutes } from './historyRoutes';
import { createIssueRoutes } from './issueRoutes';
import type { IssueArea } from './issueArea';
import { createMaintenanceRoutes } from './maintenanceRoutes';
import { createRunRoutes, type RunRoutesOptions } from './runRoutes';
import { createStackRoutes } from './stackRoutes';
import type { SystemAccess } from './systemAccess';
import {
  createWebhookAuthenticator,
  type EntraWebhookAuth,
} from './webhookAuth';
import { createWebhookRouter } from './webhookRouter';
import { alertmanagerWebhook, azureMonitorWebhook } from './webhooks';

export interface RouterOptions {
  logger: LoggerService;
  access: SystemAccess;
  alerts: AlertRepository;
  commands: AlertCommands;
  inbox: Inbox;
  deliveries: DeliveryRegistry;
  audit: AuditTrail;
  costs: CostSnapshotStore;
  maintenance: MaintenanceWindows;
  timeline: TimelineSource;
  timelineSources: TimelineEntrySource[];
  stack: Pick<StackReader, 'snapshot'>;
  deployments: DeploymentRecorder;
  deploymentAuth: DeploymentWebhookAuthOptions;
  runbooks: Omit<RunRoutesOptions, 'access' | 'alerts'>;
  issues: Pick<IssueArea, 'reader' | 'opener' | 'webhookSecrets'>;
  escalations: EscalationEngine;
  /** The phone providers' callbacks (`/webhooks/acs`, `/webhooks/twilio`). */
  phoneWebhooks: Omit<PhoneWebhookOptions, 'engine' | 'logger'>;
  /** Whether the catalog has this System: webhooks may only name those. */
  isSystem(entityRef: string): Promise<boolean>;
  webhookToken?: string;
  /** Azure's secure webhook: Entra ID bearer tokens accepted besides ?token=. */
  entraWebhookAuth?: EntraWebhookAuth;
  /** Called after a webhook delivery is stored (or requeued), to process it soon. */
  onDelivery?: () => void;
  /** Called after an operator requeued a delivery: the operators' pages reload. */
  onOperationsChanged?: () => void;
}

/** The plugin's HTTP API; see the README's API section. */
export function createRouter(options: RouterOptions): express.Router {
  const router = Router();
  const { access } = options;

  // Webhooks first: they read their own raw bodies.
  const webhooks = {
    authenticate: createWebhookAuthenticator({
      webhookToken: options.webhookToken,
      entra: options.entraWebhookAuth,
    }),
    inbox: options.inbox,
    isSystem: options.isSystem,
    onDelivery: options.onDelivery,
  };
  router.use(createWebhookRouter(azureMonitorWebhook, webhooks));
  router.use(createWebhookRouter(alertmanagerWebhook, webhooks));
  router.use(
    createDeploymentWebhookRouter({
      recorder: options.deployments,
      auth: options.deploymentAuth,
    }),
  );
  router.use(
    createGithubWebhookRouter({
      secrets: options.issues.webhookSecrets,
      inbox: options.inbox,
      onDelivery: options.onDelivery,
    }),
  );
  router.use(
    createPhoneWebhookRouter({
      ...options.phoneWebhooks,
      engine: options.escalations,
      logger: options.logger,
    }),
  );
  router.use(express.json({ limit: '64kb' }));

  router.get('/health', (_req, res) => {
    const body: HealthResponse = { status: 'ok' };
    res.json(body);
  });

  router.use(
    createAlertRoutes({
      ...options,
      withIssues: alerts => options.issues.reader.withIssues(alerts),
    }),
  );
  router.use(
    createRunRoutes({ ...options.runbooks, access, alerts: options.alerts }),
  );
  router.use(createMaintenanceRoutes(options));
  router.use(createCostRoutes(options));
  router.use(createHistoryRoutes(options));
  router.use(createStackRoutes(options));
  router.use(createIssueRoutes(options));
  router.use(
    createEscalationRoutes({ access, escalations: options.escalations }),
  );
  router.use(
    createDeliveryRoutes({
      ...options,
      onRetry: () => {
        options.onDelivery?.();
        options.onOperationsChanged?.();
      },
    }),
  );

  // Anything else under the plugin is a JSON 404, not Express's HTML page.
  router.use((req, _res) => {
    throw new NotFoundError(`No route ${req.method} ${req.baseUrl}${req.path}`);
  });
  router.use(createErrorHandler({ logger: options.logger }));
  return router;
}
