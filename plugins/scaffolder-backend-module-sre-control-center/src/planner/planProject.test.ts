import { parse } from 'yaml';
import { mindfulMoments } from './__fixtures__/mindfulMoments';
import { parseBudget, parseAmount } from './constraints';
import { planProject, systemNameOf } from './planProject';
import { ProjectPlan, ProjectRequirements } from './types';

const FIB = [1, 2, 3, 5, 8, 13];

function expectConsistent(plan: ProjectPlan) {
  const ids = new Set(plan.stories.map(s => s.id));
  expect(ids.size).toBe(plan.stories.length);
  for (const sprint of plan.sprints) {
    expect(sprint.points).toBe(
      sprint.storyIds.reduce(
        (t, id) => t + plan.stories.find(s => s.id === id)!.points,
        0,
      ),
    );
  }
  for (const story of plan.stories) {
    expect(FIB).toContain(story.points);
    for (const dep of story.dependsOn) {
      expect(ids.has(dep)).toBe(true);
      const d = plan.stories.find(s => s.id === dep)!;
      if (story.sprint !== undefined)
        expect(d.sprint).toBeLessThanOrEqual(story.sprint);
    }
  }
  // Every story sits in exactly one feature of its epic.
  const inFeatures = plan.epics.flatMap(e =>
    e.features.flatMap(f => f.storyIds),
  );
  expect(inFeatures.sort()).toEqual([...ids].sort());
  // What has no sprint is said so.
  for (const story of plan.stories.filter(s => s.sprint === undefined))
    expect(
      plan.warnings.some(
        w => w.storyId === story.id && w.code === 'not-scheduled',
      ),
    ).toBe(true);
}

describe('planProject on the Mindful Moments plan', () => {
  const plan = planProject(mindfulMoments);

  it('groups the requirements into the plan example epics, in delivery order', () => {
    expect(plan.epics.map(e => e.id)).toEqual([
      'infrastructure',
      'application',
      'cicd',
      'monitoring',
      'sre-agent',
      'on-call',
      'documentation',
    ]);
    expect(plan.totals).toEqual(
      expect.objectContaining({ epics: 7, stories: 22 }),
    );
    const epicOf = (text: string) =>
      plan.stories.find(s => s.requirement.startsWith(text))!.epic;
    expect(epicOf('Monthly budget')).toBe('infrastructure');
    expect(epicOf('GitHub Actions pipeline')).toBe('cicd');
    expect(epicOf('Alerts for response time')).toBe('monitoring');
    expect(epicOf('Operations documentation')).toBe('documentation');
    expect(epicOf('On-call escalation')).toBe('on-call');
    expect(epicOf('Azure SRE Agent')).toBe('sre-agent');
  });

  it('writes stories as user stories with criteria, Fibonacci points and the rules that made them', () => {
    for (const s of plan.stories) {
      expect(s.userStory).toMatch(/^As an? .+, I want .+, so that .+\.$/);
      expect(s.acceptanceCriteria.length).toBeGreaterThanOrEqual(2);
      expect(s.rule[0]).toMatch(/^epic /);
      expect(s.rule.some(r => r.startsWith('points '))).toBe(true);
    }
    const alerts = plan.stories.find(s =>
      s.requirement.startsWith('Alerts for'),
    )!;
    const metrics = plan.stories.find(s =>
      s.requirement.startsWith('Application Insights'),
    )!;
    const terraform = plan.stories.find(s =>
      s.requirement.startsWith('Terraform modules'),
    )!;
    const deploy = plan.stories.find(s =>
      s.requirement.startsWith('Deploy the app'),
    )!;
    // Monitoring before alerting, infrastructure before deployment.
    expect(alerts.dependsOn).toContain(metrics.id);
    expect(deploy.dependsOn).toContain(terraform.id);
  });

  it('puts every must-have in a sprint, within capacity, must-haves first', () => {
    expect(plan.sprints.map(s => [s.weeks, s.capacity])).toEqual([
      [2, 26],
      [2, 26],
      [1, 13],
    ]);
    const must = plan.stories.filter(s => s.priority === 'must-have');
    expect(must).toHaveLength(14);
    expect(must.every(s => s.sprint !== undefined)).toBe(true);
    for (const sprint of plan.sprints)
      expect(sprint.points).toBeLessThanOrEqual(sprint.capacity);
    // Nice-to-haves that do not fit are flagged, not dropped.
    const left = plan.stories.filter(s => s.sprint === undefined);
    expect(left.length).toBeGreaterThan(0);
    expect(left.every(s => s.priority === 'nice-to-have')).toBe(true);
    expectConsistent(plan);
  });

  it('reads the budget and prices the named SKUs', () => {
    expect(plan.budget).toEqual(
      expect.objectContaining({ amount: 120, currency: 'EUR' }),
    );
    expect(plan.cost?.lines.map(l => l.sku)).toEqual(['B1', 'B1ms']);
    expect(plan.cost?.overBudget).toEqual([]);
    expect(plan.annotations).toEqual({
      'github.com/project-slug':
        'AlbertoLacambra/mindful-moments-infrastructure',
      'sre-control-center/budget': 'budget-mindful-moments-azure-sre-demo-dev',
      'sre-control-center/budget-amount': '120 EUR',
    });
    expect(plan.warnings.map(w => w.code)).toContain('no-subscription');
  });

  it('renders catalog-info.yaml as the System and PROJECT_INSTRUCTIONS.md with the sprints', () => {
    const files = Object.fromEntries(plan.files.map(f => [f.path, f.content]));
    const entity = parse(files['catalog-info.yaml']);
    expect(entity).toEqual(
      expect.objectContaining({
        kind: 'System',
        metadata: expect.objectContaining({
          name: 'mindful-moments-azure-sre-demo',
          annotations: plan.annotations,
        }),
        spec: { owner: 'group:default/sre-owners' },
      }),
    );
    expect(files['PROJECT_INSTRUCTIONS.md']).toContain(
      '### Sprint 1 (weeks 1-2), until 2026-12-20',
    );
    expect(files['PROJECT_INSTRUCTIONS.md']).toContain('| S01 |');
    expect(files['terraform/environments/dev/main.tf']).toContain(
      'default     = 120',
    );
  });

  it('is deterministic', () => {
    expect(planProject(mindfulMoments)).toEqual(plan);
  });
});

describe('planProject edits from the preview', () => {
  const base = planProject(mindfulMoments);

  it('removes, re-points and moves stories', () => {
    const removed = base.stories.find(s =>
      s.requirement.startsWith('Dark mode'),
    )!;
    const docs = base.stories.find(s =>
      s.requirement.startsWith('Operations documentation'),
    )!;
    const plan = planProject({
      ...mindfulMoments,
      edits: {
        remove: [removed.id],
        points: { [docs.id]: 3 },
        sprint: { [docs.id]: 3 },
      },
    });
    expect(plan.stories.find(s => s.id === removed.id)).toBeUndefined();
    const edited = plan.stories.find(s => s.id === docs.id)!;
    expect(edited).toEqual(expect.objectContaining({ points: 3, sprint: 3 }));
    expect(edited.rule).toEqual(
      expect.arrayContaining([
        expect.stringContaining('edited (was 2)'),
        expect.stringContaining('moved there'),
      ]),
    );
    // Other ids do not shift.
    expect(plan.stories.map(s => s.id)).toEqual(
      base.stories.map(s => s.id).filter(id => id !== removed.id),
    );
    expectConsistent(plan);
  });

  it('refuses points off the scale and unknown stories, saying so', () => {
    const plan = planProject({
      ...mindfulMoments,
      edits: { points: { S01: 4 }, remove: ['S99'], sprint: { S02: 9 } },
    });
    expect(plan.stories.find(s => s.id === 'S01')!.points).toBe(5);
    expect(
      plan.warnings
        .filter(w => w.code === 'edit-ignored')
        .map(w => w.storyId)
        .sort(),
    ).toEqual(['S01', 'S02', 'S99']);
  });
});

describe('planProject edge cases', () => {
  const minimal: ProjectRequirements = {
    name: 'One thing',
    repoOwner: 'acme',
    repoName: 'one-thing',
    timelineWeeks: 1,
    mustHave: ['Terraform for the resource group'],
    startDate: '2026-12-07',
  };

  it('plans one requirement in one week', () => {
    const plan = planProject(minimal);
    expect(plan.sprints).toHaveLength(1);
    expect(plan.sprintWeeks).toBe(1);
    expect(plan.stories).toHaveLength(1);
    expect(plan.stories[0].sprint).toBe(1);
    expect(plan.budget).toBeUndefined();
    expect(plan.annotations['sre-control-center/budget']).toBeUndefined();
    expect(plan.warnings.map(w => w.code)).toEqual([
      'no-budget',
      'no-subscription',
    ]);
  });

  it('plans 50 requirements, scheduling what fits and flagging the rest', () => {
    const mustHave = Array.from(
      { length: 30 },
      (_, i) => `Alert rule number ${i + 1} for the API`,
    );
    const niceToHave = Array.from(
      { length: 20 },
      (_, i) => `Runbook ${i + 1} for known incidents`,
    );
    const plan = planProject({
      ...minimal,
      timelineWeeks: 8,
      mustHave,
      niceToHave,
    });
    expect(plan.stories).toHaveLength(50);
    expect(plan.sprints).toHaveLength(4);
    for (const sprint of plan.sprints)
      expect(sprint.points).toBeLessThanOrEqual(sprint.capacity);
    expect(plan.warnings.filter(w => w.code === 'not-scheduled').length).toBe(
      plan.stories.filter(s => s.sprint === undefined).length,
    );
    expectConsistent(plan);
  });

  it('keeps a duplicate once, as its higher priority', () => {
    const plan = planProject({
      ...minimal,
      mustHave: ['Alerts on errors', 'alerts on errors.'],
      niceToHave: ['Alerts  on errors'],
    });
    expect(plan.stories).toHaveLength(1);
    expect(plan.stories[0].priority).toBe('must-have');
    expect(
      plan.warnings.filter(w => w.code === 'duplicate-requirement'),
    ).toHaveLength(2);
  });

  it('plans non-English requirements and reads a Spanish budget and the subscription', () => {
    const plan = planProject({
      ...minimal,
      name: 'Proyecto Señal',
      timelineWeeks: 3,
      constraints:
        'Presupuesto máximo: 200 EUR al mes. Suscripción 3F2B8C1E-7D4A-4E5B-9C6F-1A2B3C4D5E6F. Plan P1v3.',
      mustHave: [
        'Despliegue automático con GitHub Actions',
        'Alertas de monitorización',
        'Documentación de guardias',
        '日本語の要件',
      ],
    });
    expect(plan.systemName).toBe('proyecto-senal');
    expect(plan.stories.map(s => s.epic)).toEqual([
      'application',
      'cicd',
      'monitoring',
      'documentation',
    ]);
    expect(plan.stories[0].rule[0]).toContain('default epic');
    expect(plan.budget).toEqual(
      expect.objectContaining({ amount: 200, currency: 'EUR' }),
    );
    expect(plan.annotations['sre-control-center/azure-resource-group']).toBe(
      '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-proyecto-senal-dev',
    );
    expect(plan.cost?.overBudget).toEqual([]);
  });

  it('flags a named SKU the price table puts over the budget', () => {
    const plan = planProject({
      ...minimal,
      constraints: 'budget: 50 EUR per month, App Service P1v3',
    });
    expect(plan.cost?.overBudget).toEqual(['P1v3']);
    expect(
      plan.warnings.find(w => w.code === 'over-budget')?.message,
    ).toContain('P1v3 alone costs 110.96 EUR');
  });

  it.each([
    [{ name: ' ' }, /project name/],
    [{ repoOwner: '-acme' }, /GitHub owner/],
    [{ repoName: 'a/b' }, /repository name/],
    [{ timelineWeeks: 0 }, /whole number of weeks/],
    [{ timelineWeeks: 2.5 }, /whole number of weeks/],
    [{ mustHave: [' '] }, /must-have/],
  ])('refuses %p', (patch, message) => {
    expect(() => planProject({ ...minimal, ...patch })).toThrow(message);
  });
});

describe('constraints', () => {
  it.each([
    ['Maximum 120€/month', 120, 'EUR'],
    ['budget: 200 EUR', 200, 'EUR'],
    ['we can spend up to $1,500.50 a month', 1500.5, 'USD'],
    ['presupuesto 1.200 € al mes', 1200, 'EUR'],
  ])('reads %s', (text, amount, currency) => {
    expect(parseBudget(text)).toEqual(
      expect.objectContaining({ amount, currency }),
    );
  });

  it('does not take any price for the budget', () => {
    expect(parseBudget('B1 costs 12 EUR')).toBeUndefined();
    expect(parseAmount('120,5')).toBe(120.5);
  });

  it('names Systems after the project', () => {
    expect(systemNameOf('Mindful Moments - Azure SRE Demo')).toBe(
      'mindful-moments-azure-sre-demo',
    );
  });
});
