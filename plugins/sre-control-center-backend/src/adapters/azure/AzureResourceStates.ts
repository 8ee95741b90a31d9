import { WebSiteManagementClient } from '@azure/arm-appservice';
import { PostgreSQLManagementFlexibleServerClient } from '@azure/arm-postgresql-flexible';
import type { ArmResourceId } from '@sre-control-center/plugin-sre-control-center-common';
import type {
  ArmResourceState,
  ResourceStateSource,
} from '../../domain/stack/ports';
import type { ArmAccess } from './armAccess';
import { restFailure, toStackReadError } from './stackReadError';

/** api-versions of the types read with the REST client (no SDK dependency for one GET). */
const STORAGE_API = '2023-05-01';
const KEY_VAULT_API = '2023-07-01';

const EXPECTED_TYPES: Record<string, string> = {
  'azure-app-service': 'microsoft.web/sites',
  'azure-app-service-plan': 'microsoft.web/serverfarms',
  'azure-postgresql-flexible-server':
    'microsoft.dbforpostgresql/flexibleservers',
  'azure-storage-account': 'microsoft.storage/storageaccounts',
  'azure-key-vault': 'microsoft.keyvault/vaults',
};

/** 'West Europe' → 'westeurope', as the regional endpoints name it. */
const region = (location: string | undefined) =>
  location ? location.toLowerCase().replace(/\s+/g, '') : null;

const empty: ArmResourceState = {
  state: null,
  provisioningState: null,
  sku: null,
  workers: null,
  location: null,
  version: null,
};

/**
 * ARM state of the stack's resources: web app state and runtime
 * (@azure/arm-appservice), plan SKU and workers, PostgreSQL flexible server
 * state and version (@azure/arm-postgresql-flexible), storage and key vault
 * provisioning state (ARM REST). One GET per resource.
 */
export class AzureResourceStates implements ResourceStateSource {
  readonly types = new Set(Object.keys(EXPECTED_TYPES));
  private readonly web = new Map<string, WebSiteManagementClient>();
  private readonly postgres = new Map<
    string,
    PostgreSQLManagementFlexibleServerClient
  >();

  constructor(private readonly arm: ArmAccess) {}

  async stateOf(id: ArmResourceId, type: string): Promise<ArmResourceState> {
    const expected = EXPECTED_TYPES[type];
    const actual = `${id.namespace}/${id.type}`.toLowerCase();
    if (expected !== actual) {
      throw toStackReadError(
        'arm',
        id.name,
        new Error(`${type} must be a ${expected} resource, not ${actual}`),
      );
    }
    try {
      switch (type) {
        case 'azure-app-service':
          return await this.site(id);
        case 'azure-app-service-plan':
          return await this.plan(id);
        case 'azure-postgresql-flexible-server':
          return await this.postgresServer(id);
        case 'azure-storage-account':
          return await this.storage(id);
        default:
          return await this.keyVault(id);
      }
    } catch (error) {
      throw toStackReadError('arm', `${id.name}`, error);
    }
  }

  private webClient(subscriptionId: string) {
    let client = this.web.get(subscriptionId);
    if (!client) {
      client = this.arm.prepare(
        new WebSiteManagementClient(this.arm.credential, subscriptionId, {
          ...this.arm.clientOptions,
          retryOptions: { maxRetries: 1 },
        }),
      );
      this.web.set(subscriptionId, client);
    }
    return client;
  }

  private async site(id: ArmResourceId): Promise<ArmResourceState> {
    const site = await this.webClient(id.subscriptionId).webApps.get(
      id.resourceGroup,
      id.name,
    );
    return {
      ...empty,
      state: site.state ?? null,
      provisioningState: null,
      location: region(site.location),
      version: site.siteConfig?.linuxFxVersion ?? null,
    };
  }

  private async plan(id: ArmResourceId): Promise<ArmResourceState> {
    const plan = await this.webClient(id.subscriptionId).appServicePlans.get(
      id.resourceGroup,
      id.name,
    );
    return {
      ...empty,
      state: plan.status ?? null,
      provisioningState: plan.provisioningState ?? null,
      sku: plan.sku?.name
        ? `${plan.sku.name}${plan.sku.tier ? ` (${plan.sku.tier})` : ''}`
        : null,
      workers: plan.sku?.capacity ?? plan.numberOfWorkers ?? null,
      location: region(plan.location),
    };
  }

  private async postgresServer(id: ArmResourceId): Promise<ArmResourceState> {
    let client = this.postgres.get(id.subscriptionId);
    if (!client) {
      client = this.arm.prepare(
        new PostgreSQLManagementFlexibleServerClient(
          this.arm.credential,
          id.subscriptionId,
          { ...this.arm.clientOptions, retryOptions: { maxRetries: 1 } },
        ),
      );
      this.postgres.set(id.subscriptionId, client);
    }
    const server = await client.servers.get(id.resourceGroup, id.name);
    return {
      ...empty,
      state: server.state ?? null,
      sku: server.sku?.name
        ? `${server.sku.name}${server.sku.tier ? ` (${server.sku.tier})` : ''}`
        : null,
      location: region(server.location),
      version: server.version
        ? `PostgreSQL ${server.version}${
            server.minorVersion ? `.${server.minorVersion}` : ''
          }`
        : null,
    };
  }

  private async get(id: ArmResourceId, apiVersion: string) {
    const response = await this.arm.restClient(apiVersion).path(id.id).get();
    if (!/^2\d\d$/.test(response.status)) {
      throw restFailure('arm', id.name, response);
    }
    return response.body as {
      location?: string;
      sku?: { name?: string; tier?: string };
      properties?: {
        provisioningState?: string;
        statusOfPrimary?: string;
        sku?: { name?: string };
      };
    };
  }

  private async storage(id: ArmResourceId): Promise<ArmResourceState> {
    const account = await this.get(id, STORAGE_API);
    return {
      ...empty,
      state: account.properties?.provisioningState ?? null,
      provisioningState: account.properties?.provisioningState ?? null,
      sku: account.sku?.name ?? null,
      location: region(account.location),
    };
  }

  private async keyVault(id: ArmResourceId): Promise<ArmResourceState> {
    const vault = await this.get(id, KEY_VAULT_API);
    return {
      ...empty,
      state: vault.properties?.provisioningState ?? null,
      provisioningState: vault.properties?.provisioningState ?? null,
      sku: vault.properties?.sku?.name ?? null,
      location: region(vault.location),
    };
  }
}
