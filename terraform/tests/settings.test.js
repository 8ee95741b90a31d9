'use strict';
// Each setting the plan (issue 17) lists, asserted from the parsed HCL as the
// dev environment composes the modules (terraform/scripts/lib/settings.js).
const { test, after } = require('node:test');
const { settings } = require('../scripts/lib/settings');
const { stack } = require('./helpers');

for (const setting of settings) {
  test(`${setting.id}: ${setting.description}`, async () => {
    setting.check(await stack());
  });
}

after(() => {
  console.log(`# ${settings.length} settings of the plan checked`);
});
