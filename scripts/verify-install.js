#!/usr/bin/env node
/*
 * Proves that an adopter can install the plugin packages: builds and packs
 * them with `yarn pack` as they would be published, creates a minimal
 * Backstage app and backend on the repository's Backstage release in a
 * temporary folder, adds the tarballs (file: dependencies), installs, and then
 * type-checks (`tsc`, and create-app's `tsc:full`, which checks the packed
 * .d.ts files too), starts the backend and builds the app.
 *
 * The app uses the new frontend system (createApp with the plugin's `/alpha`
 * default export); a second file, type-checked only, uses the legacy
 * `EntityLayout.Route`. The TypeScript of both and of the backend's
 * `backend.add(...)` lines is taken from the plugins' README.md files, so the
 * snippets adopters are told to use are the ones checked.
 *
 * Versions: every `@backstage/*` dependency is the one of
 * packages/app/package.json and packages/backend/package.json, the root
 * `resolutions` are the repository's, and the repository's yarn.lock seeds the
 * adopter's lockfile (create-app seeds its lockfile from the release manifest
 * in the same way; without a seed, ranges drift into whatever was published
 * last). The install uses the repository's Yarn release and its global cache.
 *
 * Not part of `npm test`: it takes about 4 minutes (docs/development.md).
 *
 *   node scripts/verify-install.js [--keep] [--skip-tsc]
 *     --keep      keep the temporary folder (printed at the end)
 *     --skip-tsc  do not run `yarn tsc` at the root first (dist-types is fresh)
 */
'use strict';

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
const KEEP = process.argv.includes('--keep');
const SKIP_TSC = process.argv.includes('--skip-tsc');

/** The packages an adopter installs, in the order they are packed. */
const PLUGINS = [
  'plugins/sre-control-center-common',
  'plugins/sre-control-center',
  'plugins/sre-control-center-backend',
  'plugins/catalog-backend-module-sre-control-center',
  'plugins/scaffolder-backend-module-sre-control-center',
];

const readJson = file => JSON.parse(fs.readFileSync(file, 'utf8'));
const repoApp = readJson(path.join(ROOT, 'packages/app/package.json'));
const repoBackend = readJson(path.join(ROOT, 'packages/backend/package.json'));
const repoRoot = readJson(path.join(ROOT, 'package.json'));

/** The Node (22+) to run everything with, and its headers for node-gyp. */
function resolveNode() {
  const candidates = [
    process.execPath,
    path.join(
      ROOT,
      '.tools/node22/node_modules/node/node_modules',
      `node-${process.platform}-${process.arch}`,
      'bin/node',
    ),
  ];
  for (const bin of candidates) {
    const res = spawnSync(bin, ['-p', 'process.versions.node'], {
      encoding: 'utf8',
    });
    if (res.status === 0 && Number(res.stdout.split('.')[0]) >= 22) {
      const dir = path.dirname(path.dirname(bin));
      const headers = fs.existsSync(path.join(dir, 'include', 'node'));
      return { bin, nodedir: headers ? dir : undefined };
    }
  }
  throw new Error(
    'no Node 22+: run `node scripts/toolchain.js env` first (see docs/development.md)',
  );
}

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-verify-install-'));
const TARBALLS = path.join(TMP, 'tarballs');
const APP = path.join(TMP, 'adopter');
const LOGS = path.join(TMP, 'logs');
fs.mkdirSync(TARBALLS);
fs.mkdirSync(LOGS);

let node;
let env;

function setupEnv() {
  node = resolveNode();
  const bin = path.join(TMP, 'bin');
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, 'yarn'),
    `#!/bin/sh\nexec "${node.bin}" "${YARN}" "$@"\n`,
    { mode: 0o755 },
  );
  env = {};
  for (const [key, value] of Object.entries(process.env)) {
    // What a surrounding `yarn run` or `npm run` passes down would point Yarn
    // at this repository.
    if (/^(npm_|YARN_|BERRY_)/i.test(key)) continue;
    if (['PROJECT_CWD', 'INIT_CWD', 'NODE_OPTIONS'].includes(key)) continue;
    env[key] = value;
  }
  env.PATH = [path.dirname(node.bin), bin, process.env.PATH].join(
    path.delimiter,
  );
  env.YARN_ENABLE_IMMUTABLE_INSTALLS = 'false';
  env.YARN_ENABLE_TELEMETRY = '0';
  env.YARN_ENABLE_PROGRESS_BARS = 'false';
  if (node.nodedir) env.npm_config_nodedir = node.nodedir;
  delete env.CI; // CI makes Yarn's install immutable
}

/** Runs a command, its output going to logs/<name>.log; rejects on a non-zero exit. */
function run(name, cmd, args, { cwd, timeoutMs = 15 * 60 * 1000 } = {}) {
  const logFile = path.join(LOGS, `${name}.log`);
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(out, `$ (cd ${cwd}; ${cmd} ${args.join(' ')})\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env,
      stdio: ['ignore', out, out],
      detached: true,
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', err => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      fs.closeSync(out);
      if (code === 0) resolve();
      else reject(new Error(`exit ${code ?? signal}: ${tail(logFile)}`));
    });
  });
}

const yarn = (name, args, opts) => run(name, node.bin, [YARN, ...args], opts);

/** The error lines of a log (at most 12), else its last lines. */
function tail(file, lines = 25) {
  const text = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8').replace(/\x1b\[[0-9;]*m/g, '')
    : '';
  const all = text.trimEnd().split('\n');
  const errors = all.filter(l => /\berror\b|×|not found|cannot find/i.test(l));
  const shown = errors.length > 0 ? errors.slice(0, 12) : all.slice(-lines);
  return `\n      ${shown.join('\n      ')}\n      (log: ${file})`;
}

/** Children still running, stopped when this script is interrupted. */
const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child);
    console.log(`[verify-install] interrupted; temp folder left: ${TMP}`);
    process.exit(130);
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------------------
// Steps

const results = [];

async function step(name, fn, { needs = [] } = {}) {
  const missing = needs.filter(
    n => !results.some(r => r.name === n && r.status !== 'SKIP' && r.usable),
  );
  if (missing.length > 0) {
    results.push({ name, status: 'SKIP', seconds: 0, usable: false });
    console.log(`[verify-install] ${name}: SKIP (needs ${missing.join(', ')})`);
    return;
  }
  console.log(`[verify-install] ${name} ...`);
  const started = Date.now();
  const result = { name, status: 'PASS', usable: true };
  try {
    const note = await fn();
    if (note) result.note = note;
  } catch (err) {
    result.status = 'FAIL';
    result.note = err.message;
    // A failed check that still leaves something to build on (tarballs whose
    // manifest is wrong) lets the later steps show what else breaks.
    result.usable = Boolean(err.usable);
  }
  result.seconds = (Date.now() - started) / 1000;
  results.push(result);
  console.log(
    `[verify-install] ${name}: ${result.status} (${result.seconds.toFixed(
      1,
    )} s)${result.note ? ` - ${result.note}` : ''}`,
  );
}

function usableFailure(message) {
  const err = new Error(message);
  err.usable = true;
  return err;
}

/** Packages whose dist/ this script created (removed again at the end). */
const builtDist = [];

async function buildPlugins() {
  for (const dir of PLUGINS) {
    const dist = path.join(ROOT, dir, 'dist');
    if (!fs.existsSync(dist)) builtDist.push(dist);
    await yarn('build', ['backstage-cli', 'package', 'build'], {
      cwd: path.join(ROOT, dir),
    });
  }
}

/** name -> tarball path */
const tarballs = new Map();

async function packPlugins() {
  for (const dir of PLUGINS) {
    const { name } = readJson(path.join(ROOT, dir, 'package.json'));
    const file = path.join(
      TARBALLS,
      `${name.replace(/^@/, '').replace(/\//g, '-')}.tgz`,
    );
    await yarn('pack', ['pack', '--out', file], {
      cwd: path.join(ROOT, dir),
    });
    tarballs.set(name, file);
  }
}

/** Every file a packed manifest points at must be in its tarball. */
function checkTarballs() {
  const problems = [];
  for (const [name, file] of tarballs) {
    const list = spawnSync('tar', ['-tzf', file], { encoding: 'utf8' });
    const files = new Set(
      list.stdout
        .split('\n')
        .filter(Boolean)
        .map(f => f.replace(/^package\//, '')),
    );
    const manifest = JSON.parse(
      spawnSync('tar', ['-xzf', file, '-O', 'package/package.json'], {
        encoding: 'utf8',
      }).stdout,
    );
    const targets = [];
    for (const field of ['main', 'module', 'types', 'browser']) {
      if (typeof manifest[field] === 'string') {
        targets.push([field, manifest[field]]);
      }
    }
    const walk = (value, where) => {
      if (typeof value === 'string') targets.push([where, value]);
      else if (Array.isArray(value)) value.forEach(v => walk(v, where));
      else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          // `backstage-cli package prepack` adds a "backstage" condition that
          // names the export's kind (@backstage/FrontendPlugin), not a file.
          if (k !== 'backstage') walk(v, `${where}["${k}"]`);
        }
      }
    };
    walk(manifest.exports, 'exports');
    walk(manifest.typesVersions, 'typesVersions');
    for (const [where, target] of targets) {
      const rel = path.posix.normalize(target).replace(/^\.\//, '');
      if (!files.has(rel)) {
        problems.push(`${name}: ${where} -> ${target} is not in the tarball`);
      }
    }
    for (const kind of ['dependencies', 'peerDependencies']) {
      for (const [dep, range] of Object.entries(manifest[kind] ?? {})) {
        if (/^(workspace|link|portal|file):/.test(range)) {
          problems.push(`${name}: ${kind}.${dep} is "${range}"`);
        }
      }
    }
    if (manifest.configSchema && !files.has(manifest.configSchema)) {
      problems.push(`${name}: configSchema ${manifest.configSchema} missing`);
    }
  }
  if (problems.length > 0) {
    throw usableFailure(`\n      ${problems.join('\n      ')}`);
  }
  return `${tarballs.size} tarballs, every entry point present`;
}

// --- the adopter's project --------------------------------------------------

/** The ```ts/tsx block of a README whose first line is `// <file>` (all of them). */
function readmeSnippets(readme, file) {
  const text = fs.readFileSync(path.join(ROOT, readme), 'utf8');
  const blocks = [...text.matchAll(/```tsx?\n([\s\S]*?)```/g)].map(m => m[1]);
  const found = blocks.filter(b => b.split('\n')[0].trim() === `// ${file}`);
  if (found.length === 0) {
    throw new Error(`${readme} has no code block starting with // ${file}`);
  }
  return found;
}

function write(rel, content) {
  const file = path.join(APP, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    typeof content === 'string'
      ? content
      : `${JSON.stringify(content, null, 2)}\n`,
  );
}

/** The repository's exact version of a package (app first, then backend, root). */
function repoVersion(name) {
  for (const pkg of [repoApp, repoBackend, repoRoot]) {
    for (const kind of ['dependencies', 'devDependencies']) {
      const v = pkg[kind]?.[name];
      if (v && !v.startsWith('workspace:') && !v.startsWith('link:')) return v;
    }
  }
  throw new Error(
    `no version of ${name} in the repository's package.json files`,
  );
}

const pick = names =>
  Object.fromEntries(names.map(name => [name, repoVersion(name)]));

const tarball = (name, fromDir) =>
  `file:${path.relative(fromDir, tarballs.get(name))}`;

const FRONTEND = '@sre-control-center/plugin-sre-control-center';
const COMMON = '@sre-control-center/plugin-sre-control-center-common';
const BACKEND = '@sre-control-center/plugin-sre-control-center-backend';
const CATALOG_MODULE =
  '@sre-control-center/plugin-catalog-backend-module-sre-control-center';
const SCAFFOLDER_MODULE =
  '@sre-control-center/plugin-scaffolder-backend-module-sre-control-center';

let backendPort;

async function scaffoldAdopter() {
  backendPort = await freePort();
  const appDir = path.join(APP, 'packages/app');
  const backendDir = path.join(APP, 'packages/backend');

  fs.mkdirSync(path.join(APP, '.yarn/releases'), { recursive: true });
  fs.copyFileSync(YARN, path.join(APP, '.yarn/releases', path.basename(YARN)));
  write(
    '.yarnrc.yml',
    [
      'nodeLinker: node-modules',
      `yarnPath: .yarn/releases/${path.basename(YARN)}`,
      'enableTelemetry: false',
      'npmMinimalAgeGate: 3d',
      'npmPreapprovedPackages:',
      "  - '@backstage/*'",
      '',
    ].join('\n'),
  );
  // The repository's lockfile as the seed: the same versions as the repo.
  fs.copyFileSync(path.join(ROOT, 'yarn.lock'), path.join(APP, 'yarn.lock'));
  write('package.json', {
    name: 'adopter',
    version: '1.0.0',
    private: true,
    engines: repoRoot.engines,
    workspaces: ['packages/*'],
    scripts: { tsc: 'tsc' },
    devDependencies: pick([
      '@backstage/cli',
      '@backstage/cli-defaults',
      '@types/jest',
      'typescript',
    ]),
    resolutions: {
      ...repoRoot.resolutions,
      // Not published: the plugins' own dependency on the common package.
      [COMMON]: tarball(COMMON, APP),
    },
    dependenciesMeta: repoRoot.dependenciesMeta,
    packageManager: repoRoot.packageManager,
  });
  write('tsconfig.json', {
    extends: '@backstage/cli/config/tsconfig.json',
    include: ['packages/*/src'],
    exclude: ['node_modules'],
    compilerOptions: { outDir: 'dist-types', rootDir: '.', jsx: 'react-jsx' },
  });
  write(
    'app-config.yaml',
    [
      'app:',
      '  title: Adopter',
      '  baseUrl: http://localhost:3000',
      'backend:',
      `  baseUrl: http://localhost:${backendPort}`,
      '  listen:',
      `    port: ${backendPort}`,
      '  database:',
      '    client: better-sqlite3',
      "    connection: ':memory:'",
      'catalog:',
      '  locations: []',
      '',
    ].join('\n'),
  );

  // Frontend: new frontend system, README snippet.
  write('packages/app/package.json', {
    name: 'app',
    version: '0.0.0',
    private: true,
    bundled: true,
    backstage: { role: 'frontend' },
    scripts: { build: 'backstage-cli package build' },
    dependencies: {
      ...pick([
        '@backstage/cli',
        '@backstage/core-components',
        '@backstage/core-plugin-api',
        '@backstage/frontend-defaults',
        '@backstage/frontend-plugin-api',
        '@backstage/plugin-catalog',
        '@backstage/plugin-catalog-react',
        '@backstage/plugin-scaffolder',
        '@backstage/plugin-signals',
        '@backstage/ui',
        'react',
        'react-dom',
        'react-router',
        'react-router-dom',
      ]),
      [FRONTEND]: tarball(FRONTEND, appDir),
    },
    devDependencies: pick(['@types/react-dom']),
    browserslist: repoApp.browserslist,
  });
  write(
    'packages/app/public/index.html',
    [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '  <head>',
      '    <meta charset="utf-8" />',
      '    <title><%= config.getString("app.title") %></title>',
      '  </head>',
      '  <body>',
      '    <div id="root"></div>',
      '  </body>',
      '</html>',
      '',
    ].join('\n'),
  );
  write(
    'packages/app/src/index.tsx',
    [
      "import '@backstage/cli/asset-types';",
      "import ReactDOM from 'react-dom/client';",
      "import App from './App';",
      "import '@backstage/ui/css/styles.css';",
      '',
      "ReactDOM.createRoot(document.getElementById('root')!).render(App.createRoot());",
      '',
    ].join('\n'),
  );
  const [appSnippet] = readmeSnippets(
    'plugins/sre-control-center/README.md',
    'packages/app/src/App.tsx',
  );
  write(
    'packages/app/src/App.tsx',
    [
      '// What create-app`s App.tsx already imports:',
      "import { createApp } from '@backstage/frontend-defaults';",
      "import catalogPlugin from '@backstage/plugin-catalog/alpha';",
      '// plugins/sre-control-center/README.md, "New frontend system":',
      appSnippet,
    ].join('\n'),
  );
  // Legacy frontend system: type-checked only (the app does not import it).
  const [legacySnippet] = readmeSnippets(
    'plugins/sre-control-center/README.md',
    'packages/app/src/components/catalog/EntityPage.tsx',
  );
  const names = [...legacySnippet.matchAll(/^const (\w+)/gm)].map(m => m[1]);
  write(
    'packages/app/src/components/catalog/EntityPage.tsx',
    [
      '// What a legacy EntityPage.tsx already imports:',
      "import { EntityLayout } from '@backstage/plugin-catalog';",
      '// plugins/sre-control-center/README.md, "Legacy frontend system":',
      legacySnippet,
      names.length > 0 ? `export { ${names.join(', ')} };\n` : '',
    ].join('\n'),
  );

  // Backend: the README lines, each plugin once.
  write('packages/backend/package.json', {
    name: 'backend',
    version: '0.0.0',
    private: true,
    main: 'dist/index.cjs.js',
    types: 'src/index.ts',
    backstage: { role: 'backend' },
    scripts: { start: 'backstage-cli package start' },
    dependencies: {
      ...pick([
        '@backstage/backend-defaults',
        '@backstage/backend-plugin-api',
        '@backstage/plugin-catalog-backend',
        '@backstage/plugin-scaffolder-backend',
        '@backstage/plugin-events-backend',
        '@backstage/plugin-signals-backend',
        '@backstage/plugin-notifications-backend',
        'better-sqlite3',
        'node-gyp',
      ]),
      [BACKEND]: tarball(BACKEND, backendDir),
      [CATALOG_MODULE]: tarball(CATALOG_MODULE, backendDir),
      [SCAFFOLDER_MODULE]: tarball(SCAFFOLDER_MODULE, backendDir),
    },
    devDependencies: pick(['@backstage/cli']),
  });
  const seen = new Set();
  const lines = [
    "import { createBackend } from '@backstage/backend-defaults';",
    '',
    'const backend = createBackend();',
    '',
    '// The prerequisites the backend README lists (permission: off, allow all).',
  ];
  const add = statement => {
    const key = statement.replace(/\s+/g, '');
    if (!seen.has(key)) {
      seen.add(key);
      lines.push(statement);
    }
  };
  for (const pkg of [
    '@backstage/plugin-events-backend',
    '@backstage/plugin-signals-backend',
    '@backstage/plugin-notifications-backend',
  ]) {
    add(`backend.add(import('${pkg}'));`);
  }
  for (const readme of [
    'plugins/sre-control-center-backend/README.md',
    'plugins/catalog-backend-module-sre-control-center/README.md',
    'plugins/scaffolder-backend-module-sre-control-center/README.md',
  ]) {
    for (const snippet of readmeSnippets(
      readme,
      'packages/backend/src/index.ts',
    )) {
      lines.push(`// ${readme}:`);
      const statements = snippet
        .split('\n')
        .slice(1)
        .join('\n')
        .split(/;\s*\n/)
        .map(s => s.trim())
        .filter(Boolean);
      for (const statement of statements) {
        add(statement.endsWith(';') ? statement : `${statement};`);
      }
    }
  }
  lines.push('', 'backend.start();', '');
  write('packages/backend/src/index.ts', lines.join('\n'));
  return APP;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function install() {
  await yarn('install', ['install'], { cwd: APP, timeoutMs: 20 * 60 * 1000 });
  // Two copies of a @backstage package split its service refs: say so.
  const lock = fs.readFileSync(path.join(APP, 'yarn.lock'), 'utf8');
  const versions = new Map();
  for (const m of lock.matchAll(
    /^ {2}resolution: "(@backstage\/[^@"]+)@npm:([^"]+)"/gm,
  )) {
    versions.set(m[1], [...(versions.get(m[1]) ?? []), m[2]]);
  }
  const doubles = [...versions]
    .filter(([, v]) => v.length > 1)
    .map(([n, v]) => `${n} (${v.join(', ')})`);
  const sqlite = spawnSync(
    node.bin,
    ['-e', "new (require('better-sqlite3'))(':memory:').close()"],
    { cwd: path.join(APP, 'packages/backend'), env, encoding: 'utf8' },
  );
  if (sqlite.status !== 0) {
    throw usableFailure(
      `better-sqlite3 does not load: ${sqlite.stderr.trim()}`,
    );
  }
  if (doubles.length > 0) {
    throw usableFailure(`two versions of ${doubles.join('; ')}`);
  }
  return undefined;
}

async function typeCheck() {
  await yarn('tsc', ['tsc'], { cwd: APP });
}

/** create-app's `tsc:full`: the packages' .d.ts files checked too. */
async function typeCheckFull() {
  await yarn(
    'tsc-full',
    ['tsc', '--skipLibCheck', 'false', '--incremental', 'false'],
    {
      cwd: APP,
    },
  );
}

async function startBackend() {
  const logFile = path.join(LOGS, 'backend.log');
  const out = fs.openSync(logFile, 'a');
  const child = spawn(node.bin, [YARN, 'start'], {
    cwd: path.join(APP, 'packages/backend'),
    env,
    stdio: ['ignore', out, out],
    detached: true,
  });
  running.add(child);
  let exited;
  child.on('exit', (code, signal) => {
    running.delete(child);
    exited = code ?? signal;
  });
  const base = `http://localhost:${backendPort}`;
  const deadline = Date.now() + 180_000;
  try {
    for (;;) {
      if (exited !== undefined) {
        throw new Error(
          `backend exited (${exited}) before it was ready: ${tail(logFile)}`,
        );
      }
      if (Date.now() > deadline) {
        throw new Error(`backend not ready after 180 s: ${tail(logFile)}`);
      }
      const res = await fetch(`${base}/.backstage/health/v1/readiness`).catch(
        () => undefined,
      );
      if (res?.ok) break;
      await new Promise(r => setTimeout(r, 1000));
    }
    const health = await fetch(`${base}/api/sre-control-center/health`);
    const body = (await health.text()).replace(/\s+/g, ' ');
    if (!health.ok) {
      throw new Error(
        `GET /api/sre-control-center/health answered ${
          health.status
        }: ${body.slice(0, 200)}`,
      );
    }
    // Backstage logs `<time> <plugin> error <message>`.
    const errors = fs
      .readFileSync(logFile, 'utf8')
      .replace(/\x1b\[[0-9;]*m/g, '')
      .split('\n')
      .filter(l => /^\S+ \S+ error /.test(l));
    return `ready; /api/sre-control-center/health ${health.status} ${body.slice(
      0,
      80,
    )}${
      errors.length > 0
        ? `; ${errors.length} error line(s) in the log, first: ${errors[0]}`
        : ''
    }`;
  } finally {
    killGroup(child);
    await new Promise(r => {
      if (exited !== undefined) return r();
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
        r();
      }, 10_000);
      child.on('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
    fs.closeSync(out);
  }
}

async function buildApp() {
  await yarn('app-build', ['build'], { cwd: path.join(APP, 'packages/app') });
  const index = path.join(APP, 'packages/app/dist/index.html');
  if (!fs.existsSync(index)) throw new Error(`no ${index} after the build`);
}

async function main() {
  const started = Date.now();
  setupEnv();
  console.log(`[verify-install] Node ${node.bin}, temp folder ${TMP}`);
  if (!SKIP_TSC) {
    await step('repo tsc (dist-types for the package builds)', () =>
      yarn('repo-tsc', ['tsc'], { cwd: ROOT }),
    );
  }
  await step('build plugin packages', buildPlugins);
  await step('yarn pack', packPlugins, {
    needs: ['build plugin packages'],
  });
  await step('packed manifests', checkTarballs, { needs: ['yarn pack'] });
  await step('create adopter app and backend', scaffoldAdopter, {
    needs: ['yarn pack'],
  });
  await step('yarn install', install, {
    needs: ['create adopter app and backend'],
  });
  await step('type-check (tsc)', typeCheck, { needs: ['yarn install'] });
  await step('type-check, full (tsc:full)', typeCheckFull, {
    needs: ['yarn install'],
  });
  await step('backend start', startBackend, { needs: ['yarn install'] });
  await step('frontend build', buildApp, { needs: ['yarn install'] });

  for (const dist of builtDist)
    fs.rmSync(dist, { recursive: true, force: true });

  const failed = results.filter(r => r.status !== 'PASS');
  console.log('\n[verify-install] summary');
  for (const r of results) {
    console.log(
      `  ${r.status.padEnd(4)} ${r.seconds.toFixed(1).padStart(6)} s  ${
        r.name
      }`,
    );
  }
  const total = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `[verify-install] ${failed.length === 0 ? 'PASS' : 'FAIL'} in ${total} s${
      failed.length > 0 ? ` (${failed.map(r => r.name).join(', ')})` : ''
    }`,
  );
  if (KEEP) {
    console.log(`[verify-install] kept ${TMP}`);
  } else {
    console.log(`[verify-install] removing ${TMP} (--keep keeps it)`);
    // `rm -rf` is several times faster than fs.rmSync on the 1.8 GB tree.
    const rm = spawnSync('rm', ['-rf', TMP]);
    if (rm.status !== 0) fs.rmSync(TMP, { recursive: true, force: true });
    if (failed.length > 0) {
      console.log('[verify-install] rerun with --keep to keep the logs');
    }
  }
  process.exit(failed.length === 0 ? 0 : 1);
}

main().catch(err => {
  console.error(`[verify-install] FAIL: ${err.stack ?? err}`);
  process.exit(1);
});
