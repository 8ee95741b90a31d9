import fixture from '../__fixtures__/outputs.json';
import {
  OutputsRejected,
  parseTerraformOutputs,
} from './parseTerraformOutputs';

const SUBSCRIPTION = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
const parse = (value: unknown) =>
  parseTerraformOutputs(JSON.stringify(value), {
    subscriptionId: SUBSCRIPTION,
  });
const withoutStructured = () => {
  const { sre_control_center_resources: _, ...rest } = fixture;
  return rest;
};

describe('parseTerraformOutputs', () => {
  it('reads the structured sre_control_center_resources output', () => {
    const resources = parse(fixture);
    expect(resources.map(r => [r.name, r.specType])).toEqual([
      ['app-mindful-moments-dev', 'azure-app-service'],
      ['asp-mindful-moments-dev', 'azure-app-service-plan'],
      ['psql-mindful-moments-dev', 'azure-postgresql-flexible-server'],
      ['stmindfulmomentsdev', 'azure-storage-account'],
      ['kv-mindful-moments-dev', 'azure-key-vault'],
      ['log-mindful-moments-dev', 'azure-log-analytics-workspace'],
      ['appi-mindful-moments-dev', 'azure-application-insights'],
    ]);
    expect(resources[0].output).toBe('sre_control_center_resources[0]');
    expect(resources[0].arm).toMatchObject({
      subscriptionId: SUBSCRIPTION,
      resourceGroup: 'rg-mindful-moments-dev',
      namespace: 'Microsoft.Web',
      type: 'sites',
    });
  });

  it('accepts the structured output as a map', () => {
    const map = Object.fromEntries(
      fixture.sre_control_center_resources.value.map(r => [r.name, r]),
    );
    const resources = parse({
      ...fixture,
      sre_control_center_resources: {
        sensitive: false,
        type: 'map',
        value: map,
      },
    });
    expect(resources).toHaveLength(7);
    expect(resources[0].output).toBe(
      'sre_control_center_resources.app-mindful-moments-dev',
    );
  });

  it('without the structured output, takes every string output that is a resource id, typed from its provider type', () => {
    const resources = parse(withoutStructured());
    expect(
      Object.fromEntries(resources.map(r => [r.output, r.specType])),
    ).toEqual({
      app_service_id: 'azure-app-service',
      app_service_plan_id: 'azure-app-service-plan',
      postgresql_server_id: 'azure-postgresql-flexible-server',
      storage_account_id: 'azure-storage-account',
      key_vault_id: 'azure-key-vault',
      log_analytics_workspace_id: 'azure-log-analytics-workspace',
      application_insights_id: 'azure-application-insights',
      action_group_id: 'azure-monitor-action-group',
    });
  });

  it('skips resource group ids and child resources such as subnets', () => {
    const resources = parse({
      ...withoutStructured(),
      snet_app_id: {
        sensitive: false,
        type: 'string',
        value: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-mindful-moments-dev/providers/Microsoft.Network/virtualNetworks/vnet-mindful-moments-dev/subnets/snet-app`,
      },
    });
    expect(resources.map(r => r.output)).not.toContain('snet_app_id');
    expect(resources.map(r => r.output)).not.toContain('resource_group_id');
  });

  it.each([
    ['not JSON', '{"app_service_id": ', /outputs did not parse: not JSON/],
    ['a list', '[1, 2]', /outputs did not parse: expected the object/],
    [
      'an output without value',
      '{"app_service_id": {"id": "x"}}',
      /output "app_service_id" is not \{ sensitive, type, value \}/,
    ],
    [
      'no resource ids',
      '{"name": {"value": "x"}}',
      /no output names an ARM resource id/,
    ],
  ])('refuses %s', (_, text, message) => {
    expect(() =>
      parseTerraformOutputs(text, { subscriptionId: SUBSCRIPTION }),
    ).toThrow(message);
  });

  it('refuses a structured entry that names no resource id, naming the output', () => {
    const value = [...fixture.sre_control_center_resources.value];
    value[2] = { ...value[2], id: 'psql-mindful-moments-dev' };
    expect(() =>
      parse({
        ...fixture,
        sre_control_center_resources: { sensitive: false, type: 'list', value },
      }),
    ).toThrow(
      new OutputsRejected(
        'output "sre_control_center_resources[2]" names no resource id: "psql-mindful-moments-dev" is not an ARM resource id',
      ),
    );
  });

  it('refuses an entry without id, a wrong type name and a name that is not the id', () => {
    const entries = fixture.sre_control_center_resources.value;
    const outputsWith = (entry: unknown) => ({
      ...fixture,
      sre_control_center_resources: {
        sensitive: false,
        type: 'list',
        value: [entries[0], entry],
      },
    });
    expect(() => parse(outputsWith({ name: 'x', type: 'azure-x' }))).toThrow(
      /output "sre_control_center_resources\[1\]" names no resource id/,
    );
    expect(() =>
      parse(outputsWith({ ...entries[1], type: 'AppServicePlan' })),
    ).toThrow(
      /sre_control_center_resources\[1\]": type "AppServicePlan" is not a resource type/,
    );
    expect(() =>
      parse(outputsWith({ ...entries[1], name: 'asp-other' })),
    ).toThrow(/name "asp-other" is not the name in its resource id/);
  });

  it('refuses an id-shaped output that is not a resource id', () => {
    expect(() =>
      parse({
        ...withoutStructured(),
        key_vault_id: {
          sensitive: false,
          type: 'string',
          value: `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.KeyVault`,
        },
      }),
    ).toThrow(/output "key_vault_id" names no resource id/);
  });

  it('refuses a resource of another subscription, naming the output', () => {
    const other = '00000000-1111-2222-3333-444444444444';
    expect(() =>
      parse({
        ...withoutStructured(),
        storage_account_id: {
          sensitive: false,
          type: 'string',
          value: fixture.storage_account_id.value.replace(SUBSCRIPTION, other),
        },
      }),
    ).toThrow(
      `output "storage_account_id": resource stmindfulmomentsdev is in subscription ${other}, not in the System's subscription ${SUBSCRIPTION}`,
    );
  });

  it('refuses two resources that would get the same entity name', () => {
    expect(() =>
      parse({
        ...withoutStructured(),
        other_vault_id: {
          sensitive: false,
          type: 'string',
          value: fixture.storage_account_id.value.replace(
            'Microsoft.Storage/storageAccounts/stmindfulmomentsdev',
            'Microsoft.KeyVault/vaults/stmindfulmomentsdev',
          ),
        },
      }),
    ).toThrow(
      /outputs "storage_account_id" and "other_vault_id" are two resources named stmindfulmomentsdev/,
    );
  });
});
