'use strict';
// On-call escalation end to end: a Sev1 alert of Mindful Moments notifies the
// on-call (the guest), the phone rings after a minute (the local policy), the
// emulator's callee presses 1, and the page shows the alert acknowledged by
// the guest, without a reload.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launchBrowser, screenshot, openSignedIn } = require('../browser');

const emulatorUrl = process.env.E2E_EMULATOR_URL || 'http://127.0.0.1:7010';
const GUEST_PHONE = '+4915100000001';
let context;

before(async () => {
  context = await launchBrowser();
});

after(async () => {
  // Later tests' alerts must not be acknowledged by the phone.
  await scenario('callee-no-answer', { number: GUEST_PHONE }).catch(() => {});
  await context?.close();
});

async function scenario(name, params) {
  const res = await fetch(`${emulatorUrl}/_emulator/scenarios/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  assert.equal(res.status, 200);
  return (await res.json()).result;
}

test('a Sev1 alert rings the on-call, who presses 1: the feed shows it acknowledged by them without a reload', async () => {
  await scenario('callee-presses-key', { number: GUEST_PHONE, key: '1' });
  const page = await openSignedIn(
    context,
    '/catalog/default/system/mindful-moments/control-center',
    p => p.getByText('On call', { exact: true }).first(),
  );
  const pageErrors = page.errors;
  const card = page.getByText('On call', { exact: true }).first();
  const onCall = page.getByRole('list', { name: 'On call' });
  await onCall.getByText('guest', { exact: true }).waitFor({ timeout: 60_000 });

  const fired = await scenario('http-5xx', { resolveAfterMs: null });
  const alertId = fired.alertResourceId.toLowerCase();
  const row = page.locator(`[data-alert-id="${alertId}"]`);
  await row.waitFor({ timeout: 60_000 });
  // Level 1: the notification, at once; the escalation is listed.
  const escalation = page.getByRole('listitem', {
    name: 'Escalation of alert-http-5xx',
  });
  await escalation.getByText('notified').first().waitFor({ timeout: 30_000 });

  // Level 2 calls after 1 minute (the sweep runs every 10 s); the callee presses 1.
  await row
    .getByRole('cell', { name: 'Acknowledged', exact: true })
    .waitFor({ timeout: 150_000 });
  const calls = await fetch(`${emulatorUrl}/_emulator/phone/calls`).then(r =>
    r.json(),
  );
  const call = calls.calls.find(c => c.to === GUEST_PHONE && c.pressed === '1');
  assert.ok(call, 'the emulator never called the guest');
  assert.match(call.prompt ?? '', /Sev1 alert alert-http-5xx/);

  // In the alert's history: acknowledged by the guest, on the phone.
  await row.getByRole('button', { name: 'alert-http-5xx' }).click();
  const drawer = page.getByRole('dialog', { name: 'Alert alert-http-5xx' });
  await drawer
    .getByText('Acknowledged by user:default/guest')
    .waitFor({ timeout: 15_000 });
  await drawer
    .getByText(/On-call level 2 phone to user:default\/guest: acknowledged/)
    .waitFor();
  console.log(
    `screenshot: ${await screenshot(page, 'escalation-acknowledged')}`,
  );
  assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
});
