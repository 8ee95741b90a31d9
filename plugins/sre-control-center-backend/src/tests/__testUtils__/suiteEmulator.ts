import {
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';

/**
 * The cloud emulator for the enclosing `describe`: started in its
 * `beforeAll`, closed in its `afterAll`. Call it where the suite declares
 * its variables; the returned object stands for the running emulator.
 */
export function suiteEmulator(): RunningEmulator {
  let running: RunningEmulator | undefined;
  beforeAll(async () => {
    running = await startCloudEmulator();
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as RunningEmulator, {
    get(_target, key) {
      if (!running) throw new Error('The emulator starts in beforeAll');
      const value = Reflect.get(running, key);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
