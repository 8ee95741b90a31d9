import type { Alert } from '@sre-control-center/plugin-sre-control-center-common';
import { exactLinks, fallbackLinks } from './linking';
import { parseProjectSlug, repositoryKey } from './repository';

const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
const ALERT_ID = `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/6a1f3c2e-8b4d-4e7a-9f10-2b3c4d5e6f70`;
const CANONICAL = ALERT_ID.toLowerCase();
const SITE = `/subscriptions/${SUB}/resourceGroups/rg-mindful-moments-dev/providers/Microsoft.Web/sites/app-mindful-moments-dev`;

/** The agent's incident report (Microsoft's lab template), as the emulator writes it. */
function report(extra: string[] = []) {
  return [
    '## Summary',
    'Alert rule alert-http-5xx (Sev1) fired on app-mindful-moments-dev at 2026-12-01T10:00:00Z.',
    '## Impact',
    'Users see 5xx answers.',
    '## Evidence',
    '- Metric condition: Total Http5xx GreaterThan 10 (observed 42)',
    '## References',
    `- Target resource: ${SITE}`,
    `- Alert rule: /subscriptions/${SUB}/resourceGroups/rg-mindful-moments-dev/providers/microsoft.insights/metricAlerts/alert-http-5xx`,
    ...extra,
  ].join('\n');
}

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: CANONICAL,
  entityRef: 'system:default/mindful-moments',
  routing: 'resource-group',
  name: 'alert-http-5xx',
  severity: 'Sev1',
  state: 'New',
  monitorCondition: 'Fired',
  targetResourceId: SITE.toLowerCase(),
  description: null,
  firedAt: '2026-12-01T10:00:00.000Z',
  resolvedAt: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...over,
});

const HOUR = 3_600_000;

describe('the linking rule', () => {
  it('links the marker and the alert id exactly, lower-cased', () => {
    expect(
      exactLinks(
        'x',
        report([`<!-- sre-control-center:alert=${ALERT_ID} -->`]),
      ),
    ).toEqual([{ alertId: CANONICAL, rule: 'marker' }]);
    expect(exactLinks('x', report([`- Alert: ${ALERT_ID}`]))).toEqual([
      { alertId: CANONICAL, rule: 'alert-id' },
    ]);
    expect(exactLinks(`Investigating ${ALERT_ID}`, null)).toEqual([
      { alertId: CANONICAL, rule: 'alert-id' },
    ]);
  });

  it('reads the id out of an Azure portal alert link', () => {
    const link = `https://portal.azure.com/#view/Microsoft_Azure_Monitoring_Alerts/AlertDetails.ReactView/alertId~/${encodeURIComponent(
      ALERT_ID,
    )}`;
    expect(exactLinks('x', report([`- Portal: ${link}`]))).toEqual([
      { alertId: CANONICAL, rule: 'alert-id' },
    ]);
  });

  it('refuses ids of another shape', () => {
    expect(
      exactLinks(
        'x',
        [
          '<!-- sre-control-center:alert=/subscriptions/not-a-guid/providers/x -->',
          `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/../../x`,
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('falls back to rule name and target resource within the window', () => {
    const opened = '2026-12-01T10:00:55.000Z';
    expect(fallbackLinks(report(), opened, [alert()], 6 * HOUR)).toEqual([
      { alertId: CANONICAL, rule: 'rule-and-resource' },
    ]);
    // Fired too long before, or after the issue: no link.
    expect(
      fallbackLinks(report(), '2026-12-01T17:00:00.000Z', [alert()], 6 * HOUR),
    ).toEqual([]);
    expect(
      fallbackLinks(report(), '2026-12-01T09:59:00.000Z', [alert()], 6 * HOUR),
    ).toEqual([]);
  });

  it('needs both the rule and the resource, and takes the latest firing', () => {
    const other = alert({ targetResourceId: `${SITE.toLowerCase()}-other` });
    expect(
      fallbackLinks(
        'alert-http-5xx fired on app-other',
        '2026-12-01T10:01:00.000Z',
        [alert()],
        6 * HOUR,
      ),
    ).toEqual([]);
    expect(
      fallbackLinks(
        'The site app-mindful-moments-dev is slow',
        '2026-12-01T10:01:00.000Z',
        [alert(), other],
        6 * HOUR,
      ),
    ).toEqual([]);
    const earlier = alert({
      id: 'alertmanager:earlier',
      firedAt: '2026-12-01T08:00:00.000Z',
    });
    expect(
      fallbackLinks(
        report(),
        '2026-12-01T10:01:00.000Z',
        [earlier, alert()],
        6 * HOUR,
      ),
    ).toEqual([{ alertId: CANONICAL, rule: 'rule-and-resource' }]);
  });

  it('links nothing for an unrelated issue', () => {
    const body = 'Steps: start a 10 minute session, switch apps, come back.';
    expect(exactLinks('Timer resets', body)).toEqual([]);
    expect(
      fallbackLinks(body, '2026-12-01T10:01:00.000Z', [alert()], 6 * HOUR),
    ).toEqual([]);
  });
});

describe('project slugs', () => {
  it('parses owner/repo and refuses anything else', () => {
    expect(
      repositoryKey(parseProjectSlug('Mindful-Moments/mindful.moments')),
    ).toBe('mindful-moments/mindful.moments');
    for (const bad of [
      'mindful-moments',
      'a/b/c',
      '-x/y',
      'x/..',
      'x/y?z',
      'https://github.com/x/y',
      'x/y.git',
      '',
    ]) {
      expect(() => parseProjectSlug(bad)).toThrow(/expected owner\/repo/);
    }
  });
});
