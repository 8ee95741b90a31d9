'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot } = require('../browser');

const appUrl = process.env.E2E_APP_URL || 'http://localhost:3000';
let context;

before(async () => {
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
});

test('the Mindful Moments System page has a working Control Center tab', async () => {
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', err => consoleErrors.push(err.message));

  await page.goto(`${appUrl}/catalog/default/system/mindful-moments`);
  // The dev bundle can take a while on first load; then guest sign-in.
  const enter = page.getByRole('button', { name: /enter/i });
  const heading = page
    .getByRole('heading', { name: /mindful moments/i })
    .first();
  await enter.or(heading).first().waitFor({ timeout: 120_000 });
  if (await enter.isVisible()) {
    await enter.click();
  }
  await heading.waitFor({ timeout: 60_000 });

  await page.getByText('Control Center', { exact: true }).first().click();
  await page.waitForURL(/\/control-center/);
  await page.getByText('Azure stack').waitFor();
  await page.getByText('rg-mindful-moments-dev').waitFor();
  // The alert card answers from the backend: either alerts or the empty state.
  await page
    .getByText(/No alerts for this project|Severity/)
    .first()
    .waitFor({ timeout: 30_000 });
  const file = await screenshot(page, 'control-center');
  assert.deepEqual(
    consoleErrors,
    [],
    `page errors: ${consoleErrors.join('\n')}`,
  );
  console.log(`screenshot: ${file}`);
});

test('an alert fired in Azure appears on the open page without a reload', async () => {
  const emulatorUrl = process.env.E2E_EMULATOR_URL || 'http://127.0.0.1:7010';
  const page = await context.newPage();
  await page.goto(
    `${appUrl}/catalog/default/system/mindful-moments/control-center`,
  );
  const enter = page.getByRole('button', { name: /enter/i });
  const card = page.getByText('Alerts', { exact: true }).first();
  await enter.or(card).first().waitFor({ timeout: 120_000 });
  if (await enter.isVisible()) await enter.click();
  await page.getByText(/Live: updates are pushed/).waitFor({ timeout: 60_000 });
  const rowsBefore = await page.locator('tbody tr').count();

  const started = Date.now();
  const res = await fetch(
    `${emulatorUrl}/_emulator/scenarios/db-connection-failures`,
    { method: 'POST' },
  );
  assert.equal(res.status, 200);
  await page
    .getByText('alert-db-connection-failures')
    .first()
    .waitFor({ timeout: 15_000 });
  const elapsed = Date.now() - started;
  assert.ok((await page.locator('tbody tr').count()) > rowsBefore);
  // A figure for the note, not an assertion: push latency is measured, not enforced.
  console.log(
    `alert visible in the browser ${elapsed} ms after the scenario fired`,
  );

  // Acknowledge it from the page: the row changes and so does Azure.
  const row = page
    .locator('tbody tr', { hasText: 'alert-db-connection-failures' })
    .first();
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await row.getByText('Acknowledged').waitFor({ timeout: 15_000 });
  const state = await (await fetch(`${emulatorUrl}/_emulator/state`)).json();
  const inAzure = state.alerts
    .filter(a => a.name === 'alert-db-connection-failures')
    .pop();
  assert.equal(inAzure.essentials.alertState, 'Acknowledged');
  await screenshot(page, 'control-center-live');
});
