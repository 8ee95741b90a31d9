/** The parts of an ARM resource id the SDK clients take separately. */
export interface ArmResourceParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

// Segments without anything that would change the request once sent.
const RESOURCE_ID =
  /^\/subscriptions\/([^/?#%\\\s]+)\/resourcegroups\/([^/?#%\\\s]+)\/providers\/[^/?#%\\\s]+\/[^/?#%\\\s]+\/([^/?#%\\\s]+)$/i;

export function parseArmResourceId(id: string): ArmResourceParts {
  const match = id.length <= 1024 ? RESOURCE_ID.exec(id) : null;
  if (!match || match.slice(1).includes('..')) {
    throw new Error(`Not an ARM resource id: ${id.slice(0, 200)}`);
  }
  return { subscriptionId: match[1], resourceGroup: match[2], name: match[3] };
}

const RESOURCE_GROUP_ID =
  /^\/subscriptions\/([^/?#%\\\s]+)\/resourcegroups\/([^/?#%\\\s]+)$/i;

/** `/subscriptions/{s}/resourceGroups/{g}` → its subscription and group name. */
export function parseResourceGroupId(resourceGroupId: string): {
  subscriptionId: string;
  resourceGroup: string;
} {
  const match =
    resourceGroupId.length <= 1024
      ? RESOURCE_GROUP_ID.exec(resourceGroupId)
      : null;
  if (!match || match.slice(1).includes('..')) {
    throw new Error(
      `Not a resource group id: ${resourceGroupId.slice(0, 200)}`,
    );
  }
  return { subscriptionId: match[1], resourceGroup: match[2] };
}
