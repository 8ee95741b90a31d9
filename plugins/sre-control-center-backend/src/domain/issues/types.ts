import type {
  IssueLinkRule,
  IssueOrigin,
} from '@sre-control-center/plugin-sre-control-center-common';

/** An issue as GitHub describes it (REST `issues` objects and webhook payloads), validated. */
export interface GithubIssueData {
  number: number;
  githubId: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: string[];
  assignees: string[];
  comments: number;
  /** Login of whoever opened it; GitHub Apps as `name[bot]`. */
  author: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  url: string;
  /** GitHub's issue list includes pull requests: those are never stored. */
  pullRequest: boolean;
}

/** An alert an issue is about, and the rule that said so. */
export interface IssueLink {
  alertId: string;
  rule: IssueLinkRule;
}

/** What the store keeps of an issue: GitHub's fields (no body), who opened it, its links. */
export type IssueRecord = Omit<GithubIssueData, 'body' | 'pullRequest'> & {
  origin: IssueOrigin;
  links: IssueLink[];
};

/** Something that happened to an issue, for the timeline. */
export interface IssueEvent {
  number: number;
  action: 'opened' | 'commented' | 'closed' | 'reopened';
  actor: string | null;
  at: string;
}
