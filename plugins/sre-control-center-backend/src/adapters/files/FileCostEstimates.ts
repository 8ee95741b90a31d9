import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type {
  CostEstimate,
  CostEstimateSource,
} from '../../domain/stack/ports';

const amount = z.coerce.number().finite().nonnegative();

/**
 * The Terraform cost estimate JSON (terraform/environments/dev/cost-estimate.json).
 * Its exact shape belongs to the Terraform side, so the reader accepts the
 * usual spellings: a total (`monthly_total`, `monthlyTotal`, `total`,
 * `monthly`) with a currency, and items (`items` / `resources` / `lines`)
 * with a name and a monthly amount.
 */
const estimateSchema = z.looseObject({
  currency: z.string().min(3).max(3).optional(),
  monthly_total: amount.optional(),
  monthlyTotal: amount.optional(),
  total: amount.optional(),
  monthly: amount.optional(),
  priced_at: z.string().optional(),
  pricedAt: z.string().optional(),
  date: z.string().optional(),
  prices: z
    .looseObject({
      date: z.string().optional(),
      currency: z.string().optional(),
    })
    .optional(),
  items: z.array(z.looseObject({})).optional(),
  resources: z.array(z.looseObject({})).optional(),
  lines: z.array(z.looseObject({})).optional(),
});

const itemSchema = z.looseObject({
  name: z.string().optional(),
  resource: z.string().optional(),
  monthly: amount.optional(),
  monthly_cost: amount.optional(),
  monthlyCost: amount.optional(),
  cost: amount.optional(),
});

/** Reads each System's estimate file; a missing file is "no estimate", not an error. */
export class FileCostEstimates implements CostEstimateSource {
  private readonly files: Map<string, string>;

  constructor(files: Array<{ system: string; file: string }>) {
    this.files = new Map(
      files.map(f => [f.system.toLocaleLowerCase('en-US'), resolve(f.file)]),
    );
  }

  async estimateFor(entityRef: string): Promise<CostEstimate | undefined> {
    const file = this.files.get(entityRef.toLocaleLowerCase('en-US'));
    if (!file) return undefined;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return parseCostEstimate(text, file);
  }
}

export function parseCostEstimate(text: string, file: string): CostEstimate {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `cost estimate ${file} is not JSON: ${(error as Error).message}`,
    );
  }
  const parsed = estimateSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `cost estimate ${file}: ${parsed.error.issues
        .map(i => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  }
  const e = parsed.data;
  const items = (e.items ?? e.resources ?? e.lines ?? []).flatMap(raw => {
    const item = itemSchema.safeParse(raw);
    if (!item.success) return [];
    const monthly =
      item.data.monthly ??
      item.data.monthly_cost ??
      item.data.monthlyCost ??
      item.data.cost;
    const name = item.data.name ?? item.data.resource;
    return name && monthly !== undefined ? [{ name, monthly }] : [];
  });
  const total =
    e.monthly_total ??
    e.monthlyTotal ??
    e.total ??
    e.monthly ??
    (items.length > 0 ? items.reduce((s, i) => s + i.monthly, 0) : undefined);
  if (total === undefined) {
    throw new Error(
      `cost estimate ${file} has no monthly total (monthly_total, total) and no items`,
    );
  }
  return {
    monthly: Math.round(total * 100) / 100,
    currency: e.currency ?? e.prices?.currency ?? 'EUR',
    pricedAt: e.priced_at ?? e.pricedAt ?? e.prices?.date ?? e.date ?? null,
    items,
  };
}
