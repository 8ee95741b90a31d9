import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { RESOURCE_GROUP_ID } from '../world/constants';
import { KeyVaultState, StorageAccountState } from '../world/state';
import { checkApiVersion, resourceNotFound } from './armHttp';
import { checkResourceGroup, checkSubscription } from './subscription';

export const STORAGE_API_VERSIONS = [
  '2023-01-01',
  '2023-05-01',
  '2024-01-01',
  '2025-01-01',
] as const;
export const KEY_VAULT_API_VERSIONS = [
  '2022-07-01',
  '2023-07-01',
  '2024-11-01',
] as const;

/** StorageAccountGetProperties.json (2023-05-01 examples), the parts the portal reads and a few more. */
export function toArmStorageAccount(account: StorageAccountState) {
  const blob = `https://${account.name}.blob.core.windows.net/`;
  return {
    id: `${RESOURCE_GROUP_ID}/providers/Microsoft.Storage/storageAccounts/${account.name}`,
    name: account.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: account.location,
    kind: account.kind,
    sku: account.sku,
    tags: account.tags,
    properties: {
      provisioningState: account.provisioningState,
      creationTime: account.createdAt,
      primaryLocation: account.location,
      statusOfPrimary: account.statusOfPrimary,
      accessTier: 'Hot',
      supportsHttpsTrafficOnly: true,
      minimumTlsVersion: 'TLS1_2',
      allowBlobPublicAccess: false,
      publicNetworkAccess: 'Enabled',
      networkAcls: {
        bypass: 'AzureServices',
        defaultAction: 'Deny',
        ipRules: [],
        virtualNetworkRules: [],
      },
      encryption: {
        keySource: 'Microsoft.Storage',
        services: { blob: { enabled: true, keyType: 'Account' } },
      },
      primaryEndpoints: {
        blob,
        dfs: `https://${account.name}.dfs.core.windows.net/`,
        queue: `https://${account.name}.queue.core.windows.net/`,
        table: `https://${account.name}.table.core.windows.net/`,
        file: `https://${account.name}.file.core.windows.net/`,
        web: `https://${account.name}.z6.web.core.windows.net/`,
      },
    },
  };
}

/** getVault.json (2023-07-01 examples). */
export function toArmKeyVault(vault: KeyVaultState) {
  return {
    id: `${RESOURCE_GROUP_ID}/providers/Microsoft.KeyVault/vaults/${vault.name}`,
    name: vault.name,
    type: 'Microsoft.KeyVault/vaults',
    location: vault.location,
    tags: vault.tags,
    properties: {
      sku: { family: 'A', name: vault.sku },
      tenantId: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
      accessPolicies: [],
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: 90,
      enableRbacAuthorization: true,
      vaultUri: `https://${vault.name}.vault.azure.net/`,
      provisioningState: vault.provisioningState,
      publicNetworkAccess: 'Disabled',
      networkAcls: { bypass: 'AzureServices', defaultAction: 'Deny' },
    },
  };
}

export function storageAndKeyVaultRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const rg = '^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers';
  const guard =
    (versions: readonly string[], type: string) =>
    (req: Request, res: Response) =>
      checkSubscription(res, req.params[0]) &&
      checkResourceGroup(res, req.params[1]) &&
      checkApiVersion(req, res, versions, type);

  router.get(
    new RegExp(`${rg}/Microsoft\\.Storage/storageAccounts/([^/]+)/?$`, 'i'),
    (req, res) => {
      if (!guard(STORAGE_API_VERSIONS, 'storageAccounts')(req, res)) return;
      const account = ctx.state.storageAccounts.find(
        a => a.name === req.params[2].toLowerCase(),
      );
      if (!account) {
        resourceNotFound(
          res,
          'Microsoft.Storage/storageAccounts',
          req.params[2],
          req.params[1],
        );
        return;
      }
      res.json(toArmStorageAccount(account));
    },
  );
  router.get(
    new RegExp(`${rg}/Microsoft\\.KeyVault/vaults/([^/]+)/?$`, 'i'),
    (req, res) => {
      if (!guard(KEY_VAULT_API_VERSIONS, 'vaults')(req, res)) return;
      const vault = ctx.state.keyVaults.find(
        v => v.name.toLowerCase() === req.params[2].toLowerCase(),
      );
      if (!vault) {
        resourceNotFound(
          res,
          'Microsoft.KeyVault/vaults',
          req.params[2],
          req.params[1],
        );
        return;
      }
      res.json(toArmKeyVault(vault));
    },
  );
  return router;
}
