import type { Alert } from '@internal/plugin-sre-control-center-common';
import { sampleAlert } from '../testing';
import { mergeAlert } from './mergeAlert';

const base: Alert = { ...sampleAlert, id: 'a' };

describe('mergeAlert', () => {
  it('inserts a new alert in newest-first order', () => {
    const older = { ...base, id: 'old', firedAt: '2026-11-28T09:00:00.000Z' };
    const newer = { ...base, id: 'new', firedAt: '2026-11-28T11:00:00.000Z' };
    expect(mergeAlert([newer, older], base).map(a => a.id)).toEqual([
      'new',
      'a',
      'old',
    ]);
  });

  it('replaces an alert with its newer version', () => {
    const resolved = {
      ...base,
      monitorCondition: 'Resolved' as const,
      updatedAt: '2026-11-28T10:05:00.000Z',
    };
    expect(mergeAlert([base], resolved)).toEqual([resolved]);
  });

  it('ignores a stale push', () => {
    const current = {
      ...base,
      state: 'Acknowledged' as const,
      updatedAt: '2026-11-28T10:05:00.000Z',
    };
    expect(mergeAlert([current], base)).toEqual([current]);
  });
});
