'use strict';
/*
 * The shared runbook file (terraform/sre-agent/runbooks.yaml): what the SRE
 * agent module and the portal both need from it. The portal's own validation
 * is plugins/sre-control-center-backend/src/config.ts (zod); the keys here
 * mirror it so a bad file fails in `npm test` before the backend refuses it,
 * and the backend's tests load the real file through app-config.yaml.
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const RUNBOOK_FILE = path.resolve(__dirname, '../../sre-agent/runbooks.yaml');

const RUNBOOK_KEYS = [
  'name',
  'description',
  'system',
  'trigger',
  'condition',
  'cooldown_minutes',
  'actions',
];
const ACTION_KEYS = [
  'type',
  'resource',
  'target_sku',
  'query',
  'slot',
  'approval_required',
];
const ACTION_TYPES = ['restart', 'scale', 'execute_query', 'rollback'];

function loadRunbooks(file = RUNBOOK_FILE) {
  const text = fs.readFileSync(file, 'utf8');
  return { text, document: YAML.parse(text) };
}

/**
 * Errors of a runbook file against the portal's shape and the stack:
 * `alertNames` the stack's alert rules, `resourceNames` the resources
 * runbook actions may name.
 */
function checkRunbooks({ text, document }, { alertNames, resourceNames }) {
  const errors = [];
  if (text.includes('${'))
    errors.push(
      'the file contains "${", which Backstage substitutes as an environment variable when it includes the file',
    );
  const runbooks = document?.runbooks;
  if (!Array.isArray(runbooks) || runbooks.length === 0) {
    errors.push('the file needs a non-empty `runbooks` list');
    return errors;
  }
  const names = new Set();
  runbooks.forEach((runbook, i) => {
    const at = `runbooks.${i}`;
    for (const key of Object.keys(runbook ?? {}))
      if (!RUNBOOK_KEYS.includes(key))
        errors.push(
          `${at}.${key}: not a runbook key (${RUNBOOK_KEYS.join(', ')})`,
        );
    if (typeof runbook?.name !== 'string' || !runbook.name)
      errors.push(`${at}.name: required`);
    else if (names.has(runbook.name))
      errors.push(`${at}.name: "${runbook.name}" twice`);
    else names.add(runbook.name);
    if (runbook?.trigger !== undefined) {
      if (
        typeof runbook.trigger?.alert !== 'string' ||
        Object.keys(runbook.trigger).length !== 1
      )
        errors.push(`${at}.trigger: must be { alert: <alert rule name> }`);
      else if (!alertNames.includes(runbook.trigger.alert))
        errors.push(
          `${at}.trigger.alert: "${
            runbook.trigger.alert
          }" is not an alert rule of the stack (${alertNames.join(', ')})`,
        );
    }
    if (
      runbook?.cooldown_minutes !== undefined &&
      !(
        Number.isInteger(runbook.cooldown_minutes) &&
        runbook.cooldown_minutes >= 0 &&
        runbook.cooldown_minutes <= 1440
      )
    )
      errors.push(`${at}.cooldown_minutes: a whole number of minutes, 0-1440`);
    const actions = runbook?.actions;
    if (!Array.isArray(actions) || actions.length === 0) {
      errors.push(`${at}.actions: at least one action`);
      return;
    }
    actions.forEach((action, j) => {
      const where = `${at}.actions.${j}`;
      for (const key of Object.keys(action ?? {}))
        if (!ACTION_KEYS.includes(key))
          errors.push(
            `${where}.${key}: not an action key (${ACTION_KEYS.join(', ')})`,
          );
      if (!ACTION_TYPES.includes(action?.type))
        errors.push(`${where}.type: one of ${ACTION_TYPES.join(', ')}`);
      if (!resourceNames.includes(action?.resource))
        errors.push(
          `${where}.resource: "${
            action?.resource
          }" is not a resource of the stack (${resourceNames.join(', ')})`,
        );
      if (action?.type === 'scale' && !action.target_sku)
        errors.push(`${where}.target_sku: a scale action needs it`);
      if (action?.type === 'rollback' && !action.slot)
        errors.push(`${where}.slot: a rollback action needs it`);
      if (
        action?.approval_required !== undefined &&
        typeof action.approval_required !== 'boolean'
      )
        errors.push(`${where}.approval_required: true or false`);
    });
  });
  return errors;
}

module.exports = { RUNBOOK_FILE, loadRunbooks, checkRunbooks, ACTION_TYPES };
