import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { CatalogPeopleDirectory } from '../adapters/catalog/CatalogPeopleDirectory';
import { BackstageEscalationNotifier } from '../adapters/notifications/BackstageEscalationNotifier';
import { AcsPhoneCaller } from '../adapters/phone/AcsPhoneCaller';
import { TwilioPhoneCaller } from '../adapters/phone/TwilioPhoneCaller';
import type { EscalationConfig } from '../escalationConfig';
import type { AlertCommands, AlertRepository } from '../domain/alerts';
import type { AuditMirror } from '../domain/audit';
import {
  EscalationEngine,
  type EscalationPolicy,
  type EscalationPublisher,
  type EscalationStore,
  type OnCallSchedule,
  type PhoneCaller,
} from '../domain/escalation';
import type { MaintenanceWindows } from '../domain/maintenance';
import {
  createAcsCallbackVerifier,
  type PhoneWebhookOptions,
} from './phoneWebhooks';

/** The configured policies in the domain's words. */
export function policiesOf(config: EscalationConfig): EscalationPolicy[] {
  return config.policies.map(p => ({
    name: p.name,
    entityRef: p.system,
    high: p.urgency.high,
    low: p.urgency.low,
    levels: p.levels,
    repeat: p.repeat,
    repeatAfterMinutes: p.repeatAfterMinutes,
    quietHours: p.quietHours,
  }));
}

export function schedulesOf(config: EscalationConfig): OnCallSchedule[] {
  return config.schedules.map(s => ({ ...s }));
}

/**
 * The escalation engine on the store, the catalog (phone numbers), Backstage
 * notifications, the configured phone provider and the alert commands (a
 * key press acknowledges through them, so Azure is changed first).
 */
export function createEscalation(deps: {
  config: EscalationConfig;
  store: EscalationStore;
  alerts: AlertRepository;
  commands: () => AlertCommands;
  maintenance: () => MaintenanceWindows;
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  publisher: EscalationPublisher;
  mirror: AuditMirror;
  logger: LoggerService;
  holder: string;
  /** The plugin's public base URL, for the providers' callbacks. */
  callbackBaseUrl: () => Promise<string>;
}) {
  const { config } = deps;
  let base = '';
  const resolveBase = async () => {
    base ||= (
      config.phone?.callbackBaseUrl ?? (await deps.callbackBaseUrl())
    ).replace(/\/$/, '');
    return base;
  };
  let phone: PhoneCaller | undefined;
  const webhooks: Omit<PhoneWebhookOptions, 'engine' | 'logger'> = {};
  if (config.phone?.provider === 'acs' && config.phone.acs) {
    const acs = new AcsPhoneCaller(
      config.phone.acs,
      attempt => `${base}/webhooks/acs?attempt=${attempt}`,
    );
    phone = acs;
    webhooks.acs = {
      caller: acs,
      verify: createAcsCallbackVerifier({
        openIdConfigurationUrl: config.phone.acs.openIdConfigurationUrl,
        audience: config.phone.acs.resourceId,
      }),
    };
  } else if (config.phone?.provider === 'twilio' && config.phone.twilio) {
    const twilio = new TwilioPhoneCaller(
      config.phone.twilio,
      (attempt, event) =>
        `${base}/webhooks/twilio?attempt=${attempt}&event=${event}`,
    );
    phone = twilio;
    webhooks.twilio = { caller: twilio, callbackBaseUrl: resolveBase };
  }
  const caller: PhoneCaller | undefined = phone && {
    provider: phone.provider,
    call: async request => {
      await resolveBase();
      return phone!.call(request);
    },
  };

  const engine = new EscalationEngine({
    policies: policiesOf(config),
    schedules: schedulesOf(config),
    store: deps.store,
    alerts: deps.alerts,
    notifier: new BackstageEscalationNotifier(deps.notifications),
    phone: caller,
    people: new CatalogPeopleDirectory(deps.catalog, deps.auth),
    maintenance: {
      activeWindow: async entityRef => {
        const windows = await deps.maintenance().list(entityRef);
        return windows[0];
      },
    },
    acknowledger: {
      acknowledge: async (alertId, actor, comment) => {
        await deps
          .commands()
          .changeState(alertId, 'Acknowledged', actor, comment);
      },
    },
    publisher: deps.publisher,
    mirror: deps.mirror,
    holder: deps.holder,
    ackKey: config.ackKey,
    onError: error => deps.logger.warn(`Escalation step failed: ${error}`),
  });
  return { engine, webhooks };
}
