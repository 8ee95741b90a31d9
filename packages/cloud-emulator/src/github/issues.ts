import { createHash, randomUUID } from 'node:crypto';
import { NextFunction, Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { SRE_AGENT_LOGIN } from '../world/constants';
import { GithubIssue, GithubRepoState, GithubUser } from '../world/state';
import {
  addComment,
  createIssue,
  ensureLabel,
  findRepo,
  updateIssue,
} from './issueStore';
import {
  renderComment,
  renderIssue,
  renderLabel,
  renderRepo,
  renderUser,
} from './render';

const DOCS = 'https://docs.github.com/rest';

/** Who the emulator treats as the caller when the token names nobody. */
export const DEFAULT_GITHUB_ACTOR: GithubUser = {
  login: 'sre-control-center[bot]',
  id: 9120101,
  type: 'Bot',
};
const SRE_AGENT: GithubUser = {
  login: SRE_AGENT_LOGIN,
  id: 9120044,
  type: 'Bot',
};

export function sendGithubError(
  res: Response,
  status: number,
  message: string,
  docs = DOCS,
  extra: Record<string, unknown> = {},
) {
  res.status(status).json({
    message,
    ...extra,
    documentation_url: docs,
    status: String(status),
  });
}

export function githubNotFound(res: Response) {
  sendGithubError(res, 404, 'Not Found');
}

/** Maps the token to a user: tokens containing "sre-agent" act as the SRE agent bot. */
function actorOf(req: Request): GithubUser | undefined {
  const auth = req.get('authorization');
  if (!auth) return undefined;
  return /sre-agent/i.test(auth) ? SRE_AGENT : DEFAULT_GITHUB_ACTOR;
}

const RATE_LIMIT = 5000;

/**
 * Headers every GitHub REST answer carries, GitHub's conditional requests
 * and its primary rate limit: a GET answers with a weak `ETag` of its body,
 * and with `304 Not Modified` (no body) when `If-None-Match` names it. A 304
 * costs no rate limit, every other answer one request of the hourly 5000.
 */
export function githubHeaders(ctx: EmulatorContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.set({
      'x-github-api-version-selected': '2022-11-28',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': randomUUID().toUpperCase().slice(0, 23),
    });
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      let notModified = false;
      if (req.method === 'GET' && res.statusCode === 200) {
        const etag = `W/"${createHash('sha256')
          .update(JSON.stringify(body))
          .digest('hex')
          .slice(0, 40)}"`;
        res.set('ETag', etag);
        const wanted = (req.get('if-none-match') ?? '')
          .split(',')
          .map(t => t.trim());
        notModified = wanted.includes(etag) || wanted.includes('*');
      }
      const now = ctx.now().getTime();
      const github = ctx.state.github;
      if (!github.rateLimit || github.rateLimit.resetAt <= now) {
        github.rateLimit = { used: 0, resetAt: now + 3_600_000 };
      }
      if (!notModified) github.rateLimit.used += 1;
      res.set({
        'x-ratelimit-limit': String(RATE_LIMIT),
        'x-ratelimit-remaining': String(
          Math.max(0, RATE_LIMIT - github.rateLimit.used),
        ),
        'x-ratelimit-reset': String(
          Math.floor(github.rateLimit.resetAt / 1000),
        ),
        'x-ratelimit-used': String(github.rateLimit.used),
        'x-ratelimit-resource': 'core',
      });
      (github.requests ??= []).push({
        method: req.method,
        path: req.originalUrl,
        status: notModified ? 304 : res.statusCode,
      });
      if (github.requests.length > 10_000) github.requests.shift();
      if (notModified) {
        res.status(304).end();
        return res;
      }
      return json(body);
    };
    next();
  };
}

function queryParam(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function paginate<T>(
  req: Request,
  res: Response,
  ctx: EmulatorContext,
  items: T[],
): T[] | undefined {
  const perPage = Math.min(
    100,
    Math.max(1, Number(queryParam(req, 'per_page') ?? 30) || 30),
  );
  const page = Math.max(1, Number(queryParam(req, 'page') ?? 1) || 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number) => {
    const url = new URL(`${ctx.baseUrl}${req.originalUrl}`);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(p));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < lastPage) links.push(`<${link(page + 1)}>; rel="next"`);
  if (page < lastPage) links.push(`<${link(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${link(1)}>; rel="first"`);
  if (links.length > 0) res.set('Link', links.join(', '));
  return items.slice((page - 1) * perPage, page * perPage);
}

function labelNames(raw: unknown): string[] | undefined {
  if (raw === undefined) return undefined;
  if (!Array.isArray(raw)) return undefined;
  const nameOf = (l: unknown): string => {
    if (typeof l === 'string') return l;
    if (typeof l === 'object' && l !== null && 'name' in l)
      return String(l.name);
    return '';
  };
  return raw.map(nameOf).filter(l => l !== '');
}

const stringList = (raw: unknown): string[] | undefined =>
  Array.isArray(raw)
    ? raw.filter((v): v is string => typeof v === 'string')
    : undefined;

export function githubRouter(ctx: EmulatorContext): Router {
  const router = Router();
  router.use(githubHeaders(ctx));

  // GitHub's own Link headers sometimes use /repositories/{id}/...
  router.use((req, _res, next) => {
    const m = /^\/repositories\/(\d+)(\/.*)?$/.exec(req.path);
    const repo = m
      ? ctx.state.github.repos.find(r => String(r.id) === m[1])
      : undefined;
    if (m && repo) {
      const query = req.url.includes('?')
        ? req.url.slice(req.url.indexOf('?'))
        : '';
      req.url = `/repos/${repo.owner.login}/${repo.name}${m[2] ?? ''}${query}`;
    }
    next();
  });

  const withRepo =
    (
      handler: (req: Request, res: Response, repo: GithubRepoState) => void,
      opts: { write?: boolean; docs?: string } = {},
    ) =>
    (req: Request, res: Response) => {
      const repo = findRepo(ctx, req.params.owner, req.params.repo);
      if (!repo) {
        githubNotFound(res);
        return;
      }
      if (opts.write && !actorOf(req)) {
        sendGithubError(res, 401, 'Requires authentication', opts.docs);
        return;
      }
      handler(req, res, repo);
    };
  const findIssue = (
    repo: GithubRepoState,
    number: string,
  ): GithubIssue | undefined =>
    repo.issues.find(i => String(i.number) === number);
  /** The issue, or GitHub's 404 answered for it. */
  const issueOr404 = (
    repo: GithubRepoState,
    number: string,
    res: Response,
  ): GithubIssue | undefined => {
    const issue = findIssue(repo, number);
    if (!issue) githubNotFound(res);
    return issue;
  };

  router.get('/user', (req, res) => {
    const actor = actorOf(req);
    if (!actor) {
      sendGithubError(
        res,
        401,
        'Requires authentication',
        `${DOCS}/users/users#get-the-authenticated-user`,
      );
      return;
    }
    res.json(renderUser(ctx, actor));
  });

  router.get(
    '/repos/:owner/:repo',
    withRepo((_req, res, repo) => res.json(renderRepo(ctx, repo))),
  );

  router.get(
    '/repos/:owner/:repo/issues',
    withRepo((req, res, repo) => {
      const state = queryParam(req, 'state') ?? 'open';
      const labels = queryParam(req, 'labels')
        ?.split(',')
        .map(l => l.trim().toLowerCase());
      const creator = queryParam(req, 'creator')?.toLowerCase();
      const assignee = queryParam(req, 'assignee');
      const since = queryParam(req, 'since');
      const sort = queryParam(req, 'sort') ?? 'created';
      const direction = queryParam(req, 'direction') ?? 'desc';
      let issues = repo.issues.filter(
        i => state === 'all' || i.state === state,
      );
      if (labels)
        issues = issues.filter(i =>
          labels.every(l => i.labels.some(il => il.toLowerCase() === l)),
        );
      if (creator)
        issues = issues.filter(i => i.user.login.toLowerCase() === creator);
      if (assignee === 'none')
        issues = issues.filter(i => i.assignees.length === 0);
      else if (assignee === '*')
        issues = issues.filter(i => i.assignees.length > 0);
      else if (assignee)
        issues = issues.filter(i => i.assignees.includes(assignee));
      if (since) issues = issues.filter(i => i.updated_at >= since);
      const key = (i: GithubIssue): string | number => {
        if (sort === 'updated') return i.updated_at;
        if (sort === 'comments') return i.comments.length;
        return i.created_at;
      };
      issues = [...issues].sort((a, b) => {
        const [ka, kb] = [key(a), key(b)];
        let cmp = a.number - b.number;
        if (ka < kb) cmp = -1;
        else if (ka > kb) cmp = 1;
        return direction === 'asc' ? cmp : -cmp;
      });
      const page = paginate(req, res, ctx, issues);
      res.json(page?.map(i => renderIssue(ctx, repo, i)));
    }),
  );

  router.post(
    '/repos/:owner/:repo/issues',
    withRepo(
      (req, res, repo) => {
        const body: Record<string, unknown> =
          typeof req.body === 'object' && req.body !== null ? req.body : {};
        const title = body.title;
        if (typeof title !== 'string' && typeof title !== 'number') {
          sendGithubError(
            res,
            422,
            'Invalid request.\n\n"title" wasn\'t supplied.',
            `${DOCS}/issues/issues#create-an-issue`,
          );
          return;
        }
        // Scenario github-issues-denied: the App lost its Issues permission.
        const left = ctx.state.github.issueCreationsLeft;
        if (left !== undefined) {
          if (left <= 0) {
            sendGithubError(
              res,
              403,
              'Resource not accessible by integration',
              `${DOCS}/issues/issues#create-an-issue`,
            );
            return;
          }
          ctx.state.github.issueCreationsLeft = left - 1;
        }
        const milestone =
          body.milestone === undefined || body.milestone === null
            ? undefined
            : Number(body.milestone);
        if (
          milestone !== undefined &&
          !repo.milestones?.some(m => m.number === milestone)
        ) {
          sendGithubError(
            res,
            422,
            'Validation Failed',
            `${DOCS}/issues/issues#create-an-issue`,
            {
              errors: [
                {
                  value: body.milestone,
                  resource: 'Issue',
                  field: 'milestone',
                  code: 'invalid',
                },
              ],
            },
          );
          return;
        }
        const issue = createIssue(ctx, repo, actorOf(req)!, {
          title: String(title),
          body: typeof body.body === 'string' ? body.body : null,
          labels: labelNames(body.labels),
          assignees: stringList(body.assignees),
          milestone,
        });
        const rendered = renderIssue(ctx, repo, issue, { single: true });
        res.status(201).set('Location', rendered.url).json(rendered);
      },
      { write: true, docs: `${DOCS}/issues/issues#create-an-issue` },
    ),
  );

  router.get(
    '/repos/:owner/:repo/issues/:number(\\d+)',
    withRepo((req, res, repo) => {
      const issue = issueOr404(repo, req.params.number, res);
      if (!issue) return;
      res.json(renderIssue(ctx, repo, issue, { single: true }));
    }),
  );

  router.patch(
    '/repos/:owner/:repo/issues/:number(\\d+)',
    withRepo(
      (req, res, repo) => {
        const issue = issueOr404(repo, req.params.number, res);
        if (!issue) return;
        const body: Record<string, unknown> =
          typeof req.body === 'object' && req.body !== null ? req.body : {};
        if (
          body.state !== undefined &&
          body.state !== 'open' &&
          body.state !== 'closed'
        ) {
          sendGithubError(
            res,
            422,
            'Validation Failed',
            `${DOCS}/issues/issues#update-an-issue`,
            {
              errors: [{ resource: 'Issue', code: 'invalid', field: 'state' }],
            },
          );
          return;
        }
        const reasons = ['completed', 'not_planned', 'reopened'] as const;
        updateIssue(ctx, repo, issue, actorOf(req)!, {
          title: typeof body.title === 'string' ? body.title : undefined,
          body:
            typeof body.body === 'string' || body.body === null
              ? (body.body as string | null)
              : undefined,
          state: body.state as 'open' | 'closed' | undefined,
          state_reason: reasons.find(r => r === body.state_reason),
          labels: labelNames(body.labels),
          assignees: stringList(body.assignees),
        });
        res.json(renderIssue(ctx, repo, issue, { single: true }));
      },
      { write: true, docs: `${DOCS}/issues/issues#update-an-issue` },
    ),
  );

  router.get(
    '/repos/:owner/:repo/issues/:number(\\d+)/comments',
    withRepo((req, res, repo) => {
      const issue = issueOr404(repo, req.params.number, res);
      if (!issue) return;
      const since = queryParam(req, 'since');
      const comments = issue.comments.filter(
        c => !since || c.updated_at >= since,
      );
      const page = paginate(req, res, ctx, comments);
      res.json(page?.map(c => renderComment(ctx, repo, issue, c)));
    }),
  );

  router.post(
    '/repos/:owner/:repo/issues/:number(\\d+)/comments',
    withRepo(
      (req, res, repo) => {
        const issue = issueOr404(repo, req.params.number, res);
        if (!issue) return;
        const body: unknown = req.body;
        const text =
          typeof body === 'object' && body !== null && 'body' in body
            ? body.body
            : undefined;
        if (typeof text !== 'string' || text === '') {
          sendGithubError(
            res,
            422,
            'Invalid request.\n\n"body" wasn\'t supplied.',
            `${DOCS}/issues/comments#create-an-issue-comment`,
          );
          return;
        }
        const comment = addComment(ctx, repo, issue, actorOf(req)!, text);
        const rendered = renderComment(ctx, repo, issue, comment);
        res.status(201).set('Location', rendered.url).json(rendered);
      },
      { write: true, docs: `${DOCS}/issues/comments#create-an-issue-comment` },
    ),
  );

  router.get(
    '/repos/:owner/:repo/labels',
    withRepo((req, res, repo) => {
      const page = paginate(req, res, ctx, repo.labels);
      res.json(page?.map(l => renderLabel(ctx, repo, l)));
    }),
  );

  router.post(
    '/repos/:owner/:repo/labels',
    withRepo(
      (req, res, repo) => {
        const body: Record<string, unknown> =
          typeof req.body === 'object' && req.body !== null ? req.body : {};
        if (typeof body.name !== 'string' || body.name === '') {
          sendGithubError(
            res,
            422,
            'Invalid request.\n\n"name" wasn\'t supplied.',
            `${DOCS}/issues/labels#create-a-label`,
          );
          return;
        }
        const name = body.name;
        if (
          repo.labels.some(l => l.name.toLowerCase() === name.toLowerCase())
        ) {
          sendGithubError(
            res,
            422,
            'Validation Failed',
            `${DOCS}/issues/labels#create-a-label`,
            {
              errors: [
                { resource: 'Label', code: 'already_exists', field: 'name' },
              ],
            },
          );
          return;
        }
        const label = ensureLabel(ctx, repo, name);
        if (typeof body.color === 'string')
          label.color = body.color.replace(/^#/, '');
        if (typeof body.description === 'string')
          label.description = body.description;
        res.status(201).json(renderLabel(ctx, repo, label));
      },
      { write: true, docs: `${DOCS}/issues/labels#create-a-label` },
    ),
  );

  router.get(
    '/repos/:owner/:repo/issues/:number(\\d+)/labels',
    withRepo((req, res, repo) => {
      const issue = issueOr404(repo, req.params.number, res);
      if (!issue) return;
      res.json(
        issue.labels.map(name =>
          renderLabel(ctx, repo, ensureLabel(ctx, repo, name)),
        ),
      );
    }),
  );

  router.post(
    '/repos/:owner/:repo/issues/:number(\\d+)/labels',
    withRepo(
      (req, res, repo) => {
        const issue = issueOr404(repo, req.params.number, res);
        if (!issue) return;
        const body: unknown = req.body;
        // The endpoint takes `{ labels: [...] }` or a bare array of names.
        let raw: unknown = body;
        if (!Array.isArray(body)) {
          raw =
            typeof body === 'object' && body !== null && 'labels' in body
              ? body.labels
              : undefined;
        }
        const names = labelNames(raw);
        if (!names) {
          sendGithubError(
            res,
            422,
            'Invalid request.\n\n"labels" wasn\'t supplied.',
            `${DOCS}/issues/labels#add-labels-to-an-issue`,
          );
          return;
        }
        updateIssue(ctx, repo, issue, actorOf(req)!, {
          labels: [...new Set([...issue.labels, ...names])],
        });
        res.json(
          issue.labels.map(name =>
            renderLabel(ctx, repo, ensureLabel(ctx, repo, name)),
          ),
        );
      },
      { write: true, docs: `${DOCS}/issues/labels#add-labels-to-an-issue` },
    ),
  );

  router.delete(
    '/repos/:owner/:repo/issues/:number(\\d+)/labels/:name',
    withRepo(
      (req, res, repo) => {
        const issue = findIssue(repo, req.params.number);
        const name = req.params.name;
        if (
          !issue ||
          !issue.labels.some(l => l.toLowerCase() === name.toLowerCase())
        ) {
          sendGithubError(
            res,
            404,
            'Label does not exist',
            `${DOCS}/issues/labels#remove-a-label-from-an-issue`,
          );
          return;
        }
        updateIssue(ctx, repo, issue, actorOf(req)!, {
          labels: issue.labels.filter(
            l => l.toLowerCase() !== name.toLowerCase(),
          ),
        });
        res.json(
          issue.labels.map(n =>
            renderLabel(ctx, repo, ensureLabel(ctx, repo, n)),
          ),
        );
      },
      { write: true },
    ),
  );

  return router;
}
