import { ResponseError } from '@backstage/errors';
import {
  FAKE_BACKEND_URL,
  clientAnswering,
  sampleRun,
  scaleRunbook,
} from '../__testUtils__';

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
      `GET ${FAKE_BACKEND_URL}/runbooks?entityRef=system%3Adefault%2Fmindful-moments`,
      `GET ${FAKE_BACKEND_URL}/runs?entityRef=system%3Adefault%2Fmindful-moments&limit=20`,
      `GET ${FAKE_BACKEND_URL}/timeline?entityRef=system%3Adefault%2Fmindful-moments`,
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
        url: `${FAKE_BACKEND_URL}/runs`,
        method: 'POST',
        body: { entityRef, runbookId: scaleRunbook.id },
      },
      {
        url: `${FAKE_BACKEND_URL}/runs/run%2F1/approve`,
        method: 'POST',
        body: { confirmOverBudget: true },
      },
      {
        url: `${FAKE_BACKEND_URL}/runs/run-1/approve`,
        method: 'POST',
        body: {},
      },
      {
        url: `${FAKE_BACKEND_URL}/runs/run-1/reject`,
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
