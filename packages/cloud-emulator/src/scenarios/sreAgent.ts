import { EmulatorContext } from '../context';
import {
  addComment,
  createIssue,
  findRepo,
  updateIssue,
} from '../github/issueStore';
import { changeAlertState } from '../world/alertRules';
import {
  GITHUB_OWNER,
  GITHUB_REPO,
  SRE_AGENT_DISPLAY_NAME,
  SRE_AGENT_LOGIN,
} from '../world/constants';
import { GithubUser } from '../world/state';
import { sreAgentIssueFor } from '../world/sreAgentIssue';
import { fireMetricAlert } from './metricAlert';

const AGENT: GithubUser = { login: SRE_AGENT_LOGIN, id: 9120044, type: 'Bot' };

/**
 * A new alert fires; within `agentAckAfterMs` the Azure SRE agent
 * acknowledges it in Alerts Management, opens a GitHub issue in its
 * incident-report shape (`variant: 'marker'`, the default, carries the
 * Control Center's marker; `'fallback'` only the rule and resource),
 * comments on it, and closes it `closeAfterMs` later (null: never; by
 * default when the alert resolves).
 */
export function sreAgentIncident(
  ctx: EmulatorContext,
  params: {
    rule?: string;
    resolveAfterMs?: number | null;
    variant?: 'marker' | 'fallback';
    closeAfterMs?: number | null;
  },
) {
  const fired = fireMetricAlert(ctx, params.rule ?? 'alert-http-5xx', {
    resolveAfterMs: params.resolveAfterMs,
  });
  const { alert } = fired;
  ctx.schedule(ctx.delays.agentAckAfterMs, () => {
    const repo = findRepo(ctx, GITHUB_OWNER, GITHUB_REPO);
    if (!repo || alert.essentials.alertState !== 'New') return;
    changeAlertState(
      alert,
      'Acknowledged',
      SRE_AGENT_DISPLAY_NAME,
      'Acknowledged by the Azure SRE agent; investigation tracked in GitHub',
      ctx.now(),
    );
    const issue = createIssue(
      ctx,
      repo,
      AGENT,
      sreAgentIssueFor(alert, { marker: params.variant !== 'fallback' }),
    );
    addComment(
      ctx,
      repo,
      issue,
      AGENT,
      `Acknowledged ${alert.name} in Azure Monitor. Looking at recent deployments and ${alert.essentials.targetResourceName} metrics.`,
    );
    // Unless told otherwise the agent closes its issue when the alert
    // resolves: never, when the alert is never resolved.
    const closeAfter =
      params.closeAfterMs !== undefined
        ? params.closeAfterMs
        : params.resolveAfterMs !== undefined
        ? params.resolveAfterMs
        : ctx.delays.resolveAfterMs;
    if (closeAfter === null) return;
    ctx.schedule(closeAfter, () => {
      if (issue.state !== 'open') return;
      addComment(
        ctx,
        repo,
        issue,
        AGENT,
        `${alert.name} resolved; closing. Root cause and action items are in the report above.`,
      );
      updateIssue(ctx, repo, issue, AGENT, {
        state: 'closed',
        state_reason: 'completed',
      });
    });
  });
  return {
    ...fired.result,
    agentAcknowledgesInMs: ctx.delays.agentAckAfterMs,
    variant: params.variant ?? 'marker',
  };
}
