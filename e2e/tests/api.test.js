'use strict';
// The plugin API as scripts and other systems see it, on the running portal.
const { test } = require('node:test');
const assert = require('node:assert/strict');

const backendUrl = process.env.E2E_BACKEND_URL || 'http://localhost:7007';
const token = process.env.E2E_STATIC_TOKEN;
const api = `${backendUrl}/api/sre-control-center`;
const auth = { authorization: `Bearer ${token}` };

test('health answers without credentials', async () => {
  const res = await fetch(`${api}/health`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { status: 'ok' });
});

test('read routes accept an external access token (service principal)', async () => {
  const res = await fetch(
    `${api}/alerts?entityRef=system:default/mindful-moments`,
    { headers: auth },
  );
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.ok(Array.isArray(body.items));
  assert.ok('nextCursor' in body);
});

test('read routes refuse anonymous callers with a JSON 401', async () => {
  const res = await fetch(
    `${api}/alerts?entityRef=system:default/mindful-moments`,
  );
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.name, 'AuthenticationError');
});

test('bad queries and unknown routes answer JSON 400 and 404', async () => {
  const bad = await fetch(`${api}/alerts?entityRef=nope`, { headers: auth });
  assert.equal(bad.status, 400);
  assert.match((await bad.json()).error.message, /entityRef/);
  const missing = await fetch(`${api}/no-such-route`, { headers: auth });
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error.name, 'NotFoundError');
});
