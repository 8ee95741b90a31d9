import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { parse } from 'yaml';
import { mindfulMoments } from './planner/__fixtures__/mindfulMoments';
import { planProject } from './planner/planProject';
import scaffolderModule from './index';

jest.setTimeout(60_000);

const TEMPLATE_FILE = resolve(
  __dirname,
  '../../../templates/new-project/template.yaml',
);
const template = parse(readFileSync(TEMPLATE_FILE, 'utf8'));

/** What scripts and other plugins send, with the parameter names. */
const { startDate: _, ...values } = mindfulMoments;

describe('template:default/new-project', () => {
  it('asks for the documented parameters, validated in the form', () => {
    const properties = Object.assign(
      {},
      ...template.spec.parameters.map(
        (p: { properties: object }) => p.properties,
      ),
    );
    for (const name of [
      'name',
      'description',
      'repoOwner',
      'repoName',
      'timelineWeeks',
      'constraints',
      'mustHave',
      'niceToHave',
    ])
      expect(properties).toHaveProperty(name);
    expect(
      template.spec.parameters.flatMap(
        (p: { required?: string[] }) => p.required ?? [],
      ),
    ).toEqual(
      expect.arrayContaining([
        'name',
        'repoOwner',
        'repoName',
        'timelineWeeks',
        'mustHave',
      ]),
    );
    expect(properties.timelineWeeks).toEqual(
      expect.objectContaining({ type: 'integer', minimum: 1 }),
    );
    expect(properties.mustHave.minItems).toBe(1);
    const owner = new RegExp(properties.repoOwner.pattern, 'u');
    expect(owner.test('AlbertoLacambra')).toBe(true);
    expect(owner.test('-bad')).toBe(false);
    expect(new RegExp(properties.repoName.pattern, 'u').test('a/b')).toBe(
      false,
    );
  });

  describe('dry run through the scaffolder backend with this module', () => {
    let backend: Awaited<ReturnType<typeof startTestBackend>>;
    let url: string;

    beforeAll(async () => {
      backend = await startTestBackend({
        features: [
          scaffolderPlugin,
          scaffolderModule,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              integrations: {
                github: [
                  {
                    host: 'github.com',
                    // Nothing listens here: a dry run must not call GitHub.
                    apiBaseUrl: 'http://127.0.0.1:9',
                    token: 'unused',
                  },
                ],
              },
            },
          }),
        ],
      });
      url = `http://127.0.0.1:${backend.server.port()}/api/scaffolder`;
    });
    afterAll(() => backend?.stop());

    const dryRun = (body: object) =>
      fetch(`${url}/v2/dry-run`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.user.header(),
        },
        body: JSON.stringify(body),
      });

    it('lists the actions the template uses', async () => {
      const res = await fetch(`${url}/v2/actions`, {
        headers: { authorization: mockCredentials.user.header() },
      });
      const actions: Array<{ id: string }> = await res.json();
      const ids = actions.map(a => a.id);
      for (const step of template.spec.steps)
        expect(ids).toContain(step.action);
    });

    it('runs every step with the template inputs and outputs the plan', async () => {
      const res = await dryRun({
        template,
        values: { ...values, startDate: '2026-12-07' },
        secrets: {},
        directoryContents: [],
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      const plan = planProject(mindfulMoments);
      // The plan action got every input with its type (numbers, arrays).
      expect(body.output.plan).toEqual(JSON.parse(JSON.stringify(plan)));
      expect(body.output.systemName).toBe('mindful-moments-azure-sre-demo');
      expect(body.output.links[0].url).toBe(
        '/catalog/default/system/mindful-moments-azure-sre-demo/control-center',
      );
      const messages: string[] = body.log.map(
        (l: { body: { message: string } }) => l.body.message,
      );
      expect(messages.join('\n')).toContain(
        'Dry run: would create https://github.com/AlbertoLacambra/mindful-moments-infrastructure',
      );
      // catalog:register has no dry run; it is skipped, not failed.
      expect(messages.join('\n')).toMatch(
        /Skipping because catalog:register does not support dry-run/,
      );
      expect(body.steps.map((s: { id: string }) => s.id)).toEqual([
        'plan',
        'project',
        'existing',
        'register',
      ]);
    });

    it('applies edits from the preview', async () => {
      const res = await dryRun({
        template,
        values: {
          ...values,
          startDate: '2026-12-07',
          edits: { remove: ['S22'], points: { S01: 8 } },
        },
        secrets: {},
        directoryContents: [],
      });
      const body = await res.json();
      expect(
        body.output.plan.stories.map((s: { id: string }) => s.id),
      ).not.toContain('S22');
      expect(body.output.plan.stories[0].points).toBe(8);
    });

    it('refuses values the form would refuse', async () => {
      const res = await dryRun({
        template,
        values: { ...values, timelineWeeks: 0, repoOwner: 'not/an owner' },
        secrets: {},
        directoryContents: [],
      });
      expect(res.status).toBe(400);
    });
  });
});
