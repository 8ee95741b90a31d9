import {
  FAKE_BACKEND_URL,
  clientAnswering,
  failedDelivery,
  stackSnapshot,
} from '../__testUtils__';
import { SreControlCenterClient } from './SreControlCenterClient';

describe('SreControlCenterClient', () => {
  const entityRef = 'system:default/mindful-moments';

  it('reads the stack snapshot, and undefined while there is none (404)', async () => {
    const snapshot = stackSnapshot();
    const ok = clientAnswering(200, snapshot);
    await expect(ok.client.getStack(entityRef)).resolves.toEqual(snapshot);
    expect(ok.calls[0].url).toBe(
      `${FAKE_BACKEND_URL}/stack?entityRef=system%3Adefault%2Fmindful-moments`,
    );
    const none = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'No stack snapshot yet' },
    });
    await expect(none.client.getStack(entityRef)).resolves.toBeUndefined();
    const down = clientAnswering(503, {
      error: { name: 'ServiceUnavailableError', message: 'down' },
    });
    await expect(down.client.getStack(entityRef)).rejects.toThrow();
  });

  it("calls the operators' routes with -common's request shapes", async () => {
    const { client, calls } = clientAnswering(200, {
      items: [],
      nextCursor: null,
    });
    await client.listUnroutedAlerts({ limit: 200 });
    await client.listDeliveries({ status: 'pending', limit: 50 });
    await client.listDeliveries();
    const retry = clientAnswering(200, failedDelivery);
    await expect(retry.client.retryDelivery('42')).resolves.toEqual(
      failedDelivery,
    );
    expect([...calls, ...retry.calls].map(c => `${c.method} ${c.url}`)).toEqual(
      [
        `GET ${FAKE_BACKEND_URL}/alerts?unrouted=true&limit=200`,
        `GET ${FAKE_BACKEND_URL}/deliveries?status=pending&limit=50`,
        `GET ${FAKE_BACKEND_URL}/deliveries?`,
        `POST ${FAKE_BACKEND_URL}/deliveries/42/retry`,
      ],
    );
  });

  it('shares a GET asked for together, and asks again when asked later', async () => {
    const { client, calls } = clientAnswering(200, { items: [] });
    const [first, second] = await Promise.all([
      client.listIssues(entityRef),
      client.listIssues(entityRef),
    ]);
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
    await new Promise(resolve => setTimeout(resolve, 0));
    await client.listIssues(entityRef);
    await client.listIssues('system:default/other');
    expect(calls).toHaveLength(3);
  });

  it('does not hand a later GET the answer of one still in flight', async () => {
    // A reload after a signal must not get an answer read before the change.
    let fetches = 0;
    const release: Array<() => void> = [];
    const client = new SreControlCenterClient({
      discoveryApi: { getBaseUrl: async () => FAKE_BACKEND_URL },
      fetchApi: {
        fetch: (() => {
          fetches += 1;
          return new Promise(resolve =>
            release.push(() =>
              resolve({ ok: true, json: async () => ({ items: [] }) }),
            ),
          );
        }) as unknown as typeof fetch,
      },
    });
    const first = client.listIssues(entityRef);
    await new Promise(resolve => setTimeout(resolve, 0));
    const later = client.listIssues(entityRef);
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(fetches).toBe(2);
    release.forEach(r => r());
    await Promise.all([first, later]);
  });
});
