import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
  type GithubCredentialsProvider,
} from '@backstage/integration';
import { Octokit, RequestError } from 'octokit';
import type {
  GithubIssueApi,
  IssueListName,
  IssueListResult,
} from '../../domain/issues/ports';
import type { RepositoryRef } from '../../domain/issues/repository';
import type { GithubIssueData } from '../../domain/issues/types';
import { githubIssueSchema, toIssueData } from './issuePayload';

/** Pages read per list at most (100 issues each): a runaway repository stops here. */
const MAX_PAGES = 10;
/** Waits for a rate limit this short are taken; longer ones fail the sync until next time. */
const MAX_RATE_LIMIT_WAIT_S = 60;
/** Clients kept (one per installation token). */
const MAX_CLIENTS = 50;

/**
 * GitHub's issues REST API through octokit (throttling and retry plugins
 * included in `octokit`), with credentials from `integrations.github`: a
 * GitHub App installation in production, a token locally. The emulator is
 * just another `apiBaseUrl`.
 */
export class OctokitIssueApi implements GithubIssueApi {
  static fromConfig(
    config: Config,
    options: { logger: LoggerService; host?: string; retries?: number },
  ): OctokitIssueApi {
    const integrations = ScmIntegrations.fromConfig(config);
    return new OctokitIssueApi(
      integrations,
      DefaultGithubCredentialsProvider.fromIntegrations(integrations),
      options.logger,
      options.host ?? 'github.com',
      options.retries,
    );
  }

  private readonly clients = new Map<string, Octokit>();

  constructor(
    private readonly integrations: ScmIntegrations,
    private readonly credentials: GithubCredentialsProvider,
    private readonly logger: LoggerService,
    private readonly host: string,
    /** octokit's retry plugin: 3 by default (about 14 s of backoff when GitHub is down). */
    private readonly retries?: number,
  ) {}

  async listIssues(
    repo: RepositoryRef,
    query: { state: IssueListName; since?: string; etag: string | null },
  ): Promise<IssueListResult> {
    const octokit = await this.client(repo);
    let first;
    try {
      first = await octokit.request('GET /repos/{owner}/{repo}/issues', {
        owner: repo.owner,
        repo: repo.name,
        state: query.state,
        sort: 'updated',
        direction: 'desc',
        per_page: 100,
        ...(query.since ? { since: query.since } : {}),
        headers: query.etag ? { 'if-none-match': query.etag } : {},
      });
    } catch (error) {
      // octokit throws on 304: the list is as it was, and it cost no rate limit.
      if (error instanceof RequestError && error.status === 304) {
        return { notModified: true, requests: 1 };
      }
      throw error;
    }
    const issues: GithubIssueData[] = [];
    let requests = 1;
    let page: { data: unknown; headers: { link?: string } } = first;
    for (;;) {
      issues.push(...parseIssues(page.data));
      const next = nextLink(page.headers.link);
      if (!next || requests >= MAX_PAGES) break;
      page = await octokit.request({ method: 'GET', url: next });
      requests += 1;
    }
    return {
      notModified: false,
      etag: first.headers.etag ?? null,
      issues,
      requests,
    };
  }

  async createIssue(
    repo: RepositoryRef,
    input: { title: string; body: string; labels: string[] },
  ): Promise<GithubIssueData> {
    const octokit = await this.client(repo);
    const { data } = await octokit.request(
      'POST /repos/{owner}/{repo}/issues',
      {
        owner: repo.owner,
        repo: repo.name,
        title: input.title,
        body: input.body,
        labels: input.labels,
      },
    );
    return toIssueData(githubIssueSchema.parse(data));
  }

  private async client(repo: RepositoryRef): Promise<Octokit> {
    const integration =
      this.integrations.github.byHost(this.host) ??
      this.integrations.github.list()[0];
    if (!integration) {
      throw new Error(
        `No GitHub integration for ${this.host}: add integrations.github to the configuration`,
      );
    }
    const { token } = await this.credentials.getCredentials({
      url: `https://${integration.config.host}/${repo.owner}/${repo.name}`,
    });
    // One client per token, so the throttling plugin spaces all requests of
    // an installation, not only those of one call. App tokens change hourly.
    const key = `${integration.config.apiBaseUrl} ${token ?? ''}`;
    const cached = this.clients.get(key);
    if (cached) return cached;
    if (this.clients.size >= MAX_CLIENTS) this.clients.clear();
    const octokit = new Octokit({
      auth: token,
      baseUrl: integration.config.apiBaseUrl,
      userAgent: 'sre-control-center',
      ...(this.retries === undefined
        ? {}
        : { retry: { retries: this.retries } }),
      log: {
        debug: () => {},
        info: () => {},
        warn: message => this.logger.warn(message),
        error: message => this.logger.error(message),
      },
      throttle: {
        onRateLimit: (retryAfter: number, options: { url?: string }) => {
          this.logger.warn(
            `GitHub rate limit reached for ${options.url}; retry after ${retryAfter} s`,
          );
          return retryAfter <= MAX_RATE_LIMIT_WAIT_S;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { url?: string },
        ) => {
          this.logger.warn(
            `GitHub secondary rate limit for ${options.url}; retry after ${retryAfter} s`,
          );
          return retryAfter <= MAX_RATE_LIMIT_WAIT_S;
        },
      },
    });
    this.clients.set(key, octokit);
    return octokit;
  }
}

function parseIssues(data: unknown): GithubIssueData[] {
  if (!Array.isArray(data))
    throw new Error('GitHub answered an issue list that is not a list');
  return data.map(item => toIssueData(githubIssueSchema.parse(item)));
}

/** The `rel="next"` URL of a Link header. */
function nextLink(link: string | undefined): string | undefined {
  return link
    ?.split(',')
    .map(part => /<([^>]+)>;\s*rel="next"/.exec(part.trim()))
    .find(Boolean)?.[1];
}
