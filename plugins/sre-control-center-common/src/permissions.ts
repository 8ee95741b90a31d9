import {
  createPermission,
  type BasicPermission,
} from '@backstage/plugin-permission-common';

/** Acknowledge or close an alert (synced back to Azure). */
export const alertUpdatePermission: BasicPermission = createPermission({
  name: 'sre-control-center.alert.update',
  attributes: { action: 'update' },
});

/** Request a runbook run (it may still need an approval before it executes). */
export const runbookRunPermission: BasicPermission = createPermission({
  name: 'sre-control-center.runbook.run',
  attributes: { action: 'create' },
});

/** Approve or reject a requested runbook run. */
export const runbookApprovePermission: BasicPermission = createPermission({
  name: 'sre-control-center.runbook.approve',
  attributes: { action: 'update' },
});

/** Every permission this plugin checks, for registration with the permission framework. */
export const sreControlCenterPermissions = [
  alertUpdatePermission,
  runbookRunPermission,
  runbookApprovePermission,
];
