#!/usr/bin/env node
/*
 * Entry point of the root `npm start` / `npm test` scripts.
 *
 * Backstage needs Node 22 or 24, but a fresh machine may only have Node 20 and
 * npm. This script runs on whatever Node npm gives it (so it must stay plain
 * CommonJS without dependencies), then:
 *   1. picks a Node 22+ binary: the system one when new enough, otherwise the
 *      `node@22` package from the npm registry in the git-ignored `.tools/`;
 *   2. installs the workspace with the committed Yarn release whenever the
 *      lockfile, a package.json or the Node version changed, building native
 *      modules (better-sqlite3) against that Node's own headers;
 *   3. runs the given Yarn script with that Node first on PATH.
 *
 * Usage: node scripts/toolchain.js run <yarn-script> [args...]
 *        node scripts/toolchain.js env   (prints the PATH to use by hand)
 */
'use strict';

const { spawnSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const TOOLS = path.join(ROOT, '.tools');
const NODE_MAJOR = 22;
const YARN = path.join(ROOT, '.yarn', 'releases', 'yarn-4.13.0.cjs');
const STAMP = path.join(ROOT, 'node_modules', '.sre-cc-install-stamp');

function log(msg) {
  process.stderr.write(`[toolchain] ${msg}\n`);
}

function fail(msg) {
  log(`error: ${msg}`);
  process.exit(1);
}

function majorOf(version) {
  return Number(String(version).replace(/^v/, '').split('.')[0]);
}

/** Returns { bin, nodedir } for a Node >= 22; nodedir is set only for a fetched Node. */
function resolveNode() {
  if (majorOf(process.versions.node) >= NODE_MAJOR) {
    return { bin: process.execPath, nodedir: undefined };
  }
  const platformPkg = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(TOOLS, `node${NODE_MAJOR}`);
  const pkgDir = path.join(
    prefix,
    'node_modules',
    'node',
    'node_modules',
    platformPkg,
  );
  const bin = path.join(pkgDir, 'bin', 'node');
  if (!fs.existsSync(bin)) {
    log(
      `system Node is ${
        process.version
      }; fetching node@${NODE_MAJOR} into ${path.relative(ROOT, prefix)}/`,
    );
    fs.mkdirSync(prefix, { recursive: true });
    const npm = process.env.npm_execpath
      ? [process.execPath, [process.env.npm_execpath]]
      : ['npm', []];
    // The package's own preinstall may be skipped by npm 11's install-script
    // policy; its platform binary is installed either way.
    const res = spawnSync(
      npm[0],
      [
        ...npm[1],
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `node@${NODE_MAJOR}`,
      ],
      {
        stdio: 'inherit',
        cwd: prefix,
        env: { ...process.env, npm_config_global: 'false' },
      },
    );
    if (res.status !== 0 || !fs.existsSync(bin)) {
      fail(
        `could not install node@${NODE_MAJOR} from the npm registry (expected ${bin})`,
      );
    }
  }
  return { bin, nodedir: pkgDir };
}

/** The major version of the Node headers in `dir` (a prefix holding include/node), or undefined. */
function headersMajor(dir) {
  try {
    const header = fs.readFileSync(
      path.join(dir, 'include', 'node', 'node_version.h'),
      'utf8',
    );
    const match = header.match(/#define NODE_MAJOR_VERSION (\d+)/);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Where node-gyp finds headers for `nodeBin`. The machine's npm config may
 * point `nodedir` at another Node's headers (here: /usr, Node 20), and npm
 * passes it down as npm_config_nodedir; native modules must be built against
 * the Node that will load them or they fail with "did not self-register".
 */
function headersFor(node) {
  if (node.nodedir) return node.nodedir;
  const major = majorOf(process.versions.node);
  const configured = process.env.npm_config_nodedir;
  if (configured && headersMajor(configured) === major) return configured;
  const prefix = path.resolve(path.dirname(node.bin), '..');
  if (headersMajor(prefix) === major) return prefix;
  return undefined;
}

function toolchainEnv(node) {
  const env = { ...process.env };
  env.PATH = `${path.dirname(node.bin)}${path.delimiter}${env.PATH || ''}`;
  const headers = headersFor(node);
  if (headers) {
    env.npm_config_nodedir = headers;
  } else {
    // Better to let node-gyp look for matching headers than to build against wrong ones.
    delete env.npm_config_nodedir;
  }
  // npm passes its own `npm_config_*` settings down; Yarn must not mistake
  // them for its own, and `npm_execpath` must not point node-gyp at npm.
  delete env.npm_execpath;
  delete env.npm_node_execpath;
  env.YARN_ENABLE_TELEMETRY = '0';
  env.YARN_ENABLE_PROGRESS_BARS = 'false';
  return env;
}

function installFingerprint(nodeBin) {
  const hash = crypto.createHash('sha256');
  const nodeVersion = spawnSync(nodeBin, ['-p', 'process.version'], {
    encoding: 'utf8',
  }).stdout.trim();
  hash.update(nodeVersion);
  const files = [path.join(ROOT, 'yarn.lock'), path.join(ROOT, 'package.json')];
  for (const group of ['packages', 'plugins']) {
    const dir = path.join(ROOT, group);
    if (!fs.existsSync(dir)) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      const pkg = path.join(dir, name, 'package.json');
      if (fs.existsSync(pkg)) files.push(pkg);
    }
  }
  for (const file of files) {
    hash.update(file);
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : '');
  }
  const patches = path.join(ROOT, '.yarn', 'patches');
  if (fs.existsSync(patches)) {
    for (const name of fs.readdirSync(patches).sort()) {
      hash.update(fs.readFileSync(path.join(patches, name)));
    }
  }
  return hash.digest('hex');
}

function nativeModulesLoad(node, env) {
  const probe =
    "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()";
  const res = spawnSync(node.bin, ['-e', probe], {
    cwd: path.join(ROOT, 'packages', 'backend'),
    env,
    encoding: 'utf8',
  });
  return res.status === 0;
}

function yarn(node, env, args) {
  return spawnSync(node.bin, [YARN, ...args], {
    stdio: 'inherit',
    cwd: ROOT,
    env,
  });
}

function ensureInstalled(node, env) {
  const fingerprint = installFingerprint(node.bin);
  const current = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : '';
  if (current !== fingerprint) {
    const started = Date.now();
    log('installing dependencies with the committed Yarn release');
    const args = ['install'];
    if (process.env.CI) args.push('--immutable');
    const res = yarn(node, env, args);
    if (res.status !== 0) fail('yarn install failed');
    log(`install took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (!nativeModulesLoad(node, env)) {
    log('better-sqlite3 does not load under this Node; rebuilding it');
    const res = yarn(node, env, ['rebuild', 'better-sqlite3']);
    if (res.status !== 0 || !nativeModulesLoad(node, env)) {
      fail(
        'better-sqlite3 could not be built for this Node (see the output above)',
      );
    }
  }
  fs.writeFileSync(STAMP, fingerprint);
}

function main() {
  const [command, ...rest] = process.argv.slice(2);
  const node = resolveNode();
  const env = toolchainEnv(node);
  if (command === 'env') {
    process.stdout.write(`export PATH="${path.dirname(node.bin)}:$PATH"\n`);
    return;
  }
  if (command !== 'run' || rest.length === 0) {
    fail('usage: node scripts/toolchain.js run <yarn-script> [args...]');
  }
  ensureInstalled(node, env);
  const child = spawn(node.bin, [YARN, 'run', ...rest], {
    stdio: 'inherit',
    cwd: ROOT,
    env,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('exit', (code, signal) => {
    process.exit(code === null ? (signal === 'SIGINT' ? 130 : 1) : code);
  });
}

main();
