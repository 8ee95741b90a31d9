import { AuthenticationError, InputError } from '@backstage/errors';
import type express from 'express';
import Router from 'express-promise-router';
import { GITHUB_KINDS } from '../adapters/github/GithubIssueDeliveries';
import { verifyGithubSignature } from '../adapters/github/webhookSignature';
import { parseBoundedJson } from '../adapters/webhook/jsonLimits';
import type { Inbox } from '../domain/inbox/ports';
import { readRawBody } from './webhookRequest';

const EVENTS: Record<string, string> = {
  issues: GITHUB_KINDS.issues,
  issue_comment: GITHUB_KINDS.issueComment,
};

/**
 * `POST /webhooks/github`: a repository (or GitHub App) webhook. The
 * signature (`X-Hub-Signature-256`, HMAC-SHA256 of the raw body under the
 * configured secret, or the previous one during a rotation) is checked
 * before anything is read: 401 without a valid one, nothing stored. A valid
 * delivery is stored in the inbox before the 202, keyed by
 * `X-GitHub-Delivery`, so a redelivery is the same delivery and changes
 * nothing. `issues` and `issue_comment` are applied by the inbox processor;
 * other events are kept as `github.ignored`.
 */
export function createGithubWebhookRouter(options: {
  secrets: string[];
  inbox: Inbox;
  onDelivery?: () => void;
}): express.Router {
  const router = Router();
  router.post('/webhooks/github', readRawBody, async (req, res) => {
    if (options.secrets.length === 0) {
      throw new AuthenticationError(
        'GitHub webhooks are not accepted: sreControlCenter.github.webhookSecret is not set',
      );
    }
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (
      !verifyGithubSignature(
        options.secrets,
        raw,
        req.get('x-hub-signature-256'),
      )
    ) {
      throw new AuthenticationError(
        'Missing or invalid X-Hub-Signature-256: the body is not signed with the configured webhook secret',
      );
    }
    const event = req.get('x-github-event') ?? '';
    const deliveryId = req.get('x-github-delivery') ?? '';
    if (!/^[a-z_]{1,64}$/.test(event)) {
      throw new InputError('X-GitHub-Event is missing or not an event name');
    }
    if (!/^[\w-]{1,100}$/.test(deliveryId)) {
      throw new InputError('X-GitHub-Delivery is missing or not a delivery id');
    }
    const body = raw.toString('utf8');
    const parsed = parseBoundedJson(body);
    if (!parsed.ok) throw new InputError(`Body is ${parsed.error}`);
    const kind = EVENTS[event] ?? GITHUB_KINDS.ignored;
    const { id, duplicate } = await options.inbox.add({
      source: 'github',
      kind,
      deliveryKey: deliveryId,
      body,
      receivedAt: new Date(),
      entityRef: null,
    });
    res.status(202).json({ accepted: true, inboxId: id, kind, duplicate });
    if (!duplicate) options.onDelivery?.();
  });
  return router;
}
