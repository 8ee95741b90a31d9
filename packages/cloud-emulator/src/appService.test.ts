import { WebSiteManagementClient } from '@azure/arm-appservice';
import { isRestError } from '@azure/core-rest-pipeline';
import {
  emulatorCredential,
  PLAN_NAME,
  RESOURCE_GROUP,
  RunningEmulator,
  SITE_NAME,
  startCloudEmulator,
  SUBSCRIPTION_ID,
  useEmulatorAuth,
} from './index';

describe('App Service through @azure/arm-appservice', () => {
  let emulator: RunningEmulator;
  let client: WebSiteManagementClient;

  beforeAll(async () => {
    emulator = await startCloudEmulator();
    client = useEmulatorAuth(
      new WebSiteManagementClient(emulatorCredential, SUBSCRIPTION_ID, {
        endpoint: emulator.url,
        allowInsecureConnection: true,
        retryOptions: { maxRetries: 0 },
      }),
    );
  });
  afterAll(() => emulator.close());

  it('gets the web app', async () => {
    const site = await client.webApps.get(RESOURCE_GROUP, SITE_NAME);
    expect(site.name).toBe(SITE_NAME);
    expect(site.kind).toBe('app,linux');
    expect(site.state).toBe('Running');
    expect(site.siteConfig?.linuxFxVersion).toBe('NODE|22-lts');
    expect(site.serverFarmId).toContain(`/serverfarms/${PLAN_NAME}`);
    expect(site.defaultHostName).toBe(`${SITE_NAME}.azurewebsites.net`);
  });

  it('restarts the web app and records it', async () => {
    await expect(
      client.webApps.restart(RESOURCE_GROUP, SITE_NAME),
    ).resolves.toBeUndefined();
    expect(emulator.state.sites[0].restarts).toHaveLength(1);
  });

  it('answers an unknown site with ResourceNotFound', async () => {
    const err = await client.webApps.get(RESOURCE_GROUP, 'nope').catch(e => e);
    expect(isRestError(err)).toBe(true);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('ResourceNotFound');
  });

  it('gets and scales the App Service plan', async () => {
    const plan = await client.appServicePlans.get(RESOURCE_GROUP, PLAN_NAME);
    expect(plan.sku).toMatchObject({ name: 'B1', tier: 'Basic', capacity: 1 });
    expect(plan.reserved).toBe(true);

    const scaled = await client.appServicePlans.beginCreateOrUpdateAndWait(
      RESOURCE_GROUP,
      PLAN_NAME,
      {
        location: plan.location,
        kind: 'linux',
        reserved: true,
        sku: { name: 'B2', tier: 'Basic', capacity: 1 },
      },
    );
    expect(scaled.sku?.name).toBe('B2');
    expect(
      (await client.appServicePlans.get(RESOURCE_GROUP, PLAN_NAME)).sku?.name,
    ).toBe('B2');
  });

  it('rejects a plan PUT without sku with 400', async () => {
    const err = await client.appServicePlans
      .createOrUpdate(RESOURCE_GROUP, PLAN_NAME, {
        location: 'westeurope',
        kind: 'linux',
      })
      .catch(e => e);
    expect(isRestError(err)).toBe(true);
    expect(err.statusCode).toBe(400);
  });
});
