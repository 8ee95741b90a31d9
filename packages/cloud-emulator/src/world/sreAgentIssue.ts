import {
  alertResourceId,
  metricAlertRuleId,
  SRE_AGENT_LOGIN,
} from './constants';
import { StoredAlert } from './state';

/**
 * Title/body/labels of the issue the Azure SRE agent opens for an alert,
 * shaped like the incident-report template Microsoft's SRE Agent lab gives
 * the agent (Summary, Impact, Timeline, Evidence, Root Cause, Remediation,
 * Action Items, References with full ARM resource ids).
 *
 * `marker: true` is the template with the lines docs/github.md asks
 * customers to add (`Alert: <id>` and the HTML marker): the Control Center
 * links it exactly. `marker: false` is the bare template: the alert id is
 * nowhere, only the rule name and the target resource, so the Control
 * Center's fallback rule has to link it.
 */
export function sreAgentIssueFor(
  alert: StoredAlert,
  options: { marker?: boolean } = {},
) {
  const marker = options.marker ?? true;
  const e = alert.essentials;
  const criterion = alert.alertContext.condition.allOf[0];
  const condition = criterion
    ? `${criterion.timeAggregation} ${criterion.metricName} ${criterion.operator} ${criterion.threshold} (observed ${criterion.metricValue})`
    : 'see the alert';
  const alertId = alertResourceId(alert.alertId);
  const lines = [
    '## Summary',
    `Alert rule ${alert.name} (${e.severity}) fired on ${e.targetResourceName} at ${e.startDateTime}. The Azure SRE agent is investigating.`,
    '',
    '## Impact',
    `Users of ${e.targetResourceName} may see errors or slow responses while the condition holds: ${condition}.`,
    '',
    '## Timeline',
    `- ${e.startDateTime}: ${alert.name} fired (${e.monitorCondition}).`,
    `- ${e.startDateTime}: investigation started by ${SRE_AGENT_LOGIN}.`,
    '',
    '## Evidence',
    `- Metric condition: ${condition}`,
    `- Signal type: ${e.signalType}`,
    '',
    '## Root Cause',
    'Under investigation.',
    '',
    '## Remediation',
    'Pending: see the runbooks of the alert rule.',
    '',
    '## Action Items',
    '- [ ] Confirm the root cause',
    '- [ ] Follow up on the remediation',
    '',
    '## References',
    `- Target resource: ${e.targetResource}`,
    `- Alert rule: ${metricAlertRuleId(alert.name)}`,
  ];
  if (marker) {
    lines.push(
      `- Alert: ${alertId}`,
      '',
      `<!-- sre-control-center:alert=${alertId} -->`,
    );
  }
  return {
    title: `[SRE Agent] ${alert.name} fired on ${e.targetResourceName}`,
    body: lines.join('\n'),
    labels: ['incident', 'sre-agent', `severity:${e.severity.toLowerCase()}`],
  };
}
