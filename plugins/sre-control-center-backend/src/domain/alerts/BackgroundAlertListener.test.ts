import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { BackgroundAlertListener } from './BackgroundAlertListener';

const alert = (id: string, version: number) =>
  ({ id, entityRef: 'system:default/a', version } as unknown as Alert);

/** A publisher whose messages complete only when the test says so. */
function gatedPublisher() {
  const messages: Alert[][] = [];
  const gates: Array<() => void> = [];
  return {
    messages,
    release: () => gates.shift()?.(),
    publisher: {
      alertsChanged: (alerts: Alert[]) => {
        messages.push(alerts);
        return new Promise<void>(resolve => gates.push(resolve));
      },
    },
  };
}

describe('BackgroundAlertListener', () => {
  it('returns before the message is published', async () => {
    const gated = gatedPublisher();
    const coalescing = new BackgroundAlertListener(gated.publisher, fail);
    await coalescing.alertsChanged([alert('a', 1)]);
    expect(gated.messages).toEqual([[alert('a', 1)]]);
    gated.release();
    await coalescing.idle();
  });

  it('merges what arrives while a message is on its way, newest version of each alert', async () => {
    const gated = gatedPublisher();
    const coalescing = new BackgroundAlertListener(gated.publisher, fail);
    await coalescing.alertsChanged([alert('a', 1)]);
    await coalescing.alertsChanged([alert('a', 2), alert('b', 1)]);
    await coalescing.alertsChanged([alert('b', 2)]);
    expect(gated.messages).toHaveLength(1);
    gated.release();
    await new Promise(setImmediate);
    expect(gated.messages[1]).toEqual([alert('a', 2), alert('b', 2)]);
    gated.release();
    await coalescing.idle();
    expect(gated.messages).toHaveLength(2);
  });

  it('reports a failed message and goes on with the next', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const coalescing = new BackgroundAlertListener(
      {
        alertsChanged: async () => {
          calls++;
          if (calls === 1) throw new Error('bus down');
        },
      },
      error => errors.push(error),
    );
    await coalescing.alertsChanged([alert('a', 1)]);
    await coalescing.idle();
    await coalescing.alertsChanged([alert('b', 1)]);
    await coalescing.idle();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('bus down')]);
  });
});

function fail(error: unknown): never {
  throw error;
}
