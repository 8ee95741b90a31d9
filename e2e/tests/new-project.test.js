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

test('/projects/new: fill in, preview, edit, create, land on the Control Center tab', async () => {
  // Unique per run, so a portal that is reused (E2E_APP_URL) gets a new project.
  const suffix = Date.now().toString(36);
  const name = `E2E Project ${suffix}`;
  const systemName = `e2e-project-${suffix}`;
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', err => pageErrors.push(err.message));

  await page.goto(`${appUrl}/projects/new`);
  const enter = page.getByRole('button', { name: /enter/i });
  const form = page.getByRole('form', { name: 'Project requirements' });
  await enter.or(form).first().waitFor({ timeout: 120_000 });
  if (await enter.isVisible()) await enter.click();
  await form.waitFor({ timeout: 60_000 });
  // Reachable from the sidebar.
  await page
    .getByRole('navigation')
    .getByRole('link', { name: 'New project', exact: true })
    .waitFor();

  // The form refuses what the template would refuse, before sending anything.
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await page.getByText('At least one must-have requirement').waitFor();

  await page.getByLabel(/Project name/).fill(name);
  await page.getByLabel(/Repository owner/).fill('AlbertoLacambra');
  await page.getByLabel(/Repository name/).fill(`e2e-${suffix}`);
  await page.getByLabel(/Timeline, weeks/).fill('5');
  await page
    .getByLabel(/Constraints/)
    .fill('Maximum 120€/month. App Service B1 and PostgreSQL B1ms.');
  await page
    .getByLabel(/Must-have requirements/)
    .fill(
      [
        'Terraform modules for the whole Azure stack',
        'Application Insights metrics and dashboards',
        'Alerts for response time and errors',
        'Deploy the app with staging slots',
      ].join('\n'),
    );
  await page
    .getByLabel(/Nice-to-have requirements/)
    .fill('SMS notification to the on-call engineer\nDark mode');
  await page.getByRole('button', { name: 'Preview plan' }).click();
  await page
    .getByText(/Plan: \d+ epics, \d+ features, 6 stories/)
    .waitFor({ timeout: 60_000 });

  // Edit: new points for the first story, remove the last one.
  await page.locator('[aria-label="Points of S1"]').click();
  await page.getByRole('option', { name: '8' }).click();
  await page.getByText(/points 8: edited \(was 5\)/).waitFor();
  await page.getByRole('button', { name: 'Remove S6' }).click();
  await page
    .getByText(/Plan: \d+ epics, \d+ features, 5 stories/)
    .waitFor({ timeout: 60_000 });

  const submitted = Date.now();
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/create\/tasks\//, { timeout: 60_000 });
  // The task page lists the template's output links when it is done.
  const link = page.getByRole('link', { name: 'Control Center' }).last();
  await link.waitFor({ timeout: 120_000 });
  await link.click();
  await page.waitForURL(
    new RegExp(`/catalog/default/system/${systemName}/control-center`),
  );
  // The catalog may not have processed the new System when the tab opens;
  // Backstage's entity page does not look again by itself (noted in the
  // issue-15 note), so the test reloads, as a person would, within 90 s.
  const heading = page
    .getByRole('heading', { name: new RegExp(name, 'i') })
    .first();
  const headingBy = Date.now() + 90_000;
  for (;;) {
    try {
      await heading.waitFor({ timeout: 15_000 });
      break;
    } catch (error) {
      if (Date.now() > headingBy) throw error;
      await page.reload();
    }
  }
  console.log(
    `submit → System's Control Center tab: ${Date.now() - submitted} ms`,
  );
  const file = await screenshot(page, 'new-project');
  console.log(`screenshot: ${file}`);
  assert.deepEqual(pageErrors, [], `page errors: ${pageErrors.join('\n')}`);
});
