import {
  alertSeveritySchema,
  e164Schema,
  entityRefSchema,
} from '@sre-control-center/plugin-sre-control-center-common';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

const timeZone = z
  .string()
  .refine(
    zone => IANAZone.isValidZone(zone),
    'must be an IANA time zone such as Europe/Berlin',
  );
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm');
const userRef = entityRefSchema.refine(
  ref => ref.startsWith('user:'),
  'must be a user entity ref, user:namespace/name',
);
const isoDateTime = z.iso
  .datetime({ offset: true })
  .transform(s => new Date(s));

const targetSchema = z.union([
  z.strictObject({ user: userRef }),
  z.strictObject({
    schedule: z.string().min(1),
    /** `next`: the person after the current on-call (level 2 "the next person"). */
    position: z.enum(['current', 'next']).default('current'),
  }),
]);

const levelSchema = z.strictObject({
  afterMinutes: z.number().min(0).max(1440),
  targets: z.array(targetSchema).min(1),
  channels: z.array(z.enum(['notification', 'phone'])).min(1),
});

const policySchema = z.strictObject({
  name: z
    .string()
    .regex(/^[\w.-]{1,100}$/, 'must be a name of letters, digits, dot, dash'),
  system: entityRefSchema.refine(
    ref => ref.startsWith('system:'),
    'must be a System, system:namespace/name',
  ),
  /** Severities paged at high urgency (always) and low urgency (quiet hours apply). */
  urgency: z
    .strictObject({
      high: z.array(alertSeveritySchema).default(['Sev0', 'Sev1']),
      low: z.array(alertSeveritySchema).default([]),
    })
    .default({ high: ['Sev0', 'Sev1'], low: [] }),
  levels: z.array(levelSchema).min(1),
  repeat: z.number().int().min(0).max(10).default(0),
  repeatAfterMinutes: z.number().min(1).max(1440).default(5),
  quietHours: z.strictObject({ from: hhmm, to: hhmm, timeZone }).optional(),
});

const scheduleSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[\w.-]{1,100}$/, 'must be a name of letters, digits, dot, dash'),
    timeZone,
    users: z.array(userRef).min(1),
    start: z.iso.date(),
    handoffTime: hhmm.default('09:00'),
    lengthDays: z.number().int().min(1).max(28).default(7),
    overrides: z
      .array(
        z.strictObject({
          user: userRef,
          from: isoDateTime,
          until: isoDateTime,
        }),
      )
      .default([]),
  })
  .refine(
    s =>
      DateTime.fromISO(`${s.start}T${s.handoffTime}`, { zone: s.timeZone })
        .isValid,
    {
      message: 'start and handoffTime do not make a time in the time zone',
      path: ['start'],
    },
  )
  .refine(s => s.overrides.every(o => o.from < o.until), {
    message: 'an override must end after it starts',
    path: ['overrides'],
  });

const acsSchema = z.strictObject({
  /** `endpoint=https://<resource>.communication.azure.com/;accesskey=<key>`. */
  connectionString: z
    .string()
    .regex(
      /^endpoint=https?:\/\/[^;]+;accesskey=.+$/i,
      'must be endpoint=…;accesskey=…',
    ),
  /** The resource's phone number calls come from. */
  sourceNumber: e164Schema,
  /** Azure AI services (Speech) endpoint connected to the resource: text-to-speech prompts need it. */
  cognitiveServicesEndpoint: z.url().optional(),
  /** The resource's immutable id: the audience of the callbacks' JWTs. */
  resourceId: z
    .string()
    .regex(/^[\w-]{8,64}$/, 'must be the resource immutable id (a GUID)'),
  openIdConfigurationUrl: z
    .url()
    .default(
      'https://acscallautomation.communication.azure.com/calling/.well-known/acsopenidconfiguration',
    ),
});

const twilioSchema = z.strictObject({
  accountSid: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be an account SID, AC + 32 hex digits'),
  authToken: z.string().min(16),
  from: e164Schema,
  /** API base URL override (the local emulator); defaults to https://api.twilio.com. */
  apiBaseUrl: z.url().optional(),
});

const phoneSchema = z
  .strictObject({
    provider: z.enum(['acs', 'twilio']),
    /**
     * The plugin's public base URL the provider calls back
     * (https://portal.example.com/api/sre-control-center); defaults to the
     * backend's external URL.
     */
    callbackBaseUrl: z.url().optional(),
    acs: acsSchema.optional(),
    twilio: twilioSchema.optional(),
  })
  .refine(p => (p.provider === 'acs' ? !!p.acs : !!p.twilio), {
    message: 'the chosen provider needs its block (acs or twilio)',
  });

export const escalationConfigSchema = z
  .strictObject({
    /** The key that acknowledges on the phone (PagerDuty users expect 4). */
    ackKey: z
      .string()
      .regex(/^[0-9]$/, 'must be one digit')
      .default('1'),
    policies: z.array(policySchema).default([]),
    schedules: z.array(scheduleSchema).default([]),
    phone: phoneSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const names = new Set(config.schedules.map(s => s.name));
    config.policies.forEach((policy, p) => {
      policy.levels.forEach((level, l) => {
        level.targets.forEach((target, t) => {
          if ('schedule' in target && !names.has(target.schedule)) {
            ctx.addIssue({
              code: 'custom',
              path: ['policies', p, 'levels', l, 'targets', t, 'schedule'],
              message: `no schedule named ${target.schedule} in escalation.schedules`,
            });
          }
        });
      });
    });
  });

export type EscalationConfig = z.infer<typeof escalationConfigSchema>;
