import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import { isRestError } from '@azure/core-rest-pipeline';
import {
  emulatorCredential,
  POSTGRES_ID,
  POSTGRES_NAME,
  POSTGRES_PRIVATE_DNS_ZONE_ID,
  POSTGRES_SUBNET_ID,
  RESOURCE_GROUP,
  RunningEmulator,
  startCloudEmulator,
  SUBSCRIPTION_ID,
  useEmulatorAuth,
} from './index';
import serversGetExample from './__fixtures__/ServersGet.json';

describe('PostgreSQL flexible server through @azure/arm-postgresql-flexible', () => {
  let emulator: RunningEmulator;
  let client: PostgreSQLManagementFlexibleServerClient;

  beforeAll(async () => {
    emulator = await startCloudEmulator();
    client = useEmulatorAuth(
      new PostgreSQLManagementFlexibleServerClient(
        emulatorCredential,
        SUBSCRIPTION_ID,
        {
          endpoint: emulator.url,
          allowInsecureConnection: true,
          retryOptions: { maxRetries: 0 },
        },
      ),
    );
  });
  afterAll(() => emulator.close());

  it('gets the seeded server', async () => {
    const server = await client.servers.get(RESOURCE_GROUP, POSTGRES_NAME);
    expect(server).toMatchObject({
      id: POSTGRES_ID,
      name: POSTGRES_NAME,
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
      location: 'westeurope',
      sku: { name: 'Standard_B1ms', tier: 'Burstable' },
      version: '16',
      state: 'Ready',
      fullyQualifiedDomainName: `${POSTGRES_NAME}.postgres.database.azure.com`,
      storage: { storageSizeGB: 32 },
      network: {
        publicNetworkAccess: 'Disabled',
        delegatedSubnetResourceId: POSTGRES_SUBNET_ID,
        privateDnsZoneArmResourceId: POSTGRES_PRIVATE_DNS_ZONE_ID,
      },
    });
    expect(server.backup?.earliestRestoreDate).toBeInstanceOf(Date);
  });

  it('answers an unknown server with ResourceNotFound', async () => {
    const err = await client.servers
      .get(RESOURCE_GROUP, 'psql-nope')
      .catch(e => e);
    expect(isRestError(err)).toBe(true);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('ResourceNotFound');
  });

  it('has the keys of the official ServersGet example', async () => {
    const res = await fetch(
      `${emulator.url}${POSTGRES_ID}?api-version=2025-08-01`,
    );
    const body = (await res.json()) as Record<string, unknown> & {
      properties: Record<string, unknown>;
    };
    const example = serversGetExample.responses['200'].body;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(Object.keys(example)),
    );
    expect(Object.keys(body.properties).sort()).toEqual(
      Object.keys(example.properties).sort(),
    );
  });
});
