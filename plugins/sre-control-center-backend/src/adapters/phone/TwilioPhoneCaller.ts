import twilio from 'twilio';
import type {
  CallEvent,
  CallRequest,
  PhoneCaller,
} from '../../domain/escalation';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  from: string;
  apiBaseUrl?: string;
}

const TWILIO_API = 'https://api.twilio.com';

/** twilio's own HTTP client with the API host swapped (the local emulator). */
function rebasedRequestClient(base: string) {
  const client = new twilio.RequestClient();
  const request = client.request.bind(client);
  client.request = (opts =>
    request({
      ...opts,
      uri: opts.uri.replace(TWILIO_API, base.replace(/\/$/, '')),
    })) as typeof client.request;
  return client;
}

/**
 * Twilio: `calls.create` with TwiML that reads the alert out inside a
 * `<Gather numDigits="1">` posting the key to the gather callback, and a
 * status callback for ringing, answered, busy, no answer and the end.
 */
export class TwilioPhoneCaller implements PhoneCaller {
  readonly provider = 'twilio';
  private readonly client: twilio.Twilio;

  constructor(
    private readonly settings: TwilioSettings,
    /** The callback URL of an attempt and event (`…/webhooks/twilio?attempt=<id>&event=status|gather`). */
    private readonly callbackUrl: (
      attemptId: string,
      event: 'status' | 'gather',
    ) => string,
  ) {
    this.client = twilio(settings.accountSid, settings.authToken, {
      ...(settings.apiBaseUrl
        ? { httpClient: rebasedRequestClient(settings.apiBaseUrl) }
        : {}),
    });
  }

  async call(request: CallRequest): Promise<{ callId: string }> {
    const response = new twilio.twiml.VoiceResponse();
    const gather = response.gather({
      numDigits: 1,
      timeout: 15,
      method: 'POST',
      action: this.callbackUrl(request.attemptId, 'gather'),
    });
    gather.say(request.prompt);
    response.say('No key was pressed. Goodbye.');
    const call = await this.client.calls.create({
      to: request.to,
      from: this.settings.from,
      twiml: response.toString(),
      timeout: 30,
      statusCallback: this.callbackUrl(request.attemptId, 'status'),
      statusCallbackMethod: 'POST',
      statusCallbackEvent: ['ringing', 'answered', 'completed'],
    });
    return { callId: call.sid };
  }

  /** Whether a callback carries Twilio's signature over the URL it was sent to and its form fields. */
  verify(
    signature: string | undefined,
    url: string,
    params: Record<string, unknown>,
  ): boolean {
    if (!signature) return false;
    return twilio.validateRequest(
      this.settings.authToken,
      signature,
      url,
      params,
    );
  }

  /** A status callback's `CallStatus` as a call event; undefined for the ones that change nothing. */
  static interpretStatus(status: unknown): CallEvent | undefined {
    switch (status) {
      case 'ringing':
        return { kind: 'ringing' };
      case 'in-progress':
        return { kind: 'answered' };
      case 'busy':
        return { kind: 'busy' };
      case 'no-answer':
        return { kind: 'no_answer' };
      case 'failed':
      case 'canceled':
        return {
          kind: 'failed',
          reason: `Twilio reports the call ${String(status)}`,
        };
      case 'completed':
        return { kind: 'ended' };
      default:
        return undefined;
    }
  }

  /** TwiML answering the gather callback. */
  static reply(text: string): string {
    const response = new twilio.twiml.VoiceResponse();
    response.say(text);
    response.hangup();
    return response.toString();
  }
}
