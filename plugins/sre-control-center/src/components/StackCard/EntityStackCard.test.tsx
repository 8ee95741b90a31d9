import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { act, screen, within } from '@testing-library/react';
import { sreControlCenterApiRef } from '../../api';
import {
  TEST_SYSTEM,
  fakeApi,
  fakeSignals,
  mindfulMomentsResources,
  mindfulMomentsSystemWithParts,
  stackSnapshot,
} from '../../__testUtils__';
import { EntityStackCard } from './EntityStackCard';

async function renderCard(api: ReturnType<typeof fakeApi>) {
  const signals = fakeSignals();
  await renderInTestApp(
    <TestApiProvider
      apis={[
        [sreControlCenterApiRef, api],
        [signalApiRef, signals.api],
        [catalogApiRef, catalogApiMock({ entities: mindfulMomentsResources })],
      ]}
    >
      <EntityStackCard entity={mindfulMomentsSystemWithParts} />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return signals;
}

describe('EntityStackCard', () => {
  it('lists the catalog Resources until the first snapshot, then the live stack when the backend signals it', async () => {
    const api = fakeApi();
    const signals = await renderCard(api);
    expect(screen.getByText('Azure stack')).toBeInTheDocument();
    // Where the stack lives, from the System's annotations, as links.
    expect(
      screen.getByRole('link', { name: /^rg-mindful-moments-dev/ }),
    ).toHaveAttribute(
      'href',
      expect.stringContaining(
        'portal.azure.com/#resource/subscriptions/3f2b8c1e-7d4a-4e5b-9c6f-1a2b3c4d5e6f/resourceGroups/rg-mindful-moments-dev',
      ),
    );
    expect(
      screen.getByRole('link', { name: /^mindful-moments\/mindful-moments/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/mindful-moments/mindful-moments',
    );
    const catalogTable = await screen.findByRole('table', {
      name: 'Provisioned resources',
    });
    expect(
      within(catalogTable).getByRole('link', {
        name: 'psql-mindful-moments-dev',
      }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/psql-mindful-moments-dev',
    );
    expect(screen.queryByRole('region', { name: 'Alert wiring' })).toBeNull();

    api.stackState.snapshot = stackSnapshot();
    act(() => signals.push({ type: 'stack.changed', entityRef: TEST_SYSTEM }));
    expect(
      await screen.findByRole('region', { name: 'Alert wiring' }),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Provisioned resources' });
    expect(
      within(table).getByTestId('sparkline-HttpResponseTime'),
    ).toBeInTheDocument();
    expect(api.requests.filter(r => 'stack' in (r as object))).toHaveLength(2);
  });
});
