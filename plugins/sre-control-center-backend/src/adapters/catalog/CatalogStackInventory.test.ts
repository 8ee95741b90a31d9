import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogStackInventory } from './CatalogStackInventory';

const SYSTEM = 'system:default/mindful-moments';
const resource = (
  name: string,
  annotations: Record<string, string>,
  system = SYSTEM,
) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'azure-app-service', owner: 'group:default/team', system },
  relations: [{ type: 'partOf', targetRef: system }],
});

describe('CatalogStackInventory', () => {
  it("lists the System's Resource entities and the catalog module's newest status", async () => {
    const catalog = catalogServiceMock({
      entities: [
        resource('b-app', {
          'sre-control-center/azure-resource-id': '/subscriptions/x/b',
          'sre-control-center/terraform-outputs-status': 'ok',
          'sre-control-center/terraform-outputs-checked-at':
            '2026-12-01T10:00:00.000Z',
        }),
        resource('a-db', {
          'sre-control-center/azure-resource-id': '/subscriptions/x/a',
          'sre-control-center/terraform-outputs-status': 'error',
          'sre-control-center/terraform-outputs-checked-at':
            '2026-12-01T10:05:00.000Z',
          'sre-control-center/terraform-outputs-read-at':
            '2026-12-01T10:00:00.000Z',
          'sre-control-center/terraform-outputs-error':
            'outputs did not parse: not JSON',
          'sre-control-center/terraform-outputs-source': 'outputs.json',
        }),
        resource('other', {}, 'system:default/other'),
      ],
    });
    const inventory = new CatalogStackInventory(catalog, mockServices.auth());
    const { resources, terraformOutputs } = await inventory.resourcesOf({
      entityRef: SYSTEM,
      resourceGroupId: '/subscriptions/x/resourceGroups/rg',
    });
    expect(resources).toEqual([
      {
        entityRef: 'resource:default/a-db',
        name: 'a-db',
        type: 'azure-app-service',
        resourceId: '/subscriptions/x/a',
      },
      {
        entityRef: 'resource:default/b-app',
        name: 'b-app',
        type: 'azure-app-service',
        resourceId: '/subscriptions/x/b',
      },
    ]);
    expect(terraformOutputs).toEqual({
      status: 'error',
      checkedAt: '2026-12-01T10:05:00.000Z',
      readAt: '2026-12-01T10:00:00.000Z',
      error: 'outputs did not parse: not JSON',
      source: 'outputs.json',
    });
  });
});
