import type {
  Alert,
  AlertIssue,
  TrackedIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import type { RepositoryRef } from './repository';
import type { GithubIssueData, IssueEvent, IssueRecord } from './types';

/** The two lists the sync reads per repository. */
export type IssueListName = 'open' | 'closed';

/** Conditional-request state of one list. */
export interface SyncListState {
  etag: string | null;
  syncedAt: string | null;
  lastError: string | null;
  errorAt: string | null;
}

/** The issues store (knex in store/DatabaseIssueStore). */
export interface IssueStore {
  /**
   * Upserts the issues of one repository: an issue older than the stored
   * copy (GitHub's updated_at) changes nothing; a newer one replaces the
   * stored fields and links. An issue once marked `portal` stays so. Events
   * are kept once each. Resolves how many issues changed.
   */
  save(
    repository: string,
    issues: IssueRecord[],
    events: IssueEvent[],
  ): Promise<number>;
  /** Issues to list: open, or closed since `closedSince`; open first, newest first; alerts of `entityRef` only. */
  list(
    repository: string,
    entityRef: string,
    options: { closedSince: Date; limit: number },
  ): Promise<TrackedIssue[]>;
  /** The issues of `repository` linked to each alert id. */
  forAlerts(
    repository: string,
    alertIds: string[],
  ): Promise<Map<string, AlertIssue[]>>;
  get(repository: string, number: number): Promise<TrackedIssue | undefined>;
  syncState(repository: string): Promise<Record<IssueListName, SyncListState>>;
  recordSync(
    repository: string,
    list: IssueListName,
    outcome: { etag: string | null; at: Date } | { error: string; at: Date },
  ): Promise<void>;
  /** Timeline: the repository's issue events, newest first, with the issue's title and first linked alert of the System. */
  events(
    repository: string,
    entityRef: string,
    limit: number,
  ): Promise<
    Array<IssueEvent & { title: string; url: string; alertId: string | null }>
  >;
  /**
   * Takes the one "open an issue" claim of an alert. A claim older than
   * `staleBefore` without an issue (its replica died) may be taken over.
   */
  claimRequest(claim: {
    alertId: string;
    repository: string;
    holder: string;
    at: Date;
    staleBefore: Date;
  }): Promise<{ claimed: true } | { claimed: false; number: number | null }>;
  completeRequest(alertId: string, number: number): Promise<void>;
  releaseRequest(alertId: string, holder: string): Promise<void>;
}

/** A page of GitHub's issue list, or "unchanged" (a 304, which costs no rate limit). */
export type IssueListResult =
  | { notModified: true; requests: number }
  | {
      notModified: false;
      etag: string | null;
      issues: GithubIssueData[];
      requests: number;
    };

/** GitHub's issues API (octokit in adapters/github). */
export interface GithubIssueApi {
  /**
   * Every page of the repository's `state` issues (pull requests included,
   * as GitHub sends them), most recently updated first; conditional on the
   * first page's ETag.
   */
  listIssues(
    repo: RepositoryRef,
    query: { state: IssueListName; since?: string; etag: string | null },
  ): Promise<IssueListResult>;
  createIssue(
    repo: RepositoryRef,
    input: { title: string; body: string; labels: string[] },
  ): Promise<GithubIssueData>;
}

/** Which Systems have which repository (catalog `github.com/project-slug`). */
export interface SystemRepositoryDirectory {
  /** Every System with the annotation, its slug as written. */
  list(): Promise<Array<{ entityRef: string; slug: string }>>;
  /** Undefined when the System does not exist; null when it has no slug. */
  slugOf(entityRef: string): Promise<string | null | undefined>;
}

/** The alerts the linking rule needs. */
export interface IssueAlertLookup {
  firedSince(entityRef: string, since: Date): Promise<Alert[]>;
}

/** Tells open pages that a System's issues changed. */
export interface IssuePublisher {
  issuesChanged(entityRef: string): Promise<void>;
}
