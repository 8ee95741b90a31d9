import { responseError } from '../../__testUtils__';
import { isOverBudget, messageOf } from './overBudget';

describe('isOverBudget', () => {
  it('recognises the OverBudgetError conflict', async () => {
    const error = await responseError(
      409,
      'OverBudgetError',
      'Scaling to B2 raises the forecast to 131 EUR',
    );
    expect(isOverBudget(error)).toBe(true);
    expect(messageOf(error)).toBe(
      'Scaling to B2 raises the forecast to 131 EUR',
    );
  });

  it('does not guess from the wording of other conflicts', async () => {
    const error = await responseError(
      409,
      'ConflictError',
      'The run named "budget review" was already approved',
    );
    expect(isOverBudget(error)).toBe(false);
  });

  it('leaves other conflicts and other statuses alone', async () => {
    expect(
      isOverBudget(
        await responseError(409, 'ConflictError', 'Run run-1 was decided'),
      ),
    ).toBe(false);
    expect(
      isOverBudget(
        await responseError(403, 'NotAllowedError', 'over the budget'),
      ),
    ).toBe(false);
    expect(isOverBudget(new Error('over the budget'))).toBe(false);
  });
});
