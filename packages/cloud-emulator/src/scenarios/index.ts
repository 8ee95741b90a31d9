import { EmulatorContext } from '../context';
import { crossBudgetThreshold } from './budgetAlert';
import { fireMetricAlert } from './metricAlert';
import { sreAgentIncident } from './sreAgent';
import { setCallee } from '../phone/world';

export type ScenarioParams = Record<string, unknown>;

const num = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) ? v : undefined;
const resolveAfter = (p: ScenarioParams): number | null | undefined =>
  p.resolveAfterMs === null ? null : num(p.resolveAfterMs);

type Scenario = (ctx: EmulatorContext, params: ScenarioParams) => unknown;

const metricScenario =
  (rule: string): Scenario =>
  (ctx, params) =>
    fireMetricAlert(ctx, rule, { resolveAfterMs: resolveAfter(params) }).result;

export const SCENARIOS: Record<string, Scenario> = {
  // The on-call phone: how the callee at params.number (or everyone) behaves.
  'callee-presses-key': (ctx, params) => setCallee(ctx, params, 'press'),
  'callee-silent': (ctx, params) => setCallee(ctx, params, 'silent'),
  'callee-no-answer': (ctx, params) => setCallee(ctx, params, 'no-answer'),
  'callee-busy': (ctx, params) => setCallee(ctx, params, 'busy'),
  'high-response-time': metricScenario('alert-high-response-time'),
  'http-5xx': metricScenario('alert-http-5xx'),
  'db-connection-failures': metricScenario('alert-db-connection-failures'),
  'high-cpu': metricScenario('alert-high-cpu'),
  'budget-80': ctx => crossBudgetThreshold(ctx, 80),
  'budget-100': ctx => crossBudgetThreshold(ctx, 100),
  'sre-agent-incident': (ctx, params) =>
    sreAgentIncident(ctx, {
      rule: typeof params.rule === 'string' ? params.rule : undefined,
      resolveAfterMs: resolveAfter(params),
      variant: params.variant === 'fallback' ? 'fallback' : 'marker',
      closeAfterMs:
        params.closeAfterMs === null ? null : num(params.closeAfterMs),
    }),
  // The GitHub App loses its Issues permission after `after` more issues.
  'github-issues-denied': (ctx, params) => {
    ctx.state.github.issueCreationsLeft = num(params.after) ?? 0;
    return { issueCreationsLeft: ctx.state.github.issueCreationsLeft };
  },
  'github-issues-allowed': ctx => {
    delete ctx.state.github.issueCreationsLeft;
    return { issueCreationsLeft: null };
  },
  'throttle-costs': (ctx, params) => {
    const t = ctx.state.throttle;
    t.costManagementRemaining = num(params.count) ?? 3;
    t.costManagementRetryAfterSeconds = num(params.retryAfterSeconds) ?? 60;
    return {
      throttledRequests: t.costManagementRemaining,
      retryAfterSeconds: t.costManagementRetryAfterSeconds,
    };
  },
  'throttle-metrics': (ctx, params) => {
    const t = ctx.state.throttle;
    t.metricsRemaining = num(params.count) ?? 3;
    t.metricsRetryAfterSeconds = num(params.retryAfterSeconds) ?? 1;
    return {
      throttledRequests: t.metricsRemaining,
      retryAfterSeconds: t.metricsRetryAfterSeconds,
    };
  },
  'throttle-arm': (ctx, params) => {
    const t = ctx.state.throttle;
    t.armRemaining = num(params.count) ?? 1;
    t.armRetryAfterSeconds = num(params.retryAfterSeconds) ?? 1;
    return {
      throttledRequests: t.armRemaining,
      retryAfterSeconds: t.armRetryAfterSeconds,
    };
  },
};

export class UnknownScenarioError extends Error {}

export function runScenario(
  ctx: EmulatorContext,
  name: string,
  params: ScenarioParams = {},
): unknown {
  const scenario = SCENARIOS[name];
  if (!scenario) {
    throw new UnknownScenarioError(
      `Unknown scenario '${name}'. Known: ${Object.keys(SCENARIOS).join(', ')}`,
    );
  }
  const result = scenario(ctx, params);
  ctx.state.scenarioRuns.push({ name, at: ctx.now().toISOString(), result });
  return result;
}
