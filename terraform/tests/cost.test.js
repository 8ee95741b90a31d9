'use strict';
// The monthly estimate from the stack's SKUs and the committed price table:
// current, in EUR, below the 120 budget; a pricier stack is caught.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { compute, render, ESTIMATE } = require('../scripts/cost-estimate');
const { TERRAFORM, mutated } = require('./helpers');

const PRICES = JSON.parse(
  fs.readFileSync(
    path.join(TERRAFORM, 'pricing/prices-westeurope-eur.json'),
    'utf8',
  ),
);
const API_FIELDS = [
  'currencyCode',
  'tierMinimumUnits',
  'retailPrice',
  'unitPrice',
  'armRegionName',
  'location',
  'effectiveStartDate',
  'meterName',
  'productName',
  'skuName',
  'armSkuName',
  'serviceName',
  'serviceFamily',
  'unitOfMeasure',
  'type',
  'isPrimaryMeterRegion',
];

let computed;
const current = async () => (computed ??= await compute());

test("the price table has the Retail Prices API's shape, in EUR, with its date and source", () => {
  assert.equal(PRICES.BillingCurrency, 'EUR');
  assert.equal(PRICES.Count, PRICES.Items.length);
  assert.match(PRICES.retrievedAt, /^\d{4}-\d{2}-\d{2}$/);
  assert.match(
    PRICES.source,
    /^https:\/\/prices\.azure\.com\/api\/retail\/prices/,
  );
  for (const item of PRICES.Items) {
    assert.deepEqual(
      Object.keys(item).sort(),
      [...API_FIELDS].sort(),
      item.meterName,
    );
    assert.equal(item.currencyCode, 'EUR');
    assert.ok(
      item.unitPrice >= 0 && item.retailPrice === item.unitPrice,
      item.meterName,
    );
    assert.ok(!Number.isNaN(Date.parse(item.effectiveStartDate)));
  }
  const regional = PRICES.Items.filter(i => i.isPrimaryMeterRegion);
  assert.ok(regional.every(i => i.armRegionName === 'westeurope'));
});

test('the committed cost-estimate.json is what the script computes from the HCL', async () => {
  assert.equal(
    fs.readFileSync(ESTIMATE, 'utf8'),
    render(await current()),
    'run node terraform/scripts/cost-estimate.js',
  );
});

test('the estimate stays under the 120 EUR budget, per resource, in EUR', async () => {
  const estimate = await current();
  assert.equal(estimate.currency, 'EUR');
  assert.deepEqual(estimate.budget, {
    name: 'budget-mindful-moments-dev',
    amount: 120,
  });
  assert.ok(estimate.total < 120, `${estimate.total} EUR`);
  assert.equal(estimate.withinBudget, true);
  const total =
    Math.round(estimate.lines.reduce((sum, l) => sum + l.monthly, 0) * 100) /
    100;
  assert.equal(estimate.total, total);
  const resources = new Set(estimate.lines.map(l => l.resource));
  for (const name of [
    'asp-mindful-moments-dev',
    'psql-mindful-moments-dev',
    'stmindfulmomentsdev',
    'kv-mindful-moments-dev',
    'log-mindful-moments-dev',
    'appi-mindful-moments-dev',
    'acs-mindful-moments-dev',
  ])
    assert.ok(resources.has(name), name);
  const plan = estimate.lines.find(l => l.type === 'azure-app-service-plan');
  assert.equal(plan.sku, 'B1');
  assert.equal(plan.quantity, 730);
  assert.equal(
    estimate.lines.find(l => l.what === 'compute').sku,
    'B_Standard_B1ms',
  );
  assert.equal(estimate.priceTable.retrievedAt, PRICES.retrievedAt);
  console.log(
    `# estimate ${estimate.total} EUR of ${estimate.budget.amount} (SRE agent off; with it ${estimate.sreAgent.totalWithAgent} EUR)`,
  );
});

test('the SRE agent is priced, and with it the stack is over the budget', async () => {
  const estimate = await current();
  assert.equal(estimate.sreAgent.enabled, false);
  assert.ok(estimate.sreAgent.monthly > 120);
  assert.equal(estimate.sreAgent.withinBudgetWithAgent, false);
  const on = await compute(
    TERRAFORM,
    mutated([
      [
        'environments/dev/variables.tf',
        /(variable "sre_agent_enabled" \{[\s\S]*?default\s+=\s+)false/,
        '$1true',
      ],
    ]),
  );
  assert.equal(on.withinBudget, false);
  assert.ok(on.lines.some(l => l.type === 'azure-sre-agent'));
  assert.equal(on.total, estimate.sreAgent.totalWithAgent);
});

test('a P1v3 plan or a bigger database breaks the budget; an unpriced SKU fails loudly', async () => {
  const premium = await compute(
    TERRAFORM,
    mutated([
      [
        'environments/dev/main.tf',
        'sku_name                          = "B1"',
        'sku_name                          = "P1v3"',
      ],
    ]),
  );
  assert.equal(premium.lines[0].sku, 'P1v3');
  assert.equal(premium.withinBudget, false, `${premium.total} EUR`);
  const b2 = await compute(
    TERRAFORM,
    mutated([
      [
        'environments/dev/main.tf',
        'sku_name                          = "B1"',
        'sku_name                          = "B2"',
      ],
    ]),
  );
  assert.equal(
    Math.round((b2.total - (await current()).total) * 100) / 100,
    12.41,
    "B2 costs 12.41 EUR a month more, as the scale runbook's budget check assumes",
  );
  await assert.rejects(
    compute(
      TERRAFORM,
      mutated([
        [
          'environments/dev/main.tf',
          'sku_name              = "B_Standard_B1ms"',
          'sku_name              = "GP_Standard_D2ds_v5"',
        ],
      ]),
    ),
    /no price .* for .*GP_Standard_D2ds_v5/,
  );
});

test('terraform/README.md quotes the current total', async () => {
  const readme = fs.readFileSync(path.join(TERRAFORM, 'README.md'), 'utf8');
  const estimate = await current();
  assert.ok(
    readme.includes(
      `**${estimate.total.toFixed(2)}** of ${estimate.budget.amount}`,
    ),
    'update the cost table in terraform/README.md',
  );
  assert.ok(readme.includes(`+${estimate.sreAgent.monthly.toFixed(2)}`));
});
