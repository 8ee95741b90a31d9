'use strict';
// The operators' page: alerts no System claims, and deliveries that did not
// become alerts, with Retry.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot, openSignedIn } = require('../browser');

const backendUrl = process.env.E2E_BACKEND_URL || 'http://localhost:7007';
const webhook = `${backendUrl}/api/sre-control-center/webhooks/azure-monitor?token=${process.env.E2E_WEBHOOK_TOKEN}`;
const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
let context;

before(async () => {
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
});

async function post(body) {
  const res = await fetch(webhook, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(res.status, 202, await res.text());
}

test('the operators page lists an unrouted alert and a delivery that failed, and Retry requeues it', async () => {
  // An alert of a resource group no System claims.
  const rule = `alert-unclaimed-${Date.now()}`;
  await post({
    schemaId: 'azureMonitorCommonAlertSchema',
    data: {
      essentials: {
        alertId: `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/0e2e0000-0000-4000-8000-${String(
          Date.now() % 1e12,
        ).padStart(12, '0')}`,
        alertRule: rule,
        severity: 'Sev3',
        signalType: 'Metric',
        monitorCondition: 'Fired',
        monitoringService: 'Platform',
        alertTargetIDs: [
          `/subscriptions/${SUB}/resourceGroups/rg-nobody-claims/providers/Microsoft.Web/sites/app-orphan`,
        ],
        firedDateTime: new Date().toISOString(),
        essentialsVersion: '1.0',
        alertContextVersion: '1.0',
      },
      alertContext: {},
    },
  });
  // A budget alert for a budget no System has: accepted, then its processing
  // fails (and is retried with backoff) with a message saying why.
  const budget = `budget-nobody-has-${Date.now()}`;
  await post({
    schemaId: 'AIP Budget Notification',
    data: {
      BudgetName: budget,
      SpentAmount: 100,
      BudgetStartDate: '2026-12-01',
    },
  });

  const page = await openSignedIn(context, '/sre-control-center', p =>
    p.getByRole('heading', { name: 'Operations', exact: true }),
  );
  const unrouted = page.getByRole('table', { name: 'Unrouted alerts' });
  await unrouted.getByText(rule).waitFor({ timeout: 60_000 });
  // The hint names the annotation that would route it.
  assert.match(
    await unrouted.innerText(),
    /sre-control-center\/azure-resource-group/,
  );

  const pending = page.getByRole('table', { name: 'Pending deliveries' });
  const row = pending.getByRole('row').filter({ hasText: budget });
  await row.waitFor({ timeout: 60_000 });
  assert.match(await row.innerText(), /no catalog System has the annotation/);
  await screenshot(page, 'operations');
  await row.getByRole('button', { name: /^Retry delivery/ }).click();
  // Requeued: the portal confirms, and the backend tries it again.
  await page.getByText(/is queued again/).waitFor({ timeout: 30_000 });
  assert.deepEqual(page.errors, []);
});
