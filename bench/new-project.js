#!/usr/bin/env node
/*
 * /projects/new end to end, without a browser: the Mindful Moments
 * requirements sent to the scaffolder (template:default/new-project) of the
 * real backend, the task followed to completion, then the new System read
 * from the catalog. Prints the time from submit to the System being in the
 * catalog, the GitHub requests the task made (counted by the action and at
 * the emulator), and the plan's counts per level and sprints. A second task
 * with the same inputs shows that nothing is created twice.
 *
 *   node bench/new-project.js [--port 7731] [--emulator-port 7730]
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { arg, startBackend, startEmulator } = require('./lib');

const EMULATOR_PORT = arg('emulator-port', 7730);
const PORT = arg('port', 7731);
const emulatorUrl = `http://127.0.0.1:${EMULATOR_PORT}`;
const base = `http://127.0.0.1:${PORT}/api`;

const VALUES = {
  name: 'Mindful Moments - Azure SRE Demo',
  description:
    'Guided-meditation web app on Azure, run with the Azure SRE Agent and the SRE Control Center',
  repoOwner: 'AlbertoLacambra',
  repoName: 'mindful-moments-infrastructure',
  timelineWeeks: 5,
  constraints:
    'Maximum 120€/month. App Service B1 and PostgreSQL B1ms. Region West Europe.',
  mustHave: [
    'Terraform modules for the whole Azure stack',
    'App Service B1 hosting the web app on Node 22',
    'PostgreSQL Flexible Server B1ms on a private network',
    'Key Vault for the application secrets',
    'Storage account for meditation audio files',
    'Monthly budget of 120 EUR with alerts at 80% and 100%',
    'Meditation sessions API with user sign-in',
    'GitHub Actions pipeline for Terraform plan and apply',
    'Deploy the app with staging slots and rollback',
    'Application Insights metrics, logs and dashboards',
    'Alerts for response time, errors and database connections',
    'Azure SRE Agent with runbooks for known incidents',
    'On-call escalation by phone call when an alert is not acknowledged',
    'Operations documentation and runbook guide',
  ],
  niceToHave: [
    'Auto-remediation that restarts the app on memory pressure',
    'Availability tests from three regions',
    'Cost dashboard per resource',
    'Blue-green deployment with zero-downtime swap',
    'SMS notification to the on-call engineer',
    'Load test before each release',
    'Onboarding guide for new team members',
    'Dark mode for the meditation player',
  ],
};

async function call(method, url, token, body) {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

const messagesOf = run =>
  (Array.isArray(run.events) ? run.events : [])
    .map(e => e.body && e.body.message)
    .filter(Boolean)
    // eslint-disable-next-line no-control-regex
    .map(m => m.replace(/\u001b\[\d+m/g, ''));

async function githubIssueCount() {
  const state = await (await fetch(`${emulatorUrl}/_emulator/state`)).json();
  const repo = state.github.repos.find(r => r.name === VALUES.repoName);
  return repo ? repo.issues.length : 0;
}

/** Starts a task and waits for it; returns its final state and the time taken. */
async function runTask(token) {
  const startedAt = process.hrtime.bigint();
  const created = await call('POST', `${base}/scaffolder/v2/tasks`, token, {
    templateRef: 'template:default/new-project',
    values: VALUES,
  });
  if (created.status !== 201)
    throw new Error(`task not created: ${JSON.stringify(created)}`);
  const taskId = created.body.id;
  for (;;) {
    const task = await call(
      'GET',
      `${base}/scaffolder/v2/tasks/${taskId}`,
      token,
    );
    if (['completed', 'failed', 'cancelled'].includes(task.body.status)) {
      const events = await call(
        'GET',
        `${base}/scaffolder/v2/tasks/${taskId}/events`,
        token,
      );
      return {
        task: task.body,
        events: events.body,
        startedAt,
        ms: Number(process.hrtime.bigint() - startedAt) / 1e6,
      };
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

async function main() {
  const stopEmulator = await startEmulator(EMULATOR_PORT);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-bench-project-'));
  const backend = await startBackend({
    port: PORT,
    env: {
      SRE_CC_NO_EMULATOR: '1',
      // info: the task log carries the action's counts.
      LOG_LEVEL: 'info',
      SRE_CC_GITHUB_BASE_URL: emulatorUrl,
      SRE_CC_AZURE_ENDPOINT: emulatorUrl,
      APP_CONFIG_backend_database_connection: JSON.stringify({
        directory: dir,
      }),
    },
  });
  try {
    const refresh = await fetch(`${base}/auth/guest/refresh`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const token = (await refresh.json()).backstageIdentity.token;
    // The catalog reads the template from its file location first.
    for (let i = 0; ; i++) {
      const t = await call(
        'GET',
        `${base}/catalog/entities/by-name/template/default/new-project`,
        token,
      );
      if (t.status === 200) break;
      if (i > 240) throw new Error('the template never reached the catalog');
      await new Promise(r => setTimeout(r, 500));
    }

    const first = await runTask(token);
    if (first.task.status !== 'completed') {
      const log = first.events
        .map(e => e.body && e.body.message)
        .filter(Boolean)
        .join('\n');
      throw new Error(`task ${first.task.status}:\n${log.slice(-3000)}`);
    }
    const output = first.task.output ?? {};
    // The System as the catalog returns it, with its Control Center annotations.
    const systemName = 'mindful-moments-azure-sre-demo';
    // catalog:register adds the location; the catalog's processing loop then
    // stitches the System: the page has it once it can be read.
    let system;
    for (let i = 0; i < 1200; i++) {
      system = await call(
        'GET',
        `${base}/catalog/entities/by-name/system/default/${systemName}`,
        token,
      );
      if (system.status === 200) break;
      await new Promise(r => setTimeout(r, 100));
    }
    const toSystemMs = Number(process.hrtime.bigint() - first.startedAt) / 1e6;
    const messages = messagesOf(first);
    const callsLine = messages.find(m => /GitHub requests/.test(m)) ?? '';
    const planLine = messages.find(m => /Plan for /.test(m)) ?? '';
    const issues = await githubIssueCount();

    const second = await runTask(token);
    const secondCalls =
      messagesOf(second).find(m => /GitHub requests/.test(m)) ?? '';

    console.log(
      JSON.stringify(
        {
          bench:
            '/projects/new: Mindful Moments requirements → GitHub project → System in the catalog',
          'submit → task completed (ms)': Math.round(first.ms),
          'submit → System readable in the catalog (ms)':
            Math.round(toSystemMs),
          'System in catalog': system.status === 200,
          'System annotations': system.body?.metadata?.annotations,
          plan: planLine,
          'first run': callsLine,
          'GitHub issues at the emulator': issues,
          'second run, same inputs (ms)': Math.round(second.ms),
          'second run': secondCalls,
          'GitHub issues after the second run': await githubIssueCount(),
          'second run status': second.task.status,
          'second run log tail':
            second.task.status === 'completed'
              ? undefined
              : messagesOf(second).slice(-5),
          links: output.links,
        },
        null,
        2,
      ),
    );
  } finally {
    await backend.stop();
    stopEmulator();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
