import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogProjectResolver } from './CatalogProjectResolver';

const RG = '/subscriptions/S/resourceGroups/RG-One';

function system(name: string, resourceGroup: string) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'sre-control-center/azure-resource-group': resourceGroup },
    },
    spec: { owner: 'group:default/team' },
  };
}

describe('CatalogProjectResolver', () => {
  it('maps resource groups to Systems case-insensitively, with lower-cased refs', async () => {
    const catalog = catalogServiceMock({
      entities: [
        system('Mindful-Moments', RG),
        {
          apiVersion: 'backstage.io/v1alpha1',
          kind: 'Component',
          metadata: {
            name: 'c',
            annotations: {
              'sre-control-center/azure-resource-group':
                '/subscriptions/s/resourceGroups/other',
            },
          },
          spec: {},
        },
      ],
    });
    const resolver = new CatalogProjectResolver(catalog, mockServices.auth());
    expect(
      await resolver.projectForResourceGroup(
        '/subscriptions/s/resourcegroups/rg-one',
      ),
    ).toBe('system:default/mindful-moments');
    expect(
      await resolver.projectForResourceGroup(
        '/subscriptions/s/resourcegroups/other',
      ),
    ).toBeUndefined();
    expect(await resolver.listProjects()).toEqual([
      {
        entityRef: 'system:default/mindful-moments',
        resourceGroupId: '/subscriptions/s/resourcegroups/rg-one',
      },
    ]);
  });

  it('looks again for an unknown group, at most every few seconds', async () => {
    let now = 0;
    const entities: ReturnType<typeof system>[] = [];
    const catalog = catalogServiceMock.mock({
      getEntities: jest.fn(async () => ({ items: entities })),
    });
    const resolver = new CatalogProjectResolver(
      catalog,
      mockServices.auth(),
      () => now,
    );
    expect(await resolver.projectForResourceGroup(RG)).toBeUndefined();
    entities.push(system('late', RG));
    now = 1_000;
    expect(await resolver.projectForResourceGroup(RG)).toBeUndefined();
    now = 6_000;
    expect(await resolver.projectForResourceGroup(RG)).toBe(
      'system:default/late',
    );
    expect(catalog.getEntities).toHaveBeenCalledTimes(2);
  });
});
