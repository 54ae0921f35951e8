// The freshness timeline: it starts with each version up to the current one; starting over
// at v1 and publishing the next version draws the fine-tuned line's drop while retrieval
// stays level; "Retrain now" adds a marked moment where the line recovers; the table has the
// same numbers as the lines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, DESKTOP, PHONE } from './lib/browser.mjs';

const READY = { timeout: 30000 };
let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

async function openTimeline(viewport = DESKTOP) {
  const opened = await session.open('?view=timeline', { viewport });
  await opened.page.waitForSelector('.timeline-line[data-mode="tuned"][data-values*=","]', READY);
  return opened;
}

/** Per mode, the knowledge accuracy at each moment, as the lines carry them. */
async function lines(page) {
  return page.$$eval('.timeline-line', (gs) =>
    Object.fromEntries(gs.map((g) => [g.dataset.mode, g.dataset.values.split(',').filter((v) => v !== '').map(Number)])),
  );
}

/** The same from the table. */
async function tableValues(page) {
  return page.$$eval('.timeline-table tbody tr', (rows) => {
    const out = {};
    for (const row of rows) {
      for (const td of row.querySelectorAll('td[data-mode]')) {
        (out[td.dataset.mode] ??= []).push(Number(td.dataset.value));
      }
    }
    return out;
  });
}

const count = (page) => page.$eval('.timeline-line[data-mode="tuned"]', (g) => g.dataset.values.split(',').length);

async function waitForMoments(page, n) {
  await page.waitForFunction(
    (n) => document.querySelector('.timeline-line[data-mode="tuned"]')?.dataset.values.split(',').filter((v) => v).length === n,
    n,
    READY,
  );
}

test('the story starts with every version up to now, and the fine-tuned line falls', async () => {
  const { page, problems } = await openTimeline();
  await waitForMoments(page, 3);
  const values = await lines(page);
  assert.deepEqual(values, await tableValues(page), 'the table has the lines\' numbers');
  const [t1, t2, t3] = values.tuned;
  assert.ok(t2 < t1 && t3 < t2, `tuned falls at each version: ${values.tuned}`);
  assert.ok(Math.min(...values.rag) > Math.max(...values.rag) - 0.05, `retrieval stays level: ${values.rag}`);
  assert.deepEqual(values.base, [0, 0, 0]);
  assert.equal(await page.locator('.timeline-polyline, .timeline-line polyline').count(), 4);
  assert.match(await page.textContent('.timeline-caption'), /^Notice: the fine-tuned line \(triangles\) falls from/);
  assert.equal(await page.locator('.evidence-card').count(), 2);
  assert.match(await page.textContent('.evidence'), /reported \(secondary source\)/);
  await shot(page, 'timeline-start-desktop');
  assertClean(problems);
  await page.close();
});

test('starting over and publishing the next version draws the drop; retraining recovers', async () => {
  const { page, problems } = await openTimeline();
  await page.click('.timeline-restart');
  await waitForMoments(page, 1);
  assert.match(await page.textContent('.timeline-caption'), /^Publish the next version/);
  assert.match(await page.textContent('.timeline-next'), /Publish v2/);

  await page.click('.timeline-next');
  await waitForMoments(page, 2);
  let values = await lines(page);
  assert.ok(values.tuned[1] < values.tuned[0], `the drop is drawn: ${values.tuned}`);
  assert.ok(Math.abs(values.rag[1] - values.rag[0]) < 0.05, `retrieval holds: ${values.rag}`);
  const points = await page.$eval('.timeline-line[data-mode="tuned"] polyline', (p) => p.getAttribute('points').split(' ').length);
  assert.equal(points, 2);
  await shot(page, 'timeline-drop-desktop');

  await page.click('.timeline-retrain');
  await page.waitForFunction(() => /^Retrained on v2 in \d+ ms \(\d+ examples, \d+ epochs\)/.test(document.querySelector('.timeline-status').textContent), null, READY);
  await waitForMoments(page, 3);
  values = await lines(page);
  assert.ok(values.tuned[2] > values.tuned[1], `retraining recovers: ${values.tuned}`);
  assert.match(await page.textContent('.timeline-mark__label'), /retrained on v2/);
  assert.match(await page.textContent('.timeline-caption'), /retraining brought the fine-tuned line back to/);
  assert.deepEqual(values, await tableValues(page));
  await shot(page, 'timeline-retrained-desktop');

  // The moments stay while the learner looks elsewhere.
  await page.click('.app-nav__link[href*="view=ask"]');
  await page.click('.app-nav__link[href*="view=timeline"]');
  await waitForMoments(page, 3);
  assert.equal(await count(page), 3);
  assertClean(problems);
  await page.close();
});

test('screenshots at phone width', async () => {
  const { page, problems } = await openTimeline(PHONE);
  await shot(page, 'timeline-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assertClean(problems);
  await page.close();
});
