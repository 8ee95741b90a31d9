import { ResponseError } from '@backstage/errors';
import { sampleRun, scaleRunbook } from '../__testUtils__';
import { SreControlCenterClient } from './SreControlCenterClient';

const base = 'http://localhost:7007/api/sre-control-center';

/** A client over a fetch that records each call and answers `body` with `status`. */
function clientAnswering(status: number, body: unknown) {
  const calls: Array<{ url: string; method: string; body?: unknown }> = [];
  const client = new SreControlCenterClient({
    discoveryApi: { getBaseUrl: async () => base },
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

describe('SreControlCenterClient runbook routes', () => {
  const entityRef = 'system:default/mindful-moments';

  it('lists runbooks, runs and the timeline from their item pages', async () => {
    const { client, calls } = clientAnswering(200, { items: [scaleRunbook] });
    await expect(client.listRunbooks(entityRef)).resolves.toEqual([
      scaleRunbook,
    ]);
    await client.listRuns(entityRef, 20);
    await client.getTimeline(entityRef);
    expect(calls.map(c => `${c.method} ${c.url}`)).toEqual([
      `GET ${base}/runbooks?entityRef=system%3Adefault%2Fmindful-moments`,
      `GET ${base}/runs?entityRef=system%3Adefault%2Fmindful-moments&limit=20`,
      `GET ${base}/timeline?entityRef=system%3Adefault%2Fmindful-moments`,
    ]);
  });

  it('posts requests and decisions with only the fields given', async () => {
    const { client, calls } = clientAnswering(200, sampleRun);
    await client.requestRun({ entityRef, runbookId: scaleRunbook.id });
    await client.approveRun('run/1', { confirmOverBudget: true });
    await client.approveRun('run-1');
    await client.rejectRun('run-1', 'not now');
    expect(calls).toEqual([
      {
        url: `${base}/runs`,
        method: 'POST',
        body: { entityRef, runbookId: scaleRunbook.id },
      },
      {
        url: `${base}/runs/run%2F1/approve`,
        method: 'POST',
        body: { confirmOverBudget: true },
      },
      { url: `${base}/runs/run-1/approve`, method: 'POST', body: {} },
      {
        url: `${base}/runs/run-1/reject`,
        method: 'POST',
        body: { comment: 'not now' },
      },
    ]);
  });

  it('throws the backend error, name and message included', async () => {
    const { client } = clientAnswering(409, {
      error: { name: 'OverBudgetError', message: 'over the budget' },
      response: { statusCode: 409 },
    });
    const error = await client.approveRun('run-1').catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(409);
    expect(error.cause).toMatchObject({
      name: 'OverBudgetError',
      message: 'over the budget',
    });
  });
});
