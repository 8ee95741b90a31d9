import type { RunningEmulator } from './index';

/**
 * The incidents `npm start` plays so the portal has live data: one every
 * interval, round-robin. Metric alerts resolve by themselves later.
 */
export const DEMO_SCENARIOS = [
  'sre-agent-incident',
  'high-response-time',
  'http-5xx',
  'high-cpu',
  'db-connection-failures',
];

export function startDemoLoop(
  emulator: RunningEmulator,
  options: {
    intervalMs: number;
    firstAfterMs: number;
    log: (msg: string) => void;
  },
): () => void {
  let next = 0;
  const play = () => {
    const name = DEMO_SCENARIOS[next++ % DEMO_SCENARIOS.length];
    emulator.runScenario(name).then(
      () => options.log(`demo: played scenario ${name}`),
      err => options.log(`demo: scenario ${name} failed: ${err}`),
    );
  };
  const first = setTimeout(play, options.firstAfterMs);
  const every = setInterval(play, options.intervalMs);
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
