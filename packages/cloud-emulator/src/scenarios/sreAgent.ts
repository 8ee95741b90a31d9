import { EmulatorContext } from '../context';
import { addComment, createIssue, findRepo } from '../github/issueStore';
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
 * acknowledges it in Alerts Management and opens a GitHub issue naming it.
 */
export function sreAgentIncident(
  ctx: EmulatorContext,
  params: { rule?: string; resolveAfterMs?: number | null },
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
    const issue = createIssue(ctx, repo, AGENT, sreAgentIssueFor(alert));
    addComment(
      ctx,
      repo,
      issue,
      AGENT,
      `Acknowledged ${alert.name} in Azure Monitor. Looking at recent deployments and ${alert.essentials.targetResourceName} metrics.`,
    );
  });
  return { ...fired.result, agentAcknowledgesInMs: ctx.delays.agentAckAfterMs };
}
