import { checkTransition } from './stateTransitions';

describe('checkTransition', () => {
  it.each([
    ['New', 'Acknowledged', 'apply'],
    ['New', 'Closed', 'apply'],
    ['Acknowledged', 'Closed', 'apply'],
    ['Acknowledged', 'Acknowledged', 'noop'],
    ['Closed', 'Closed', 'noop'],
    ['Closed', 'Acknowledged', 'conflict'],
  ] as const)('%s → %s is %s', (from, to, kind) => {
    expect(checkTransition(from, to).kind).toBe(kind);
  });
});
