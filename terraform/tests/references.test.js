'use strict';
// References resolve; module inputs are declared and required ones passed.
const { test, after } = require('node:test');
const assert = require('node:assert/strict');
const { checkReferences } = require('../scripts/lib/checks');
const { stack } = require('./helpers');

let result;
async function references() {
  result ??= checkReferences((await stack()).tree);
  return result;
}

test('every var., local., module., data. and resource reference names something that exists', async () => {
  const { errors } = await references();
  assert.deepEqual(errors, []);
});

test('the environment passes only declared inputs and every required one', async () => {
  const { errors, moduleCallsChecked } = await references();
  assert.deepEqual(
    errors.filter(e => e.includes('module "')),
    [],
  );
  assert.equal(moduleCallsChecked, 9, 'nine module calls in environments/dev');
});

after(async () => {
  const r = await references();
  console.log(
    `# ${r.referencesChecked} references and ${r.moduleCallsChecked} module calls checked`,
  );
});
