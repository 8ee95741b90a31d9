'use strict';
// The GitHub workflows, parsed with GitHub's own parser
// (@actions/workflow-parser) and the SchemaStore schema
// (@action-validator/core), then checked for their triggers, permissions and steps.
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');
const { validateWorkflow } = require('@action-validator/core');
const { REPO } = require('./helpers');

const WORKFLOWS = path.join(REPO, '.github/workflows');
const read = name => fs.readFileSync(path.join(WORKFLOWS, name), 'utf8');

// The parser's ES modules import its JSON schemas without `with { type: 'json' }`
// (fine for bundlers, refused by Node): add the attribute for those files.
require('node:module').registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/@actions/workflow-parser/') && url.endsWith('.json'))
      return nextLoad(url, {
        ...context,
        importAttributes: { ...context.importAttributes, type: 'json' },
      });
    return nextLoad(url, context);
  },
});

let parser;
before(async () => {
  parser = await import('@actions/workflow-parser');
});

async function parseWithGitHub(name) {
  const content = read(name);
  const result = parser.parseWorkflow(
    { name, content },
    new parser.NoOperationTraceWriter(),
  );
  const errors = result.context.errors.getErrors().map(e => e.message);
  const template = result.value
    ? await parser.convertWorkflowTemplate(result.context, result.value)
    : undefined;
  return {
    errors: [...errors, ...(template?.errors ?? []).map(e => e.Message)],
    template,
  };
}

const steps = job => job.steps ?? [];
const uses = (job, action) =>
  steps(job).filter(
    s => typeof s.uses === 'string' && s.uses.startsWith(`${action}@`),
  );
const runs = (job, pattern) =>
  steps(job).some(s => typeof s.run === 'string' && pattern.test(s.run));
const logsIn = job => uses(job, 'azure/login').length > 0;

for (const name of ['terraform-deploy.yml', 'app-deploy.yml', 'ci.yml']) {
  test(`${name} parses without errors (GitHub's workflow parser and the SchemaStore schema)`, async () => {
    const { errors, template } = await parseWithGitHub(name);
    assert.deepEqual(errors, []);
    assert.ok(template.jobs.length > 0);
    const state = validateWorkflow(read(name));
    assert.deepEqual(
      state.errors.map(e => `${e.path ?? ''} ${e.title}: ${e.detail ?? ''}`),
      [],
    );
  });
}

for (const name of ['terraform-deploy.yml', 'app-deploy.yml']) {
  test(`${name}: id-token: write only in the jobs that log in to Azure or sign a call`, () => {
    const workflow = YAML.parse(read(name));
    assert.deepEqual(
      workflow.permissions,
      { contents: 'read' },
      'read-only by default',
    );
    for (const [id, job] of Object.entries(workflow.jobs)) {
      assert.ok(job.permissions, `${id} declares its permissions`);
      const signs = runs(job, /ACTIONS_ID_TOKEN_REQUEST_URL/);
      assert.equal(
        job.permissions['id-token'] === 'write',
        logsIn(job) || signs,
        `${id}: id-token`,
      );
    }
  });
}

test('terraform-deploy.yml: pull requests touching terraform/ plan; main applies the reviewed plan behind the dev environment', () => {
  const workflow = YAML.parse(read('terraform-deploy.yml'));
  assert.ok(workflow.on.pull_request.paths.includes('terraform/**'));
  assert.deepEqual(workflow.on.push.branches, ['main']);
  assert.ok(workflow.on.push.paths.includes('terraform/**'));
  const { plan, apply } = workflow.jobs;
  assert.ok(logsIn(plan) && logsIn(apply), 'OIDC login in plan and apply');
  assert.equal(
    uses(plan, 'azure/login')[0].with['client-id'],
    '${{ vars.AZURE_CLIENT_ID }}',
  );
  assert.ok(
    !JSON.stringify(workflow).includes('client-secret'),
    'no client secret: OIDC',
  );
  assert.ok(runs(plan, /terraform fmt -check -recursive/), 'fmt check');
  assert.ok(runs(plan, /terraform init/), 'init');
  assert.ok(runs(plan, /terraform validate/), 'validate');
  assert.ok(runs(plan, /terraform plan .*-out=tfplan/), 'plan -out');
  const upload = uses(plan, 'actions/upload-artifact')[0];
  assert.match(upload.with.path, /tfplan/);
  assert.match(upload.with.path, /\.terraform\.lock\.hcl/);
  const comment = uses(plan, 'actions/github-script')[0];
  assert.match(comment.if, /pull_request/);
  assert.match(comment.with.script, /createComment|updateComment/);
  assert.equal(plan.permissions['pull-requests'], 'write');
  assert.match(apply.if, /refs\/heads\/main/);
  assert.equal(apply.environment.name, 'dev');
  assert.deepEqual([].concat(apply.needs), ['plan']);
  assert.equal(
    uses(apply, 'actions/download-artifact')[0].with.name,
    upload.with.name,
    "apply downloads the plan job's plan",
  );
  assert.ok(runs(apply, /terraform apply .*tfplan/), 'apply of the saved plan');
  assert.ok(!runs(apply, /terraform plan/), 'apply makes no new plan');
  assert.ok(runs(apply, /terraform output -json/), 'outputs published');
  assert.ok(runs(apply, /\.value\.sensitive/), 'sensitive outputs redacted');
  assert.ok(uses(apply, 'actions/upload-artifact').length > 0);
  assert.equal(
    workflow.env.TF_VAR_control_center_webhook_token,
    undefined,
    'the token is not in the workflow env',
  );
  assert.ok(
    steps(plan).some(
      s =>
        s.env?.TF_VAR_control_center_webhook_token ===
        '${{ secrets.SRE_CC_WEBHOOK_TOKEN }}',
    ),
  );
});

test('terraform-deploy.yml: a Trivy config scan of terraform/ uploads SARIF', () => {
  const workflow = YAML.parse(read('terraform-deploy.yml'));
  const scan = workflow.jobs['security-scan'];
  const trivy = uses(scan, 'aquasecurity/trivy-action')[0];
  assert.equal(trivy.with['scan-type'], 'config');
  assert.equal(trivy.with['scan-ref'], 'terraform');
  assert.equal(trivy.with.format, 'sarif');
  const sarif = uses(scan, 'github/codeql-action/upload-sarif')[0];
  assert.equal(sarif.with.sarif_file, trivy.with.output);
  assert.equal(sarif.if, 'always()');
  assert.equal(scan.permissions['security-events'], 'write');
});

test('app-deploy.yml: reusable (workflow_call with app name, package path, Node version) and manual', () => {
  const workflow = YAML.parse(read('app-deploy.yml'));
  for (const trigger of ['workflow_call', 'workflow_dispatch']) {
    const inputs = workflow.on[trigger].inputs;
    for (const input of [
      'app-name',
      'package-path',
      'node-version',
      'control-center-url',
    ])
      assert.ok(inputs[input], `${trigger} input ${input}`);
    assert.equal(inputs['node-version'].default, '22');
  }
  assert.ok(workflow.on.workflow_call.secrets.AZURE_CLIENT_ID.required);
});

test('app-deploy.yml: build, test, deploy with OIDC, smoke test /health, notify the Control Center', () => {
  const workflow = YAML.parse(read('app-deploy.yml'));
  const { build, deploy, notify } = workflow.jobs;
  assert.equal(
    uses(build, 'actions/setup-node')[0].with['node-version'],
    '${{ inputs.node-version }}',
  );
  assert.ok(
    runs(build, /npm ci/) &&
      runs(build, /npm test/) &&
      runs(build, /npm run build/),
  );
  assert.ok(logsIn(deploy));
  assert.equal(
    uses(deploy, 'azure/webapps-deploy')[0].with['app-name'],
    '${{ inputs.app-name }}',
  );
  const smoke = steps(deploy).find(s => s.name === 'Smoke test');
  assert.match(smoke.env.HEALTH_URL, /inputs\.health-path/);
  assert.equal(
    workflow.on.workflow_call.inputs['health-path'].default,
    '/health',
  );
  assert.match(smoke.run, /curl --fail/);
  assert.match(notify.if, /always\(\)/);
  const call = steps(notify)[0];
  assert.match(call.run, /\/api\/sre-control-center\/webhooks\/deployments/);
  assert.match(call.run, /Authorization: Bearer \$TOKEN/);
  for (const field of [
    'entityRef',
    'version',
    'commit',
    'environment',
    'status',
    'actor',
    'url',
  ])
    assert.match(
      call.run,
      new RegExp(`\\b${field}: \\$${field}\\b`),
      `body field ${field}`,
    );
  assert.match(
    call.run,
    /audience=sre-control-center/,
    'GitHub OIDC token when no static token',
  );
});

test('a broken workflow is refused by both parsers', async () => {
  const broken = read('terraform-deploy.yml')
    .replace(
      '    permissions:\n      contents: read\n      security-events: write',
      '    permisions:\n      contents: read',
    )
    .replace(
      "if: github.event_name == 'push' && github.ref == 'refs/heads/main'",
      'if: ${{ github.event_name == }}',
    );
  const result = parser.parseWorkflow(
    { name: 'broken.yml', content: broken },
    new parser.NoOperationTraceWriter(),
  );
  const errors = result.context.errors
    .getErrors()
    .map(e => e.message)
    .join('\n');
  assert.match(errors, /permisions/);
  assert.match(errors, /Unexpected end of expression|Expected|expression/i);
  assert.ok(validateWorkflow(broken).errors.length > 0);
});
