import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { EntityProviderMutation } from '@backstage/plugin-catalog-node';
import {
  AnonymousCredential,
  BlockBlobClient,
  newPipeline,
  type RequestPolicy,
} from '@azure/storage-blob';
import {
  OUTPUTS_BLOB,
  STATE_CONTAINER,
  STATE_STORAGE_NAME,
  startCloudEmulator,
  terraformOutputs,
  type RunningEmulator,
} from '@sre-control-center/cloud-emulator';
import { TerraformOutputsEntityProvider } from '../provider/TerraformOutputsEntityProvider';
import { BlobOutputsSource, blobUrl } from '../sources/BlobOutputsSource';

jest.setTimeout(30_000);

const SYSTEM = 'system:default/mindful-moments';

/** What the deploy workflow does after apply: upload the outputs (real SDK client). */
function uploader(emulator: RunningEmulator) {
  const pipeline = newPipeline(new AnonymousCredential());
  pipeline.factories.push({
    create: (next: RequestPolicy): RequestPolicy => ({
      sendRequest: request => {
        request.headers.set('authorization', 'Bearer deploy-workflow');
        return next.sendRequest(request);
      },
    }),
  });
  const client = new BlockBlobClient(
    blobUrl({
      accountUrl: `${emulator.url}/${STATE_STORAGE_NAME}`,
      container: STATE_CONTAINER,
      name: OUTPUTS_BLOB,
    }),
    pipeline,
  );
  return (text: string) =>
    client.upload(text, Buffer.byteLength(text), {
      blobHTTPHeaders: { blobContentType: 'application/json' },
    });
}

describe('Terraform outputs from Azure Blob Storage (emulator, real @azure/storage-blob)', () => {
  let emulator: RunningEmulator;
  const location = () => ({
    accountUrl: `${emulator.url}/${STATE_STORAGE_NAME}`,
    container: STATE_CONTAINER,
    name: OUTPUTS_BLOB,
  });

  beforeEach(async () => {
    emulator = await startCloudEmulator();
  });
  afterEach(async () => {
    await emulator.close();
  });

  it('downloads the published outputs blob', async () => {
    const text = await new BlobOutputsSource(location()).read();
    expect(JSON.parse(text)).toEqual(terraformOutputs());
  });

  it('says when the blob or its container does not exist', async () => {
    await expect(
      new BlobOutputsSource({
        ...location(),
        name: 'other/outputs.json',
      }).read(),
    ).rejects.toThrow(
      /blob .*other\/outputs.json was not found \(BlobNotFound\)/,
    );
    await expect(
      new BlobOutputsSource({ ...location(), container: 'nothere' }).read(),
    ).rejects.toThrow(/was not found \(ContainerNotFound\)/);
  });

  it('names the role the backend needs when Azure refuses the read', async () => {
    emulator.state.blobAccessDenied = true;
    await expect(new BlobOutputsSource(location()).read()).rejects.toThrow(
      /refused \(AuthorizationPermissionMismatch\): the backend's identity needs Storage Blob Data Reader on the container/,
    );
  });

  it('feeds the provider: new outputs change the entities, bad ones keep them', async () => {
    const mutations: EntityProviderMutation[] = [];
    const provider = new TerraformOutputsEntityProvider({
      outputs: [{ system: SYSTEM, source: new BlobOutputsSource(location()) }],
      systems: {
        getSystem: async () => ({
          ref: SYSTEM,
          namespace: 'default',
          owner: 'group:default/mindful-moments-team',
          subscriptionId: '3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f',
        }),
        entitiesAt: async () => [],
      },
      logger: mockServices.logger.mock(),
    });
    await provider.connect({
      applyMutation: async m => {
        mutations.push(m);
      },
      refresh: async () => {},
    });
    const latest = (): Entity[] => {
      const m = mutations[mutations.length - 1];
      return m.type === 'full' ? m.entities.map(e => e.entity) : [];
    };

    await provider.refresh();
    expect(latest()).toHaveLength(7);
    expect(
      latest()[0].metadata.annotations?.[
        'sre-control-center/terraform-outputs-source'
      ],
    ).toBe(blobUrl(location()));

    const upload = uploader(emulator);
    const outputs = terraformOutputs() as {
      sre_control_center_resources: { value: Array<{ name: string }> };
    };
    outputs.sre_control_center_resources.value =
      outputs.sre_control_center_resources.value.slice(0, 3);
    await upload(JSON.stringify(outputs));
    await provider.refresh();
    expect(latest().map(e => e.metadata.name)).toEqual([
      'app-mindful-moments-dev',
      'asp-mindful-moments-dev',
      'psql-mindful-moments-dev',
    ]);

    await upload('<html>not the outputs</html>');
    const report = await provider.refresh();
    expect(report.systems[0].error).toMatch(/outputs did not parse/);
    expect(latest()).toHaveLength(3);
    expect(
      latest()[0].metadata.annotations?.[
        'sre-control-center/terraform-outputs-status'
      ],
    ).toBe('error');
  });
});
