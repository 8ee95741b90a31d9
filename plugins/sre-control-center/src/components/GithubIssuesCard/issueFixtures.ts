import type {
  IssueList,
  TrackedIssue,
} from '@sre-control-center/plugin-sre-control-center-common';
import { sampleAlert, TEST_SYSTEM } from '../../__testUtils__';

/** An issue of the Mindful Moments repository, as GET /issues lists it. */
export function trackedIssue(over: Partial<TrackedIssue> = {}): TrackedIssue {
  return {
    repository: 'mindful-moments/mindful-moments',
    number: 9,
    title:
      '[SRE Agent] alert-high-response-time fired on app-mindful-moments-dev',
    state: 'open',
    labels: ['incident'],
    assignees: [],
    comments: 1,
    author: 'azure-sre-agent[bot]',
    origin: 'agent',
    url: 'https://github.com/mindful-moments/mindful-moments/issues/9',
    createdAt: '2026-11-28T10:01:00.000Z',
    updatedAt: '2026-11-28T10:01:00.000Z',
    closedAt: null,
    alerts: [{ id: sampleAlert.id, name: sampleAlert.name, rule: 'marker' }],
    ...over,
  };
}

export function issueList(
  items: TrackedIssue[],
  over: Partial<IssueList> = {},
): IssueList {
  return {
    entityRef: TEST_SYSTEM,
    repository: 'mindful-moments/mindful-moments',
    items,
    syncedAt: '2026-11-28T10:05:00.000Z',
    lastError: null,
    closedWindowDays: 30,
    ...over,
  };
}
