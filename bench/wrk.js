'use strict';
/**
 * Drives load with wrk (C, one event loop per thread) instead of a Node
 * client: on a 2-core machine a Node load generator would take most of a core
 * from the server it measures. The Lua script makes every body unique (so
 * each delivery is a new alert) and counts answers by status.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PLACEHOLDER = '__BENCH_N__';

function wrkAvailable() {
  return spawnSync('wrk', ['--version']).error === undefined;
}

/** A Lua long string that cannot be closed by the text inside it. */
function luaString(text) {
  let level = '=';
  while (text.includes(`]${level}]`)) level += '=';
  return `[${level}[${text}]${level}]`;
}

function luaScript({ method, headers, template }) {
  const parts = template.split(PLACEHOLDER).map(luaString).join(', ');
  const headerLines = Object.entries(headers)
    .map(([k, v]) => `  [ ${luaString(k)} ] = ${luaString(String(v))},`)
    .join('\n');
  return `
local parts = { ${parts} }
local headers = {
${headerLines}
}
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  counter = 0
  statuses = {}
end
function request()
  counter = counter + 1
  return wrk.format(${luaString(
    method,
  )}, nil, headers, table.concat(parts, "w" .. tid .. "-" .. counter))
end
function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      counts[tostring(status)] = (counts[tostring(status)] or 0) + n
    end
  end
  local fields = {}
  for status, n in pairs(counts) do
    table.insert(fields, string.format('"%s":%d', status, n))
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationUs":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"statuses":{%s}}\\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, table.concat(fields, ",")))
end
`;
}

/**
 * Runs wrk for `seconds` with `connections` keep-alive connections.
 * `template` is a body with PLACEHOLDER where a unique id goes.
 */
async function runWrk({
  url,
  method = 'POST',
  template,
  headers = { 'Content-Type': 'application/json' },
  connections,
  seconds,
  threads = 1,
}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sre-cc-wrk-'));
  const script = path.join(dir, 'bench.lua');
  fs.writeFileSync(script, luaScript({ method, headers, template }));
  const args = [
    `-t${threads}`,
    `-c${connections}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    script,
    url,
  ];
  const output = await new Promise((resolve, reject) => {
    const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', d => (out += d));
    child.stderr.on('data', d => (out += d));
    child.on('error', reject);
    child.on('exit', code =>
      code === 0 ? resolve(out) : reject(new Error(`wrk failed:\n${out}`)),
    );
  });
  fs.rmSync(dir, { recursive: true, force: true });
  const line = output.split('\n').find(l => l.startsWith('WRK_RESULT '));
  if (!line) throw new Error(`wrk printed no result:\n${output}`);
  const r = JSON.parse(line.slice('WRK_RESULT '.length));
  const statuses = new Map(
    Object.entries(r.statuses).map(([k, v]) => [Number(k), v]),
  );
  const socketErrors =
    r.errors.connect + r.errors.read + r.errors.write + r.errors.timeout;
  if (socketErrors) statuses.set('error', socketErrors);
  return {
    count: r.requests,
    seconds: r.durationUs / 1e6,
    statuses,
    percentiles: {
      p50: r.p50Us / 1000,
      p95: r.p95Us / 1000,
      p99: r.p99Us / 1000,
      max: r.maxUs / 1000,
    },
  };
}

module.exports = { PLACEHOLDER, runWrk, wrkAvailable };
