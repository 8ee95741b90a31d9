import { Budget, CostCheck, CostLine } from './types';

/**
 * Monthly retail prices (EUR, West Europe, 730 hours a month) of the SKUs a
 * constraint may name. From terraform/pricing/prices-westeurope-eur.json,
 * the same table the stack's cost estimate reads.
 *
 * @public
 */
export const SKU_PRICES_EUR: Array<{
  sku: string;
  service: string;
  match: RegExp;
  monthly: number;
}> = [
  { sku: 'B1', service: 'App Service', match: /\bB1\b/, monthly: 12.41 },
  { sku: 'B2', service: 'App Service', match: /\bB2\b/, monthly: 24.82 },
  { sku: 'B3', service: 'App Service', match: /\bB3\b/, monthly: 49.64 },
  { sku: 'S1', service: 'App Service', match: /\bS1\b/, monthly: 64.24 },
  {
    sku: 'P1v3',
    service: 'App Service',
    match: /\bP1 ?v3\b/i,
    monthly: 110.96,
  },
  {
    sku: 'B1ms',
    service: 'PostgreSQL Flexible Server',
    match: /\bB1ms\b/i,
    monthly: 13.58,
  },
  {
    sku: 'B2s',
    service: 'PostgreSQL Flexible Server',
    match: /\bB2s\b/i,
    monthly: 54.31,
  },
];

const CURRENCIES: Array<[RegExp, Budget['currency']]> = [
  [/^(€|eur|euros?)$/i, 'EUR'],
  [/^(\$|usd|dollars?)$/i, 'USD'],
  [/^(£|gbp)$/i, 'GBP'],
];
const CURRENCY = String.raw`€|eur(?:os?)?|usd|dollars?|\$|£|gbp`;
const AMOUNT = String.raw`\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const MONEY = new RegExp(
  String.raw`(?:(${CURRENCY})\s?(${AMOUNT})|(${AMOUNT})\s?(${CURRENCY}))(?![a-z])`,
  'gi',
);
/** Words near an amount that make it a budget rather than any price. */
const BUDGET_CONTEXT =
  /\b(budget|presupuesto|max(imum)?|m[aá]ximo|limit|l[ií]mite|cap|up to|hasta|month\w*|mes\w*|monthly|mensual)\b|\/\s?(mo|month|mes)\b/i;
const GUID =
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;

function currencyOf(symbol: string): Budget['currency'] | undefined {
  return CURRENCIES.find(([re]) => re.test(symbol.trim()))?.[1];
}

/** "1.200,50", "1,200.50", "120", "120,5" → a number. */
export function parseAmount(raw: string): number {
  const s = raw.replace(/\s/g, '');
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep < 0) return Number(s);
  const decimals = s.length - lastSep - 1;
  if (decimals === 3) return Number(s.replace(/[.,]/g, ''));
  return Number(
    `${s.slice(0, lastSep).replace(/[.,]/g, '')}.${s.slice(lastSep + 1)}`,
  );
}

/**
 * The first amount with a currency that reads as a monthly budget.
 *
 * @public
 */
export function parseBudget(constraints: string): Budget | undefined {
  for (const m of constraints.matchAll(MONEY)) {
    const symbol = m[1] ?? m[4];
    const amount = parseAmount(m[2] ?? m[3]);
    const currency = currencyOf(symbol);
    const index = m.index ?? 0;
    const around = constraints.slice(
      Math.max(0, index - 40),
      index + m[0].length + 15,
    );
    if (
      currency &&
      Number.isFinite(amount) &&
      amount > 0 &&
      BUDGET_CONTEXT.test(around)
    ) {
      const lineStart = constraints.lastIndexOf('\n', index) + 1;
      const lineEnd = constraints.indexOf('\n', index);
      return {
        amount,
        currency,
        source: constraints
          .slice(lineStart, lineEnd < 0 ? undefined : lineEnd)
          .trim(),
      };
    }
  }
  return undefined;
}

/** An Azure subscription id (a GUID) named in the constraints. */
export function parseSubscriptionId(constraints: string): string | undefined {
  return GUID.exec(constraints)?.[0].toLowerCase();
}

/** The SKUs the constraints name, priced, and those that alone exceed the budget. */
export function checkCost(
  constraints: string,
  budget: Budget | undefined,
): CostCheck | undefined {
  const lines: CostLine[] = SKU_PRICES_EUR.filter(p =>
    p.match.test(constraints),
  ).map(p => ({ sku: p.sku, service: p.service, monthly: p.monthly }));
  if (lines.length === 0) return undefined;
  const monthly = Math.round(lines.reduce((t, l) => t + l.monthly, 0) * 100);
  // Prices are in EUR: compare only against a budget in the same currency.
  const limit = budget?.currency === 'EUR' ? budget.amount : undefined;
  return {
    currency: 'EUR',
    lines,
    monthly: monthly / 100,
    overBudget:
      limit === undefined
        ? []
        : lines.filter(l => l.monthly > limit).map(l => l.sku),
  };
}
