import {
  createPermission,
  type BasicPermission,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type (`RESOURCE_TYPE_CATALOG_ENTITY` of
 * `@backstage/plugin-catalog-common/alpha`). The Control Center's changes are
 * permissions on the System they act on, so a policy can decide them with the
 * catalog's conditional rules (`isEntityOwner`, `hasAnnotation`, ...).
 *
 * @public
 */
export const CATALOG_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * A permission on one System, authorized with the System's entity ref.
 *
 * @public
 */
export type SystemPermission = ResourcePermission<
  typeof CATALOG_ENTITY_RESOURCE_TYPE
>;

/**
 * Acknowledge or close one of the System's alerts (synced back to Azure).
 *
 * @public
 */
export const alertUpdatePermission: SystemPermission = createPermission({
  name: 'sre-control-center.alert.update',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Start or end a maintenance window: silence the System's paging.
 *
 * @public
 */
export const maintenanceManagePermission: SystemPermission = createPermission({
  name: 'sre-control-center.maintenance.manage',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Request a runbook run for the System (it may still need an approval).
 *
 * @public
 */
export const runbookRunPermission: SystemPermission = createPermission({
  name: 'sre-control-center.runbook.run',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Approve or reject a requested run of one of the System's runbooks.
 *
 * @public
 */
export const runbookApprovePermission: SystemPermission = createPermission({
  name: 'sre-control-center.runbook.approve',
  attributes: { action: 'update' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * Open a GitHub issue in the System's repository for one of its alerts.
 *
 * @public
 */
export const issueCreatePermission: SystemPermission = createPermission({
  name: 'sre-control-center.issue.create',
  attributes: { action: 'create' },
  resourceType: CATALOG_ENTITY_RESOURCE_TYPE,
});

/**
 * See webhook deliveries that are not alerts and alerts no System claims (operators).
 *
 * @public
 */
export const deliveryReadPermission: BasicPermission = createPermission({
  name: 'sre-control-center.delivery.read',
  attributes: { action: 'read' },
});

/**
 * Requeue a failed webhook delivery (operators).
 *
 * @public
 */
export const deliveryManagePermission: BasicPermission = createPermission({
  name: 'sre-control-center.delivery.manage',
  attributes: { action: 'update' },
});

/**
 * The permissions decided per System.
 *
 * @public
 */
export const systemPermissions: SystemPermission[] = [
  alertUpdatePermission,
  maintenanceManagePermission,
  runbookRunPermission,
  runbookApprovePermission,
  issueCreatePermission,
];

/**
 * Every permission this plugin checks, for registration with the permission framework.
 *
 * @public
 */
export const sreControlCenterPermissions = [
  ...systemPermissions,
  deliveryReadPermission,
  deliveryManagePermission,
];
