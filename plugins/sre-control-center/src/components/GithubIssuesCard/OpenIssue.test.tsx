import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { act } from 'react';
import { sreControlCenterApiRef } from '../../api';
import { fakeApi, sampleAlert, TEST_SYSTEM } from '../../__testUtils__';
import { AlertFeedCard } from '../AlertFeedCard';
import { issueList, trackedIssue } from './issueFixtures';

jest.setTimeout(20_000);

const other = {
  ...sampleAlert,
  id: `${sampleAlert.id.slice(0, -1)}2`,
  name: 'alert-http-5xx',
};

async function renderFeed(api: ReturnType<typeof fakeApi>) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [
          permissionApiRef,
          mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
        ],
      ]}
    >
      <AlertFeedCard entityRef={TEST_SYSTEM} />
    </TestApiProvider>,
  );
}

describe('GitHub issues in the alert feed', () => {
  it('shows the linked issue as a chip on the row and in the drawer', async () => {
    const api = fakeApi([sampleAlert, other]);
    api.issueState.list = issueList([trackedIssue()]);
    await renderFeed(api);
    const row = await waitFor(() => {
      const el = document.querySelector(`[data-alert-id="${sampleAlert.id}"]`);
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    await waitFor(() =>
      expect(
        within(row).getByLabelText(/GitHub issue #9 open/),
      ).toBeInTheDocument(),
    );
    fireEvent.click(
      within(row).getByRole('button', { name: sampleAlert.name }),
    );
    const drawer = await screen.findByRole('dialog', {
      name: `Alert ${sampleAlert.name}`,
    });
    expect(
      within(drawer).getByLabelText(/GitHub issue #9 open/),
    ).toHaveAttribute('href', trackedIssue().url);
    // An alert with an issue offers no second one.
    expect(
      within(drawer).queryByRole('button', { name: 'Open issue' }),
    ).toBeNull();
  });

  it('opens an issue from the drawer once, however often it is clicked, and shows its chip', async () => {
    const api = fakeApi([sampleAlert, other]);
    let calls = 0;
    api.issueState.open = async () => {
      calls += 1;
      return {
        created: true,
        issue: {
          number: 31,
          url: 'https://github.com/mindful-moments/mindful-moments/issues/31',
          state: 'open',
          title: '[Alert] alert-http-5xx (Sev2)',
        },
      };
    };
    await renderFeed(api);
    const name = await screen.findByRole('button', { name: other.name });
    fireEvent.click(name);
    const drawer = await screen.findByRole('dialog', {
      name: `Alert ${other.name}`,
    });
    expect(
      within(drawer).getByText('No GitHub issue is linked to this alert.'),
    ).toBeInTheDocument();
    const button = await waitFor(() => {
      const b = within(drawer).getByRole('button', { name: 'Open issue' });
      expect(b).toBeEnabled();
      return b;
    });
    act(() => {
      fireEvent.click(button);
      fireEvent.click(button);
    });
    await waitFor(() =>
      expect(
        within(drawer).getByLabelText(/GitHub issue #31 open/),
      ).toBeInTheDocument(),
    );
    expect(calls).toBe(1);
    expect(api.requests).toContainEqual({ openIssue: other.id });
  });
});
