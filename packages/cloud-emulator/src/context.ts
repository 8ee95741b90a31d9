import { EmulatorState } from './world/state';

/** Delays used by scenarios; tests shrink them to milliseconds. */
export interface ScenarioDelays {
  /** How long a fired metric alert stays fired before it resolves. */
  resolveAfterMs: number;
  /** How long the SRE agent takes to acknowledge a new alert. */
  agentAckAfterMs: number;
}

export interface EmulatorContext {
  state: EmulatorState;
  now(): Date;
  /** Base URL the emulator listens on; set once the server is listening. */
  baseUrl: string;
  actionGroupWebhookUrl?: string;
  githubWebhookUrl?: string;
  githubWebhookSecret?: string;
  retryDelaysMs: number[];
  delays: ScenarioDelays;
  /** Runs work in the background but lets `whenIdle`/`close` find it. */
  track<T>(work: Promise<T>): Promise<T>;
  /** setTimeout that `close` cancels and `whenIdle` waits for. */
  schedule(delayMs: number, work: () => Promise<unknown> | void): void;
  sleep(ms: number): Promise<void>;
  /** True once the emulator is closing; background loops stop then. */
  isClosed(): boolean;
}

export interface TaskTracker {
  track<T>(work: Promise<T>): Promise<T>;
  schedule(delayMs: number, work: () => Promise<unknown> | void): void;
  sleep(ms: number): Promise<void>;
  whenIdle(): Promise<void>;
  cancelAll(): void;
  isClosed(): boolean;
}

export function createTaskTracker(): TaskTracker {
  const pending = new Set<Promise<unknown>>();
  const timers = new Map<NodeJS.Timeout, () => void>();
  let cancelled = false;

  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    const done = () => pending.delete(work);
    work.then(done, done);
    return work;
  };

  return {
    track,
    schedule(delayMs, work) {
      if (cancelled) return;
      let resolveTimer: () => void = () => {};
      const timerDone = new Promise<void>(resolve => {
        resolveTimer = resolve;
      });
      const timer = setTimeout(() => {
        timers.delete(timer);
        track(Promise.resolve().then(work)).then(resolveTimer, resolveTimer);
      }, delayMs);
      timers.set(timer, resolveTimer);
      track(timerDone);
    },
    sleep(ms) {
      return new Promise<void>(resolve => {
        if (cancelled) {
          resolve();
          return;
        }
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.set(timer, resolve);
      });
    },
    async whenIdle() {
      while (pending.size > 0) {
        await Promise.allSettled([...pending]);
      }
    },
    isClosed() {
      return cancelled;
    },
    cancelAll() {
      cancelled = true;
      for (const [timer, release] of timers) {
        clearTimeout(timer);
        release();
      }
      timers.clear();
    },
  };
}
