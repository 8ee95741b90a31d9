'use strict';
/** Launches Debian's Chromium headless with the flags this sandbox needs. */
const { chromium } = require('playwright-core');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SCREENSHOTS = path.join(__dirname, 'screenshots');

async function launchBrowser() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return context;
}

async function screenshot(page, name) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Opens `path` of the portal in a new page, signing in as guest when the
 * sign-in card shows (the dev bundle's first load can take a while), and
 * resolves once `ready(page)` (a locator) is visible. `page.errors` collects
 * uncaught page errors.
 */
async function openSignedIn(context, path, ready) {
  const appUrl = process.env.E2E_APP_URL || 'http://localhost:3000';
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', err => page.errors.push(err.message));
  await page.goto(`${appUrl}${path}`);
  const enter = page.getByRole('button', { name: /enter/i });
  const target = ready(page);
  await enter.or(target).first().waitFor({ timeout: 120_000 });
  if (await enter.isVisible()) await enter.click();
  await target.waitFor({ timeout: 60_000 });
  return page;
}

module.exports = { launchBrowser, screenshot, openSignedIn };
