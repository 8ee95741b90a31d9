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

  it('handles a 64 kB run of slashes in linear time', () => {
    // The regular expression it replaced (/\/+$/) took 1.25 s on this input
    // and about 4 s on twice as much: quadratic. Doubling the input must not
    // quadruple the time; compared within one run, so a busy machine cancels out.
    const time = (n: number) => {
      const input = `${'/'.repeat(n)}x`;
      const started = process.hrtime.bigint();
      for (let i = 0; i < 5; i++) {
        normalizeArmId(input);
        resourceGroupIdOf(input);
      }
      return Number(process.hrtime.bigint() - started);
    };
    time(1000); // warm up
    const small = time(262_144);
    const large = time(4 * 262_144);
    expect(normalizeArmId(`${'/'.repeat(65_536)}x`)).toBe(
      `${'/'.repeat(65_536)}x`,
    );
    // Linear: 4x the input, about 4x the time; quadratic would be 16x.
    expect(large / small).toBeLessThan(10);
  });
});
