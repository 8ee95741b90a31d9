import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  RunningEmulator,
  startCloudEmulator,
} from '@sre-control-center/cloud-emulator';
import { mindfulMoments } from '../planner/__fixtures__/mindfulMoments';
import { planProject } from '../planner/planProject';
import { ProjectPlan } from '../planner/types';
import { createGithubProjectAction } from './githubProject';
import { createPlanAction } from './plan';

// Each run makes ~150 requests to the emulator; 2 shared cores can take a while.
jest.setTimeout(60_000);

type Action = { handler: (ctx: never) => Promise<void> };

/**
 * A task context as the scaffolder gives actions; `checkpoints` survives
 * between runs like the task state of a recovered task.
 */
function taskContext(
  input: Record<string, unknown>,
  opts: { checkpoints?: Map<string, unknown>; isDryRun?: boolean } = {},
) {
  const checkpoints = opts.checkpoints ?? new Map<string, unknown>();
  const outputs: Record<string, unknown> = {};
  const logger = mockServices.logger.mock();
  const ctx = {
    input,
    logger,
    isDryRun: opts.isDryRun ?? false,
    workspacePath: '/tmp/unused',
    task: { id: 'task-1' },
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    async checkpoint({ key, fn }: { key: string; fn: () => Promise<unknown> }) {
      if (checkpoints.has(key)) return checkpoints.get(key);
      const value = await fn();
      checkpoints.set(key, value ?? {});
      return value;
    },
    createTemporaryDirectory: async () => '/tmp/unused',
    getInitiatorCredentials: async () => ({} as never),
  };
  return { ctx, outputs, logger, checkpoints };
}

const run = (action: Action, ctx: ReturnType<typeof taskContext>['ctx']) =>
  action.handler(ctx as never);

function integrationsFor(apiBaseUrl: string) {
  return ScmIntegrations.fromConfig(
    new ConfigReader({
      integrations: {
        github: [{ host: 'github.com', apiBaseUrl, token: 'emulator-token' }],
      },
    }),
  );
}

describe('sre-control-center:plan', () => {
  it('outputs the plan, the same in a dry run', async () => {
    const action = createPlanAction({ today: () => '2026-12-07' });
    const { startDate: _, ...input } = mindfulMoments;
    const real = taskContext(input);
    const dry = taskContext(input, { isDryRun: true });
    await run(action, real.ctx);
    await run(action, dry.ctx);
    expect(real.outputs.plan).toEqual(
      JSON.parse(JSON.stringify(planProject(mindfulMoments))),
    );
    expect(dry.outputs).toEqual(real.outputs);
    expect(real.outputs.summary).toBe(
      '7 epics, 14 features, 22 stories (89 points, 65 scheduled) in 3 sprints; 7 warnings',
    );
    expect(real.outputs.systemName).toBe('mindful-moments-azure-sre-demo');
  });
});

describe('sre-control-center:github:project against the emulator through octokit', () => {
  let emulator: RunningEmulator;
  let action: ReturnType<typeof createGithubProjectAction>;
  const plan = planProject(mindfulMoments);
  const itemCount =
    plan.epics.length + plan.totals.features + plan.stories.length;

  beforeAll(async () => {
    emulator = await startCloudEmulator();
    action = createGithubProjectAction({
      integrations: integrationsFor(emulator.url),
    });
  });
  afterAll(() => emulator.close());

  const repoState = (name: string) =>
    emulator.state.github.repos.find(
      r => r.owner.login === plan.repository.owner && r.name === name,
    );
  const withRepo = (name: string): ProjectPlan => ({
    ...plan,
    repository: { ...plan.repository, name },
  });

  it('creates the repository, files, labels, milestones, issues and sub-issue links', async () => {
    const { ctx, outputs } = taskContext({ plan });
    await run(action, ctx);
    const repo = repoState(plan.repository.name)!;
    expect(repo).toBeDefined();
    expect(outputs).toEqual(
      expect.objectContaining({
        repoUrl:
          'https://github.com/AlbertoLacambra/mindful-moments-infrastructure',
        catalogInfoUrl:
          'https://github.com/AlbertoLacambra/mindful-moments-infrastructure/blob/main/catalog-info.yaml',
        existing: 0,
      }),
    );
    // Files as planned.
    for (const file of plan.files)
      expect(repo.files?.[file.path]?.content.toString('utf8')).toBe(
        file.content,
      );
    expect(repo.labels.map(l => l.name).sort()).toEqual(
      plan.labels.map(l => l.name).sort(),
    );
    expect(repo.milestones?.map(m => m.title)).toEqual(
      plan.sprints.map(s => s.title),
    );
    expect(repo.issues).toHaveLength(itemCount);

    const issueOf = (title: string) =>
      repo.issues.find(i => i.title.startsWith(title))!;
    // Sub-issues link ids, not numbers: epic → features → stories.
    const monitoring = issueOf('Epic: Monitoring and alerting');
    const alerting = issueOf('Feature: Alerting');
    expect(monitoring.subIssueIds).toContain(alerting.id);
    expect(alerting.parentId).toBe(monitoring.id);
    for (const feature of plan.epics.flatMap(e => e.features)) {
      const parent = issueOf(`Feature: ${feature.title}`);
      expect(
        parent.subIssueIds?.map(
          id => repo.issues.find(i => i.id === id)!.title,
        ),
      ).toEqual(
        feature.storyIds.map(id => {
          const s = plan.stories.find(x => x.id === id)!;
          return `${s.id} ${s.title}`;
        }),
      );
    }
    // Stories carry their sprint's milestone, labels and dependencies.
    for (const story of plan.stories) {
      const issue = issueOf(`${story.id} `);
      expect(issue.labels).toEqual([
        'type: story',
        `priority: ${story.priority}`,
        `points: ${story.points}`,
      ]);
      const milestone = repo.milestones!.find(
        m => m.number === issue.milestone,
      );
      expect(milestone?.title).toBe(
        story.sprint === undefined
          ? undefined
          : plan.sprints[story.sprint - 1].title,
      );
      for (const dep of story.dependsOn)
        expect(issue.body).toContain(
          `- #${issueOf(`${dep} `).number} (${dep}:`,
        );
    }
    expect(outputs.githubCalls).toBeGreaterThan(itemCount);
  });

  it('creates nothing twice when run again with the same plan', async () => {
    const repo = repoState(plan.repository.name)!;
    const before = JSON.stringify(repo);
    const { ctx, outputs } = taskContext({ plan });
    await run(action, ctx);
    expect(outputs.created).toBe(0);
    expect(JSON.stringify(repoState(plan.repository.name))).toBe(before);
  });

  it('makes no GitHub call in a recovered task whose steps all completed', async () => {
    const checkpoints = new Map<string, unknown>();
    const target = withRepo('recovered-project');
    await run(action, taskContext({ plan: target }, { checkpoints }).ctx);
    const again = taskContext({ plan: target }, { checkpoints });
    await run(action, again.ctx);
    expect(again.outputs.githubCalls).toBe(0);
    expect(repoState('recovered-project')!.issues).toHaveLength(itemCount);
  });

  it('stops half-way with a log of what was and was not created, and a re-run completes it', async () => {
    const target = withRepo('half-way-project');
    const checkpoints = new Map<string, unknown>();
    await emulator.runScenario('github-issues-denied', { after: 10 });
    const first = taskContext({ plan: target }, { checkpoints });
    await expect(run(action, first.ctx)).rejects.toMatchObject({
      status: 403,
    });
    expect(repoState('half-way-project')!.issues).toHaveLength(10);
    const log = first.logger.warn.mock.calls.map(c => String(c[0])).join('\n');
    expect(log).toContain('Stopped: Resource not accessible by integration');
    expect(log).toMatch(
      /Created: repository .*half-way-project; file catalog-info.yaml/,
    );
    expect(log).toMatch(
      /Not done: issue feature:infrastructure\/network-security; .*issue story:S22; sub-issue links\./,
    );

    await emulator.runScenario('github-issues-allowed');
    // The scaffolder's retry resumes the task: completed checkpoints are skipped.
    const retry = taskContext({ plan: target }, { checkpoints });
    await run(action, retry.ctx);
    const repo = repoState('half-way-project')!;
    expect(repo.issues).toHaveLength(itemCount);
    expect(new Set(repo.issues.map(i => i.title)).size).toBe(itemCount);
    expect(repo.issues.filter(i => i.parentId !== undefined)).toHaveLength(
      plan.totals.features + plan.stories.length,
    );
    // And a new task with the same inputs finds everything in place.
    const fresh = taskContext({ plan: target });
    await run(action, fresh.ctx);
    expect(fresh.outputs.created).toBe(0);
  });

  it('refuses a plan that is not one', async () => {
    const { ctx } = taskContext({
      plan: { ...plan, repository: { ...plan.repository, owner: '../x' } },
    });
    await expect(run(action, ctx)).rejects.toThrow(/not a GitHub owner/);
    const broken = taskContext({ plan: { ...plan, stories: 'no' } });
    await expect(run(action, broken.ctx)).rejects.toThrow(/Not a project plan/);
  });

  it('makes no call in a dry run', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.statusCode = 500;
      res.end();
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const dryAction = createGithubProjectAction({
        integrations: integrationsFor(`http://127.0.0.1:${port}`),
      });
      const { ctx, outputs, logger } = taskContext(
        { plan },
        { isDryRun: true },
      );
      await run(dryAction, ctx);
      expect(requests).toBe(0);
      expect(outputs.githubCalls).toBe(0);
      expect(String(logger.info.mock.calls[0][0])).toContain(
        `${itemCount} issues; no GitHub call made`,
      );
    } finally {
      await new Promise<void>(resolve => server.close(() => resolve()));
    }
  });
});
