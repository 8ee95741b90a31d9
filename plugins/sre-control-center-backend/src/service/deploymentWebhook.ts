import {
  AuthenticationError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { deploymentBodySchema } from '@sre-control-center/plugin-sre-control-center-common';
import express from 'express';
import Router from 'express-promise-router';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import type { DeploymentRecorder } from '../domain/deployments';
import { parseInput } from './validation';
import { tokenMatches } from './webhookToken';

export const GITHUB_ACTIONS_ISSUER =
  'https://token.actions.githubusercontent.com';

/** How `POST /webhooks/deployments` checks its caller. */
export interface DeploymentWebhookAuthOptions {
  /** Shared token sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** GitHub Actions OIDC tokens; the `repository` claim must be the System's github.com/project-slug. */
  githubOidc?: {
    audience: string | string[];
    issuer?: string;
    jwksUri?: string;
  };
}

/** jose failures that are the token's fault (401); others are GitHub's or ours (503). */
const TOKEN_FAULTS = new Set([
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JWT_INVALID',
  'ERR_JWS_INVALID',
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
]);

const looksLikeJwt = (value: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(value);

/**
 * Who calls: a GitHub Actions OIDC token (a JWT, checked against GitHub's
 * keys, issuer and audience; it names the repository) or the shared token.
 */
function createCallerCheck(options: DeploymentWebhookAuthOptions) {
  const oidc = options.githubOidc;
  const issuer = oidc?.issuer ?? GITHUB_ACTIONS_ISSUER;
  const keys: JWTVerifyGetKey | undefined = oidc
    ? createRemoteJWKSet(new URL(oidc.jwksUri ?? `${issuer}/.well-known/jwks`))
    : undefined;
  return async (
    authorization: string | undefined,
  ): Promise<{ repository?: string }> => {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!bearer) {
      throw new AuthenticationError(
        'Missing Authorization: Bearer <deployment token or GitHub OIDC token>',
      );
    }
    if (keys && oidc && looksLikeJwt(bearer)) {
      try {
        const { payload } = await jwtVerify(bearer, keys, {
          issuer,
          audience: oidc.audience,
          algorithms: ['RS256'],
          clockTolerance: 60,
        });
        if (typeof payload.repository !== 'string' || !payload.repository) {
          throw new AuthenticationError(
            'The GitHub OIDC token has no repository claim',
          );
        }
        return { repository: payload.repository };
      } catch (error) {
        if (error instanceof AuthenticationError) throw error;
        if (error instanceof errors.JOSEError && TOKEN_FAULTS.has(error.code)) {
          throw new AuthenticationError(
            `Invalid GitHub OIDC token: ${error.message}`,
          );
        }
        throw new ServiceUnavailableError(
          `Cannot verify the GitHub OIDC token now: ${
            (error as Error).message
          }`,
        );
      }
    }
    if (!options.token) {
      throw new AuthenticationError(
        oidc
          ? 'Expected a GitHub OIDC token (a JWT)'
          : 'Deployment webhook is not configured: set sreControlCenter.deployments.token or githubOidc',
      );
    }
    if (!tokenMatches(options.token, bearer)) {
      // A failed authentication, as for the alert webhooks: 401.
      throw new AuthenticationError('Deployment token does not match');
    }
    return {};
  };
}

/**
 * `POST /webhooks/deployments`: the app-deploy workflow reports a
 * deployment. 201 when recorded, 200 for a replay or a status change of
 * the same run; 400 for a body that is not the documented shape (strict),
 * 401/403 for the caller, 404 for an unknown System, 409 for a run reported
 * with another version. Mount it with
 * `httpRouter.addAuthPolicy({ path: '/webhooks/deployments', allow: 'unauthenticated' })`.
 */
export function createDeploymentWebhookRouter(options: {
  recorder: DeploymentRecorder;
  auth: DeploymentWebhookAuthOptions;
}): express.Router {
  const checkCaller = createCallerCheck(options.auth);
  const router = Router();
  router.post(
    '/webhooks/deployments',
    // Checked before the body is read: an unauthenticated caller cannot make us parse JSON.
    async (req, _res, next) => {
      (req as express.Request & { caller?: object }).caller = await checkCaller(
        req.headers.authorization,
      );
      next();
    },
    express.json({ limit: '64kb' }),
    async (req, res) => {
      const body = parseInput(deploymentBodySchema, req.body, 'deployment');
      const caller = (
        req as express.Request & { caller?: { repository?: string } }
      ).caller;
      const { deployment, outcome } = await options.recorder.record(
        { ...body, runId: String(body.runId) },
        caller,
      );
      res
        .status(outcome === 'created' ? 201 : 200)
        .json({ deployment, outcome });
    },
  );
  return router;
}
