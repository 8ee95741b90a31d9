import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileCostEstimates, parseCostEstimate } from './FileCostEstimates';

describe('FileCostEstimates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'estimate-'));
  const file = join(dir, 'cost-estimate.json');
  const system = 'system:default/mindful-moments';

  it('tolerates a missing file or a System without one', async () => {
    const estimates = new FileCostEstimates([
      { system, file: join(dir, 'absent.json') },
    ]);
    await expect(estimates.estimateFor(system)).resolves.toBeUndefined();
    await expect(
      estimates.estimateFor('system:default/other'),
    ).resolves.toBeUndefined();
  });

  it('reads a total with its items, currency and price date', async () => {
    writeFileSync(
      file,
      JSON.stringify({
        currency: 'EUR',
        monthly_total: 71.894,
        priced_at: '2026-11-20',
        items: [
          { name: 'asp-mindful-moments-dev', monthly_cost: 12.41 },
          { resource: 'psql-mindful-moments-dev', monthly: '18.30' },
          { note: 'ignored' },
        ],
      }),
    );
    await expect(
      new FileCostEstimates([{ system, file }]).estimateFor(system),
    ).resolves.toEqual({
      monthly: 71.89,
      currency: 'EUR',
      pricedAt: '2026-11-20',
      items: [
        { name: 'asp-mindful-moments-dev', monthly: 12.41 },
        { name: 'psql-mindful-moments-dev', monthly: 18.3 },
      ],
    });
  });

  it('sums the items when there is no total, and refuses what it cannot read', () => {
    expect(
      parseCostEstimate(
        JSON.stringify({
          resources: [
            { name: 'a', cost: 1 },
            { name: 'b', cost: 2.5 },
          ],
        }),
        'f',
      ).monthly,
    ).toBe(3.5);
    expect(() => parseCostEstimate('{', 'f')).toThrow(
      /cost estimate f is not JSON/,
    );
    expect(() => parseCostEstimate('{"currency":"EUR"}', 'f')).toThrow(
      /has no monthly total/,
    );
    expect(() => parseCostEstimate('{"total": -3}', 'f')).toThrow(
      /cost estimate f: total/,
    );
  });
});
