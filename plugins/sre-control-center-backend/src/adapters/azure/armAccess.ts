import { getClient, type Client } from '@azure-rest/core-client';
import type { TokenCredential } from '@azure/core-auth';
import type { Pipeline } from '@azure/core-rest-pipeline';
import { DefaultAzureCredential } from '@azure/identity';

export const AZURE_PUBLIC_ENDPOINT = 'https://management.azure.com';

/**
 * How the backend reaches Azure Resource Manager.
 *
 * In production: https://management.azure.com with the backend's managed
 * identity (DefaultAzureCredential). An `http://` endpoint override means a
 * local emulator: Azure SDK pipelines refuse to send bearer tokens over plain
 * http (even with allowInsecureConnection), so for those the bearer policy is
 * swapped for a fixed local token. That only ever applies to http URLs.
 */
export interface ArmAccess {
  endpoint: string;
  credential: TokenCredential;
  /** Options every Azure SDK client constructor takes. */
  clientOptions: { endpoint: string; allowInsecureConnection: boolean };
  /** Adjusts a created client's pipeline for the endpoint. */
  prepare<T extends { pipeline: Pipeline }>(client: T): T;
  /** A REST client (`@azure-rest/core-client`) for one ARM api-version. */
  restClient(apiVersion: string): Client;
}

const localToken: TokenCredential = {
  async getToken() {
    return {
      token: 'local-emulator',
      expiresOnTimestamp: Date.now() + 3_600_000,
    };
  },
};

export function createArmAccess(endpointOverride?: string): ArmAccess {
  const endpoint = (endpointOverride ?? AZURE_PUBLIC_ENDPOINT).replace(
    /\/+$/,
    '',
  );
  const insecure = endpoint.startsWith('http://');
  const credential = insecure ? localToken : new DefaultAzureCredential();
  const access: ArmAccess = {
    endpoint,
    credential,
    clientOptions: { endpoint, allowInsecureConnection: insecure },
    restClient(apiVersion) {
      return access.prepare(
        getClient(endpoint, credential, {
          apiVersion,
          allowInsecureConnection: insecure,
          credentials: { scopes: ['https://management.azure.com/.default'] },
        }),
      );
    },
    prepare(client) {
      if (insecure) {
        client.pipeline.removePolicy({
          name: 'bearerTokenAuthenticationPolicy',
        });
        client.pipeline.addPolicy(
          {
            name: 'localEmulatorAuthPolicy',
            sendRequest: (request, next) => {
              request.headers.set('authorization', 'Bearer local-emulator');
              return next(request);
            },
          },
          { phase: 'Sign' },
        );
      }
      return client;
    },
  };
  return access;
}
