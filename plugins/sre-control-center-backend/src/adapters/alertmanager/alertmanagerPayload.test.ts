import { alertmanagerPayload } from '../../tests/fixtures';
import {
  parseAlertmanagerPayload,
  severityFromLabel,
} from './alertmanagerPayload';

const SITE =
  '/subscriptions/3f2b8c1e/resourceGroups/rg-mindful-moments-dev/providers/Microsoft.Web/sites/app-mindful-moments-dev';

describe('parseAlertmanagerPayload', () => {
  it('turns each alert of a group into a notification', () => {
    const result = parseAlertmanagerPayload(alertmanagerPayload());
    if (!result.ok) throw new Error(result.error);
    const [firing, resolved] = result.notifications;
    expect(firing).toEqual({
      alertId: 'alertmanager:a1b2c3d4e5f60718',
      rule: 'HighErrorRate',
      severity: 'Sev0',
      monitorCondition: 'Fired',
      targetResourceIds: [SITE.toLowerCase()],
      description:
        'Error rate above 5 %\n\napp-1 answers 9 % of requests with 5xx',
      firedAt: new Date('2026-11-28T10:00:00.123Z'),
      // A firing alert's endsAt is Alertmanager's guess, not a resolution.
      resolvedAt: null,
      condition: {
        source: 'alertmanager',
        query: 'rate(http_errors_total[5m]) > 0.05',
        text: 'Error rate above 5 %',
        link: 'http://prometheus.local:9090/graph?g0.expr=rate%28http_errors_total%5B5m%5D%29+%3E+0.05&g0.tab=1',
        dimensions: [
          { name: 'alertname', value: 'HighErrorRate' },
          { name: 'azure_resource_id', value: SITE },
          { name: 'instance', value: 'app-1' },
          { name: 'severity', value: 'critical' },
        ],
      },
      source: 'alertmanager',
    });
    expect(resolved).toMatchObject({
      alertId: 'alertmanager:0f1e2d3c4b5a6978',
      severity: 'Sev2',
      monitorCondition: 'Resolved',
      resolvedAt: new Date('2026-11-28T08:30:00Z'),
      targetResourceIds: [],
      description: null,
      entityRef: 'system:default/mindful-moments',
    });
    expect(resolved.condition).not.toHaveProperty('query');
  });

  it('says which field is wrong', () => {
    const bad = alertmanagerPayload();
    bad.alerts[0].fingerprint = '';
    bad.alerts[1].labels.backstage_entity_ref = 'component:default/app';
    const result = parseAlertmanagerPayload({ ...bad, version: '3' });
    expect(result.ok).toBe(false);
    const error = !result.ok ? result.error : '';
    expect(error).toMatch(/^version: /);
    expect(error).toMatch(/alerts\.0\.fingerprint: /);
    expect(error).toMatch(
      /alerts\.1\.labels\.backstage_entity_ref: must name a System/,
    );
  });

  it('refuses a delivery without alerts', () => {
    const result = parseAlertmanagerPayload(
      alertmanagerPayload({ alerts: [] }),
    );
    expect(!result.ok && result.error).toMatch(/^alerts: /);
  });
});

describe('severityFromLabel', () => {
  it.each([
    ['critical', 'Sev0'],
    ['CRITICAL', 'Sev0'],
    ['error', 'Sev1'],
    ['high', 'Sev1'],
    ['warning', 'Sev2'],
    ['info', 'Sev3'],
    ['none', 'Sev4'],
    ['sev1', 'Sev1'],
    ['4', 'Sev4'],
    ['whatever', 'Sev3'],
    [undefined, 'Sev3'],
  ])('maps %p to %s', (label, severity) => {
    expect(severityFromLabel(label)).toBe(severity);
  });
});
