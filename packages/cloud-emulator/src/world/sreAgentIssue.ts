import { alertResourceId, SRE_AGENT_LOGIN } from './constants';
import { StoredAlert } from './state';

/**
 * Title/body/labels of the issue the Azure SRE agent opens for an alert. The
 * SRE Control Center correlates issues and alerts through the alert id and
 * rule name in here, so seed and scenario share this one template.
 */
export function sreAgentIssueFor(alert: StoredAlert) {
  const e = alert.essentials;
  const criterion = alert.alertContext.condition.allOf[0];
  const lines = [
    `The Azure SRE agent is investigating alert **${alert.name}** (${e.severity}) on \`${e.targetResourceName}\`.`,
    '',
    `- Alert rule: ${alert.name}`,
    `- Alert ID: ${alertResourceId(alert.alertId)}`,
    `- Target resource: ${e.targetResource}`,
    `- Fired at: ${e.startDateTime}`,
  ];
  if (criterion) {
    lines.push(
      `- Condition: ${criterion.timeAggregation} ${criterion.metricName} ${criterion.operator} ${criterion.threshold} (observed ${criterion.metricValue})`,
    );
  }
  lines.push('', `_Opened automatically by ${SRE_AGENT_LOGIN}._`);
  return {
    title: `[SRE Agent] ${alert.name} fired on ${e.targetResourceName}`,
    body: lines.join('\n'),
    labels: ['incident', 'sre-agent', `severity:${e.severity.toLowerCase()}`],
  };
}
