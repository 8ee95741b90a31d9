import {
  CallAutomationClient,
  type CallMediaRecognizeDtmfOptions,
  type DtmfTone,
} from '@azure/communication-call-automation';
import type {
  CallEvent,
  CallRequest,
  PhoneCaller,
} from '../../domain/escalation';

export interface AcsSettings {
  connectionString: string;
  sourceNumber: string;
  cognitiveServicesEndpoint?: string;
}

const TONES: Record<string, string> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  pound: '#',
  asterisk: '*',
};

/** A Call Automation CloudEvent, as far as the portal reads it. */
export interface AcsCloudEvent {
  type?: unknown;
  data?: {
    callConnectionId?: unknown;
    resultInformation?: {
      code?: unknown;
      subCode?: unknown;
      message?: unknown;
    };
    dtmfResult?: { tones?: unknown };
    recognitionType?: unknown;
  };
}

/**
 * Azure Communication Services Call Automation: `createCall` to the
 * person's number with the callback URL of this attempt, then, once
 * `CallConnected` says they answered, `startRecognizing` with the prompt
 * read by text-to-speech and one DTMF tone to collect.
 */
export class AcsPhoneCaller implements PhoneCaller {
  readonly provider = 'acs';
  private readonly client: CallAutomationClient;

  constructor(
    private readonly settings: AcsSettings,
    /** The callback URL of an attempt (`…/webhooks/acs?attempt=<id>`). */
    private readonly callbackUrl: (attemptId: string) => string,
  ) {
    const endpoint = /^endpoint=([^;]+);/i.exec(settings.connectionString)?.[1];
    this.client = new CallAutomationClient(settings.connectionString, {
      // The local emulator answers over http; production endpoints are https.
      allowInsecureConnection: endpoint?.startsWith('http://') ?? false,
    });
  }

  async call(request: CallRequest): Promise<{ callId: string }> {
    const result = await this.client.createCall(
      {
        targetParticipant: { phoneNumber: request.to },
        sourceCallIdNumber: { phoneNumber: this.settings.sourceNumber },
      },
      this.callbackUrl(request.attemptId),
      {
        operationContext: request.attemptId,
        ...(this.settings.cognitiveServicesEndpoint
          ? {
              callIntelligenceOptions: {
                cognitiveServicesEndpoint:
                  this.settings.cognitiveServicesEndpoint,
              },
            }
          : {}),
      },
    );
    return { callId: result.callConnectionProperties.callConnectionId! };
  }

  /** The person answered: read the alert out and wait for one key. */
  async promptForKey(
    callId: string,
    to: string,
    prompt: string,
    attemptId: string,
  ): Promise<void> {
    const options: CallMediaRecognizeDtmfOptions = {
      kind: 'callMediaRecognizeDtmfOptions',
      maxTonesToCollect: 1,
      playPrompt: {
        kind: 'textSource',
        text: prompt,
        voiceName: 'en-US-JennyNeural',
      },
      interruptPrompt: true,
      initialSilenceTimeoutInSeconds: 15,
      operationContext: attemptId,
    };
    await this.client
      .getCallConnection(callId)
      .getCallMedia()
      .startRecognizing({ phoneNumber: to }, options);
  }

  async hangUp(callId: string): Promise<void> {
    await this.client.getCallConnection(callId).hangUp(true);
  }

  /** What a CloudEvent means for the attempt; undefined for events the portal does not act on. */
  static interpret(event: AcsCloudEvent): CallEvent | 'connected' | undefined {
    const type = typeof event.type === 'string' ? event.type : '';
    const info = event.data?.resultInformation;
    switch (type) {
      case 'Microsoft.Communication.CallConnected':
        return 'connected';
      case 'Microsoft.Communication.RecognizeCompleted': {
        const tones = event.data?.dtmfResult?.tones;
        const first = Array.isArray(tones)
          ? (tones[0] as DtmfTone | undefined)
          : undefined;
        const key = first
          ? TONES[String(first).toLowerCase()] ?? String(first)
          : undefined;
        return key ? { kind: 'pressed', key } : { kind: 'ended' };
      }
      case 'Microsoft.Communication.RecognizeFailed':
        // Silence or a timeout: answered, but nobody pressed a key.
        return { kind: 'ended' };
      case 'Microsoft.Communication.CreateCallFailed':
      case 'Microsoft.Communication.CallDisconnected': {
        const code = Number(info?.code);
        if (code === 486 || code === 600) return { kind: 'busy' };
        if ([408, 480, 487].includes(code)) return { kind: 'no_answer' };
        if (type === 'Microsoft.Communication.CallDisconnected')
          return { kind: 'ended' };
        return {
          kind: 'failed',
          reason: `${code || 'no code'}: ${String(
            info?.message ?? 'the call failed',
          )}`,
        };
      }
      default:
        return undefined;
    }
  }
}
