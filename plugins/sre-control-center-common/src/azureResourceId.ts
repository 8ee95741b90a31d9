/**
 * Strict parsers for Azure Resource Manager ids: every id that reaches an
 * ARM call is taken apart into its real shape first.
 */

/**
 * An Azure Resource Manager resource id taken apart.
 *
 * @public
 */
export interface ArmResourceId {
  /** The id as given, without a trailing slash. */
  id: string;
  subscriptionId: string;
  resourceGroup: string;
  /** e.g. `Microsoft.Web` */
  namespace: string;
  /** Resource type without the namespace, e.g. `sites` or `virtualNetworks/subnets`. */
  type: string;
  /** The last name segment, e.g. the site's name. */
  name: string;
  /** True for a child resource such as a subnet. */
  child: boolean;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// ARM: 1-90 characters, letters, digits, underscores, parentheses, hyphens, periods (not at the end).
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;
const TYPE_SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;
const NAME_SEGMENT = /^[^/?#\s]{1,260}$/;

/**
 * Parses `/subscriptions/{guid}/resourceGroups/{group}/providers/{Namespace}/{type}/{name}[/{type}/{name}…]`;
 * returns undefined for anything else (a resource group id, a URL, a name).
 *
 * @public
 */
export function parseArmResourceId(value: string): ArmResourceId | undefined {
  if (value.length > 1024) return undefined;
  const id = value.replace(/\/+$/, '');
  const parts = id.split('/');
  if (parts[0] !== '' || parts.length < 9) return undefined;
  const [, subs, subscriptionId, groups, resourceGroup, providers, namespace] =
    parts;
  if (
    subs.toLowerCase() !== 'subscriptions' ||
    !GUID.test(subscriptionId) ||
    groups.toLowerCase() !== 'resourcegroups' ||
    !RESOURCE_GROUP.test(resourceGroup) ||
    providers.toLowerCase() !== 'providers' ||
    !NAMESPACE.test(namespace)
  ) {
    return undefined;
  }
  const rest = parts.slice(7);
  if (rest.length % 2 !== 0) return undefined;
  const types: string[] = [];
  let name = '';
  for (let i = 0; i < rest.length; i += 2) {
    if (!TYPE_SEGMENT.test(rest[i]) || !NAME_SEGMENT.test(rest[i + 1]))
      return undefined;
    types.push(rest[i]);
    name = rest[i + 1];
  }
  return {
    id,
    subscriptionId: subscriptionId.toLowerCase(),
    resourceGroup,
    namespace,
    type: types.join('/'),
    name,
    child: types.length > 1,
  };
}

/**
 * `/subscriptions/{guid}/resourceGroups/{group}` → its parts, or undefined.
 *
 * @public
 */
export function parseResourceGroupId(
  value: string,
): { subscriptionId: string; resourceGroup: string } | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/?$/i.exec(
    value,
  );
  if (!match || !GUID.test(match[1]) || !RESOURCE_GROUP.test(match[2]))
    return undefined;
  return {
    subscriptionId: match[1].toLowerCase(),
    resourceGroup: match[2],
  };
}
