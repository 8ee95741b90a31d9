import { SreControlCenterClient } from '../api/SreControlCenterClient';

/** Where the fake discovery API puts the backend. */
export const FAKE_BACKEND_URL = 'http://localhost:7007/api/sre-control-center';

/** A client over a fetch that records each call and answers `body` with `status`. */
export function clientAnswering(status: number, body: unknown) {
  const calls: Array<{ url: string; method: string; body?: unknown }> = [];
  const client = new SreControlCenterClient({
    discoveryApi: { getBaseUrl: async () => FAKE_BACKEND_URL },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({
          url,
          method: init?.method ?? 'GET',
          body: init?.body ? JSON.parse(String(init.body)) : undefined,
        });
        const text = JSON.stringify(body);
        return {
          ok: status < 400,
          status,
          statusText: String(status),
          url,
          type: 'basic',
          redirected: false,
          headers: new Map([['content-type', 'application/json']]),
          json: async () => body,
          text: async () => text,
        };
      }) as unknown as typeof fetch,
    },
  });
  return { client, calls };
}
