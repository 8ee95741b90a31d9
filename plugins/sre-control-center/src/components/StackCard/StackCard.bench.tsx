/*
 * Not a test: bench/stack.js runs this file on its own (the test suite only
 * picks up *.test.tsx) to time the first render of the StackCard in jsdom,
 * next to a bare table of the same rows as the reference. It prints figures
 * and asserts nothing.
 */
// Run by bench/stack.js through jest only, like a test file: devDependencies are what it may use.
// eslint-disable-next-line @backstage/no-undeclared-imports
import { renderInTestApp } from '@backstage/test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { StackSnapshot } from '@sre-control-center/plugin-sre-control-center-common';
import { readFileSync } from 'node:fs';
import { StackCard } from './StackCard';
import { stackSnapshot } from '../../__testUtils__';

const snapshot: StackSnapshot = process.env.STACK_BENCH_SNAPSHOT
  ? JSON.parse(readFileSync(process.env.STACK_BENCH_SNAPSHOT, 'utf8'))
  : stackSnapshot();
const renders = Number(process.env.STACK_BENCH_RENDERS ?? 30);

function Bare() {
  return (
    <table>
      <tbody>
        {snapshot.resources.map(r => (
          <tr key={r.entityRef}>
            <td>{r.name}</td>
            <td>{r.type}</td>
            <td>{r.arm?.state}</td>
            <td>{r.arm?.sku}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

async function time(element: JSX.Element): Promise<number> {
  const started = performance.now();
  const { unmount } = await renderInTestApp(element, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  const took = performance.now() - started;
  unmount();
  return took;
}

function summary(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (n=${
    sorted.length
  })`;
}

jest.setTimeout(300_000);

// A benchmark prints figures instead of asserting them (see bench/README.md).
// eslint-disable-next-line jest/expect-expect
it('times the StackCard render', async () => {
  for (let i = 0; i < 3; i++) {
    await time(<StackCard snapshot={snapshot} />);
    await time(<Bare />);
  }
  const card: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < renders; i++) {
    card.push(await time(<StackCard snapshot={snapshot} />));
    bare.push(await time(<Bare />));
  }
  const sparklines = snapshot.resources.reduce(
    (n, r) => n + r.metrics.length,
    0,
  );
  process.stdout.write(
    `BENCH StackCard (${
      snapshot.resources.length
    } resources, ${sparklines} sparklines, ${
      snapshot.alertRules.length
    } rules): ${summary(card)}\n` +
      `BENCH reference, bare table of the same rows in the same test app: ${summary(
        bare,
      )}\n`,
  );
});
