/**
 * Azure SDK clients refuse to send bearer tokens to http:// URLs, and in
 * @azure/core-rest-pipeline 1.25 the `allowInsecureConnection` option does
 * not relax that check. For talking to the emulator, swap the bearer policy
 * for one that sets a fixed Authorization header.
 *
 * Structural types keep this module free of Azure SDK dependencies.
 */
interface RequestLike {
  headers: { set(name: string, value: string): void };
}
interface PipelineLike {
  removePolicy(options: { name?: string }): unknown;
  addPolicy(
    policy: {
      name: string;
      sendRequest(
        request: RequestLike,
        next: (request: RequestLike) => Promise<unknown>,
      ): Promise<unknown>;
    },
    options?: { phase?: 'Serialize' | 'Retry' | 'Sign' },
  ): void;
}

/** A TokenCredential that hands out a fixed, fake token. */
export const emulatorCredential = {
  async getToken() {
    return {
      token: 'emulator-token',
      expiresOnTimestamp: Date.now() + 3_600_000,
    };
  },
};

/** Replaces the bearer-token policy of an Azure SDK client's pipeline. Returns the client. */
export function useEmulatorAuth<T extends { pipeline: PipelineLike }>(
  client: T,
  token = 'emulator-token',
): T {
  client.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
  client.pipeline.addPolicy(
    {
      name: 'emulatorBearerPolicy',
      sendRequest: (request, next) => {
        request.headers.set('authorization', `Bearer ${token}`);
        return next(request);
      },
    },
    { phase: 'Sign' },
  );
  return client;
}
