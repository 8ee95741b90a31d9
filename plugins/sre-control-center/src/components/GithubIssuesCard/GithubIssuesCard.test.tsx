import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, fakeSignals, TEST_SYSTEM } from '../../__testUtils__';
import { GithubIssuesCard } from './GithubIssuesCard';
import { issueList, trackedIssue } from './issueFixtures';

jest.setTimeout(20_000);

async function renderCard(api: ReturnType<typeof fakeApi>) {
  const signals = fakeSignals();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [signalApiRef, signals.api],
      ]}
    >
      <GithubIssuesCard entityRef={TEST_SYSTEM} />
    </TestApiProvider>,
  );
  return signals;
}

describe('GithubIssuesCard', () => {
  it('lists open issues first, then recently closed, with badges and alert chips', async () => {
    const api = fakeApi();
    api.issueState.list = issueList([
      trackedIssue(),
      trackedIssue({
        number: 4,
        title: 'Opened from the portal',
        origin: 'portal',
        author: 'sre-control-center[bot]',
        state: 'closed',
        closedAt: '2026-11-28T12:00:00.000Z',
        alerts: [],
      }),
    ]);
    await renderCard(api);
    const open = await screen.findByRole('list', { name: 'Open issues' });
    expect(within(open).getByText(/#9 \[SRE Agent\]/)).toBeInTheDocument();
    expect(within(open).getByText('from the SRE agent')).toBeInTheDocument();
    expect(
      within(open).getByLabelText('Alert alert-high-response-time'),
    ).toBeInTheDocument();
    const closed = screen.getByRole('list', { name: 'Closed issues' });
    expect(within(closed).getByText('opened here')).toBeInTheDocument();
    expect(screen.getByText(/Closed in the last 30 days/)).toBeInTheDocument();
  });

  it('names the annotation when the System has no repository', async () => {
    const api = fakeApi();
    api.issueState.list = issueList([], { repository: null, syncedAt: null });
    await renderCard(api);
    expect(
      await screen.findByText('github.com/project-slug'),
    ).toBeInTheDocument();
  });

  it('keeps the last issues with the last sync time and the error when GitHub fails', async () => {
    const api = fakeApi();
    api.issueState.list = issueList([trackedIssue()], {
      lastError: 'API rate limit exceeded',
    });
    await renderCard(api);
    expect(
      await screen.findByText(/Reading GitHub failed: API rate limit exceeded/),
    ).toHaveTextContent(/Issues as of/);
    expect(screen.getByText(/#9 \[SRE Agent\]/)).toBeInTheDocument();
  });

  it('reloads when the backend pushes issues.changed', async () => {
    const api = fakeApi();
    api.issueState.list = issueList([]);
    const signals = await renderCard(api);
    await screen.findByText(/No issues from the SRE agent/);
    api.issueState.list = issueList([
      trackedIssue({ number: 12, title: 'New one' }),
    ]);
    act(() => signals.push({ type: 'issues.changed', entityRef: TEST_SYSTEM }));
    await waitFor(() =>
      expect(screen.getByText('#12 New one')).toBeInTheDocument(),
    );
  });
});
