import {
  AuthenticationError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type express from 'express';
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { tokenMatches } from './webhookToken';

/**
 * Azure's "secure webhook": the action group sends an Entra ID token for the
 * app registration named by `audience` (its application id URI or client id).
 */
export interface EntraWebhookAuth {
  tenantId: string;
  audience: string | string[];
  /** Where the tenant's signing keys are; defaults to Entra ID's discovery endpoint. */
  jwksUri?: string;
  /**
   * Applications whose tokens are accepted (the token's `appid`, or `azp` in
   * v2.0 tokens): by default only Azure Monitor's action groups ("AzNS AAD
   * Webhook"), so another application of the tenant allowed to get tokens
   * for the audience cannot post alerts.
   */
  allowedAppIds?: string[];
  /** An app role of the audience's registration the caller must hold (`roles` claim). */
  requiredRole?: string;
}

/** Azure Monitor's action group service ("AzNS AAD Webhook"), which sends secure webhooks. */
export const ACTION_GROUP_APP_ID = '461e8683-5575-4561-ac7f-899cc907d62a';

/** jose failures that are the token's fault (401); any other is ours or Entra's (503). */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

function entraTokenVerifier(entra: EntraWebhookAuth) {
  const tenant = encodeURIComponent(entra.tenantId);
  // One key set per process: jose caches the keys and refetches on an unknown kid.
  const keys = createRemoteJWKSet(
    new URL(
      entra.jwksUri ??
        `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    ),
  );
  // v2.0 tokens and v1.0 tokens (what action groups get by default) name the tenant differently.
  const issuer = [
    `https://login.microsoftonline.com/${entra.tenantId}/v2.0`,
    `https://sts.windows.net/${entra.tenantId}/`,
  ];
  const allowedApps = new Set(
    (entra.allowedAppIds ?? [ACTION_GROUP_APP_ID]).map(id => id.toLowerCase()),
  );
  return async (token: string): Promise<void> => {
    let claims: Record<string, unknown>;
    try {
      ({ payload: claims } = await jwtVerify(token, keys, {
        issuer,
        audience: entra.audience,
        algorithms: ['RS256'],
        clockTolerance: 60,
      }));
    } catch (error) {
      if (error instanceof errors.JOSEError && TOKEN_FAULTS.has(error.code)) {
        throw new AuthenticationError(
          `Invalid Entra ID bearer token: ${error.message}`,
        );
      }
      // Azure retries a 5xx; a 401 would drop the alert for a fault of ours.
      throw new ServiceUnavailableError(
        `Cannot verify the Entra ID bearer token now: ${
          (error as Error).message
        }`,
      );
    }
    const app = String(claims.appid ?? claims.azp ?? '').toLowerCase();
    if (!allowedApps.has(app)) {
      throw new AuthenticationError(
        `Entra ID token of application ${app || '(none)'}: only ${[
          ...allowedApps,
        ].join(', ')} may send alerts`,
      );
    }
    const roles = Array.isArray(claims.roles) ? claims.roles : [];
    if (entra.requiredRole && !roles.includes(entra.requiredRole)) {
      throw new AuthenticationError(
        `Entra ID token without the app role ${entra.requiredRole}`,
      );
    }
  };
}

/**
 * Checks who sends a webhook before its body is read: a valid Entra ID bearer
 * token when `entra` is configured, otherwise (or also) the shared
 * `?token=`. A bearer token that fails is a 401 saying why; it does not fall
 * back to the shared token.
 */
export function createWebhookAuthenticator(options: {
  /** The shared token; absent when only Entra ID bearer tokens are accepted. */
  webhookToken?: string;
  entra?: EntraWebhookAuth;
}): express.RequestHandler {
  const { webhookToken } = options;
  const verifyBearer = options.entra
    ? entraTokenVerifier(options.entra)
    : undefined;
  return async (req, _res, next) => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(
      req.headers.authorization ?? '',
    )?.[1];
    if (verifyBearer && bearer) {
      await verifyBearer(bearer);
      next();
      return;
    }
    if (webhookToken === undefined) {
      throw new AuthenticationError(
        'Missing Entra ID bearer token: this portal accepts Azure Monitor secure webhooks only',
      );
    }
    if (req.query.token === undefined) {
      throw new AuthenticationError(
        verifyBearer
          ? 'Missing ?token= on the webhook URL or an Entra ID bearer token'
          : 'Missing ?token= on the webhook URL',
      );
    }
    if (!tokenMatches(webhookToken, req.query.token)) {
      // A failed authentication: 401 (a 403 would say "known, but not allowed").
      throw new AuthenticationError('Webhook token does not match');
    }
    next();
  };
}
