import {
  RESOURCE_GROUP_ID,
  startCloudEmulator,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import { parseAzureAlertId } from '../../domain/alerts/alertIds';
import { createArmAccess } from './armAccess';
import { AzureAlertSource } from './AzureAlertSource';

jest.setTimeout(30_000);

// Contract test: the adapter against the emulator over real HTTP.
describe('AzureAlertSource', () => {
  let emulator: RunningEmulator;
  let source: AzureAlertSource;

  beforeAll(async () => {
    emulator = await startCloudEmulator();
    source = new AzureAlertSource(createArmAccess(emulator.url));
  });

  afterAll(async () => {
    await emulator.close();
  });

  it('lists the resource group alerts as snapshots, following nextLink', async () => {
    for (let i = 0; i < 3; i++)
      await emulator.runScenario('high-cpu', { resolveAfterMs: null });
    const snapshots = await source.listAlerts(RESOURCE_GROUP_ID);
    expect(snapshots.length).toBeGreaterThanOrEqual(3);
    const cpu = snapshots.find(s => s.rule === 'alert-high-cpu')!;
    expect(cpu).toMatchObject({
      severity: expect.stringMatching(/^Sev[0-4]$/),
      state: 'New',
      monitorCondition: 'Fired',
    });
    expect(cpu.alertId).toMatch(
      /^\/subscriptions\/.+\/providers\/microsoft\.alertsmanagement\/alerts\/[0-9a-f-]+$/,
    );
    expect(cpu.firedAt).toBeInstanceOf(Date);
    expect(new Set(snapshots.map(s => s.alertId)).size).toBe(snapshots.length);
  });

  it('changes the state in Azure', async () => {
    const result = (await emulator.runScenario('http-5xx', {
      resolveAfterMs: null,
    })) as {
      alertId: string;
    };
    const alert = (await source.listAlerts(RESOURCE_GROUP_ID)).find(s =>
      s.alertId.endsWith(result.alertId.toLowerCase()),
    )!;
    await source.changeState(parseAzureAlertId(alert.alertId)!, 'Acknowledged');
    const after = (await source.listAlerts(RESOURCE_GROUP_ID)).find(
      s => s.alertId === alert.alertId,
    )!;
    expect(after.state).toBe('Acknowledged');
    expect(after.lastModifiedAt.getTime()).toBeGreaterThanOrEqual(
      alert.lastModifiedAt.getTime(),
    );
  });

  it('reports what Azure refused', async () => {
    await expect(
      source.changeState(
        {
          subscriptionId: '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f',
          alertGuid: '00000000-0000-0000-0000-000000000000',
        },
        'Closed',
      ),
    ).rejects.toThrow(/Alerts Management answered 404/);
  });

  it('refuses a malformed resource group id', async () => {
    await expect(source.listAlerts('/subscriptions/x')).rejects.toThrow(
      /Not a resource group id/,
    );
  });
});
