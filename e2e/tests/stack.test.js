'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot, openSignedIn } = require('../browser');

let context;

before(async () => {
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
});

test('the stack card shows live resources with sparklines and the broken alert wiring, the cost card draws the month', async () => {
  const page = await openSignedIn(
    context,
    '/catalog/default/system/mindful-moments/control-center',
    p => p.getByText('Azure stack').first(),
  );
  const pageErrors = page.errors;
  const title = page.getByText('Azure stack').first();
  await title.waitFor({ timeout: 60_000 });

  // The backend's first stack snapshot comes 15 s after start (then every
  // 2 min); the card reloads on its stack.changed signal.
  const wiring = page.getByRole('region', { name: 'Alert wiring' });
  await wiring.waitFor({ timeout: 120_000 });
  // The emulator seeds one rule whose action group only sends e-mail.
  assert.match(await wiring.innerText(), /will not reach the Control Center/);

  const resources = page.getByRole('table', { name: 'Provisioned resources' });
  // Names link to the catalog's Resource entities, made from Terraform outputs.
  await resources
    .getByRole('link', { name: 'app-mindful-moments-dev', exact: true })
    .waitFor();
  assert.equal(
    await resources
      .getByRole('link', { name: 'app-mindful-moments-dev', exact: true })
      .getAttribute('href'),
    '/catalog/default/resource/app-mindful-moments-dev',
  );
  // Sparklines: one SVG per metric series, with a line drawn.
  const sparklines = resources.locator('[data-testid^="sparkline-"]');
  await sparklines.first().waitFor();
  assert.ok(
    (await sparklines.count()) >= 3,
    `sparklines: ${await sparklines.count()}`,
  );
  assert.ok(
    (await resources.locator('[data-testid^="sparkline-"] path').count()) >= 3,
    'the sparklines draw lines',
  );
  const response = resources.getByTestId('sparkline-HttpResponseTime');
  assert.equal(await response.evaluate(el => el.tagName.toLowerCase()), 'svg');

  // The cost card: the month as a recharts SVG with the budget line.
  const chart = page.getByRole('figure', { name: /^Cost this month in / });
  await chart.waitFor({ timeout: 90_000 });
  // Flat lines have an empty bounding box, which Playwright calls hidden:
  // wait for them in the DOM and check that they are drawn across the chart.
  for (const line of ['cost-chart-budget', 'cost-chart-budget-80']) {
    const path = chart.locator(`svg .${line} path.recharts-line-curve`).first();
    await path.waitFor({ state: 'attached' });
    const d = (await path.getAttribute('d')) ?? '';
    assert.ok(d.split('L').length > 10, `${line} is drawn: ${d}`);
  }
  assert.match(await chart.getAttribute('aria-label'), /budget/);

  const file = await screenshot(page, 'stack-and-cost');
  assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
  console.log(`screenshot: ${file}`);
});
