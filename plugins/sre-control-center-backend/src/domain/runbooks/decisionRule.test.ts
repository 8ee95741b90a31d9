import { decisionFor } from './decisionRule';
import type { RunRecord } from './types';

const now = new Date('2026-11-30T10:00:00Z');
const run = (overrides: Partial<RunRecord> = {}) =>
  ({
    status: 'pending_approval',
    requestedBy: 'user:default/sam.dev',
    expiresAt: '2026-11-30T11:00:00.000Z',
    ...overrides,
  } as RunRecord);
const context = {
  permitted: true,
  actor: 'user:default/alex.sre',
  distinctApprover: true,
  now,
};

describe('decisionFor', () => {
  it('lets an approver decide a pending run someone else requested', () => {
    expect(decisionFor(run(), context)).toEqual({
      allowed: true,
      reason: null,
    });
  });

  it('says why not, in the order a person needs to hear it', () => {
    expect(decisionFor(run({ status: 'succeeded' }), context).reason).toBe(
      'The run is succeeded',
    );
    expect(
      decisionFor(run({ expiresAt: '2026-11-30T09:59:59.000Z' }), context)
        .reason,
    ).toMatch(/expired/);
    expect(decisionFor(run(), { ...context, permitted: false }).reason).toMatch(
      /Only approvers/,
    );
    expect(
      decisionFor(run({ requestedBy: 'user:default/alex.sre' }), context),
    ).toEqual({
      allowed: false,
      reason: 'You requested this run; another approver must decide',
    });
  });

  it('lets the requester decide when the four-eyes rule is off', () => {
    expect(
      decisionFor(run({ requestedBy: 'user:default/alex.sre' }), {
        ...context,
        distinctApprover: false,
      }).allowed,
    ).toBe(true);
  });
});
