import type { ProjectPlan } from '@sre-control-center/plugin-sre-control-center-common';

/** A small plan in the shape `sre-control-center:plan` outputs. */
export function samplePlan(overrides: Partial<ProjectPlan> = {}): ProjectPlan {
  return {
    version: 1,
    name: 'Mindful Moments - Azure SRE Demo',
    systemName: 'mindful-moments-azure-sre-demo',
    description: 'Guided meditation',
    repository: {
      owner: 'AlbertoLacambra',
      name: 'mindful-moments-infrastructure',
      description: 'Guided meditation',
    },
    owner: 'group:default/sre-owners',
    timelineWeeks: 5,
    sprintWeeks: 2,
    pointsPerSprint: 26,
    budget: { amount: 120, currency: 'EUR', source: 'Maximum 120€/month' },
    annotations: {},
    epics: [
      {
        id: 'infrastructure',
        title: 'Infrastructure',
        rule: 'epic infrastructure',
        features: [
          {
            id: 'infrastructure/foundations',
            epic: 'infrastructure',
            title: 'Infrastructure foundations',
            rule: 'default',
            storyIds: ['S1'],
          },
        ],
      },
      {
        id: 'monitoring',
        title: 'Monitoring and alerting',
        rule: 'epic monitoring',
        features: [
          {
            id: 'monitoring/alerting',
            epic: 'monitoring',
            title: 'Alerting',
            rule: 'alert',
            storyIds: ['S2', 'S3'],
          },
        ],
      },
    ],
    stories: [
      {
        id: 'S1',
        epic: 'infrastructure',
        feature: 'infrastructure/foundations',
        requirement: 'Terraform modules for the whole Azure stack',
        title: 'Terraform modules for the whole Azure stack',
        userStory:
          'As a platform engineer, I want terraform modules for the whole Azure stack, so that the project runs on reproducible, reviewed infrastructure.',
        acceptanceCriteria: ['done'],
        points: 5,
        priority: 'must-have',
        dependsOn: [],
        sprint: 1,
        rule: ['epic infrastructure: matched "terraform"'],
      },
      {
        id: 'S2',
        epic: 'monitoring',
        feature: 'monitoring/alerting',
        requirement: 'Alerts for response time',
        title: 'Alerts for response time',
        userStory:
          'As an SRE, I want alerts for response time, so that problems are seen before users report them.',
        acceptanceCriteria: ['done'],
        points: 3,
        priority: 'must-have',
        dependsOn: ['S1'],
        sprint: 2,
        rule: ['epic monitoring: matched "alerts"'],
      },
      {
        id: 'S3',
        epic: 'monitoring',
        feature: 'monitoring/alerting',
        requirement: 'SMS alerts',
        title: 'SMS alerts',
        userStory: 'As an SRE, I want SMS alerts, so that it is heard.',
        acceptanceCriteria: ['done'],
        points: 13,
        priority: 'nice-to-have',
        dependsOn: ['S1'],
        rule: ['epic monitoring: matched "alerts"'],
      },
    ],
    sprints: [
      {
        number: 1,
        weeks: 2,
        capacity: 26,
        points: 5,
        storyIds: ['S1'],
        title: 'Sprint 1 (weeks 1-2)',
        dueOn: '2026-12-20',
      },
      {
        number: 2,
        weeks: 2,
        capacity: 26,
        points: 3,
        storyIds: ['S2'],
        title: 'Sprint 2 (weeks 3-4)',
        dueOn: '2027-01-03',
      },
    ],
    labels: [],
    warnings: [
      {
        code: 'not-scheduled',
        message: 'S3 (nice-to-have, 13 points) does not fit',
        storyId: 'S3',
      },
    ],
    files: [],
    totals: {
      epics: 2,
      features: 2,
      stories: 3,
      points: 21,
      scheduledPoints: 8,
      mustHavePoints: 8,
    },
    ...overrides,
  };
}
