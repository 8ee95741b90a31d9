/** The parts of an ARM resource id the SDK clients take separately. */
export interface ArmResourceParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

const RESOURCE_ID =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/[^/]+\/[^/]+\/([^/]+)$/i;

export function parseArmResourceId(id: string): ArmResourceParts {
  const match = RESOURCE_ID.exec(id);
  if (!match) throw new Error(`Not an ARM resource id: ${id}`);
  return { subscriptionId: match[1], resourceGroup: match[2], name: match[3] };
}

const RESOURCE_GROUP_ID =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)$/i;

/** `/subscriptions/{s}/resourceGroups/{g}` → its subscription and group name. */
export function parseResourceGroupId(resourceGroupId: string): {
  subscriptionId: string;
  resourceGroup: string;
} {
  const match = RESOURCE_GROUP_ID.exec(resourceGroupId);
  if (!match) throw new Error(`Not a resource group id: ${resourceGroupId}`);
  return { subscriptionId: match[1], resourceGroup: match[2] };
}
