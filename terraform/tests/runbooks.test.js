'use strict';
// One runbook file for the SRE agent and the portal.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const {
  loadRunbooks,
  checkRunbooks,
  RUNBOOK_FILE,
} = require('../scripts/lib/runbooks');
const { stack, REPO } = require('./helpers');

async function stackNames() {
  const ctx = await stack();
  const names = ctx.local('env', 'names');
  return {
    alertNames: Object.keys(ctx.local('monitoring', 'metric_alerts')),
    resourceNames: [
      names.app_service,
      names.app_service_plan,
      names.postgresql,
    ],
  };
}

test("the runbook file has the shape the portal validates, and names the stack's alerts and resources", async () => {
  assert.deepEqual(checkRunbooks(loadRunbooks(), await stackNames()), []);
});

test("the plan's four runbooks: restart, scale B1 -> B2 with approval, idle PostgreSQL sessions with approval, rollback", () => {
  const { runbooks } = loadRunbooks().document;
  const byType = type =>
    runbooks.find(r => r.actions.some(a => a.type === type));
  assert.equal(runbooks.length, 4);
  assert.equal(byType('restart').trigger.alert, 'alert-high-response-time');
  assert.equal(byType('restart').actions[0].approval_required, false);
  const scale = byType('scale');
  assert.equal(scale.trigger.alert, 'alert-high-cpu');
  assert.equal(scale.actions[0].target_sku, 'B2');
  assert.equal(scale.actions[0].approval_required, true);
  const query = byType('execute_query');
  assert.equal(query.trigger.alert, 'alert-db-connection-failures');
  assert.equal(query.actions[0].approval_required, true);
  assert.equal(byType('rollback').actions[0].slot, 'staging');
});

test('app-config.yaml takes sreControlCenter.runbooks from the file ($include), not from a copy', () => {
  const config = YAML.parse(
    fs.readFileSync(path.join(REPO, 'app-config.yaml'), 'utf8'),
  );
  const include = config.sreControlCenter.runbooks;
  assert.deepEqual(include, {
    $include: './terraform/sre-agent/runbooks.yaml#runbooks',
  });
  const [file, key] = include.$include.split('#');
  assert.equal(path.resolve(REPO, file), RUNBOOK_FILE);
  assert.equal(key, 'runbooks');
});

test('a runbook triggered by an alert the stack does not create, or naming another resource, is refused', async () => {
  const names = await stackNames();
  const file = loadRunbooks();
  const bad = structuredClone(file.document);
  bad.runbooks[0].trigger.alert = 'alert-slow-response';
  bad.runbooks[1].actions[0].resource = 'asp-other';
  bad.runbooks[2].actions[0].type = 'reboot';
  const errors = checkRunbooks({ text: file.text, document: bad }, names);
  assert.equal(errors.length, 3, errors.join('\n'));
  assert.match(errors[0], /alert-slow-response/);
  assert.match(errors[1], /asp-other/);
  assert.match(errors[2], /type: one of/);
  assert.match(
    checkRunbooks({ text: 'x: ${SECRET}', document: file.document }, names)[0],
    /environment variable/,
  );
});
