import { useApi } from '@backstage/core-plugin-api';
import type {
  AlertIssue,
  IssueList,
} from '@sre-control-center/plugin-sre-control-center-common';
import { useMemo } from 'react';
import { sreControlCenterApiRef } from '../api';
import { useProjectResource } from './useProjectResource';

/** The backend's `issues.changed` comes once per delivery or sync. */
const ISSUES_SIGNAL_DELAY_MS = 200;

/**
 * The System's GitHub issues (GET /issues), reloaded when the backend says
 * they changed (`issues.changed`: a webhook delivery, the sync, an issue
 * opened here). `byAlert` maps each alert id to its issues, for the feed's
 * chips.
 */
export function useIssues(entityRef: string) {
  const api = useApi(sreControlCenterApiRef);
  const { value, error, loading, reload, mutate } =
    useProjectResource<IssueList>(entityRef, ref => api.listIssues(ref), {
      signalTypes: ['issues.changed'],
      signalDelayMs: ISSUES_SIGNAL_DELAY_MS,
    });
  const byAlert = useMemo(() => {
    const map = new Map<string, AlertIssue[]>();
    for (const issue of value?.items ?? []) {
      for (const alert of issue.alerts) {
        const list = map.get(alert.id) ?? [];
        list.push({
          number: issue.number,
          url: issue.url,
          state: issue.state,
          title: issue.title,
        });
        map.set(alert.id, list);
      }
    }
    return map;
  }, [value]);
  return { value, error, loading, reload, mutate, byAlert };
}

/** An alert's issues: what the feed answered and what the issue list says, once each. */
export function issuesOf(
  alertIssues: AlertIssue[] | undefined,
  fromList: AlertIssue[] | undefined,
): AlertIssue[] {
  const byNumber = new Map<number, AlertIssue>();
  for (const issue of [...(alertIssues ?? []), ...(fromList ?? [])]) {
    byNumber.set(issue.number, issue);
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}
