import express from 'express';
import { createHmac, randomBytes } from 'node:crypto';
import { EmulatorContext } from '../context';
import { calleeFor, phoneWorld, type EmulatedCall } from './world';

/** Twilio's X-Twilio-Signature: HMAC-SHA1 over the URL and the sorted form fields. */
export function twilioSignature(
  authToken: string,
  url: string,
  params: Record<string, string>,
): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken)
    .update(Buffer.from(data, 'utf-8'))
    .digest('base64');
}

const unescapeXml = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");

/**
 * Twilio Programmable Voice: `POST /2010-04-01/Accounts/{sid}/Calls.json`
 * (form-encoded, Basic auth with the account SID and auth token), then
 * status callbacks and the `<Gather>` action, each signed with
 * X-Twilio-Signature by the auth token the request authenticated with.
 */
export function twilioRouter(ctx: EmulatorContext): express.Router {
  const router = express.Router();
  router.post(
    '/2010-04-01/Accounts/:sid/Calls.json',
    express.urlencoded({ extended: false }),
    (req, res) => {
      const [user, token] = Buffer.from(
        String(req.headers.authorization ?? '').replace(/^Basic /, ''),
        'base64',
      )
        .toString('utf8')
        .split(':');
      if (!token || user !== req.params.sid) {
        res.status(401).json({
          code: 20003,
          message: 'Authenticate',
          more_info: 'https://www.twilio.com/docs/errors/20003',
          status: 401,
        });
        return;
      }
      const body = req.body as Record<string, string | string[]>;
      const to = String(body.To ?? '');
      const twiml = String(body.Twiml ?? '');
      if (!to || !twiml) {
        res.status(400).json({
          code: 21201,
          message: 'No called number (To) or TwiML given',
          status: 400,
        });
        return;
      }
      const sid = `CA${randomBytes(16).toString('hex')}`;
      const statusCallback =
        typeof body.StatusCallback === 'string' ? body.StatusCallback : '';
      const events = ([] as string[]).concat(body.StatusCallbackEvent ?? []);
      const call: EmulatedCall = {
        provider: 'twilio',
        id: sid,
        to,
        from: String(body.From ?? ''),
        callbackUri: statusCallback,
        state: 'ringing',
        prompt: /<Say[^>]*>([^<]*)<\/Say>/.exec(twiml)?.[1],
        createdAt: ctx.now().toISOString(),
      };
      phoneWorld(ctx).calls.push(call);
      let sequence = 0;
      const send = (url: string, fields: Record<string, string>) =>
        ctx.track(
          (async () => {
            if (!url) return;
            const params = {
              AccountSid: req.params.sid,
              ApiVersion: '2010-04-01',
              CallSid: sid,
              Direction: 'outbound-api',
              From: call.from,
              To: to,
              ...fields,
            };
            await fetch(url, {
              method: 'POST',
              headers: {
                'content-type': 'application/x-www-form-urlencoded',
                'x-twilio-signature': twilioSignature(token, url, params),
              },
              body: new URLSearchParams(params).toString(),
            }).catch(() => undefined);
          })(),
        );
      const status = (callStatus: string, event: string) =>
        events.includes(event) || event === 'completed'
          ? send(statusCallback, {
              CallStatus: callStatus,
              CallbackSource: 'call-progress-events',
              SequenceNumber: String(sequence++),
            })
          : Promise.resolve();
      const callee = calleeFor(ctx, to);
      const ring = phoneWorld(ctx).ringMs;
      ctx.schedule(ring, async () => {
        await status('ringing', 'ringing');
        if (callee.behaviour === 'busy' || callee.behaviour === 'no-answer') {
          call.state = 'ended';
          call.outcome = callee.behaviour;
          await status(callee.behaviour, 'completed');
          return;
        }
        call.state = 'connected';
        await status('in-progress', 'answered');
        ctx.schedule(ring, async () => {
          const action = /<Gather[^>]*action="([^"]+)"/.exec(twiml)?.[1];
          if (callee.behaviour === 'press' && action) {
            call.pressed = callee.key;
            await send(unescapeXml(action), {
              CallStatus: 'in-progress',
              Digits: callee.key,
              FinishedOnKey: '',
            });
          }
          call.state = 'ended';
          await status('completed', 'completed');
        });
      });
      res.status(201).json({
        sid,
        account_sid: req.params.sid,
        to,
        from: call.from,
        status: 'queued',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: ctx.now().toUTCString(),
        uri: `/2010-04-01/Accounts/${req.params.sid}/Calls/${sid}.json`,
      });
    },
  );
  return router;
}
