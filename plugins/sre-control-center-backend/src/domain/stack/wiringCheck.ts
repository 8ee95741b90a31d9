import type {
  StackActionGroup,
  WiringCheck,
  WiringProblem,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { ActionGroupDefinition, AlertRuleDefinition } from './ports';

const WILL_NOT_REACH = 'alerts of this rule will not reach the Control Center';

/** host + path, lower-cased, without query (the token) or trailing slash. */
function endpointOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return undefined;
  }
}

function withoutQuery(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

/** Action groups ids compare case-insensitively (Azure lower-cases `microsoft.insights`). */
const key = (id: string) => id.toLowerCase().replace(/\/+$/, '');

/** The action groups as the card shows them: which receivers call this portal. */
export function describeActionGroups(
  groups: ActionGroupDefinition[],
  webhookUrls: string[],
): StackActionGroup[] {
  const portal = new Set(
    webhookUrls.map(endpointOf).filter((e): e is string => Boolean(e)),
  );
  return groups.map(group => {
    const webhooks = group.webhooks.map(w => {
      const endpoint = endpointOf(w.serviceUri);
      return {
        name: w.name,
        url: withoutQuery(w.serviceUri),
        useCommonAlertSchema: w.useCommonAlertSchema,
        useAadAuth: w.useAadAuth,
        reachesControlCenter: endpoint !== undefined && portal.has(endpoint),
      };
    });
    return {
      id: group.id,
      name: group.name,
      enabled: group.enabled,
      webhooks,
      emailReceivers: group.emailReceivers,
      reachesControlCenter:
        group.enabled &&
        webhooks.some(w => w.reachesControlCenter && w.useCommonAlertSchema),
    };
  });
}

/**
 * Do the stack's alerts reach this portal? Plain words for each way they do
 * not: no action group calls the portal's webhook, one calls it without the
 * common alert schema, a rule has no action group or only groups that do
 * not call the portal, a rule names a group that does not exist or is off.
 */
export function checkWiring(options: {
  rules: AlertRuleDefinition[];
  groups: StackActionGroup[];
  webhookUrls: string[];
}): WiringCheck {
  const { rules, groups, webhookUrls } = options;
  const problems: WiringProblem[] = [];
  const byId = new Map(groups.map(g => [key(g.id), g]));

  const callingPortal = groups.filter(g =>
    g.webhooks.some(w => w.reachesControlCenter),
  );
  if (!groups.some(g => g.reachesControlCenter)) {
    problems.push({
      kind: 'no-action-group-reaches-portal',
      ruleId: null,
      actionGroupId: null,
      message: `No action group calls this portal's webhook (${webhookUrls
        .map(withoutQuery)
        .join(
          ' or ',
        )}) with the common alert schema: no alert of this stack will reach the Control Center.`,
    });
  }
  for (const group of callingPortal) {
    for (const webhook of group.webhooks.filter(
      w => w.reachesControlCenter && !w.useCommonAlertSchema,
    )) {
      problems.push({
        kind: 'common-alert-schema-off',
        ruleId: null,
        actionGroupId: group.id,
        message: `Action group ${group.name} calls the Control Center (receiver ${webhook.name}) with the common alert schema off: turn "Enable the common alert schema" on, or its alerts arrive as unrecognized payloads.`,
      });
    }
    if (!group.enabled) {
      problems.push({
        kind: 'action-group-disabled',
        ruleId: null,
        actionGroupId: group.id,
        message: `Action group ${group.name} calls the Control Center but is disabled: it sends nothing.`,
      });
    }
  }

  for (const rule of rules.filter(r => r.enabled)) {
    if (rule.actionGroupIds.length === 0) {
      problems.push({
        kind: 'rule-without-action-group',
        ruleId: rule.id,
        actionGroupId: null,
        message: `Rule ${rule.name} has no action group: ${WILL_NOT_REACH}.`,
      });
      continue;
    }
    const used = rule.actionGroupIds.map(id => ({
      id,
      group: byId.get(key(id)),
    }));
    for (const missing of used.filter(u => !u.group)) {
      problems.push({
        kind: 'action-group-not-found',
        ruleId: rule.id,
        actionGroupId: missing.id,
        message: `Rule ${rule.name} uses action group ${
          missing.id.split('/').pop() ?? missing.id
        }, which does not exist (or cannot be read).`,
      });
    }
    if (!used.some(u => u.group?.reachesControlCenter)) {
      const names = used.map(u => u.group?.name ?? u.id.split('/').pop());
      problems.push({
        kind: 'rule-not-reaching-portal',
        ruleId: rule.id,
        actionGroupId: null,
        message: `Rule ${rule.name} uses only ${names.join(', ')}, which ${
          names.length === 1 ? 'does' : 'do'
        } not call the Control Center: ${WILL_NOT_REACH}.`,
      });
    }
  }
  return {
    ok: problems.length === 0,
    webhookUrls: webhookUrls.map(withoutQuery),
    problems,
  };
}
