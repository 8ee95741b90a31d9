import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { EmulatorContext, ScenarioDelays, createTaskTracker } from './context';
import { createApp } from './server';
import { ScenarioParams, runScenario } from './scenarios';
import { seedWorld } from './world/seed';
import { EmulatorState, emptyState } from './world/state';

export * from './world/constants';
export * from './phone/constants';
export { twilioSignature } from './phone/twilio';
export type { EmulatedCall } from './phone/world';
export type * from './world/state';
export { SCENARIOS } from './scenarios';
export { ALERT_RULES } from './world/alertRules';
export { signGithubPayload } from './github/webhooks';
export { emulatorCredential, useEmulatorAuth } from './azureClientAuth';

export interface EmulatorOptions {
  /** 0 picks a free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where common-alert-schema webhooks are POSTed (full URL incl. ?token=). */
  actionGroupWebhookUrl?: string;
  /** Where GitHub issues/issue_comment webhooks are POSTed. */
  githubWebhookUrl?: string;
  /** HMAC secret for X-Hub-Signature-256. */
  githubWebhookSecret?: string;
  /** Action-group retries on 408/429/5xx; default [10_000, 100_000]. */
  retryDelaysMs?: number[];
  /** Default true: the seeded Mindful Moments world. */
  seed?: boolean;
  /** Clock injection for tests. */
  now?: () => Date;
  /** Scenario timings; defaults 5 minutes to resolve, 45 s for the agent to acknowledge. */
  scenarioDelays?: Partial<ScenarioDelays>;
}

export interface RunningEmulator {
  url: string;
  state: EmulatorState;
  close(): Promise<void>;
  runScenario(name: string, params?: ScenarioParams): Promise<unknown>;
  /** Resolves once scheduled scenario steps and webhook deliveries are done. */
  whenIdle(): Promise<void>;
  /** Points GitHub webhook deliveries somewhere else (a backend started after the emulator). */
  setGithubWebhook(url: string | undefined, secret?: string): void;
}

export async function startCloudEmulator(
  options: EmulatorOptions = {},
): Promise<RunningEmulator> {
  const now = options.now ?? (() => new Date());
  const seed = () =>
    seedWorld(now(), {
      controlCenterWebhookUrl: options.actionGroupWebhookUrl,
    });
  const tracker = createTaskTracker();
  const ctx: EmulatorContext = {
    state: options.seed === false ? emptyState() : seed(),
    now,
    baseUrl: '',
    actionGroupWebhookUrl: options.actionGroupWebhookUrl,
    githubWebhookUrl: options.githubWebhookUrl,
    githubWebhookSecret: options.githubWebhookSecret,
    retryDelaysMs: options.retryDelaysMs ?? [10_000, 100_000],
    delays: {
      resolveAfterMs: options.scenarioDelays?.resolveAfterMs ?? 5 * 60_000,
      agentAckAfterMs: options.scenarioDelays?.agentAckAfterMs ?? 45_000,
    },
    track: tracker.track,
    schedule: tracker.schedule,
    sleep: tracker.sleep,
    isClosed: tracker.isClosed,
  };
  const emulator: RunningEmulator = {
    url: '',
    state: ctx.state,
    close: async () => {},
    runScenario: async (name, params) => runScenario(ctx, name, params),
    whenIdle: () => tracker.whenIdle(),
    setGithubWebhook: (url, secret) => {
      ctx.githubWebhookUrl = url;
      if (secret !== undefined) ctx.githubWebhookSecret = secret;
    },
  };
  const reset = () => {
    const fresh = options.seed === false ? emptyState() : seed();
    // Keep the same object so references held by callers stay live.
    Object.assign(ctx.state, fresh);
  };
  const app = createApp(ctx, { reset });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(options.port ?? 0, options.host ?? '127.0.0.1', () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  ctx.baseUrl = `http://${host}:${address.port}`;
  emulator.url = ctx.baseUrl;
  emulator.close = async () => {
    tracker.cancelAll();
    await tracker.whenIdle();
    server.closeAllConnections();
    await new Promise<void>(resolve => server.close(() => resolve()));
  };
  return emulator;
}
export { terraformOutputs, STACK_RESOURCES } from './world/terraformOutputs';
