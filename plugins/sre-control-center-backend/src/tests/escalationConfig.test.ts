import { ConfigReader } from '@backstage/config';
import { ConfigSources } from '@backstage/config-loader';
import path from 'node:path';
import { readSreControlCenterConfig } from '../config';

const ROOT = path.resolve(__dirname, '../../../..');

async function localConfig() {
  const source = ConfigSources.defaultForTargets({
    rootDir: ROOT,
    targets: [
      { type: 'path', target: path.join(ROOT, 'app-config.yaml') },
      { type: 'path', target: path.join(ROOT, 'app-config.development.yaml') },
    ],
    substitutionFunc: async () => undefined,
  });
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config;
}

const policy = {
  name: 'p',
  system: 'system:default/mindful-moments',
  levels: [
    {
      afterMinutes: 0,
      targets: [{ schedule: 'primary' }],
      channels: ['phone'],
    },
  ],
};
const schedule = {
  name: 'primary',
  timeZone: 'Europe/Berlin',
  users: ['user:default/guest'],
  start: '2026-11-30',
};
const read = (escalation: object, production = false) =>
  readSreControlCenterConfig(
    new ConfigReader({ sreControlCenter: { escalation } }),
    { production },
  );

describe('sreControlCenter.escalation', () => {
  it('the local configuration escalates Mindful Moments through the emulator', async () => {
    const settings = readSreControlCenterConfig(await localConfig());
    const { escalation } = settings;
    expect(
      escalation.policies.map(p => [p.name, p.system, p.levels.length]),
    ).toEqual([['mindful-moments', 'system:default/mindful-moments', 3]]);
    expect(escalation.schedules[0].users).toEqual([
      'user:default/guest',
      'user:default/alex.sre',
    ]);
    expect(escalation.phone?.provider).toBe('acs');
  });

  it.each([
    [
      { policies: [policy], schedules: [] },
      'sreControlCenter.escalation.policies.0.levels.0.targets.0.schedule: no schedule named primary',
    ],
    [
      { schedules: [{ ...schedule, timeZone: 'Mars/Olympus' }] },
      'sreControlCenter.escalation.schedules.0.timeZone',
    ],
    [
      { schedules: [{ ...schedule, users: ['group:default/sre-owners'] }] },
      'sreControlCenter.escalation.schedules.0.users.0',
    ],
    [
      {
        phone: {
          provider: 'twilio',
          twilio: {
            accountSid: 'AC00000000000000000000000000000001',
            authToken: 'x'.repeat(20),
            from: '0151 123',
          },
        },
      },
      'sreControlCenter.escalation.phone.twilio.from: must be an E.164 number',
    ],
    [
      { phone: { provider: 'acs' } },
      'sreControlCenter.escalation.phone: the chosen provider needs its block',
    ],
    [{ ackKey: '12' }, 'sreControlCenter.escalation.ackKey'],
  ])('refuses %j naming the key', (escalation, message) => {
    expect(() => read(escalation)).toThrow(message);
  });

  it('production refuses the emulator', () => {
    expect(() =>
      read(
        {
          phone: {
            provider: 'acs',
            acs: {
              connectionString:
                'endpoint=http://127.0.0.1:7010/;accesskey=a2V5',
              sourceNumber: '+18005550100',
              resourceId: '5a1f0e2c-6b7d-4c8e-9f0a-1b2c3d4e5f60',
            },
          },
        },
        true,
      ),
    ).toThrow('sreControlCenter.escalation.phone.acs.connectionString');
  });
});
