import {
  canonicalAlertId,
  isAzureAlertId,
  parseAzureAlertId,
} from './alertIds';

const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';
const GUID = 'e3a8c1f5-7b20-4d96-8f4e-1c5a9d2b6e07';

describe('alert ids', () => {
  it('accepts Azure alert ids in their real shape, whatever the case', () => {
    const id = `/subscriptions/${SUB.toUpperCase()}/providers/Microsoft.AlertsManagement/alerts/${GUID}`;
    expect(parseAzureAlertId(id)).toEqual({
      subscriptionId: SUB,
      alertGuid: GUID,
    });
    expect(canonicalAlertId(id)).toBe(
      `/subscriptions/${SUB}/providers/microsoft.alertsmanagement/alerts/${GUID}`,
    );
  });

  it.each([
    // The traversal that sent an acknowledge to another subscription.
    `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/x/../../../../subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.AlertsManagement/alerts/${GUID}`,
    `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/${GUID}/changestate`,
    `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/${GUID}?newState=Closed`,
    `/subscriptions/not-a-guid/providers/Microsoft.AlertsManagement/alerts/${GUID}`,
    `/subscriptions/${SUB}/providers/Microsoft.CostManagement/alerts/${GUID}`,
    `/subscriptions/${SUB}/providers/Microsoft.AlertsManagement/alerts/${GUID}/`,
    '/'.repeat(65_536),
  ])('refuses %s', id => {
    expect(parseAzureAlertId(id)).toBeUndefined();
    expect(canonicalAlertId(id)).toBeUndefined();
    expect(isAzureAlertId(id)).toBe(false);
  });

  it('knows the portal’s own ids', () => {
    expect(canonicalAlertId('alertmanager:A1B2C3')).toBe('alertmanager:a1b2c3');
    expect(canonicalAlertId(`unrecognized:${'ab'.repeat(32)}`)).toBe(
      `unrecognized:${'ab'.repeat(32)}`,
    );
    expect(canonicalAlertId('alertmanager:../x')).toBeUndefined();
    expect(isAzureAlertId('alertmanager:a1')).toBe(false);
  });
});
