import type { Deployment } from '@sre-control-center/plugin-sre-control-center-common';

/** How far back a deployment still explains an alert. */
export const DEPLOYMENT_WINDOW_MINUTES = 24 * 60;

/**
 * The last successful deployment before an alert fired, for the alert
 * drawer: "deployed 12 min before this alert fired". Pure: the caller passes
 * the System's deployments (any order).
 */
export function deployedBefore(
  firedAt: string,
  deployments: Deployment[],
  windowMinutes = DEPLOYMENT_WINDOW_MINUTES,
): { deployment: Deployment; minutes: number; text: string } | undefined {
  const fired = Date.parse(firedAt);
  if (Number.isNaN(fired)) return undefined;
  let best: { deployment: Deployment; at: number } | undefined;
  for (const deployment of deployments) {
    if (deployment.status !== 'success') continue;
    const at = Date.parse(deployment.deployedAt);
    if (at > fired || fired - at > windowMinutes * 60_000) continue;
    if (!best || at > best.at) best = { deployment, at };
  }
  if (!best) return undefined;
  const minutes = Math.floor((fired - best.at) / 60_000);
  return {
    deployment: best.deployment,
    minutes,
    text: `deployed ${formatMinutes(minutes)} before this alert fired`,
  };
}

function formatMinutes(minutes: number): string {
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
