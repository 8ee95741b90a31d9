'use strict';
/*
 * Shared by the Terraform tests: the parsed stack, and the stack with edits
 * applied in memory, to prove that a misconfiguration fails.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { buildContext } = require('../scripts/lib/context');
const { loadTree } = require('../scripts/lib/checks');

const TERRAFORM = path.resolve(__dirname, '..');
const REPO = path.resolve(TERRAFORM, '..');

let context;
/** The real stack, parsed once per test file. */
function stack() {
  context ??= buildContext(TERRAFORM);
  return context;
}

/**
 * The stack with `edits` applied in memory: `[file, search, replace]`, the
 * file relative to terraform/. Each search must occur, or the test would
 * prove nothing. Returns an overlay (absolute path => new contents).
 */
function mutated(edits) {
  const overlay = {};
  for (const [file, search, replace] of edits) {
    const target = path.join(TERRAFORM, file);
    const text = overlay[target] ?? fs.readFileSync(target, 'utf8');
    assert.ok(
      typeof search === 'string' ? text.includes(search) : search.test(text),
      `mutation target not found in ${file}: ${search}`,
    );
    overlay[target] = text.replace(search, replace);
  }
  return overlay;
}

async function mutatedContext(edits) {
  return buildContext(TERRAFORM, mutated(edits));
}

async function mutatedTree(edits) {
  return loadTree(TERRAFORM, mutated(edits));
}

module.exports = {
  TERRAFORM,
  REPO,
  stack,
  mutated,
  mutatedContext,
  mutatedTree,
};
