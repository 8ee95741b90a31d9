import { createHash } from 'node:crypto';
import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { GithubIssue, GithubRepoState, GithubUser } from '../world/state';
import {
  DEFAULT_GITHUB_ACTOR,
  githubNotFound,
  sendGithubError,
} from './issues';
import { findRepo } from './issueStore';
import { renderIssue, renderMilestone, renderRepo, repoApiUrl } from './render';

/**
 * GitHub REST routes that `/projects/new` uses to set up a new project:
 * repository creation, contents, milestones and sub-issues (api version
 * 2022-11-28 shapes). The emulator treats every owner but the caller as an
 * organisation the caller may create repositories in.
 */
const DOCS = 'https://docs.github.com/rest';
const HTML = 'https://github.com';
const MAX_SUB_ISSUES = 100;

const bodyOf = (req: Request): Record<string, unknown> =>
  typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body)
    ? req.body
    : {};

/** Git's blob sha: sha1 of "blob <size>\0<content>". */
const blobSha = (content: Buffer) =>
  createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');

function renderContent(
  ctx: EmulatorContext,
  repo: GithubRepoState,
  path: string,
  sha: string,
  content?: Buffer,
) {
  const url = `${repoApiUrl(ctx, repo)}/contents/${path}?ref=main`;
  const html = `${HTML}/${repo.owner.login}/${repo.name}/blob/main/${path}`;
  const git = `${repoApiUrl(ctx, repo)}/git/blobs/${sha}`;
  return {
    type: 'file',
    ...(content && {
      encoding: 'base64',
      content: (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n'),
    }),
    size: content?.length,
    name: path.split('/').pop(),
    path,
    sha,
    url,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${repo.owner.login}/${repo.name}/main/${path}`,
    _links: { self: url, git, html },
  };
}

export function githubProjectsRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const actorOf = (req: Request): GithubUser | undefined =>
    req.get('authorization') ? DEFAULT_GITHUB_ACTOR : undefined;
  const nextId = () => ctx.state.github.nextId++;

  const withRepo =
    (
      handler: (req: Request, res: Response, repo: GithubRepoState) => void,
      opts: { write?: boolean } = {},
    ) =>
    (req: Request, res: Response) => {
      const repo = findRepo(ctx, req.params.owner, req.params.repo);
      if (!repo) {
        githubNotFound(res);
        return;
      }
      if (opts.write && !actorOf(req)) {
        sendGithubError(res, 401, 'Requires authentication');
        return;
      }
      handler(req, res, repo);
    };

  router.get('/users/:username', (req, res) => {
    const login = req.params.username;
    const isActor = login.toLowerCase() === DEFAULT_GITHUB_ACTOR.login;
    const id = isActor
      ? DEFAULT_GITHUB_ACTOR.id
      : 7_000_000 + [...login].reduce((t, c) => t + c.charCodeAt(0), 0);
    res.json({
      login,
      id,
      url: `${ctx.baseUrl}/users/${encodeURIComponent(login)}`,
      html_url: `${HTML}/${login}`,
      type: isActor ? 'Bot' : 'Organization',
      site_admin: false,
    });
  });

  const createRepo = (req: Request, res: Response, ownerLogin: string) => {
    const actor = actorOf(req);
    const docs = `${DOCS}/repos/repos#create-an-organization-repository`;
    if (!actor) {
      sendGithubError(res, 401, 'Requires authentication', docs);
      return;
    }
    const body = bodyOf(req);
    const name = body.name;
    if (typeof name !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(name)) {
      sendGithubError(res, 422, 'Repository creation failed.', docs, {
        errors: [
          {
            resource: 'Repository',
            code: 'custom',
            field: 'name',
            message: 'name is invalid',
          },
        ],
      });
      return;
    }
    if (findRepo(ctx, ownerLogin, name)) {
      sendGithubError(res, 422, 'Repository creation failed.', docs, {
        errors: [
          {
            resource: 'Repository',
            code: 'custom',
            field: 'name',
            message: 'name already exists on this account',
          },
        ],
      });
      return;
    }
    const now = ctx.now().toISOString();
    const repo: GithubRepoState = {
      id: nextId(),
      owner: {
        login: ownerLogin,
        id:
          7_000_000 + [...ownerLogin].reduce((t, c) => t + c.charCodeAt(0), 0),
        type: 'User',
      },
      name,
      description: typeof body.description === 'string' ? body.description : '',
      private: body.private === true || body.visibility === 'private',
      labels: [],
      issues: [],
      created_at: now,
      milestones: [],
      files: {},
    };
    if (body.auto_init === true) {
      const readme = Buffer.from(`# ${name}\n`);
      repo.files!['README.md'] = { sha: blobSha(readme), content: readme };
    }
    ctx.state.github.repos.push(repo);
    res.status(201).json(renderRepo(ctx, repo));
  };
  router.post('/orgs/:org/repos', (req, res) =>
    createRepo(req, res, req.params.org),
  );
  router.post('/user/repos', (req, res) =>
    createRepo(req, res, DEFAULT_GITHUB_ACTOR.login),
  );

  router.get(
    '/repos/:owner/:repo/contents/*',
    withRepo((req, res, repo) => {
      const path = (req.params as Record<string, string>)[0];
      const file = repo.files?.[path];
      if (!file) {
        githubNotFound(res);
        return;
      }
      // The catalog's URL reader asks for the raw bytes.
      if (/raw/.test(req.get('accept') ?? '')) {
        res
          .type('application/vnd.github.raw')
          .set('ETag', `"${file.sha}"`)
          .send(file.content);
        return;
      }
      res.json(renderContent(ctx, repo, path, file.sha, file.content));
    }),
  );

  router.put(
    '/repos/:owner/:repo/contents/*',
    withRepo(
      (req, res, repo) => {
        const path = (req.params as Record<string, string>)[0];
        const body = bodyOf(req);
        const docs = `${DOCS}/repos/contents#create-or-update-file-contents`;
        if (
          typeof body.message !== 'string' ||
          typeof body.content !== 'string'
        ) {
          sendGithubError(
            res,
            422,
            `Invalid request.\n\n"${
              typeof body.message !== 'string' ? 'message' : 'content'
            }" wasn't supplied.`,
            docs,
          );
          return;
        }
        const files = (repo.files ??= {});
        const existing = files[path];
        // GitHub: an update without the blob sha is a 422, a stale sha a 409.
        if (existing && body.sha === undefined) {
          sendGithubError(
            res,
            422,
            'Invalid request.\n\n"sha" wasn\'t supplied.',
            docs,
          );
          return;
        }
        if (existing && body.sha !== existing.sha) {
          sendGithubError(
            res,
            409,
            `${path} does not match ${String(body.sha)}`,
            docs,
          );
          return;
        }
        const content = Buffer.from(body.content, 'base64');
        const sha = blobSha(content);
        files[path] = { sha, content };
        const commitSha = createHash('sha1')
          .update(`${path}:${sha}:${ctx.now().toISOString()}`)
          .digest('hex');
        res.status(existing ? 200 : 201).json({
          content: renderContent(ctx, repo, path, sha),
          commit: {
            sha: commitSha,
            url: `${repoApiUrl(ctx, repo)}/git/commits/${commitSha}`,
            html_url: `${HTML}/${repo.owner.login}/${repo.name}/commit/${commitSha}`,
            message: body.message,
          },
        });
      },
      { write: true },
    ),
  );

  router.get(
    '/repos/:owner/:repo/milestones',
    withRepo((req, res, repo) => {
      const state =
        typeof req.query.state === 'string' ? req.query.state : 'open';
      const perPage = Math.min(100, Number(req.query.per_page ?? 30) || 30);
      const page = Math.max(1, Number(req.query.page ?? 1) || 1);
      const all = (repo.milestones ?? []).filter(
        m => state === 'all' || m.state === state,
      );
      if (page * perPage < all.length) {
        const next = new URL(`${ctx.baseUrl}${req.originalUrl}`);
        next.searchParams.set('page', String(page + 1));
        next.searchParams.set('per_page', String(perPage));
        res.set('Link', `<${next}>; rel="next"`);
      }
      res.json(
        all
          .slice((page - 1) * perPage, page * perPage)
          .map(m => renderMilestone(ctx, repo, m)),
      );
    }),
  );

  router.post(
    '/repos/:owner/:repo/milestones',
    withRepo(
      (req, res, repo) => {
        const body = bodyOf(req);
        const docs = `${DOCS}/issues/milestones#create-a-milestone`;
        if (typeof body.title !== 'string' || body.title === '') {
          sendGithubError(
            res,
            422,
            'Invalid request.\n\n"title" wasn\'t supplied.',
            docs,
          );
          return;
        }
        const milestones = (repo.milestones ??= []);
        if (milestones.some(m => m.title === body.title)) {
          sendGithubError(res, 422, 'Validation Failed', docs, {
            errors: [
              { resource: 'Milestone', code: 'already_exists', field: 'title' },
            ],
          });
          return;
        }
        const now = ctx.now().toISOString();
        const milestone = {
          id: nextId(),
          number: milestones.reduce((n, m) => Math.max(n, m.number), 0) + 1,
          title: body.title,
          description:
            typeof body.description === 'string' ? body.description : null,
          state:
            body.state === 'closed' ? ('closed' as const) : ('open' as const),
          due_on: typeof body.due_on === 'string' ? body.due_on : null,
          created_at: now,
          updated_at: now,
          creator: actorOf(req)!,
        };
        milestones.push(milestone);
        res.status(201).json(renderMilestone(ctx, repo, milestone));
      },
      { write: true },
    ),
  );

  const issueByNumber = (repo: GithubRepoState, n: string) =>
    repo.issues.find(i => String(i.number) === n);

  router.get(
    '/repos/:owner/:repo/issues/:number(\\d+)/sub_issues',
    withRepo((req, res, repo) => {
      const parent = issueByNumber(repo, req.params.number);
      if (!parent) {
        githubNotFound(res);
        return;
      }
      const perPage = Math.min(100, Number(req.query.per_page ?? 30) || 30);
      const page = Math.max(1, Number(req.query.page ?? 1) || 1);
      const children = (parent.subIssueIds ?? [])
        .map(id => repo.issues.find(i => i.id === id))
        .filter((i): i is GithubIssue => i !== undefined);
      if (page * perPage < children.length) {
        const next = new URL(`${ctx.baseUrl}${req.originalUrl}`);
        next.searchParams.set('page', String(page + 1));
        next.searchParams.set('per_page', String(perPage));
        res.set('Link', `<${next}>; rel="next"`);
      }
      res.json(
        children
          .slice((page - 1) * perPage, page * perPage)
          .map(i => renderIssue(ctx, repo, i)),
      );
    }),
  );

  router.post(
    '/repos/:owner/:repo/issues/:number(\\d+)/sub_issues',
    withRepo(
      (req, res, repo) => {
        const docs = `${DOCS}/issues/sub-issues#add-sub-issue`;
        const parent = issueByNumber(repo, req.params.number);
        if (!parent) {
          githubNotFound(res);
          return;
        }
        const body = bodyOf(req);
        // The child's id, not its number: a number finds no issue (or the wrong one).
        const child = repo.issues.find(
          i =>
            typeof body.sub_issue_id === 'number' && i.id === body.sub_issue_id,
        );
        const invalid = (message: string) =>
          sendGithubError(res, 422, 'Validation Failed', docs, {
            errors: [
              {
                resource: 'Issue',
                code: 'custom',
                field: 'sub_issue_id',
                message,
              },
            ],
          });
        if (!child) {
          invalid('The provided sub-issue does not exist');
          return;
        }
        if (child.id === parent.id) {
          invalid('An issue cannot be its own sub-issue');
          return;
        }
        const replace = body.replace_parent === true;
        if (child.parentId !== undefined && !replace) {
          invalid(
            'Issue may not contain duplicate sub-issues and Sub issue may only have one parent',
          );
          return;
        }
        const children = (parent.subIssueIds ??= []);
        if (children.length >= MAX_SUB_ISSUES) {
          invalid(`Parent cannot have more than ${MAX_SUB_ISSUES} sub-issues`);
          return;
        }
        if (child.parentId !== undefined) {
          const old = repo.issues.find(i => i.id === child.parentId);
          if (old)
            old.subIssueIds = old.subIssueIds?.filter(id => id !== child.id);
        }
        children.push(child.id);
        child.parentId = parent.id;
        res.status(201).json(renderIssue(ctx, repo, parent, { single: true }));
      },
      { write: true },
    ),
  );

  return router;
}
