import { randomUUID } from 'node:crypto';
import { NextFunction, Request, Response } from 'express';

/** ARM error envelope: `{ "error": { "code", "message" } }`. */
export function sendArmError(
  res: Response,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  res.status(status).set(headers).json({ error: { code, message } });
}

/** ARM's 404 for a resource that does not exist in an existing resource group. */
export function resourceNotFound(
  res: Response,
  type: string,
  name: string,
  rg: string,
): void {
  sendArmError(
    res,
    404,
    'ResourceNotFound',
    `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
  );
}

export function apiVersionOf(req: Request): string | undefined {
  const v = req.query['api-version'];
  return typeof v === 'string' ? v : undefined;
}

/**
 * Rejects requests without, or with an unsupported, `api-version` like ARM
 * does. Returns false when it already answered.
 */
export function checkApiVersion(
  req: Request,
  res: Response,
  supported: readonly string[],
  resourceType: string,
): boolean {
  const version = apiVersionOf(req);
  if (!version) {
    sendArmError(
      res,
      400,
      'MissingApiVersionParameter',
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
    return false;
  }
  if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(version)) {
    sendArmError(
      res,
      400,
      'InvalidApiVersionParameter',
      `The api-version '${version}' is invalid. The supported versions are '${supported.join(
        ',',
      )}'.`,
    );
    return false;
  }
  if (!supported.includes(version)) {
    sendArmError(
      res,
      400,
      'NoRegisteredProviderFound',
      `No registered resource provider found for location 'westeurope' and API version '${version}' for type '${resourceType}'. The supported api-versions are '${supported.join(
        ', ',
      )}'. The supported locations are 'westeurope'.`,
    );
    return false;
  }
  return true;
}

/** Headers ARM adds to every answer; clients log the request ids. */
export function armHeaders(
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const requestId = randomUUID();
  res.set({
    'x-ms-request-id': requestId,
    'x-ms-correlation-request-id':
      req.get('x-ms-correlation-request-id') ?? randomUUID(),
    'x-ms-routing-request-id': `WESTEUROPE:${new Date()
      .toISOString()
      .replace(/[-:.]/g, '')}:${requestId}`,
    'x-ms-ratelimit-remaining-subscription-reads': '11999',
    'Cache-Control': 'no-cache',
  });
  next();
}

function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const json = Buffer.from(parts[1], 'base64url').toString('utf8');
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null
      ? (claims as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Name ARM would record as the caller. Real Azure takes it from the token;
 * the emulator reads JWT claims if the test sends a JWT, else a header.
 */
export function callerName(req: Request): string {
  const header = req.get('x-emulator-user');
  if (header) return header;
  const auth = req.get('authorization');
  if (auth?.toLowerCase().startsWith('bearer ')) {
    const claims = decodeJwtClaims(auth.slice(7).trim());
    for (const key of [
      'upn',
      'unique_name',
      'preferred_username',
      'name',
      'appid',
      'oid',
    ]) {
      const value = claims?.[key];
      if (typeof value === 'string' && value) return value;
    }
  }
  return 'emulator-user@mindfulmoments.dev';
}

export function baseUrlOf(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}
