import { InputError } from '@backstage/errors';
import type express from 'express';
import Router from 'express-promise-router';
import { parseBoundedJson } from '../adapters/webhook/jsonLimits';
import type { PayloadClass } from '../adapters/webhook/payloadClass';
import type { Inbox, InboxDelivery, InboxSource } from '../domain/inbox/ports';
import { systemRef } from '../domain/systemRef';
import { readRawBody, UnprocessableEntityError } from './webhookRequest';

/** One webhook: where it listens, what it stores, how it tells a payload's kind. */
export interface WebhookDefinition {
  path: string;
  source: InboxSource;
  /** For error messages: "Empty body: expected <this>". */
  expected: string;
  classify(payload: unknown): PayloadClass;
  /** The kind a refused body gets when it could not even be classified (too deep to read). */
  fallbackKind: string;
  /** The provider's delivery id, when it sends one (replays are the same delivery). */
  deliveryKey?(req: express.Request): string | null;
}

export interface WebhookRouterOptions {
  authenticate: express.RequestHandler;
  inbox: Inbox;
  /** Whether the catalog has this System: a webhook may only name those. */
  isSystem(entityRef: string): Promise<boolean>;
  /** Called after a delivery is stored, to process it soon. */
  onDelivery?: () => void;
}

/**
 * `POST <path>?token=T[&entityRef=system:ns/name]`: authenticates, reads the
 * raw body (exactly what was sent: what the inbox stores), and stores it
 * before answering 202, so nothing acknowledged is lost. Well-formed JSON
 * that cannot be processed (wrong schema, nested too deep, naming a System
 * the catalog does not have) is stored too, marked refused, and answered
 * 422 saying what is wrong; malformed JSON is a 400 and is not stored.
 */
export function createWebhookRouter(
  definition: WebhookDefinition,
  options: WebhookRouterOptions,
): express.Router {
  const router = Router();
  router.post(
    definition.path,
    options.authenticate,
    readRawBody,
    async (req, res) => {
      const entityRef = entityRefParam(req.query);
      const raw = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
      if (!raw.trim()) {
        throw new InputError(`Empty body: expected ${definition.expected}`);
      }
      const parsed = parseBoundedJson(raw);
      if (!parsed.ok && parsed.error.startsWith('not valid JSON')) {
        throw new InputError(`Body is ${parsed.error}`);
      }
      const payload = parsed.ok
        ? definition.classify(parsed.value)
        : { kind: definition.fallbackKind, refused: `Body: ${parsed.error}` };
      const refused =
        payload.refused ??
        (await unknownSystems(options, [
          ...(entityRef ? [entityRef] : []),
          ...(payload.namedSystems ?? []),
        ]));
      const delivery: InboxDelivery = {
        source: definition.source,
        kind: payload.kind,
        deliveryKey: definition.deliveryKey?.(req) ?? null,
        body: raw,
        receivedAt: new Date(),
        entityRef,
        refused,
      };
      const { id, duplicate } = await options.inbox.add(delivery);
      if (refused !== undefined) {
        throw new UnprocessableEntityError(
          `${refused} (kept as inbox delivery ${id} for inspection)`,
        );
      }
      res
        .status(202)
        .json({ accepted: true, inboxId: id, kind: delivery.kind, duplicate });
      if (!duplicate) options.onDelivery?.();
    },
  );
  return router;
}

/** Why the delivery is refused when it names a System the catalog does not have. */
async function unknownSystems(
  options: WebhookRouterOptions,
  refs: string[],
): Promise<string | undefined> {
  for (const ref of new Set(refs)) {
    if (!(await options.isSystem(ref))) {
      return `${ref} is not a System in the catalog: a webhook may only name Systems the catalog has`;
    }
  }
  return undefined;
}

/**
 * `?entityRef=system:default/name` on the webhook URL: the System this action
 * group or Alertmanager receiver reports for. A 400 when it names no System.
 */
function entityRefParam(query: express.Request['query']): string | null {
  const value = query.entityRef;
  if (value === undefined) return null;
  const ref = typeof value === 'string' ? systemRef(value) : undefined;
  if (!ref) {
    throw new InputError(
      'Invalid webhook URL: entityRef must name a System, system:namespace/name',
    );
  }
  return ref;
}
