import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  TestApiProvider,
  mockApis,
  renderInTestApp,
} from '@backstage/test-utils';
import type {
  Alert,
  Page,
} from '@sre-control-center/plugin-sre-control-center-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sreControlCenterApiRef, type ListAlertsRequest } from '../../api';
import { fakeApi, sampleAlert } from '../../__testUtils__';
import { AlertFeedCard } from './AlertFeedCard';
import { ROW_HEIGHT, VISIBLE_ROWS } from './AlertList';

// Each select re-renders the card: slow on a busy machine.
jest.setTimeout(20_000);

const RG =
  '/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourcegroups/rg-mindful-moments-dev/providers';
const SITE = `${RG}/microsoft.web/sites/app-mindful-moments-dev`;
const DB = `${RG}/microsoft.dbforpostgresql/flexibleservers/psql-mindful-moments-dev`;

function alert(n: number, overrides: Partial<Alert> = {}): Alert {
  const at = new Date(Date.UTC(2026, 10, 28, 0, n)).toISOString();
  return {
    ...sampleAlert,
    id: `a${String(n).padStart(5, '0')}`,
    name: `alert-${n}`,
    firedAt: at,
    updatedAt: at,
    ...overrides,
  };
}

async function renderCard(api: ReturnType<typeof fakeApi>) {
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <AlertFeedCard entityRef="system:default/mindful-moments" />
    </TestApiProvider>,
  );
}

const table = () => screen.getByRole('table', { name: 'Alerts' });
const shownNames = () =>
  within(table())
    .getAllByRole('row')
    .slice(1)
    .map(r => within(r).getByRole('button', { name: /^alert-/ }).textContent);

describe('AlertFeedCard filters', () => {
  it('filters by severity and state on the backend and by resource on screen', async () => {
    const api = fakeApi([
      alert(4, { severity: 'Sev1', targetResourceId: SITE }),
      alert(3, { severity: 'Sev1', targetResourceId: DB }),
      alert(2, { severity: 'Sev3', targetResourceId: SITE, state: 'Closed' }),
      alert(1, { severity: 'Sev1', targetResourceId: SITE, state: 'Closed' }),
    ]);
    await renderCard(api);
    await waitFor(() =>
      expect(shownNames()).toEqual([
        'alert-4',
        'alert-3',
        'alert-2',
        'alert-1',
      ]),
    );

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Severity' }),
      'Sev1',
    );
    await waitFor(() =>
      expect(shownNames()).toEqual(['alert-4', 'alert-3', 'alert-1']),
    );
    expect(api.requests).toContainEqual(
      expect.objectContaining({ severity: 'Sev1' }),
    );

    // The resource options come from the loaded alerts, by name.
    const resource = screen.getByRole('combobox', { name: 'Resource' });
    expect(
      within(resource)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual([
      'All resources',
      'app-mindful-moments-dev',
      'psql-mindful-moments-dev',
    ]);
    const requestsBefore = api.requests.length;
    await userEvent.selectOptions(resource, SITE);
    await waitFor(() => expect(shownNames()).toEqual(['alert-4', 'alert-1']));
    expect(api.requests).toHaveLength(requestsBefore);

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'State' }),
      'Closed',
    );
    await waitFor(() => expect(shownNames()).toEqual(['alert-1']));
    expect(api.requests[api.requests.length - 1]).toMatchObject({
      state: 'Closed',
      severity: 'Sev1',
    });
    expect(screen.getByText(/1 of \d+ loaded/)).toBeInTheDocument();

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Severity' }),
      'Sev0',
    );
    expect(
      await screen.findByText(/No alerts match these filters/),
    ).toBeInTheDocument();

    for (const name of ['Severity', 'State', 'Resource']) {
      await userEvent.selectOptions(screen.getByRole('combobox', { name }), '');
    }
    await waitFor(() => expect(shownNames()).toHaveLength(4));
  });
});

describe('AlertFeedCard with 10,000 alerts', () => {
  it('renders only the rows in view and loads older pages when scrolled to the end', async () => {
    const all = Array.from({ length: 10_000 }, (_, i) => alert(i + 1));
    all.reverse(); // newest first, as the API sorts
    const base = fakeApi();
    const requests: ListAlertsRequest[] = [];
    const api = {
      ...base,
      async listAlerts(request: ListAlertsRequest): Promise<Page<Alert>> {
        requests.push(request);
        const start = Number(request.cursor ?? 0);
        const end = start + (request.limit ?? 50);
        return {
          items: all.slice(start, end),
          nextCursor: end < all.length ? String(end) : null,
        };
      },
    };
    await renderCard(api as ReturnType<typeof fakeApi>);
    await waitFor(() =>
      expect(table()).toHaveAttribute('aria-rowcount', '201'),
    );
    const rows = within(table()).getAllByRole('row');
    // Header plus the rows in view and a few more: not 200, let alone 10,000.
    expect(rows.length).toBeLessThan(25);
    expect(rows[1]).toHaveTextContent('alert-10000');
    expect(requests).toHaveLength(1);

    // Scroll to the bottom of the 200 loaded: the next page is fetched.
    const scroller = within(table()).getAllByRole('rowgroup')[1].parentElement!;
    // jsdom does no layout: give the scroller the sizes a browser would.
    Object.defineProperties(scroller, {
      clientHeight: { value: VISIBLE_ROWS * ROW_HEIGHT },
      scrollHeight: { value: 200 * ROW_HEIGHT },
    });
    scroller.scrollTop = (200 - VISIBLE_ROWS) * ROW_HEIGHT;
    fireEvent.scroll(scroller);
    await waitFor(() =>
      expect(table()).toHaveAttribute('aria-rowcount', '401'),
    );
    expect(requests[1]).toMatchObject({ cursor: '200', limit: 200 });
    expect(within(table()).getAllByRole('row').length).toBeLessThan(25);
  });
});
