import { WebSiteManagementClient } from '@azure/arm-appservice';
import { isRestError } from '@azure/core-rest-pipeline';
import {
  emulatorCredential,
  RESOURCE_GROUP,
  RunningEmulator,
  SITE_ID,
  SITE_NAME,
  STAGING_SLOT_NAME,
  startCloudEmulator,
  SUBSCRIPTION_ID,
  useEmulatorAuth,
} from './index';

const NOW = new Date('2025-06-16T10:00:00Z');
// The swap answers 202 + Location; poll fast instead of the SDK's default 2 s.
const FAST_POLL = { updateIntervalInMs: 10 };

describe('deployment slots through @azure/arm-appservice', () => {
  let emulator: RunningEmulator;
  let client: WebSiteManagementClient;

  beforeEach(async () => {
    emulator = await startCloudEmulator({ now: () => NOW });
    client = useEmulatorAuth(
      new WebSiteManagementClient(emulatorCredential, SUBSCRIPTION_ID, {
        endpoint: emulator.url,
        allowInsecureConnection: true,
        retryOptions: { maxRetries: 0 },
      }),
    );
  });
  afterEach(() => emulator.close());

  it('gets and lists the staging slot', async () => {
    const slot = await client.webApps.getSlot(
      RESOURCE_GROUP,
      SITE_NAME,
      STAGING_SLOT_NAME,
    );
    expect(slot).toMatchObject({
      id: `${SITE_ID}/slots/staging`,
      name: `${SITE_NAME}/staging`,
      type: 'Microsoft.Web/sites/slots',
      state: 'Running',
      defaultHostName: `${SITE_NAME}-staging.azurewebsites.net`,
      repositorySiteName: SITE_NAME,
    });
    expect(slot.siteConfig?.linuxFxVersion).toBe('NODE|22-lts');

    const names: string[] = [];
    for await (const s of client.webApps.listSlots(RESOURCE_GROUP, SITE_NAME)) {
      names.push(s.name ?? '');
    }
    expect(names).toEqual([`${SITE_NAME}/staging`]);
  });

  it('answers an unknown slot with ResourceNotFound', async () => {
    const err = await client.webApps
      .getSlot(RESOURCE_GROUP, SITE_NAME, 'canary')
      .catch(e => e);
    expect(isRestError(err)).toBe(true);
    expect(err.statusCode).toBe(404);
    expect(err.code).toBe('ResourceNotFound');
  });

  it('swaps staging into production and back, recording each swap', async () => {
    await client.webApps.beginSwapSlotWithProductionAndWait(
      RESOURCE_GROUP,
      SITE_NAME,
      { targetSlot: STAGING_SLOT_NAME, preserveVnet: true },
      FAST_POLL,
    );
    const production = await client.webApps.get(RESOURCE_GROUP, SITE_NAME);
    expect(production.siteConfig?.linuxFxVersion).toBe('NODE|22-lts');
    expect(production.slotSwapStatus).toEqual({
      timestampUtc: NOW,
      sourceSlotName: 'production',
      destinationSlotName: 'staging',
    });
    const staging = await client.webApps.getSlot(
      RESOURCE_GROUP,
      SITE_NAME,
      STAGING_SLOT_NAME,
    );
    expect(staging.siteConfig?.linuxFxVersion).toBe('NODE|22-lts');
    expect(emulator.state.sites[0].deployedVersion).toBe('2025.06.4');
    expect(emulator.state.sites[0].slots[0].deployedVersion).toBe('2025.06.3');

    // Swapping back from the slot's side goes through …/slots/{slot}/slotsswap.
    await client.webApps.swapSlot(
      RESOURCE_GROUP,
      SITE_NAME,
      STAGING_SLOT_NAME,
      { targetSlot: 'production', preserveVnet: true },
      FAST_POLL,
    );
    expect(emulator.state.sites[0].deployedVersion).toBe('2025.06.3');
    expect(emulator.state.slotSwaps).toEqual([
      expect.objectContaining({
        site: SITE_NAME,
        sourceSlot: 'production',
        targetSlot: 'staging',
        preserveVnet: true,
        result: { production: '2025.06.4', staging: '2025.06.3' },
      }),
      expect.objectContaining({
        sourceSlot: 'staging',
        targetSlot: 'production',
        result: { staging: '2025.06.4', production: '2025.06.3' },
      }),
    ]);
  });

  it('answers the swap with 202 and a Location that reports success', async () => {
    const url = `${emulator.url}${SITE_ID}/slotsswap?api-version=2025-05-01`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ targetSlot: 'staging', preserveVnet: true }),
    });
    expect(res.status).toBe(202);
    const location = res.headers.get('location');
    expect(location).toContain(`${SITE_ID}/operationresults/`);
    expect((await fetch(location!)).status).toBe(200);
  });

  it('rejects swaps with an unknown slot (404) or without a target (400)', async () => {
    const unknown = await client.webApps
      .beginSwapSlotWithProductionAndWait(
        RESOURCE_GROUP,
        SITE_NAME,
        { targetSlot: 'canary', preserveVnet: true },
        FAST_POLL,
      )
      .catch(e => e);
    expect(isRestError(unknown)).toBe(true);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.code).toBe('ResourceNotFound');

    const unknownSource = await client.webApps
      .swapSlot(
        RESOURCE_GROUP,
        SITE_NAME,
        'canary',
        { targetSlot: 'production', preserveVnet: true },
        FAST_POLL,
      )
      .catch(e => e);
    expect(unknownSource.statusCode).toBe(404);

    const missing = await fetch(
      `${emulator.url}${SITE_ID}/slotsswap?api-version=2025-05-01`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ preserveVnet: true }),
      },
    );
    expect(missing.status).toBe(400);
    expect(emulator.state.slotSwaps).toHaveLength(0);
  });
});
