'use strict';
// Maintenance windows: silence the System's alerts from the page, see the
// banner, and check that (emulated) Azure holds the alert processing rule and
// really stops notifying the action group.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot, openSignedIn } = require('../browser');

const emulatorUrl = process.env.E2E_EMULATOR_URL || 'http://127.0.0.1:7010';
const REASON = `e2e: database upgrade ${Date.now()}`;
let context;

before(async () => {
  context = await launchBrowser();
});

after(async () => {
  await context?.close();
});

async function emulatorState() {
  const res = await fetch(`${emulatorUrl}/_emulator/state`);
  assert.equal(res.status, 200);
  return res.json();
}

/** Polls the emulator until `pick` finds something, or fails after 15 s. */
async function eventuallyInEmulator(pick, what) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const found = pick(await emulatorState());
    if (found) return found;
    if (Date.now() > deadline) assert.fail(`emulator never had ${what}`);
    await new Promise(r => setTimeout(r, 250));
  }
}

test('silencing alerts from the Control Center creates the Azure rule and shows a banner until it is ended', async () => {
  const page = await openSignedIn(
    context,
    '/catalog/default/system/mindful-moments/control-center',
    p => p.getByRole('button', { name: 'Silence alerts' }),
  );
  const pageErrors = page.errors;
  const silence = page.getByRole('button', { name: 'Silence alerts' });
  await silence.waitFor({ timeout: 60_000 });

  await silence.click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').click();
  await page.getByRole('option', { name: '30 min' }).click();
  await dialog.getByRole('textbox', { name: /Reason/ }).fill(REASON);
  await dialog.getByRole('button', { name: 'Silence' }).click();

  const banner = page.getByRole('alert', { name: 'Maintenance window' });
  await banner.filter({ hasText: REASON }).waitFor({ timeout: 15_000 });
  const text = await banner.filter({ hasText: REASON }).innerText();
  assert.match(
    text,
    /Alerts for Mindful Moments are silenced until \d\d:\d\d \(e2e: database upgrade \d+, by guest\)/,
  );
  const file = await screenshot(page, 'maintenance-banner');
  console.log(`screenshot: ${file}`);

  // Azure holds the rule the portal created: the whole resource group, no action groups, 30 minutes in UTC.
  const rule = await eventuallyInEmulator(
    s =>
      s.alertProcessingRules.find(r =>
        (r.properties.description || '').startsWith(REASON),
      ),
    'the alert processing rule',
  );
  assert.match(rule.name, /^sre-cc-maintenance-/);
  assert.deepEqual(rule.properties.actions, [
    { actionType: 'RemoveAllActionGroups' },
  ]);
  assert.match(
    rule.properties.scopes[0],
    /\/resourcegroups\/rg-mindful-moments-dev$/i,
  );
  assert.equal(rule.properties.schedule.timeZone, 'UTC');
  assert.equal(
    Date.parse(`${rule.properties.schedule.effectiveUntil}Z`) -
      Date.parse(`${rule.properties.schedule.effectiveFrom}Z`),
    30 * 60_000,
  );

  // While it lasts, an incident notifies nobody.
  const fired = await fetch(`${emulatorUrl}/_emulator/scenarios/http-5xx`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ resolveAfterMs: null }),
  });
  assert.equal(fired.status, 200);
  const suppressed = await eventuallyInEmulator(
    s =>
      s.deliveries.find(
        d =>
          d.outcome === 'suppressed' &&
          (d.suppressedBy || '').endsWith(`/${rule.name}`),
      ),
    'a suppressed delivery',
  );
  assert.equal(suppressed.event, 'alert-http-5xx.Fired');

  await banner
    .filter({ hasText: REASON })
    .getByRole('button', { name: 'End now' })
    .click();
  await banner.filter({ hasText: REASON }).waitFor({
    state: 'detached',
    timeout: 15_000,
  });
  await eventuallyInEmulator(
    s => !s.alertProcessingRules.some(r => r.name === rule.name),
    'the rule deleted',
  );
  assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
});
