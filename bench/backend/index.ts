/*
 * The backend the benchmarks start: every feature packages/backend/src/index.ts
 * adds (read from that file, so the two cannot drift apart), plus the
 * bench-noop plugin, a reference route that does nothing but read the body.
 * Run through Backstage's own TypeScript loader, like `backstage-cli package
 * start` runs the real one (see bench/lib.js startBackend).
 */
import { createBackend } from '@backstage/backend-defaults';
import fs from 'node:fs';
import path from 'node:path';
import { benchNoopPlugin } from './noopPlugin';

const productionEntry = path.resolve(
  __dirname,
  '../../packages/backend/src/index.ts',
);

/** The module specifiers of `backend.add(import('...'))` calls, in order. */
function productionFeatures(): string[] {
  const source = fs.readFileSync(productionEntry, 'utf8');
  const adds = source.match(/backend\.add\(/g)?.length ?? 0;
  const specifiers = [
    ...source.matchAll(/backend\.add\(\s*import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map(m => m[1]);
  if (specifiers.length !== adds || adds === 0) {
    // Something other than `backend.add(import('x'))`: copying only part of
    // the production backend would make the benchmark lie.
    throw new Error(
      `bench/backend: understood ${specifiers.length} of ${adds} backend.add() calls in ${productionEntry}; update bench/backend/index.ts`,
    );
  }
  // Relative modules are resolved to their file (ESM import() adds no .ts).
  return specifiers.map(s =>
    s.startsWith('.')
      ? require.resolve(path.resolve(path.dirname(productionEntry), s))
      : s,
  );
}

const backend = createBackend();
for (const specifier of productionFeatures()) {
  backend.add(import(specifier));
}
backend.add(benchNoopPlugin);
backend.start();
