import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// findBy*/waitFor wait for a condition; on a busy 2-core machine the first
// render of a card can take longer than the 1 s default.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no ResizeObserver; recharts' ResponsiveContainer needs one (it
// then measures 0 × 0 and draws nothing, which the cards' tests accept).
if (!('ResizeObserver' in globalThis)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(globalThis, { ResizeObserver });
}
