import type { AuditEntry } from '../audit';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { ProjectResolver } from '../projects';
import { MaintenanceWindows, windowName } from './MaintenanceWindows';
import type { AlertSuppressions } from './ports';
import type { SuppressionRequest, SuppressionRule } from './types';

const SYSTEM = 'system:default/mindful-moments';
const GROUP = '/subscriptions/s/resourcegroups/rg-mindful-moments-dev';
const NOW = new Date('2026-11-28T10:15:30.456Z');

const projects: ProjectResolver = {
  async projectForResourceGroup() {
    return undefined;
  },
  async listProjects() {
    return [{ entityRef: SYSTEM, resourceGroupId: GROUP }];
  },
  async isSystem() {
    return true;
  },
};

/** Azure's rules of one resource group, in memory. */
class FakeSuppressions implements AlertSuppressions {
  rules: SuppressionRule[] = [];
  failWith?: Error;

  async create(request: SuppressionRequest): Promise<SuppressionRule> {
    if (this.failWith) throw this.failWith;
    const created: SuppressionRule = {
      id: `${request.resourceGroupId}/providers/microsoft.alertsmanagement/actionrules/${request.name}`,
      name: request.name,
      scopes: [request.resourceGroupId],
      description: request.description,
      window: { from: request.from, until: request.until },
      enabled: true,
      createdBy: 'backend-identity',
    };
    this.rules.push(created);
    return created;
  }

  async list(): Promise<SuppressionRule[]> {
    if (this.failWith) throw this.failWith;
    return [...this.rules];
  }

  async delete(_group: string, name: string): Promise<boolean> {
    const before = this.rules.length;
    this.rules = this.rules.filter(r => r.name !== name);
    return this.rules.length < before;
  }
}

function setup() {
  const suppressions = new FakeSuppressions();
  const audit: AuditEntry[] = [];
  const published: string[] = [];
  const windows = new MaintenanceWindows({
    projects,
    suppressions,
    audit: { append: async entry => void audit.push(entry) },
    publisher: { maintenanceChanged: async ref => void published.push(ref) },
    now: () => NOW,
  });
  return { suppressions, audit, published, windows };
}

function ruleWith(overrides: Partial<SuppressionRule>): SuppressionRule {
  return {
    id: 'id',
    name: 'sre-cc-maintenance-x',
    scopes: [GROUP],
    description: 'x (started by user:default/sam in the SRE Control Center)',
    window: {
      from: new Date(NOW.getTime() - 60_000),
      until: new Date(NOW.getTime() + 60_000),
    },
    enabled: true,
    createdBy: null,
    ...overrides,
  };
}

describe('MaintenanceWindows', () => {
  it('starts a window from now (whole seconds) for the given minutes, audits and signals it', async () => {
    const { suppressions, audit, published, windows } = setup();
    const window = await windows.start(
      'System:default/Mindful-Moments',
      30,
      'database upgrade',
      'user:default/maya',
    );
    expect(window).toEqual({
      name: 'sre-cc-maintenance-20261128t101530456z',
      ruleId: expect.stringContaining('sre-cc-maintenance-'),
      entityRef: SYSTEM,
      reason: 'database upgrade',
      startedBy: 'user:default/maya',
      startedAt: '2026-11-28T10:15:30.000Z',
      endsAt: '2026-11-28T10:45:30.000Z',
    });
    expect(suppressions.rules[0]).toMatchObject({
      scopes: [GROUP],
      description:
        'database upgrade (started by user:default/maya in the SRE Control Center)',
    });
    expect(audit).toEqual([
      {
        entityRef: SYSTEM,
        actor: 'user:default/maya',
        action: 'maintenance.start',
        target: window.ruleId,
        at: NOW,
        details: {
          name: window.name,
          reason: 'database upgrade',
          minutes: 30,
          endsAt: window.endsAt,
        },
      },
    ]);
    expect(published).toEqual([SYSTEM]);
  });

  it('lists only our enabled, unexpired windows on the whole resource group, ending soonest first', async () => {
    const { suppressions, windows } = setup();
    const later = ruleWith({
      name: 'sre-cc-maintenance-later',
      window: {
        from: NOW,
        until: new Date(NOW.getTime() + 3_600_000),
      },
    });
    suppressions.rules = [
      later,
      ruleWith({ name: 'sre-cc-maintenance-soon' }),
      ruleWith({ name: 'someone-elses-rule' }),
      ruleWith({ name: 'sre-cc-maintenance-disabled', enabled: false }),
      ruleWith({
        name: 'sre-cc-maintenance-expired',
        window: { from: new Date(0), until: NOW },
      }),
      ruleWith({ name: 'sre-cc-maintenance-recurring', window: null }),
      ruleWith({
        name: 'sre-cc-maintenance-one-site',
        scopes: [`${GROUP}/providers/microsoft.web/sites/app`],
      }),
      ruleWith({
        name: 'sre-cc-maintenance-portal',
        description: 'made by hand',
        createdBy: 'maya@example.com',
        scopes: [GROUP.toUpperCase()],
      }),
    ];
    const listed = await windows.list(SYSTEM);
    expect(listed.map(w => w.name)).toEqual([
      'sre-cc-maintenance-soon',
      'sre-cc-maintenance-portal',
      'sre-cc-maintenance-later',
    ]);
    expect(listed[0]).toMatchObject({
      reason: 'x',
      startedBy: 'user:default/sam',
    });
    // A description without our signature is all reason; Azure names the creator.
    expect(listed[1]).toMatchObject({
      reason: 'made by hand',
      startedBy: 'maya@example.com',
    });
  });

  it('ends an active window: deletes the rule, audits and signals it', async () => {
    const { suppressions, audit, published, windows } = setup();
    suppressions.rules = [ruleWith({ name: 'sre-cc-maintenance-x' })];
    const ended = await windows.end(
      SYSTEM,
      'SRE-CC-MAINTENANCE-X',
      'user:default/alex',
    );
    expect(ended.name).toBe('sre-cc-maintenance-x');
    expect(suppressions.rules).toEqual([]);
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'user:default/alex',
        action: 'maintenance.end',
        details: {
          name: 'sre-cc-maintenance-x',
          reason: 'x',
          startedBy: 'user:default/sam',
          plannedEnd: ended.endsAt,
        },
      }),
    ]);
    expect(published).toEqual([SYSTEM]);
  });

  it('refuses to end what is not an active window of ours', async () => {
    const { suppressions, audit, windows } = setup();
    suppressions.rules = [
      ruleWith({ name: 'someone-elses-rule' }),
      ruleWith({
        name: 'sre-cc-maintenance-expired',
        window: { from: new Date(0), until: NOW },
      }),
    ];
    for (const name of ['someone-elses-rule', 'sre-cc-maintenance-expired']) {
      await expect(windows.end(SYSTEM, name, 'user:default/a')).rejects.toThrow(
        NotFoundError,
      );
    }
    expect(suppressions.rules).toHaveLength(2);
    expect(audit).toEqual([]);
  });

  it('tidies up our expired rules when a new window starts, and nobody else’s', async () => {
    const { suppressions, windows } = setup();
    suppressions.rules = [
      ruleWith({
        name: 'sre-cc-maintenance-expired',
        window: { from: new Date(0), until: NOW },
      }),
      ruleWith({
        name: 'someone-elses-expired',
        window: { from: new Date(0), until: NOW },
      }),
      ruleWith({ name: 'sre-cc-maintenance-active' }),
    ];
    const started = await windows.start(SYSTEM, 5, 'r', 'user:default/a');
    expect(suppressions.rules.map(r => r.name).sort()).toEqual(
      [
        'someone-elses-expired',
        'sre-cc-maintenance-active',
        started.name,
      ].sort(),
    );
  });

  it('says when the System has no resource group, and when Azure refuses', async () => {
    const { suppressions, audit, published, windows } = setup();
    await expect(windows.list('system:default/other')).rejects.toThrow(
      NotFoundError,
    );
    suppressions.failWith = new Error(
      'Alert processing rules answered 403 AuthorizationFailed: no',
    );
    const failed = windows.start(SYSTEM, 30, 'r', 'user:default/a');
    await expect(failed).rejects.toThrow(ServiceUnavailableError);
    await expect(failed).rejects.toThrow(/403 AuthorizationFailed/);
    expect(audit).toEqual([]);
    expect(published).toEqual([]);
  });

  it('names windows after the moment they start', () => {
    expect(windowName(new Date('2026-01-02T03:04:05.006Z'))).toBe(
      'sre-cc-maintenance-20260102t030405006z',
    );
  });
});
