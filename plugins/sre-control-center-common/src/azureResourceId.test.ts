import { parseArmResourceId, parseResourceGroupId } from './azureResourceId';

const SUB = '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f';

describe('parseArmResourceId', () => {
  it('takes a resource id apart', () => {
    expect(
      parseArmResourceId(
        `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Web/sites/app-x/`,
      ),
    ).toEqual({
      id: `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Web/sites/app-x`,
      subscriptionId: SUB,
      resourceGroup: 'rg-x',
      namespace: 'Microsoft.Web',
      type: 'sites',
      name: 'app-x',
      child: false,
    });
    expect(
      parseArmResourceId(
        `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Network/virtualNetworks/v/subnets/s`,
      ),
    ).toMatchObject({
      type: 'virtualNetworks/subnets',
      name: 's',
      child: true,
    });
  });

  it.each([
    'app-x',
    'https://portal.azure.com/',
    `/subscriptions/${SUB}/resourceGroups/rg-x`,
    `/subscriptions/not-a-guid/resourceGroups/rg-x/providers/Microsoft.Web/sites/a`,
    `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Web/sites`,
    `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Web/sites/a`,
    `/subscriptions/${SUB}/resourceGroups/rg-x/providers/Microsoft.Web/sites/a?x=1`,
    `/subscriptions/${SUB}/resourceGroups/rg x/providers/Microsoft.Web/sites/a`,
  ])('refuses %s', value => {
    expect(parseArmResourceId(value)).toBeUndefined();
  });

  it('parses resource group ids only', () => {
    expect(
      parseResourceGroupId(
        `/subscriptions/${SUB.toUpperCase()}/resourceGroups/rg-x`,
      ),
    ).toEqual({ subscriptionId: SUB, resourceGroup: 'rg-x' });
    expect(parseResourceGroupId(`/subscriptions/${SUB}`)).toBeUndefined();
  });
});
