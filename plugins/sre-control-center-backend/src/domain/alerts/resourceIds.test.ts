import { normalizeArmId, resourceGroupIdOf } from './resourceIds';

describe('ARM ids', () => {
  it('finds the resource group of a resource whatever the case', () => {
    expect(
      resourceGroupIdOf(
        '/subscriptions/ABC/resourcegroups/RG-Mindful-Moments-Dev/providers/Microsoft.Web/sites/app',
      ),
    ).toBe('/subscriptions/abc/resourcegroups/rg-mindful-moments-dev');
    expect(resourceGroupIdOf('/subscriptions/abc/resourceGroups/rg/')).toBe(
      '/subscriptions/abc/resourcegroups/rg',
    );
  });

  it('returns undefined for ids outside a resource group', () => {
    expect(resourceGroupIdOf('/subscriptions/abc')).toBeUndefined();
    expect(resourceGroupIdOf('not an id')).toBeUndefined();
  });

  it('normalizes case and trailing slashes', () => {
    expect(normalizeArmId(' /Subscriptions/X/ ')).toBe('/subscriptions/x');
  });
});
