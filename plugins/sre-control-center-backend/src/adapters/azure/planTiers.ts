/**
 * The App Service plan tier of a SKU name. ARM wants both on a plan PUT; a
 * wrong pair is refused.
 */
export function planTierOf(sku: string): string {
  if (/^F\d/i.test(sku)) return 'Free';
  if (/^D\d/i.test(sku)) return 'Shared';
  if (/^B\d/i.test(sku)) return 'Basic';
  if (/^S\d/i.test(sku)) return 'Standard';
  if (/^P\d+v3$/i.test(sku)) return 'PremiumV3';
  if (/^P\d+mv3$/i.test(sku)) return 'PremiumMV3';
  if (/^P\d+v2$/i.test(sku)) return 'PremiumV2';
  if (/^I\d+v2$/i.test(sku)) return 'IsolatedV2';
  throw new Error(`Unknown App Service plan SKU ${sku}`);
}

/**
 * Monthly list prices (EUR, Linux, West Europe, 730 hours) used when
 * `sreControlCenter.planPrices` does not name the SKU. Approximate: they only
 * decide whether a scale-up needs an over-budget confirmation.
 */
export const DEFAULT_PLAN_PRICES_EUR: Record<string, number> = {
  F1: 0,
  B1: 12.41,
  B2: 24.82,
  B3: 49.64,
  S1: 63.51,
  S2: 127.02,
  S3: 254.04,
  P0v3: 56.94,
  P1v3: 113.88,
  P2v3: 227.76,
  P3v3: 455.52,
};
