#!/usr/bin/env node
'use strict';
/*
 * The monthly cost estimate of terraform/environments/dev: the SKUs and sizes
 * read from the HCL (as the environment composes the modules), priced with
 * terraform/pricing/prices-westeurope-eur.json and the usage in
 * environments/dev/cost-assumptions.json. Writes
 * environments/dev/cost-estimate.json, which the portal shows next to the
 * actual cost.
 *
 *   node terraform/scripts/cost-estimate.js          write the estimate
 *   node terraform/scripts/cost-estimate.js --check  exit 1 if it is stale
 */
const fs = require('node:fs');
const path = require('node:path');
const { buildContext } = require('./lib/context');
const { Unknown } = require('./lib/hcl');

const TERRAFORM = path.resolve(__dirname, '..');
const PRICES = path.join(TERRAFORM, 'pricing', 'prices-westeurope-eur.json');
const ASSUMPTIONS = path.join(
  TERRAFORM,
  'environments/dev/cost-assumptions.json',
);
const ESTIMATE = path.join(TERRAFORM, 'environments/dev/cost-estimate.json');

const round = value => Math.round(value * 100) / 100;

function known(value, what) {
  if (value === undefined || value instanceof Unknown)
    throw new Error(
      `cost estimate: ${what} cannot be read from the HCL (${value})`,
    );
  return value;
}

/** The price item matching every field of `filter`, or an error naming it. */
function price(table, filter) {
  const matches = table.Items.filter(item =>
    Object.entries(filter).every(([key, value]) => item[key] === value),
  );
  if (matches.length !== 1)
    throw new Error(
      `cost estimate: ${
        matches.length === 0 ? 'no' : 'more than one'
      } price in ${path.relative(process.cwd(), PRICES)} for ${JSON.stringify(
        filter,
      )}`,
    );
  return matches[0];
}

/** What the stack uses, read from the parsed HCL. */
function usage(ctx) {
  const plan = ctx.resource('app_service', 'azurerm_service_plan', 'this');
  const server = ctx.resource(
    'database',
    'azurerm_postgresql_flexible_server',
    'this',
  );
  const account = ctx.resource('storage', 'azurerm_storage_account', 'this');
  const workspace = ctx.resource(
    'monitoring',
    'azurerm_log_analytics_workspace',
    'this',
  );
  const insights = ctx.resource(
    'monitoring',
    'azurerm_application_insights',
    'this',
  );
  const vault = ctx.resource('key_vault', 'azurerm_key_vault', 'this');
  const alerts = ctx.instances(
    'monitoring',
    'azurerm_monitor_metric_alert',
    'this',
  );
  const names = ctx.local('env', 'names');
  const budget = ctx.resource(
    'budget',
    'azurerm_consumption_budget_resource_group',
    'this',
  );
  return {
    names,
    budget: {
      name: known(budget.name, 'the budget name'),
      amount: known(budget.amount, 'the budget amount'),
    },
    planSku: known(plan.sku_name, 'the App Service plan SKU'),
    planWorkers: known(plan.worker_count ?? 1, 'the plan worker count'),
    postgresqlSku: known(server.sku_name, 'the PostgreSQL SKU'),
    postgresqlStorageGb:
      known(server.storage_mb, 'the PostgreSQL storage') / 1024,
    postgresqlGeoBackup: known(
      server.geo_redundant_backup_enabled,
      'geo-redundant backup',
    ),
    storageTier: `${known(account.access_tier, 'the access tier')} ${known(
      account.account_replication_type,
      'the replication',
    )}`,
    storageArmSku: `${account.account_tier}_${account.account_replication_type}`,
    logAnalyticsSku: known(workspace.sku, 'the Log Analytics SKU'),
    retentionDays: known(workspace.retention_in_days, 'the retention'),
    insightsDailyCapGb: known(
      insights.daily_data_cap_in_gb,
      'the Application Insights daily cap',
    ),
    keyVaultSku: known(vault.sku_name, 'the Key Vault SKU'),
    alertRules: Object.keys(alerts).length,
    privateDnsZones: ctx
      .module('networking')
      .mod.resources.filter(r => r.type === 'azurerm_private_dns_zone').length,
    communication: ctx
      .module('communication')
      .mod.resources.some(r => r.type === 'azurerm_communication_service'),
    sreAgentEnabled: known(
      ctx.variable('env', 'sre_agent_enabled')?.default,
      'sre_agent_enabled',
    ),
  };
}

function estimate(ctx, table, assumptions) {
  const u = usage(ctx);
  const a = assumptions;
  const lines = [];
  const line = (entry, item, quantity) => {
    lines.push({
      ...entry,
      meter: `${item.productName} / ${item.meterName}`,
      skuName: item.skuName,
      quantity: round(quantity),
      unitOfMeasure: item.unitOfMeasure,
      unitPrice: item.unitPrice,
      monthly: round(item.unitPrice * quantity),
    });
  };
  if (u.logAnalyticsSku !== 'PerGB2018')
    throw new Error(
      `cost estimate: no pricing for Log Analytics ${u.logAnalyticsSku}`,
    );
  if (u.postgresqlGeoBackup)
    throw new Error('cost estimate: geo-redundant backup is not priced');
  if (u.keyVaultSku !== 'standard')
    throw new Error(`cost estimate: no pricing for Key Vault ${u.keyVaultSku}`);

  const plan = {
    resource: u.names.app_service_plan,
    type: 'azure-app-service-plan',
  };
  line(
    {
      ...plan,
      sku: u.planSku,
      what: `Linux plan ${u.planSku}, ${u.planWorkers} instance(s)`,
    },
    price(table, { serviceName: 'Azure App Service', armSkuName: u.planSku }),
    a.hoursPerMonth * u.planWorkers,
  );

  const pg = {
    resource: u.names.postgresql,
    type: 'azure-postgresql-flexible-server',
  };
  line(
    { ...pg, sku: u.postgresqlSku, what: 'compute' },
    price(table, {
      serviceName: 'Azure Database for PostgreSQL',
      armSkuName: u.postgresqlSku,
    }),
    a.hoursPerMonth,
  );
  line(
    { ...pg, sku: `${u.postgresqlStorageGb} GB`, what: 'storage' },
    price(table, {
      serviceName: 'Azure Database for PostgreSQL',
      meterName: 'Storage Data Stored',
    }),
    u.postgresqlStorageGb,
  );
  line(
    {
      ...pg,
      sku: 'LRS',
      what: `backup storage above the free ${u.postgresqlStorageGb} GB (assumed ${a.postgresqlBackupGb} GB of backups)`,
    },
    price(table, {
      serviceName: 'Azure Database for PostgreSQL',
      meterName: 'Backup Storage LRS Data Stored',
    }),
    Math.max(0, a.postgresqlBackupGb - u.postgresqlStorageGb),
  );

  const st = {
    resource: u.names.storage_account,
    type: 'azure-storage-account',
    sku: u.storageArmSku,
  };
  const blob = meter =>
    price(table, {
      serviceName: 'Storage',
      skuName: u.storageTier,
      meterName: meter,
    });
  const replication = u.storageTier.split(' ')[1];
  line(
    { ...st, what: `blob data (assumed ${a.storageGb} GB)` },
    blob(`Hot ${replication} Data Stored`),
    a.storageGb,
  );
  line(
    { ...st, what: 'write operations (assumed)' },
    blob(`Hot ${replication} Write Operations`),
    a.storageWriteOperations10k,
  );
  line(
    { ...st, what: 'read operations (assumed)' },
    blob('Hot Read Operations'),
    a.storageReadOperations10k,
  );

  line(
    {
      resource: u.names.key_vault,
      type: 'azure-key-vault',
      sku: 'standard',
      what: 'operations (assumed)',
    },
    price(table, {
      serviceName: 'Key Vault',
      skuName: 'Standard',
      meterName: 'Operations',
    }),
    a.keyVaultOperations10k,
  );

  const ingestion = price(table, {
    serviceName: 'Log Analytics',
    meterName: 'Analytics Logs Data Ingestion',
  });
  const free = a.logAnalyticsFreeGbPerMonth;
  line(
    {
      resource: u.names.log_analytics,
      type: 'azure-log-analytics-workspace',
      sku: 'PerGB2018',
      what: `platform logs ingestion (assumed ${a.logAnalyticsIngestionGbPerMonth} GB), ${u.retentionDays} days retention included`,
    },
    ingestion,
    Math.max(0, a.logAnalyticsIngestionGbPerMonth - free),
  );
  line(
    {
      resource: u.names.app_insights,
      type: 'azure-application-insights',
      sku: `workspace-based, cap ${u.insightsDailyCapGb} GB/day`,
      what: `telemetry ingestion (assumed ${a.applicationInsightsIngestionGbPerMonth} GB)`,
    },
    ingestion,
    a.applicationInsightsIngestionGbPerMonth,
  );

  line(
    {
      resource: u.names.action_group,
      type: 'azure-monitor-action-group',
      sku: 'metric alerts',
      what: `${u.alertRules} metric alert rules`,
    },
    price(table, {
      serviceName: 'Azure Monitor',
      meterName: 'Metric Alert Monitored Time Series',
    }),
    u.alertRules * a.metricAlertTimeSeriesPerRule,
  );
  line(
    {
      resource: u.names.virtual_network,
      type: 'azure-virtual-network',
      sku: 'private DNS zone',
      what: `${u.privateDnsZones} private DNS zone(s); the VNet and NSGs are free`,
    },
    price(table, { serviceName: 'Azure DNS', meterName: 'Private Zone' }),
    u.privateDnsZones,
  );

  if (u.communication) {
    const acs = {
      resource: u.names.communication,
      type: 'azure-communication-service',
      sku: 'pay as you go',
    };
    line(
      {
        ...acs,
        what: `${a.communicationPhoneNumbers} phone number(s) (assumed)`,
      },
      price(table, {
        serviceName: 'Azure Communication Services',
        meterName: 'Geographic Number',
      }),
      a.communicationPhoneNumbers,
    );
    line(
      {
        ...acs,
        what: `outbound on-call calls (assumed ${a.communicationOutboundMinutes} minutes)`,
      },
      price(table, {
        serviceName: 'Azure Communication Services',
        meterName: 'Outbound Calling Geographic',
      }),
      a.communicationOutboundMinutes,
    );
  }

  const agentLines = [];
  {
    const before = lines.length;
    const agent = {
      resource: u.names.sre_agent,
      type: 'azure-sre-agent',
      sku: 'Standard',
    };
    line(
      {
        ...agent,
        what: `always-on flow, ${a.sreAgentAlwaysOnAauPerHour} AAU an hour`,
      },
      price(table, {
        serviceName: 'Azure SRE Agent',
        meterName: 'Always-on Flow',
      }),
      a.sreAgentAlwaysOnAauPerHour * a.hoursPerMonth,
    );
    line(
      {
        ...agent,
        what: `active flow (assumed ${a.sreAgentActiveFlowAauPerMonth} AAU)`,
      },
      price(table, {
        serviceName: 'Azure SRE Agent',
        meterName: 'Active Flow',
      }),
      a.sreAgentActiveFlowAauPerMonth,
    );
    agentLines.push(...lines.splice(before));
  }
  if (u.sreAgentEnabled) lines.push(...agentLines);

  const sum = list => round(list.reduce((total, l) => total + l.monthly, 0));
  const total = sum(lines);
  const totalWithAgent = u.sreAgentEnabled
    ? total
    : round(total + sum(agentLines));
  return {
    environment: 'dev',
    currency: table.BillingCurrency,
    region: 'westeurope',
    budget: u.budget,
    total,
    withinBudget: total <= u.budget.amount,
    headroom: round(u.budget.amount - total),
    lines,
    sreAgent: {
      enabled: u.sreAgentEnabled,
      monthly: sum(agentLines),
      totalWithAgent,
      withinBudgetWithAgent: totalWithAgent <= u.budget.amount,
      note: 'Opt-in (sre_agent_enabled): the agent is billed while it exists, 4 AAU an hour, before any work.',
      ...(u.sreAgentEnabled ? {} : { lines: agentLines }),
    },
    priceTable: {
      file: 'terraform/pricing/prices-westeurope-eur.json',
      source: table.source,
      retrievedAt: table.retrievedAt,
      accuracy: table.accuracy,
    },
    assumptions: 'terraform/environments/dev/cost-assumptions.json',
    generatedBy: 'node terraform/scripts/cost-estimate.js',
  };
}

async function compute(root = TERRAFORM, overlay = {}) {
  const ctx = await buildContext(root, overlay);
  const table = JSON.parse(fs.readFileSync(PRICES, 'utf8'));
  const assumptions = JSON.parse(fs.readFileSync(ASSUMPTIONS, 'utf8'));
  return estimate(ctx, table, assumptions);
}

const render = value => `${JSON.stringify(value, null, 2)}\n`;

async function main() {
  const result = render(await compute());
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(ESTIMATE)
      ? fs.readFileSync(ESTIMATE, 'utf8')
      : '';
    if (current !== result) {
      console.error(
        'terraform/environments/dev/cost-estimate.json is stale: run node terraform/scripts/cost-estimate.js',
      );
      process.exit(1);
    }
    return;
  }
  fs.writeFileSync(ESTIMATE, result);
  const parsed = JSON.parse(result);
  for (const l of parsed.lines)
    console.log(
      `${l.resource.padEnd(28)} ${l.what.slice(0, 60).padEnd(60)} ${l.monthly
        .toFixed(2)
        .padStart(8)}`,
    );
  console.log(
    `${'total'.padEnd(89)} ${parsed.total.toFixed(2).padStart(8)} ${
      parsed.currency
    } of ${
      parsed.budget.amount
    } (SRE agent would add ${parsed.sreAgent.monthly.toFixed(2)})`,
  );
}

if (require.main === module)
  main().catch(error => {
    console.error(error.message);
    process.exit(1);
  });

module.exports = { compute, estimate, render, ESTIMATE };
