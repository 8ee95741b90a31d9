'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot, openSignedIn } = require('../browser');

const emulatorUrl = process.env.E2E_EMULATOR_URL || 'http://127.0.0.1:7010';
// packages/cloud-emulator/src/world/constants.ts
const PLAN_URL =
  `${emulatorUrl}/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f` +
  '/resourceGroups/rg-mindful-moments-dev/providers/Microsoft.Web' +
  '/serverfarms/asp-mindful-moments-dev?api-version=2024-11-01';
const RUNBOOK = 'Scale App Service plan B1 to B2';

let context;

before(async () => {
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
});

async function planSku() {
  const res = await fetch(PLAN_URL);
  assert.equal(res.status, 200, `GET plan answered ${res.status}`);
  return (await res.json()).sku.name;
}

test('an alert-triggered scale waits for approval on the open page, and approving it scales the plan', async () => {
  assert.equal(await planSku(), 'B1', 'the plan must start on B1');
  const page = await openSignedIn(
    context,
    '/catalog/default/system/mindful-moments/control-center',
    p => p.getByText('Runbooks and approvals', { exact: true }),
  );
  const pageErrors = page.errors;
  const card = page.getByText('Runbooks and approvals', { exact: true });
  await card.waitFor({ timeout: 60_000 });
  // The runbook list comes from app-config.yaml.
  const runbooks = page.getByRole('table', { name: 'Runbooks' });
  await runbooks.getByText(RUNBOOK).waitFor({ timeout: 30_000 });
  await page.getByText(/Live: runs appear/).waitFor();
  const pending = page.getByRole('table', { name: 'Pending approval' });
  const pendingRow = pending.locator('tbody tr').filter({ hasText: RUNBOOK });
  assert.equal(await pendingRow.count(), 0, 'a scale run is pending already');

  // Keep the alert firing: the run is for an incident that is still on.
  const started = Date.now();
  const res = await fetch(`${emulatorUrl}/_emulator/scenarios/high-cpu`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ resolveAfterMs: null }),
  });
  assert.equal(res.status, 200);

  // No reload: the run arrives on the signal channel.
  await pendingRow.first().waitFor({ timeout: 20_000 });
  console.log(
    `pending run visible in the browser ${
      Date.now() - started
    } ms after the scenario fired`,
  );
  const row = pendingRow.first();
  await row.getByText('alert alert-high-cpu').waitFor();
  await row.getByText(/expires in/).waitFor();
  const approve = row.getByRole('button', { name: 'Approve' });
  // Enabled once the page knows this user may decide the run. (The button
  // is re-created when its "why not" tooltip goes: look it up each time.)
  await page.waitForFunction(
    name =>
      [
        ...document.querySelectorAll(
          'table[aria-label="Pending approval"] tbody tr',
        ),
      ].some(
        r =>
          r.textContent.includes(name) &&
          [...r.querySelectorAll('button')].some(
            b => b.textContent.trim() === 'Approve' && !b.disabled,
          ),
      ),
    RUNBOOK,
    { timeout: 15_000 },
  );
  await card.scrollIntoViewIfNeeded();
  const shot = await screenshot(page, 'runbooks-pending');
  console.log(`screenshot: ${shot}`);

  await approve.click();
  // The emulator's forecast may already be over the budget: the page then
  // asks before it sends the approval again with confirmOverBudget.
  const overBudget = page.getByRole('button', { name: 'Approve anyway' });
  const recent = page.getByRole('table', { name: 'Recent runs' });
  const recentRow = recent.locator('tbody tr').filter({ hasText: RUNBOOK });
  await overBudget.or(recentRow.first()).first().waitFor({ timeout: 20_000 });
  if (await overBudget.isVisible()) {
    console.log('the approval asked to confirm going over the budget');
    await screenshot(page, 'runbooks-over-budget');
    await overBudget.click();
  }
  await recentRow.first().getByText('Succeeded').waitFor({ timeout: 60_000 });
  assert.equal(await pendingRow.count(), 0);
  assert.equal(await planSku(), 'B2');
  await screenshot(page, 'runbooks-succeeded');
  // The story of the incident, on the timeline.
  await page
    .getByRole('list', { name: 'Timeline' })
    .getByText(/approved/)
    .first()
    .waitFor({ timeout: 20_000 });
  await screenshot(page, 'runbooks-timeline');
  assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
});
