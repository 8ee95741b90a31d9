import type {
  ClaimedDelivery,
  DeliveryHandler,
  DeliveryOutcome,
  HandledDelivery,
  InboxQueue,
} from './ports';
import { BATCH_SIZE, InboxProcessor, MAX_ATTEMPTS } from './InboxProcessor';

/** A queue in memory with the claim/settle promises of the port. */
class FakeQueue implements InboxQueue {
  readonly rows: Array<
    ClaimedDelivery & { status: string; due: number; error?: string }
  > = [];
  claims = 0;

  add(body: string, source: ClaimedDelivery['source'] = 'azure-monitor') {
    this.rows.push({
      id: String(this.rows.length + 1),
      source,
      kind: 'common-alert',
      body,
      receivedAt: new Date(0),
      entityRef: null,
      attempts: 0,
      status: 'pending',
      due: 0,
    });
  }

  async claim(options: { limit: number; now: Date }) {
    this.claims++;
    const due = this.rows
      .filter(r => r.status === 'pending' && r.due <= options.now.getTime())
      .slice(0, options.limit);
    for (const r of due) r.attempts++;
    return due.map(({ status: _s, due: _d, error: _e, ...d }) => ({ ...d }));
  }

  async settle(_holder: string, outcomes: DeliveryOutcome[]) {
    for (const o of outcomes) {
      const row = this.rows.find(r => r.id === o.id)!;
      row.error = o.error;
      if (o.status === 'retry') {
        row.status = 'pending';
        row.due = o.nextAttemptAt.getTime();
      } else {
        row.status = o.status;
      }
    }
  }

  status(id: string) {
    return this.rows.find(r => r.id === id)!.status;
  }
}

/** Applies bodies that are "ok"; throws for "boom" (one bad delivery spoils a whole batch). */
class BatchHandler implements DeliveryHandler {
  readonly sources = ['azure-monitor'] as const;
  readonly applied: string[] = [];
  batches = 0;

  async handle(deliveries: ClaimedDelivery[]): Promise<HandledDelivery[]> {
    this.batches++;
    if (deliveries.some(d => d.body === 'boom')) {
      // As deep recursion does: not an error the handler could catch itself.
      throw new RangeError('Maximum call stack size exceeded');
    }
    this.applied.push(...deliveries.map(d => d.id));
    return deliveries.map(d => ({ id: d.id, ok: true as const }));
  }
}

function setup() {
  const queue = new FakeQueue();
  const handler = new BatchHandler();
  let now = 0;
  const givenUp: string[] = [];
  const processor = new InboxProcessor({
    queue,
    handlers: [handler],
    holder: 'test',
    now: () => new Date(now),
    onGivenUp: d => givenUp.push(d.id),
  });
  return {
    queue,
    handler,
    processor,
    givenUp,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('InboxProcessor', () => {
  it('applies a batch in one call', async () => {
    const { queue, handler, processor } = setup();
    for (let i = 0; i < 10; i++) queue.add('ok');
    await processor.drain();
    expect(handler.batches).toBe(1);
    expect(handler.applied).toHaveLength(10);
    expect(queue.rows.every(r => r.status === 'processed')).toBe(true);
  });

  it('sets a delivery that always throws aside after its attempts, never holding up the 100 behind it', async () => {
    const { queue, handler, processor, advance, givenUp } = setup();
    queue.add('boom');
    for (let i = 0; i < 100; i++) queue.add('ok');
    await processor.drain();
    // The good ones went through at once, around the bad one.
    expect(handler.applied).toHaveLength(100);
    expect(queue.status('1')).toBe('pending');
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      advance(60_000);
      await processor.drain();
    }
    expect(queue.status('1')).toBe('failed');
    expect(queue.rows[0].error).toBe(
      'RangeError: Maximum call stack size exceeded',
    );
    expect(queue.rows[0].attempts).toBe(MAX_ATTEMPTS);
    expect(givenUp).toEqual(['1']);
    // Failed means left alone.
    advance(3_600_000);
    await processor.drain();
    expect(queue.rows[0].attempts).toBe(MAX_ATTEMPTS);
  });

  it('backs off between attempts, the last within about two minutes', async () => {
    const { queue, processor, advance } = setup();
    queue.add('boom');
    const attemptsAt: number[] = [];
    let t = 0;
    for (let step = 0; step < 200; step++) {
      const before = queue.rows[0].attempts;
      await processor.drain();
      if (queue.rows[0].attempts > before) attemptsAt.push(t);
      if (queue.status('1') === 'failed') break;
      advance(1_000);
      t += 1_000;
    }
    expect(attemptsAt).toEqual([0, 5_000, 20_000, 50_000, 110_000]);
  });

  it('claims again until nothing is due', async () => {
    const { queue, handler, processor } = setup();
    for (let i = 0; i < BATCH_SIZE + 3; i++) queue.add('ok');
    await processor.drain();
    expect(handler.applied).toHaveLength(BATCH_SIZE + 3);
    expect(handler.batches).toBe(2);
  });

  it('settles deliveries of a source nobody handles, with a note', async () => {
    const { queue, processor } = setup();
    queue.add('ok', 'github');
    await processor.drain();
    expect(queue.rows[0]).toMatchObject({
      status: 'processed',
      error: 'no handler for github deliveries',
    });
  });
});
