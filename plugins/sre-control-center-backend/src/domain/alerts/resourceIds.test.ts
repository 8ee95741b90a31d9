import {
  normalizeArmId,
  resourceGroupIdOf,
  subscriptionOf,
} from './resourceIds';

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

  it('returns undefined for ids outside a resource group, and for paths that would steer elsewhere', () => {
    expect(resourceGroupIdOf('/subscriptions/abc')).toBeUndefined();
    expect(resourceGroupIdOf('not an id')).toBeUndefined();
    expect(
      resourceGroupIdOf('/subscriptions/../resourceGroups/rg'),
    ).toBeUndefined();
    expect(
      resourceGroupIdOf('/subscriptions/a?x=1/resourceGroups/rg'),
    ).toBeUndefined();
  });

  it('normalizes case, surrounding space and trailing slashes', () => {
    expect(normalizeArmId(' /Subscriptions/X/ ')).toBe('/subscriptions/x');
    expect(normalizeArmId('/a///')).toBe('/a');
    expect(subscriptionOf('/Subscriptions/ABC/resourceGroups/x')).toBe('abc');
  });

  it('handles a 4 MB run of slashes (linear: the quadratic /\\/+$/ it replaced never finished)', () => {
    // /\/+$/ took 1.25 s on 64 kB and grows with the square of the input:
    // on 4 MB it would run for hours, far past the test's timeout. No timing
    // is compared here: the test finishes only if the work is linear.
    const input = `${'/'.repeat(4 * 1024 * 1024)}x`;
    expect(normalizeArmId(input)).toBe(input);
    expect(resourceGroupIdOf(input)).toBeUndefined();
    expect(normalizeArmId(`/subscriptions/a/${'/'.repeat(65_536)}`)).toBe(
      '/subscriptions/a',
    );
  });
});
