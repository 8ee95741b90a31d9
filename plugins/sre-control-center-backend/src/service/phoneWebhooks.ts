import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ServiceUnavailableError,
} from '@backstage/errors';
import express from 'express';
import Router from 'express-promise-router';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import {
  AcsPhoneCaller,
  type AcsCloudEvent,
} from '../adapters/phone/AcsPhoneCaller';
import { TwilioPhoneCaller } from '../adapters/phone/TwilioPhoneCaller';
import type { EscalationEngine } from '../domain/escalation';

const attemptSchema = z.uuid();

/**
 * Checks the JWT Call Automation puts on every callback: signed by a key of
 * the Communication Services OpenID configuration, issued by it, for our
 * resource (audience: its immutable id), at most 5 minutes old.
 */
export function createAcsCallbackVerifier(options: {
  openIdConfigurationUrl: string;
  audience: string;
}): (authorization: string | undefined) => Promise<void> {
  let discovered:
    | Promise<{ issuer: string; keys: JWTVerifyGetKey }>
    | undefined;
  const discover = () => {
    discovered ??= (async () => {
      const response = await fetch(options.openIdConfigurationUrl);
      if (!response.ok)
        throw new Error(
          `${options.openIdConfigurationUrl} answered ${response.status}`,
        );
      const config = (await response.json()) as {
        issuer?: string;
        jwks_uri?: string;
      };
      if (!config.issuer || !config.jwks_uri)
        throw new Error('the OpenID configuration has no issuer or jwks_uri');
      return {
        issuer: config.issuer,
        keys: createRemoteJWKSet(new URL(config.jwks_uri)),
      };
    })().catch(error => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  return async authorization => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token)
      throw new AuthenticationError(
        'Missing Authorization: Bearer <Call Automation JWT>',
      );
    let config: { issuer: string; keys: JWTVerifyGetKey };
    try {
      config = await discover();
    } catch (error) {
      throw new ServiceUnavailableError(
        `Cannot read the Call Automation OpenID configuration: ${
          (error as Error).message
        }`,
      );
    }
    try {
      await jwtVerify(token, config.keys, {
        issuer: config.issuer,
        audience: options.audience,
        maxTokenAge: '5m',
        clockTolerance: 30,
      });
    } catch (error) {
      if (
        error instanceof errors.JOSEError &&
        error.code !== 'ERR_JWKS_TIMEOUT'
      ) {
        throw new AuthenticationError(
          `Invalid Call Automation token: ${error.message}`,
        );
      }
      throw new ServiceUnavailableError(
        `Cannot verify the Call Automation token now: ${
          (error as Error).message
        }`,
      );
    }
  };
}

export interface PhoneWebhookOptions {
  engine: Pick<EscalationEngine, 'callEvent' | 'callContext'>;
  logger: LoggerService;
  acs?: {
    caller: AcsPhoneCaller;
    verify: (authorization: string | undefined) => Promise<void>;
  };
  twilio?: {
    caller: TwilioPhoneCaller;
    callbackBaseUrl: () => Promise<string>;
  };
}

/**
 * `POST /webhooks/acs` and `POST /webhooks/twilio`: the phone providers'
 * callbacks. A bad or missing signature is a 401 and changes nothing; a
 * callback for an unknown or finished call is a 200 and ignored (providers
 * retry errors). Mount with `addAuthPolicy({ allow: 'unauthenticated' })`.
 */
export function createPhoneWebhookRouter(
  options: PhoneWebhookOptions,
): express.Router {
  const router = Router();
  const { engine, logger } = options;

  router.post(
    '/webhooks/acs',
    // The token is checked before the body is read.
    async (req, _res, next) => {
      if (!options.acs)
        throw new AuthenticationError(
          'Communication Services callbacks are not configured',
        );
      await options.acs.verify(req.headers.authorization);
      next();
    },
    express.json({
      limit: '256kb',
      type: ['application/json', 'application/*+json'],
    }),
    async (req, res) => {
      const acs = options.acs!;
      const attempt = attemptSchema.safeParse(req.query.attempt);
      const events: AcsCloudEvent[] = Array.isArray(req.body)
        ? req.body
        : [req.body];
      if (attempt.success) {
        for (const event of events) {
          const meaning = AcsPhoneCaller.interpret(event);
          if (!meaning) continue;
          const context = await engine.callContext(attempt.data);
          const callId = String(event.data?.callConnectionId ?? '');
          if (
            !context ||
            (context.attempt.providerCallId &&
              context.attempt.providerCallId !== callId)
          )
            continue;
          if (meaning === 'connected') {
            const result = await engine.callEvent(attempt.data, {
              kind: 'answered',
            });
            if (result.handled && context.attempt.phoneNumber) {
              await acs.caller.promptForKey(
                callId,
                context.attempt.phoneNumber,
                context.prompt,
                attempt.data,
              );
            }
            continue;
          }
          const result = await engine.callEvent(attempt.data, meaning);
          if (
            result.handled &&
            (meaning.kind === 'pressed' || meaning.kind === 'ended')
          ) {
            await acs.caller
              .hangUp(callId)
              .catch(error =>
                logger.info(`Hanging up ${callId} failed: ${error}`),
              );
          }
        }
      }
      res.status(200).json({ ok: true });
    },
  );

  router.post(
    '/webhooks/twilio',
    express.urlencoded({ extended: false, limit: '64kb' }),
    async (req, res) => {
      if (!options.twilio)
        throw new AuthenticationError('Twilio callbacks are not configured');
      const query = req.originalUrl.includes('?')
        ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
        : '';
      const url = `${await options.twilio.callbackBaseUrl()}/webhooks/twilio${query}`;
      const params = (req.body ?? {}) as Record<string, unknown>;
      const signature = req.header('x-twilio-signature');
      if (!options.twilio.caller.verify(signature, url, params)) {
        throw new AuthenticationError('X-Twilio-Signature does not match');
      }
      const attempt = attemptSchema.safeParse(req.query.attempt);
      const context = attempt.success
        ? await engine.callContext(attempt.data)
        : undefined;
      const sid = String(params.CallSid ?? '');
      const known =
        context &&
        (!context.attempt.providerCallId ||
          context.attempt.providerCallId === sid);
      if (req.query.event === 'gather') {
        let reply = 'Goodbye.';
        if (known && typeof params.Digits === 'string' && params.Digits) {
          const result = await engine.callEvent(attempt.data!, {
            kind: 'pressed',
            key: params.Digits.slice(0, 1),
          });
          reply = result.acknowledged
            ? 'The alert is acknowledged. Thank you.'
            : 'That key does not acknowledge the alert. The next person will be called.';
        }
        res.type('text/xml').send(TwilioPhoneCaller.reply(reply));
        return;
      }
      const event = TwilioPhoneCaller.interpretStatus(params.CallStatus);
      if (known && event) await engine.callEvent(attempt.data!, event);
      res.status(204).end();
    },
  );

  return router;
}
