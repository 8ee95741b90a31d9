#!/usr/bin/env node
'use strict';
/*
 * Refreshes terraform/pricing/prices-westeurope-eur.json from the Azure
 * Retail Prices API (https://prices.azure.com, no authentication): each item
 * is looked up by its serviceName, productName, skuName, meterName and region
 * and takes the API's current retail price. Items the API does not return are
 * kept and listed. Then run node terraform/scripts/cost-estimate.js.
 *
 * Not run on the machine this was written on (no network beyond package
 * registries): the committed table is hand-entered until someone runs this.
 *
 *   node terraform/scripts/fetch-prices.js
 */
const fs = require('node:fs');
const path = require('node:path');

const FILE = path.resolve(__dirname, '../pricing/prices-westeurope-eur.json');
const API = 'https://prices.azure.com/api/retail/prices';

const quote = value => `'${String(value).replace(/'/g, "''")}'`;

async function lookup(item) {
  const filter = [
    'serviceName',
    'productName',
    'skuName',
    'meterName',
    'armRegionName',
  ]
    .filter(key => item[key])
    .map(key => `${key} eq ${quote(item[key])}`)
    .join(' and ');
  const url = `${API}?currencyCode='EUR'&$filter=${encodeURIComponent(filter)}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.status} for ${url}`);
  const { Items } = await response.json();
  return Items.filter(
    found => found.type === 'Consumption' && found.tierMinimumUnits === 0,
  ).sort((a, b) => b.effectiveStartDate.localeCompare(a.effectiveStartDate))[0];
}

async function main() {
  const table = JSON.parse(fs.readFileSync(FILE, 'utf8'));
  const missing = [];
  for (const [i, item] of table.Items.entries()) {
    const found = await lookup(item);
    if (!found) {
      missing.push(`${item.productName} / ${item.meterName}`);
      continue;
    }
    table.Items[i] = Object.fromEntries(
      Object.keys(item).map(key => [key, found[key] ?? item[key]]),
    );
  }
  const today = new Date().toISOString().slice(0, 10);
  table.retrievedAt = today;
  table.accuracy = missing.length
    ? `Fetched from the Retail Prices API on ${today}, except (kept from before): ${missing.join(
        '; ',
      )}`
    : `Fetched from the Retail Prices API on ${today}.`;
  fs.writeFileSync(FILE, `${JSON.stringify(table, null, 2)}\n`);
  console.log(
    `${table.Items.length - missing.length} prices refreshed${
      missing.length
        ? `, ${missing.length} not found: ${missing.join('; ')}`
        : ''
    }`,
  );
}

main().catch(error => {
  console.error(error.message);
  process.exit(1);
});
