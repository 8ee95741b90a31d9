import { renderInTestApp } from '@backstage/test-utils';
import { act, fireEvent, screen } from '@testing-library/react';
import { lazyCard } from './lazyCard';

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A chunk import that fails the first time (offline) and loads after. */
const failingOnce = () =>
  jest
    .fn<Promise<typeof Hello>, []>()
    .mockRejectedValueOnce(new Error('Loading chunk 812 failed.'))
    .mockResolvedValue(Hello);

describe('lazyCard', () => {
  it('renders the loaded card with its props', async () => {
    const Card = lazyCard('hello', async () => Hello);
    await renderInTestApp(<Card name="on-call" />);
    expect(await screen.findByText('Hello on-call')).toBeInTheDocument();
  });

  it('shows a failed chunk in place of that card only, and loads it again when the browser is back online', async () => {
    const load = failingOnce();
    const Card = lazyCard('hello', load);
    await renderInTestApp(
      <>
        <p>The alert feed</p>
        <Card name="again" />
      </>,
    );
    expect(
      await screen.findByText(/The hello card could not be loaded/),
    ).toBeInTheDocument();
    expect(screen.getByText('The alert feed')).toBeInTheDocument();
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByText('Hello again')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('loads it again on Retry', async () => {
    const load = failingOnce();
    const Card = lazyCard('hello', load);
    await renderInTestApp(<Card name="retried" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Hello retried')).toBeInTheDocument();
  });
});
