import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fixture from '../__fixtures__/outputs.json';
import { FileOutputsSource } from '../sources/FileOutputsSource';
import type { SystemDirectory, SystemScope } from './SystemDirectory';
import { TerraformOutputsEntityProvider } from './TerraformOutputsEntityProvider';

const SYSTEM = 'system:default/mindful-moments';
const system: SystemScope = {
  ref: SYSTEM,
  namespace: 'default',
  owner: 'group:default/mindful-moments-team',
  subscriptionId: '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f',
};

/** The catalog's side of a provider: records every mutation it applies. */
class RecordingConnection implements EntityProviderConnection {
  readonly mutations: EntityProviderMutation[] = [];
  async applyMutation(mutation: EntityProviderMutation) {
    this.mutations.push(mutation);
  }
  async refresh() {}
  get entities(): Entity[] {
    const last = this.mutations[this.mutations.length - 1];
    if (last?.type !== 'full') throw new Error('expected a full mutation');
    return last.entities.map(e => e.entity);
  }
}

class InMemoryDirectory implements SystemDirectory {
  stored: Entity[] = [];
  systems = new Map<string, SystemScope>([[SYSTEM, system]]);
  async getSystem(ref: string) {
    return (
      this.systems.get(ref) ?? {
        problem: `System ${ref} is not in the catalog (yet)`,
      }
    );
  }
  async entitiesAt(location: string) {
    return this.stored.filter(
      e =>
        e.metadata.annotations?.['backstage.io/managed-by-location'] ===
        location,
    );
  }
}

function setup(initial: unknown = fixture) {
  const dir = mkdtempSync(join(tmpdir(), 'tf-outputs-'));
  const file = join(dir, 'outputs.json');
  const write = (value: unknown) =>
    writeFileSync(
      file,
      typeof value === 'string' ? value : JSON.stringify(value),
    );
  write(initial);
  let now = new Date('2026-12-01T10:00:00Z');
  const directory = new InMemoryDirectory();
  const connection = new RecordingConnection();
  const provider = new TerraformOutputsEntityProvider({
    outputs: [{ system: SYSTEM, source: new FileOutputsSource(file) }],
    systems: directory,
    logger: mockServices.logger.mock(),
    now: () => now,
  });
  return {
    provider,
    connection,
    directory,
    write,
    file,
    tick: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

const names = (entities: Entity[]) => entities.map(e => e.metadata.name).sort();

describe('TerraformOutputsEntityProvider', () => {
  it('emits one Resource entity per resource in the outputs, owned by the System owner', async () => {
    const { provider, connection, file } = setup();
    await provider.connect(connection);
    const report = await provider.refresh();

    expect(report.systems).toEqual([
      { system: SYSTEM, status: 'ok', entities: 7 },
    ]);
    expect(connection.mutations[0].type).toBe('full');
    expect(names(connection.entities)).toEqual([
      'app-mindful-moments-dev',
      'appi-mindful-moments-dev',
      'asp-mindful-moments-dev',
      'kv-mindful-moments-dev',
      'log-mindful-moments-dev',
      'psql-mindful-moments-dev',
      'stmindfulmomentsdev',
    ]);
    const app = connection.entities.find(
      e => e.metadata.name === 'app-mindful-moments-dev',
    )!;
    expect(app).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'app-mindful-moments-dev',
        namespace: 'default',
        title: 'App Service app-mindful-moments-dev',
        description:
          'Microsoft.Web/sites in resource group rg-mindful-moments-dev, from the Terraform output sre_control_center_resources[0].',
        annotations: {
          'backstage.io/managed-by-location': `sre-control-center-terraform:${SYSTEM}`,
          'backstage.io/managed-by-origin-location': `sre-control-center-terraform:${SYSTEM}`,
          'sre-control-center/azure-resource-id': fixture.app_service_id.value,
          'backstage.io/view-url': `https://portal.azure.com/#resource${fixture.app_service_id.value}/overview`,
          'sre-control-center/terraform-output':
            'sre_control_center_resources[0]',
          'sre-control-center/terraform-outputs-source': file,
          'sre-control-center/terraform-outputs-status': 'ok',
          'sre-control-center/terraform-outputs-checked-at':
            '2026-12-01T10:00:00.000Z',
          'sre-control-center/terraform-outputs-read-at':
            '2026-12-01T10:00:00.000Z',
        },
        tags: ['azure', 'terraform'],
      },
      spec: {
        type: 'azure-app-service',
        owner: 'group:default/mindful-moments-team',
        system: SYSTEM,
        dependencyOf: [SYSTEM],
      },
    });
    const mutation = connection.mutations[0];
    expect(mutation.type === 'full' && mutation.entities[0].locationKey).toBe(
      `sre-control-center-terraform:${SYSTEM}`,
    );
  });

  it('removes the entity of a resource that left the outputs', async () => {
    const { provider, connection, write } = setup();
    await provider.connect(connection);
    await provider.refresh();
    write({
      ...fixture,
      sre_control_center_resources: {
        ...fixture.sre_control_center_resources,
        value: fixture.sre_control_center_resources.value.filter(
          r => r.name !== 'kv-mindful-moments-dev',
        ),
      },
    });
    await provider.refresh();
    expect(connection.mutations).toHaveLength(2);
    expect(names(connection.entities)).not.toContain('kv-mindful-moments-dev');
    expect(connection.entities).toHaveLength(6);
  });

  it.each([
    [
      'outputs that do not parse',
      '{"app_service_id": ',
      /outputs did not parse: not JSON/,
    ],
    [
      'an output naming no resource id',
      {
        ...fixture,
        sre_control_center_resources: {
          sensitive: false,
          type: 'list',
          value: [
            { name: 'app-mindful-moments-dev', type: 'azure-app-service' },
          ],
        },
      },
      /output "sre_control_center_resources\[0\]" names no resource id/,
    ],
    [
      'a resource of another subscription',
      JSON.stringify(fixture).replace(
        /3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f\/resourceGroups\/rg-mindful-moments-dev\/providers\/Microsoft.Storage/g,
        '99999999-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev/providers/Microsoft.Storage',
      ),
      /output "sre_control_center_resources\[3\]": resource stmindfulmomentsdev is in subscription 99999999-/,
    ],
  ])(
    'keeps the last good entities when given %s, and says why on them',
    async (_, bad, message) => {
      const { provider, connection, write, tick } = setup();
      await provider.connect(connection);
      await provider.refresh();
      const good = connection.entities;
      tick(60_000);
      write(bad);

      const report = await provider.refresh();

      expect(report.systems[0]).toMatchObject({ status: 'error', entities: 7 });
      expect(report.systems[0].error).toMatch(message);
      expect(names(connection.entities)).toEqual(names(good));
      for (const entity of connection.entities) {
        const annotations = entity.metadata.annotations!;
        expect(annotations['sre-control-center/terraform-outputs-status']).toBe(
          'error',
        );
        expect(
          annotations['sre-control-center/terraform-outputs-error'],
        ).toMatch(message);
        expect(
          annotations['sre-control-center/terraform-outputs-checked-at'],
        ).toBe('2026-12-01T10:01:00.000Z');
        // The entity itself is the last good one.
        expect(
          annotations['sre-control-center/terraform-outputs-read-at'],
        ).toBe('2026-12-01T10:00:00.000Z');
        expect(entity.spec).toEqual(
          good.find(g => g.metadata.name === entity.metadata.name)!.spec,
        );
      }

      // Good outputs again: status back to ok, error gone.
      write(fixture);
      await provider.refresh();
      const app = connection.entities[0].metadata.annotations!;
      expect(app['sre-control-center/terraform-outputs-status']).toBe('ok');
      expect(app['sre-control-center/terraform-outputs-error']).toBeUndefined();
    },
  );

  it('after a restart, keeps the entities the catalog already has when the outputs are refused', async () => {
    const first = setup();
    await first.provider.connect(first.connection);
    await first.provider.refresh();
    // The catalog keeps what was emitted (with uid and relations it adds).
    const stored = first.connection.entities.map(e => ({
      ...e,
      metadata: { ...e.metadata, uid: 'u-1', etag: 'e-1' },
      relations: [{ type: 'dependencyOf', targetRef: SYSTEM }],
    }));

    const restarted = setup('not json');
    restarted.directory.stored = stored;
    await restarted.provider.connect(restarted.connection);
    const report = await restarted.provider.refresh();

    expect(report.systems[0]).toMatchObject({ status: 'error', entities: 7 });
    const kept = restarted.connection.entities;
    expect(names(kept)).toEqual(names(first.connection.entities));
    expect(kept[0].metadata.uid).toBeUndefined();
    expect(kept[0]).not.toHaveProperty('relations');
  });

  it('applies nothing when the last good entities cannot be read back after a restart', async () => {
    const { provider, connection, directory } = setup('not json');
    directory.entitiesAt = async () => {
      throw new Error('catalog unavailable');
    };
    await provider.connect(connection);
    await expect(provider.refresh()).rejects.toThrow(
      /could not read the last good entities .* so nothing was changed: catalog unavailable/,
    );
    expect(connection.mutations).toHaveLength(0);
  });

  it('refuses the outputs of a System that is not in the catalog or has no resource group', async () => {
    const { provider, connection, directory } = setup();
    directory.systems.clear();
    await provider.connect(connection);
    const report = await provider.refresh();
    expect(report.systems[0].error).toMatch(
      /System system:default\/mindful-moments is not in the catalog/,
    );
    expect(connection.entities).toEqual([]);
  });

  it('says when the file is missing', async () => {
    const { provider, connection, file } = setup();
    require('node:fs').rmSync(file);
    await provider.connect(connection);
    const report = await provider.refresh();
    expect(report.systems[0].error).toBe(
      `${file}: outputs file ${file} does not exist`,
    );
  });
});
