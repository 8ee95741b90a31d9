import express from 'express';
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
} from 'jose';
import { randomUUID } from 'node:crypto';
import { EmulatorContext } from '../context';
import { ACS_RESOURCE_ID } from './constants';
import { calleeFor, phoneWorld, type EmulatedCall } from './world';

const TONE_NAMES: Record<string, string> = {
  '0': 'zero',
  '1': 'one',
  '2': 'two',
  '3': 'three',
  '4': 'four',
  '5': 'five',
  '6': 'six',
  '7': 'seven',
  '8': 'eight',
  '9': 'nine',
  '#': 'pound',
  '*': 'asterisk',
};

const KID = 'emulator-acs-1';

/**
 * Azure Communication Services Call Automation (REST 2025-x, SDK 1.6):
 * create call, recognize, terminate; callbacks are CloudEvents arrays
 * with a JWT in Authorization, signed by a key the emulator's own OpenID
 * configuration lists, audience the resource's immutable id.
 */
export function acsRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  let keys: Promise<{ privateKey: CryptoKey; jwk: JWK }> | undefined;
  const signingKey = () => {
    keys ??= generateKeyPair('RS256', { extractable: true }).then(
      async pair => ({
        privateKey: pair.privateKey,
        jwk: {
          ...(await exportJWK(pair.publicKey)),
          kid: KID,
          use: 'sig',
          alg: 'RS256',
        },
      }),
    );
    return keys;
  };
  const issuer = () => `${ctx.baseUrl}/calling`;
  const calls = new Map<string, EmulatedCall & { target: unknown }>();

  const post = (
    call: EmulatedCall,
    type: string,
    data: Record<string, unknown>,
  ) =>
    ctx.track(
      (async () => {
        const { privateKey } = await signingKey();
        const token = await new SignJWT({})
          .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' })
          .setIssuer(issuer())
          .setAudience(ACS_RESOURCE_ID)
          .setIssuedAt()
          .setExpirationTime('5m')
          .sign(privateKey);
        const event = {
          id: randomUUID(),
          source: `calling/callConnections/${call.id}`,
          type: `Microsoft.Communication.${type}`,
          data: {
            version: '2025-05-15',
            callConnectionId: call.id,
            serverCallId: `server-${call.id}`,
            correlationId: randomUUID(),
            publicEventType: `Microsoft.Communication.${type}`,
            ...data,
          },
          time: ctx.now().toISOString(),
          specversion: '1.0',
          datacontenttype: 'application/json',
          subject: `calling/callConnections/${call.id}`,
        };
        await fetch(call.callbackUri, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify([event]),
        }).catch(() => undefined);
      })(),
    );

  router.get('/calling/.well-known/acsopenidconfiguration', (_req, res) => {
    res.json({
      issuer: issuer(),
      jwks_uri: `${ctx.baseUrl}/calling/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });
  router.get('/calling/keys', async (_req, res) => {
    res.json({ keys: [(await signingKey()).jwk] });
  });

  router.post('/calling/callConnections', (req, res) => {
    const body = req.body ?? {};
    const target = body.targets?.[0];
    const to: unknown = target?.phoneNumber?.value;
    if (typeof to !== 'string' || typeof body.callbackUri !== 'string') {
      res.status(400).json({
        error: {
          code: 'BadRequest',
          message: 'targets[0].phoneNumber.value and callbackUri are required',
        },
      });
      return;
    }
    if (!/^HMAC-SHA256 /.test(String(req.headers.authorization ?? ''))) {
      res.status(401).json({
        error: {
          code: 'Unauthorized',
          message: 'HMAC-SHA256 authorization required',
        },
      });
      return;
    }
    const call: EmulatedCall & { target: unknown } = {
      provider: 'acs',
      id: randomUUID(),
      to,
      from: String(body.sourceCallerIdNumber?.value ?? ''),
      callbackUri: body.callbackUri,
      state: 'ringing',
      createdAt: ctx.now().toISOString(),
      target,
    };
    calls.set(call.id, call);
    phoneWorld(ctx).calls.push(call);
    const callee = calleeFor(ctx, to);
    ctx.schedule(phoneWorld(ctx).ringMs, () => {
      if (callee.behaviour === 'busy' || callee.behaviour === 'no-answer') {
        call.state = 'ended';
        call.outcome = callee.behaviour;
        return post(call, 'CreateCallFailed', {
          resultInformation:
            callee.behaviour === 'busy'
              ? { code: 486, subCode: 0, message: 'Busy Here' }
              : {
                  code: 408,
                  subCode: 0,
                  message: 'Request Timeout: the callee did not answer',
                },
        });
      }
      call.state = 'connected';
      return post(call, 'CallConnected', {
        resultInformation: { code: 200, subCode: 0, message: '' },
      });
    });
    res.status(201).json({
      callConnectionId: call.id,
      serverCallId: `server-${call.id}`,
      targets: [target],
      callConnectionState: 'connecting',
      callbackUri: call.callbackUri,
      sourceCallerIdNumber: body.sourceCallerIdNumber,
      correlationId: randomUUID(),
    });
  });

  router.post('/calling/callConnections/:action', (req, res) => {
    const [id, verb] = req.params.action.split(':');
    const call = calls.get(id);
    if (!call || call.state === 'ended') {
      res.status(404).json({
        error: { code: '8522', message: 'Call not found or already ended' },
      });
      return;
    }
    if (verb === 'terminate') {
      call.state = 'ended';
      post(call, 'CallDisconnected', {
        resultInformation: { code: 200, subCode: 0, message: 'The call ended' },
      });
      res.status(204).end();
      return;
    }
    if (verb !== 'recognize') {
      res.status(400).json({
        error: { code: 'BadRequest', message: `unsupported action ${verb}` },
      });
      return;
    }
    const prompt = req.body?.playPrompts?.[0] ?? req.body?.playPrompt;
    call.prompt = prompt?.text?.text;
    call.state = 'recognizing';
    const callee = calleeFor(ctx, call.to);
    const operationContext = req.body?.operationContext;
    ctx.schedule(phoneWorld(ctx).ringMs, () => {
      if (call.state !== 'recognizing') return undefined;
      if (callee.behaviour === 'press') {
        call.pressed = callee.key;
        return post(call, 'RecognizeCompleted', {
          operationContext,
          recognitionType: 'dtmf',
          dtmfResult: { tones: [TONE_NAMES[callee.key] ?? callee.key] },
          resultInformation: {
            code: 200,
            subCode: 8531,
            message: 'Action completed, max digits received.',
          },
        });
      }
      return post(call, 'RecognizeFailed', {
        operationContext,
        resultInformation: {
          code: 400,
          subCode: 8510,
          message: 'Action failed, initial silence timeout reached.',
        },
      });
    });
    res.status(202).end();
  });

  router.delete('/calling/callConnections/:id', (req, res) => {
    const call = calls.get(req.params.id);
    if (call) call.state = 'ended';
    res.status(204).end();
  });

  return router;
}
