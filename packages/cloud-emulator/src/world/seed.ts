import {
  ACTION_GROUP_ID,
  APP_INSIGHTS_ID,
  BUDGET_AMOUNT,
  BUDGET_NAME,
  GITHUB_OWNER,
  GITHUB_REPO,
  KEY_VAULT_ID,
  LOCATION,
  LOG_ANALYTICS_ID,
  PLAN_ID,
  PLAN_NAME,
  POSTGRES_ID,
  POSTGRES_NAME,
  POSTGRES_PRIVATE_DNS_ZONE_ID,
  POSTGRES_SUBNET_ID,
  RESOURCE_GROUP,
  SITE_ID,
  SITE_NAME,
  SRE_AGENT_DISPLAY_NAME,
  SRE_AGENT_LOGIN,
  STAGING_SLOT_NAME,
  STORAGE_ID,
  OUTPUTS_BLOB,
  STATE_CONTAINER,
  STATE_STORAGE_NAME,
} from './constants';
import { terraformOutputs } from './terraformOutputs';
import {
  DEFAULT_CONTROL_CENTER_WEBHOOK,
  seedActionGroups,
  seedKeyVaults,
  seedMetricAlertRules,
  seedStorageAccounts,
} from './monitoring';
import {
  ALERT_RULES,
  changeAlertState,
  createMetricAlert,
  resolveAlert,
} from './alertRules';
import { noise, round } from './random';
import { sreAgentIssueFor } from './sreAgentIssue';
import {
  DailyCost,
  EmulatorState,
  GithubIssue,
  GithubUser,
  StoredAlert,
  emptyState,
} from './state';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const USERS: Record<string, GithubUser> = {
  maya: { login: 'maya-lindqvist', id: 5012301, type: 'User' },
  sreAgent: { login: SRE_AGENT_LOGIN, id: 9120044, type: 'Bot' },
  dependabot: { login: 'dependabot[bot]', id: 49699333, type: 'Bot' },
};

/** Daily cost of each billed resource, tuned so a month lands near the budget. */
export const COST_PROFILE: Array<
  Omit<DailyCost, 'date' | 'cost'> & { perDay: number }
> = [
  {
    serviceName: 'Azure App Service',
    meterCategory: 'Azure App Service',
    resourceId: PLAN_ID,
    resourceType: 'microsoft.web/serverfarms',
    resourceGroup: RESOURCE_GROUP,
    perDay: 0.42,
  },
  {
    serviceName: 'Bandwidth',
    meterCategory: 'Bandwidth',
    resourceId: SITE_ID,
    resourceType: 'microsoft.web/sites',
    resourceGroup: RESOURCE_GROUP,
    perDay: 0.08,
  },
  {
    serviceName: 'Azure Database for PostgreSQL',
    meterCategory: 'Azure Database for PostgreSQL',
    resourceId: POSTGRES_ID,
    resourceType: 'microsoft.dbforpostgresql/flexibleservers',
    resourceGroup: RESOURCE_GROUP,
    perDay: 0.61,
  },
  {
    serviceName: 'Storage',
    meterCategory: 'Storage',
    resourceId: STORAGE_ID,
    resourceType: 'microsoft.storage/storageaccounts',
    resourceGroup: RESOURCE_GROUP,
    perDay: 0.18,
  },
  {
    serviceName: 'Log Analytics',
    meterCategory: 'Log Analytics',
    resourceId: LOG_ANALYTICS_ID,
    resourceType: 'microsoft.operationalinsights/workspaces',
    resourceGroup: RESOURCE_GROUP,
    perDay: 2.25,
  },
  {
    serviceName: 'Application Insights',
    meterCategory: 'Application Insights',
    resourceId: APP_INSIGHTS_ID,
    resourceType: 'microsoft.insights/components',
    resourceGroup: RESOURCE_GROUP,
    perDay: 0.12,
  },
  {
    serviceName: 'Key Vault',
    meterCategory: 'Key Vault',
    resourceId: KEY_VAULT_ID,
    resourceType: 'microsoft.keyvault/vaults',
    resourceGroup: RESOURCE_GROUP,
    perDay: 0.01,
  },
];

/** Tags of every resource of the stack (Terraform's common tags). */
export const WORLD_TAGS = { environment: 'dev', app: 'mindful-moments' };

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function seedCosts(now: Date): DailyCost[] {
  const costs: DailyCost[] = [];
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const fractionOfToday = (now.getTime() - today) / DAY;
  for (let back = 62; back >= 0; back--) {
    const day = new Date(today - back * DAY);
    const date = isoDate(day);
    const share = back === 0 ? fractionOfToday : 1;
    for (const profile of COST_PROFILE) {
      const { perDay, ...rest } = profile;
      const jitter = 0.85 + noise(`${date}${profile.resourceId}`) * 0.3;
      const cost = round(perDay * jitter * share, 4);
      if (cost > 0) costs.push({ ...rest, date, cost, tags: WORLD_TAGS });
    }
  }
  return costs;
}

function historicalAlert(
  ruleName: string,
  firedAt: Date,
  opts: {
    resolveAfterMin?: number;
    state?: 'Acknowledged' | 'Closed';
    by?: string;
    comment?: string;
  },
): StoredAlert {
  const alert = createMetricAlert(ALERT_RULES[ruleName], firedAt);
  if (opts.state) {
    changeAlertState(
      alert,
      opts.state === 'Closed' ? 'Acknowledged' : opts.state,
      opts.by ?? SRE_AGENT_DISPLAY_NAME,
      opts.comment ?? '',
      new Date(firedAt.getTime() + 50_000),
    );
  }
  if (opts.resolveAfterMin !== undefined) {
    resolveAlert(
      alert,
      new Date(firedAt.getTime() + opts.resolveAfterMin * 60_000),
    );
  }
  if (opts.state === 'Closed') {
    changeAlertState(
      alert,
      'Closed',
      USERS.maya.login,
      'Fixed, see linked issue',
      new Date(
        firedAt.getTime() + ((opts.resolveAfterMin ?? 30) + 10) * 60_000,
      ),
    );
  }
  return alert;
}

function issue(
  number: number,
  fields: Partial<GithubIssue> &
    Pick<GithubIssue, 'title' | 'user' | 'created_at'>,
): GithubIssue {
  return {
    id: 2_100_000_000 + number,
    number,
    body: null,
    state: 'open',
    state_reason: null,
    labels: [],
    assignees: [],
    comments: [],
    updated_at: fields.created_at,
    closed_at: null,
    closed_by: null,
    ...fields,
  };
}

/** The Mindful Moments world the SRE Control Center is demoed against. */
export function seedWorld(
  now: Date,
  options: { controlCenterWebhookUrl?: string } = {},
): EmulatorState {
  const state = emptyState();
  const at = (msAgo: number) => new Date(now.getTime() - msAgo);
  const iso = (msAgo: number) => at(msAgo).toISOString();

  state.sites.push({
    name: SITE_NAME,
    state: 'Running',
    linuxFxVersion: 'NODE|22-lts',
    deployedVersion: '2025.06.3',
    restarts: [],
    lastModifiedTimeUtc: iso(9 * DAY),
    tags: { environment: 'dev', app: 'mindful-moments' },
    // The next release, on the Node 22 runtime, waits in staging for a swap.
    slots: [
      {
        name: STAGING_SLOT_NAME,
        state: 'Running',
        linuxFxVersion: 'NODE|22-lts',
        deployedVersion: '2025.06.4',
        lastModifiedTimeUtc: iso(5 * HOUR),
        tags: { environment: 'dev', app: 'mindful-moments' },
      },
    ],
  });
  state.postgresServers.push({
    name: POSTGRES_NAME,
    location: LOCATION,
    sku: { name: 'Standard_B1ms', tier: 'Burstable' },
    version: '16',
    minorVersion: '9',
    state: 'Ready',
    administratorLogin: 'mindfuladmin',
    storageSizeGB: 32,
    storageTier: 'P4',
    iops: 120,
    network: {
      publicNetworkAccess: 'Disabled',
      delegatedSubnetResourceId: POSTGRES_SUBNET_ID,
      privateDnsZoneArmResourceId: POSTGRES_PRIVATE_DNS_ZONE_ID,
    },
    availabilityZone: '1',
    backupRetentionDays: 7,
    createdAt: iso(120 * DAY),
    tags: { environment: 'dev', app: 'mindful-moments' },
  });
  state.plans.push({
    name: PLAN_NAME,
    location: LOCATION,
    kind: 'linux',
    reserved: true,
    sku: { name: 'B1', tier: 'Basic', size: 'B1', family: 'B', capacity: 1 },
    tags: { environment: 'dev', app: 'mindful-moments' },
  });

  state.budgets.push({
    name: BUDGET_NAME,
    // The Terraform creates it on the resource group.
    resourceGroup: RESOURCE_GROUP,
    amount: BUDGET_AMOUNT,
    timeGrain: 'Monthly',
    startDate: `${now.getUTCFullYear()}-01-01T00:00:00Z`,
    endDate: `${now.getUTCFullYear() + 2}-12-31T00:00:00Z`,
    eTag: '"1d9a7f0c3b2e4a1"',
    notifications: {
      Actual_GreaterThan_80_Percent: {
        enabled: true,
        operator: 'GreaterThan',
        threshold: 80,
        contactEmails: ['sre@mindfulmoments.dev'],
        contactRoles: ['Owner'],
        contactGroups: [ACTION_GROUP_ID],
        thresholdType: 'Actual',
        locale: 'en-us',
      },
      Actual_GreaterThanOrEqualTo_100_Percent: {
        enabled: true,
        operator: 'GreaterThanOrEqualTo',
        threshold: 100,
        contactEmails: ['sre@mindfulmoments.dev'],
        contactRoles: ['Owner'],
        contactGroups: [ACTION_GROUP_ID],
        thresholdType: 'Actual',
        locale: 'en-us',
      },
    },
  });
  state.dailyCosts = seedCosts(now);

  const dbFailures = historicalAlert(
    'alert-db-connection-failures',
    at(6 * DAY),
    {
      resolveAfterMin: 25,
      state: 'Closed',
    },
  );
  const http5xx = historicalAlert('alert-http-5xx', at(3 * DAY + 4 * HOUR), {
    resolveAfterMin: 18,
    state: 'Closed',
  });
  const oldResponse = historicalAlert(
    'alert-high-response-time',
    at(12 * DAY),
    {
      resolveAfterMin: 40,
      state: 'Closed',
    },
  );
  const cpu = historicalAlert('alert-high-cpu', at(20 * HOUR), {
    resolveAfterMin: 35,
    state: 'Acknowledged',
    comment: 'Investigating, GitHub issue opened',
  });
  const response = historicalAlert('alert-high-response-time', at(2 * HOUR), {
    state: 'Acknowledged',
    comment: 'Investigating, GitHub issue opened',
  });
  state.alerts.push(oldResponse, dbFailures, http5xx, cpu, response);

  const labels = [
    ['bug', 'd73a4a', "Something isn't working", true],
    ['enhancement', 'a2eeef', 'New feature or request', true],
    [
      'dependencies',
      '0366d6',
      'Pull requests that update a dependency file',
      false,
    ],
    ['incident', 'b60205', 'Production or dev environment incident', false],
    ['sre-agent', '5319e7', 'Opened by the Azure SRE agent', false],
    ['severity:sev1', 'e11d21', null, false],
    ['severity:sev2', 'fbca04', null, false],
  ] as const;

  const agentIssue = (
    number: number,
    alert: StoredAlert,
    closed: boolean,
  ): GithubIssue => {
    // Odd numbers carry the marker, even ones only rule and resource.
    const tpl = sreAgentIssueFor(alert, { marker: number % 2 === 1 });
    const opened = new Date(
      new Date(alert.essentials.startDateTime).getTime() + 55_000,
    ).toISOString();
    const closedAt = alert.essentials.monitorConditionResolvedDateTime ?? null;
    return issue(number, {
      ...tpl,
      user: USERS.sreAgent,
      created_at: opened,
      updated_at: closed && closedAt ? closedAt : opened,
      state: closed ? 'closed' : 'open',
      state_reason: closed ? 'completed' : null,
      closed_at: closed ? closedAt : null,
      closed_by: closed ? USERS.maya : null,
      comments: [
        {
          id: 1_900_000_000 + number,
          body: `Acknowledged ${alert.name} in Azure Monitor. Looking at recent deployments and ${alert.essentials.targetResourceName} metrics.`,
          user: USERS.sreAgent,
          created_at: opened,
          updated_at: opened,
        },
      ],
    });
  };

  state.github.repos.push({
    id: 812345678,
    owner: { login: GITHUB_OWNER, id: 170001234, type: 'User' },
    name: GITHUB_REPO,
    description: 'Mindful Moments: a small meditation and journaling app',
    private: false,
    created_at: iso(120 * DAY),
    labels: labels.map(([name, color, description, isDefault], i) => ({
      id: 7_000_000_000 + i,
      name,
      color,
      description,
      default: isDefault,
    })),
    issues: [
      issue(1, {
        title: 'Add a daily breathing reminder',
        body: 'A gentle push notification at a time the user picks.',
        user: USERS.maya,
        labels: ['enhancement'],
        created_at: iso(40 * DAY),
      }),
      issue(2, {
        title: 'Meditation timer resets when the app goes to background',
        body: 'Steps: start a 10 minute session, switch apps, come back.',
        user: USERS.maya,
        labels: ['bug'],
        created_at: iso(30 * DAY),
        state: 'closed',
        state_reason: 'completed',
        closed_at: iso(28 * DAY),
        closed_by: USERS.maya,
        updated_at: iso(28 * DAY),
      }),
      issue(3, {
        title: 'Bump express from 4.21.2 to 4.22.0',
        body: 'Bumps express from 4.21.2 to 4.22.0.',
        user: USERS.dependabot,
        labels: ['dependencies'],
        created_at: iso(14 * DAY),
        pullRequest: { merged_at: null },
      }),
      agentIssue(4, oldResponse, true),
      agentIssue(5, dbFailures, true),
      agentIssue(6, http5xx, true),
      agentIssue(7, cpu, true),
      agentIssue(8, response, false),
    ],
  });
  state.github.nextId = 3_000_000_000;

  state.actionGroups = seedActionGroups(
    options.controlCenterWebhookUrl ?? DEFAULT_CONTROL_CENTER_WEBHOOK,
  );
  state.metricAlertRules = seedMetricAlertRules(now);
  state.storageAccounts = seedStorageAccounts(now);
  state.keyVaults = seedKeyVaults();

  // The Terraform state account, with the outputs the deploy workflow publishes.
  state.blobContainers.push({
    account: STATE_STORAGE_NAME,
    name: STATE_CONTAINER,
  });
  state.blobs.push({
    account: STATE_STORAGE_NAME,
    container: STATE_CONTAINER,
    name: OUTPUTS_BLOB,
    body: `${JSON.stringify(terraformOutputs(), null, 2)}\n`,
    contentType: 'application/json',
    etag: '"0x8DD1F2A3B4C5D6E"',
    createdAt: iso(2 * DAY),
    lastModified: iso(2 * DAY),
  });
  return state;
}
