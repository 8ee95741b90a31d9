import { startDemoLoop } from './demo';
import { startCloudEmulator } from './index';

async function main() {
  const emulator = await startCloudEmulator({
    port: Number(process.env.EMULATOR_PORT ?? 7010),
    host: process.env.EMULATOR_HOST ?? '127.0.0.1',
    actionGroupWebhookUrl: process.env.EMULATOR_ACTION_GROUP_URL || undefined,
    githubWebhookUrl: process.env.EMULATOR_GITHUB_WEBHOOK_URL || undefined,
    githubWebhookSecret:
      process.env.EMULATOR_GITHUB_WEBHOOK_SECRET || undefined,
  });
  // eslint-disable-next-line no-console
  console.log(`cloud-emulator listening on ${emulator.url}`);
  // EMULATOR_DEMO_INTERVAL_SECONDS=N plays an incident every N seconds.
  const demoSeconds = Number(process.env.EMULATOR_DEMO_INTERVAL_SECONDS ?? 0);
  const stopDemo =
    demoSeconds > 0
      ? startDemoLoop(emulator, {
          intervalMs: demoSeconds * 1000,
          firstAfterMs: 20_000,
          // eslint-disable-next-line no-console
          log: msg => console.log(`cloud-emulator ${msg}`),
        })
      : () => {};
  const stop = () => {
    stopDemo();
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch(err => {
  // eslint-disable-next-line no-console
  console.error(err);
  process.exit(1);
});
