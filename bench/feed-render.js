#!/usr/bin/env node
/*
 * Feed render with a full store: 10,000 alerts for the project, then the
 * Control Center tab in headless Chromium (the portal as `npm start` runs it,
 * see bench/portal-session.js):
 *   1. first render: navigation start → the first seeded alert's row in the
 *      DOM, and the next animation frame (performance.now() in the page,
 *      whose origin is the navigation start)
 *   2. scrolling: the feed's scroll container (the nearest scrollable
 *      ancestor of an alert row, whatever the list is built with) scrolled
 *      to the end one viewport at a time, two frames per step, until it stops
 *      growing; long tasks (PerformanceObserver 'longtask') counted with their
 *      longest duration
 * Also says how many alert rows were in the DOM at once (a virtualized list
 * keeps that near the rows in view) and whether the oldest alert was reached.
 *
 *   node bench/feed-render.js [--alerts 10000] [--settle 65] [--reuse]
 */
'use strict';
const { arg, driveLoad } = require('./lib');
const { alertBody, alertId } = require('./payloads');
const { openPortal, openControlCenter, apiGet } = require('./portal-session');

const N = arg('alerts', 10_000);
const SETTLE_SECONDS = arg('settle', 65);

/**
 * Posts alerts 0..count-1 of N, alert i fired i × 100 ms after the first,
 * newest last, all within the last 20 minutes: newer than the emulator's
 * alert history (hours old), so the seeded alerts are the first N rows.
 */
async function seed(session, prefix, count) {
  const base = Date.now() - N * 100 - 60_000;
  const load = await driveLoad({
    url: session.webhookUrl,
    body: i =>
      alertBody(i, prefix, {
        rule: `${prefix}-${i}`,
        firedAt: new Date(base + i * 100),
      }),
    concurrency: 50,
    total: count,
    maxSeconds: 300,
  });
  const accepted = load.statuses.get(202) || 0;
  if (accepted !== count) {
    throw new Error(
      `seeding: ${accepted} of ${count} accepted (${JSON.stringify([
        ...load.statuses,
      ])})`,
    );
  }
  return load.seconds;
}

/** Counts the project's alerts whose rule starts with `prefix`, page by page. */
async function countSeeded(session, prefix) {
  let n = 0;
  let cursor;
  do {
    const q = new URLSearchParams({
      entityRef: session.entityRef,
      limit: '200',
    });
    if (cursor) q.set('cursor', cursor);
    const { status, body } = await apiGet(session, `/alerts?${q}`);
    // Not answering (a dev restart): unknown, ask again later.
    if (status === 0) return -1;
    if (status !== 200) throw new Error(`GET /alerts answered ${status}`);
    n += body.items.filter(a => a.name.startsWith(prefix)).length;
    cursor = body.nextCursor;
  } while (cursor);
  return n;
}

async function waitProcessed(session, prefix, count) {
  const started = Date.now();
  const deadline = started + 15 * 60_000;
  const path = `/alerts/${encodeURIComponent(alertId(count - 1, prefix))}`;
  while ((await apiGet(session, path)).status !== 200) {
    if (Date.now() > deadline) throw new Error('seeded alerts not processed');
    await new Promise(r => setTimeout(r, 1000));
  }
  for (;;) {
    const n = await countSeeded(session, prefix);
    if (n === count) return (Date.now() - started) / 1000;
    if (Date.now() > deadline) {
      throw new Error(`only ${n} of ${count} seeded alerts were processed`);
    }
    await new Promise(r => setTimeout(r, 3000));
  }
}

/**
 * Runs in the page before its scripts (addInitScript): records long tasks,
 * the first click (an in-app navigation starts there), when the alert card's
 * title appears, and when the first text containing the marker reaches the
 * DOM (then the next frame, and whether that row is in the viewport).
 */
function instrument(marker) {
  const bench = { longTasks: [], firstRow: undefined };
  window.__feedRender = bench;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener(
    'click',
    () => {
      bench.clickAt ??= performance.now();
    },
    { capture: true },
  );
  const observer = new MutationObserver(records => {
    for (const r of records) {
      for (const node of r.addedNodes) {
        const text = node.textContent;
        if (!text) continue;
        if (bench.cardAt === undefined && text.includes('Alerts')) {
          const title = [...document.querySelectorAll('.MuiCardHeader-title')];
          if (title.some(t => t.textContent === 'Alerts')) {
            bench.cardAt = performance.now();
          }
        }
        if (text.includes(marker)) {
          const dom = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => {
            const el = [...document.querySelectorAll('*')].find(
              e => e.childElementCount === 0 && e.textContent.includes(marker),
            );
            const box = el?.getBoundingClientRect();
            bench.firstRow = {
              dom,
              frame: performance.now(),
              inViewport:
                !!box &&
                box.height > 0 &&
                box.bottom > 0 &&
                box.top < window.innerHeight,
            };
          });
          return;
        }
      }
    }
  });
  observer.observe(document, { subtree: true, childList: true });
}

/** Runs in the page: what instrument() saw, with the alert list's fetch. */
function loadFigures() {
  const bench = window.__feedRender;
  const fetches = performance
    .getEntriesByType('resource')
    .filter(e => e.name.includes('/api/sre-control-center/alerts?'));
  const fromClick = bench.clickAt ?? 0;
  const during = bench.longTasks.filter(
    t => t.start >= fromClick && t.start <= bench.firstRow.frame,
  );
  return {
    start: fromClick,
    cardAt: bench.cardAt,
    alertsRequested: fetches[0]?.startTime,
    alertsAnswered: fetches[0]?.responseEnd,
    ...bench.firstRow,
    longTasks: during.length,
    longestTaskMs: Math.max(0, ...during.map(t => t.duration)),
  };
}

/** Runs in the page: scrolls the feed to its end; returns what happened. */
async function scrollToEnd({ marker, oldest, maxSeconds }) {
  const bench = window.__feedRender;
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const textNodes = root => {
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      if (walker.currentNode.data.includes(marker)) {
        found.push(walker.currentNode);
      }
    }
    return found;
  };
  const scrollable = el => {
    const style = getComputedStyle(el);
    return (
      /(auto|scroll)/.test(style.overflowY) &&
      el.scrollHeight > el.clientHeight + 1
    );
  };
  const first = textNodes(document.body)[0];
  let container = first?.parentElement;
  while (container && !scrollable(container)) {
    container = container.parentElement;
  }
  const pageScrolls = !container;
  container = container ?? document.scrollingElement;
  const describe = el =>
    el === document.scrollingElement
      ? 'the page itself (no scrollable list)'
      : [
          el.tagName.toLowerCase(),
          el.getAttribute('role') && `[role=${el.getAttribute('role')}]`,
          el.getAttribute('aria-label') &&
            `[aria-label="${el.getAttribute('aria-label')}"]`,
          typeof el.className === 'string' &&
            el.className &&
            `.${el.className.split(' ')[0]}`,
        ]
          .filter(Boolean)
          .join('');

  // Rows seen on the way down tell how far the list really goes. Collected
  // only from a small DOM: walking 10,000 rows each step would be the long task.
  let rowsInDom = textNodes(container).length;
  const track = rowsInDom < 1000;
  const seen = new Set();
  const collect = () => {
    const nodes = textNodes(container);
    rowsInDom = Math.max(rowsInDom, nodes.length);
    if (track) for (const n of nodes) seen.add(n.data.trim());
  };
  collect();
  const started = performance.now();
  let steps = 0;
  // The list growing as pages load is expected; shrinking means it was
  // reloaded from the first page under the user's scroll position.
  let resets = 0;
  let lastHeight = -1;
  let quietSince = performance.now();
  while (performance.now() - started < maxSeconds * 1000) {
    container.scrollTop += container.clientHeight;
    steps++;
    await frame();
    await frame();
    collect();
    const atEnd =
      container.scrollTop + container.clientHeight >=
      container.scrollHeight - 1;
    if (container.scrollHeight < lastHeight) resets++;
    if (container.scrollHeight !== lastHeight || !atEnd) {
      lastHeight = container.scrollHeight;
      quietSince = performance.now();
    } else if (performance.now() - quietSince > 3000) {
      // At the bottom and nothing more loaded for 3 s: the end.
      break;
    }
  }
  const ended = performance.now();
  if (!track) {
    for (const n of textNodes(container)) seen.add(n.data.trim());
  }
  const during = bench.longTasks.filter(
    t => t.start >= started && t.start <= ended,
  );
  return {
    container: describe(container),
    pageScrolls,
    steps,
    seconds: (ended - started) / 1000,
    scrollHeight: container.scrollHeight,
    maxRowsInDom: rowsInDom,
    rowsSeen: track ? seen.size : undefined,
    reachedOldest: seen.has(oldest),
    resets,
    longTasks: during.length,
    longestTaskMs: during.length ? Math.max(...during.map(t => t.duration)) : 0,
    longTasksOver100ms: during.filter(t => t.duration > 100).length,
  };
}

/** Waits for instrument()'s first row, then returns loadFigures(). */
async function firstRowFigures(page) {
  await page.waitForFunction(() => window.__feedRender?.firstRow, null, {
    timeout: 120_000,
    polling: 100,
  });
  const f = await page.evaluate(loadFigures);
  const ms = t => (t === undefined ? null : Math.round(t - f.start));
  return {
    'card title ms': ms(f.cardAt),
    'alert list requested ms': ms(f.alertsRequested),
    'alert list answered ms': ms(f.alertsAnswered),
    'first alert row in DOM ms': ms(f.dom),
    'first alert row painted ms': ms(f.frame),
    'first row in viewport': f.inViewport,
    'long tasks': f.longTasks,
    'longest task ms': Math.round(f.longestTaskMs),
  };
}

async function main() {
  const session = await openPortal('feed-render');
  try {
    const prefix = `bench-render-${Date.now().toString(36)}`;
    // With a settle, the newest alert is posted after it (see below).
    const first = SETTLE_SECONDS > 0 ? N - 1 : N;
    const seedSeconds = await seed(session, prefix, first);
    const processSeconds = await waitProcessed(session, prefix, first);
    console.log(
      JSON.stringify({
        seeded: first,
        'webhook s': Number(seedSeconds.toFixed(1)),
        'until all listed s': Number(processSeconds.toFixed(1)),
      }),
    );

    // The feed re-reads every 30 s the alerts changed since a minute before
    // the newest change it has seen, and starts over from the first page
    // when that is more than 5 pages. Right after the seeding that would be
    // all 10,000, at every catch-up, resetting the list under the scroll
    // (run with --settle 0 to see it). So: let the seeding leave that minute,
    // then the last alert, posted now, moves "the newest change" past it.
    if (SETTLE_SECONDS > 0) {
      await new Promise(r => setTimeout(r, SETTLE_SECONDS * 1000));
      const res = await fetch(session.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: alertBody(N - 1, prefix, { rule: `${prefix}-${N - 1}` }),
      });
      if (res.status !== 202) throw new Error(`webhook answered ${res.status}`);
      const path = `/alerts/${encodeURIComponent(alertId(N - 1, prefix))}`;
      while ((await apiGet(session, path)).status !== 200) {
        await new Promise(r => setTimeout(r, 200));
      }
    }

    // Sign in and load the bundle once; the measured load is a second visit.
    const warm = await openControlCenter(session);
    await warm.close();

    const disturbedBefore = session.disturbances();
    // a) A full page load (the dev bundle from the browser cache), from
    // navigation start (performance.now() = 0).
    const page = await session.context.newPage();
    await page.addInitScript(instrument, prefix);
    await page.goto(session.controlCenterUrl);
    const load = await firstRowFigures(page);
    await page.close();

    // b) Inside the app: from the click on the Control Center tab of the
    // System's page, the bundle already running.
    const spa = await session.context.newPage();
    await spa.addInitScript(instrument, prefix);
    await spa.goto(session.controlCenterUrl.replace(/\/control-center$/, ''));
    const tab = spa.getByText('Control Center', { exact: true }).first();
    await tab.waitFor({ timeout: 120_000 });
    await spa.waitForTimeout(2000); // let the overview settle
    await tab.click();
    const inApp = await firstRowFigures(spa);

    // Let the first page's follow-up work settle before scrolling.
    await spa.waitForTimeout(2000);
    const scroll = await spa.evaluate(scrollToEnd, {
      marker: prefix,
      oldest: `${prefix}-0`,
      maxSeconds: 300,
    });
    const virtualized = scroll.maxRowsInDom < 500;
    const firstRender = load['first alert row painted ms'];
    const result = {
      bench: `Control Center tab with ${N} alerts in the store`,
      'page load (from navigation start)': load,
      'in-app (from the click on the Control Center tab)': inApp,
      scrolling: {
        container: scroll.container,
        steps: scroll.steps,
        seconds: Number(scroll.seconds.toFixed(1)),
        'alert rows passed':
          scroll.rowsSeen ?? 'not tracked (list not virtualized)',
        'reached the oldest alert': scroll.reachedOldest,
        'list reloaded under the scroll (height shrank)': scroll.resets,
        'most alert rows in the DOM at once': scroll.maxRowsInDom,
        'list virtualized': virtualized,
        'long tasks': scroll.longTasks,
        'longest task ms': Math.round(scroll.longestTaskMs),
        'long tasks over 100 ms': scroll.longTasksOver100ms,
      },
      'disturbed by (source edits elsewhere)':
        session.disturbedSince(disturbedBefore),
      build:
        'frontend dev server (unminified, React development mode), as npm start runs it',
    };
    console.log(JSON.stringify(result, null, 2));
    console.log(
      `target first render < 1500 ms: ${
        firstRender < 1500 ? 'met' : 'NOT met'
      } (page load ${firstRender} ms, in-app ${
        inApp['first alert row painted ms']
      } ms); no long task over 100 ms while scrolling: ${
        scroll.longTasksOver100ms === 0 ? 'met' : 'NOT met'
      } (${scroll.longTasksOver100ms}, longest ${Math.round(
        scroll.longestTaskMs,
      )} ms)${virtualized ? '' : '; the list is NOT virtualized'}`,
    );
  } finally {
    await session.close();
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
