import { useAppLocation } from '@backstage/frontend-plugin-api';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { scaffolderApiRef } from '@backstage/plugin-scaffolder-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { samplePlan } from './__fixtures__/plan';
import { NewProjectPage } from './NewProjectPage';

const template = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'new-project', namespace: 'default' },
  spec: { type: 'project', parameters: [], steps: [] },
};

function scaffolder() {
  return {
    dryRun: jest.fn(async (request: { values: Record<string, unknown> }) => {
      const edits = request.values.edits as
        | { points?: Record<string, number>; remove?: string[] }
        | undefined;
      const plan = samplePlan();
      plan.stories = plan.stories
        .filter(s => !edits?.remove?.includes(s.id))
        .map(s => ({ ...s, points: edits?.points?.[s.id] ?? s.points }));
      plan.epics = plan.epics.map(e => ({
        ...e,
        features: e.features.map(f => ({
          ...f,
          storyIds: f.storyIds.filter(id => !edits?.remove?.includes(id)),
        })),
      }));
      return { output: { plan }, log: [], steps: [], directoryContents: [] };
    }),
    scaffold: jest.fn(async () => ({ taskId: 'task-1' })),
  };
}

function Where() {
  return <output aria-label="location">{useAppLocation().pathname}</output>;
}

async function renderPage(api = scaffolder(), search = '') {
  await renderInTestApp(
    <>
      <NewProjectPage />
      <Where />
    </>,
    {
      apis: [
        [scaffolderApiRef, api as never],
        [catalogApiRef, catalogApiMock({ entities: [template as never] })],
      ],
      ...(search && { initialRouteEntries: [`/${search}`] }),
    },
  );
  return api;
}

const field = (label: RegExp) => screen.getByLabelText(label);

// One change event per field: typing key by key re-renders MUI for every character.
const typeInto = (label: RegExp, value: string) =>
  fireEvent.change(field(label), { target: { value } });

function fillIn() {
  typeInto(/Project name/, 'Mindful Moments - Azure SRE Demo');
  typeInto(/Repository owner/, 'AlbertoLacambra');
  typeInto(/Repository name/, 'mindful-moments-infrastructure');
  typeInto(/Timeline, weeks/, '5');
  typeInto(/Constraints/, 'Maximum 120€/month');
  typeInto(
    /Must-have requirements/,
    'Terraform modules for the whole Azure stack\nAlerts for response time',
  );
  typeInto(/Nice-to-have requirements/, 'SMS alerts');
  return userEvent.setup();
}

jest.setTimeout(60_000);

describe('NewProjectPage (/projects/new)', () => {
  it('validates before anything is sent', async () => {
    const api = await renderPage();
    const user = userEvent.setup();
    typeInto(/Repository owner/, '-bad-');
    typeInto(/Repository name/, 'a/b');
    typeInto(/Timeline, weeks/, '2.5');
    await user.click(screen.getByRole('button', { name: 'Preview plan' }));
    expect(screen.getAllByText('Required')).toHaveLength(1);
    expect(screen.getByText(/A GitHub user or organisation:/)).toBeVisible();
    expect(screen.getByText(/Letters, digits, '.', '-' or '_'/)).toBeVisible();
    expect(screen.getByText(/A whole number of weeks/)).toBeVisible();
    expect(screen.getByText(/At least one must-have/)).toBeVisible();
    expect(api.dryRun).not.toHaveBeenCalled();
    expect(
      screen.getByRole('button', { name: 'Create project' }),
    ).toBeDisabled();
  });

  it('previews the plan from the template dry run, edits it and creates it', async () => {
    const api = await renderPage();
    const user = fillIn();
    await user.click(screen.getByRole('button', { name: 'Preview plan' }));

    expect(
      await screen.findByText(/Plan: 2 epics, 2 features, 3 stories/),
    ).toBeVisible();
    expect(api.dryRun).toHaveBeenCalledWith(
      expect.objectContaining({
        template: expect.objectContaining({ kind: 'Template' }),
        values: {
          name: 'Mindful Moments - Azure SRE Demo',
          repoOwner: 'AlbertoLacambra',
          repoName: 'mindful-moments-infrastructure',
          timelineWeeks: 5,
          constraints: 'Maximum 120€/month',
          mustHave: [
            'Terraform modules for the whole Azure stack',
            'Alerts for response time',
          ],
          niceToHave: ['SMS alerts'],
        },
      }),
    );
    const s2 = screen.getByTestId('story-S2');
    expect(within(s2).getByText('S1')).toBeVisible(); // depends on
    expect(within(s2).getByText(/Rule: epic monitoring/)).toBeVisible();
    expect(
      screen.getByText(/S3 \(nice-to-have, 13 points\) does not fit/),
    ).toBeVisible();
    expect(screen.getByText('Sprint 1 (weeks 1-2)')).toBeVisible();

    // Change points, then remove a story: each edit re-plans.
    await user.click(within(s2).getByLabelText('Points of S2'));
    await user.click(await screen.findByRole('option', { name: '5' }));
    await waitFor(() =>
      expect(api.dryRun).toHaveBeenLastCalledWith(
        expect.objectContaining({
          values: expect.objectContaining({ edits: { points: { S2: 5 } } }),
        }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Remove S3' }));
    await waitFor(() => expect(screen.queryByTestId('story-S3')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Create project' }));
    await waitFor(() => expect(api.scaffold).toHaveBeenCalled());
    expect(api.scaffold).toHaveBeenCalledWith({
      templateRef: 'template:default/new-project',
      values: expect.objectContaining({
        repoName: 'mindful-moments-infrastructure',
        edits: { points: { S2: 5 }, remove: ['S3'] },
      }),
    });
    // On to the scaffolder's task page.
    await waitFor(() =>
      expect(screen.getByLabelText('location')).toHaveTextContent(
        '/create/tasks/task-1',
      ),
    );
  });

  it('pre-fills from ?formData like the template form', async () => {
    const formData = encodeURIComponent(
      JSON.stringify({
        name: 'From a script',
        repoOwner: 'acme',
        mustHave: ['One', 'Two'],
        timelineWeeks: 3,
      }),
    );
    await renderPage(scaffolder(), `?formData=${formData}`);
    expect(field(/Project name/)).toHaveValue('From a script');
    expect(field(/Must-have requirements/)).toHaveValue('One\nTwo');
    expect(field(/Timeline, weeks/)).toHaveValue('3');
  });
});
