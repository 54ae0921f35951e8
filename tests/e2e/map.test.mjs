// The embedding map: every passage is a point, asking places the question with lines to its
// neighbours, hover and keyboard focus show a passage, zoom fits, and the table alternative
// lists the same points.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, DESKTOP, PHONE } from './lib/browser.mjs';

const READY = { timeout: 15000 };
const POINTS = '.map-points > .map-point';
let session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

async function openMap(viewport = DESKTOP) {
  const opened = await session.open('?view=map', { viewport });
  await opened.page.waitForSelector(POINTS, READY);
  return opened;
}

test('the map draws every passage, and a question with lines to its neighbours', async () => {
  const { page, problems } = await openMap();
  const points = await page.locator(POINTS).count();
  assert.ok(points > 100, `points: ${points}`);
  assert.equal(await page.locator('.map-svg .map-query').count(), 0, 'no question marked yet');
  assert.equal(await page.locator('.map-line').count(), 0);

  await page.fill('#map-question', 'How much does the Pro plan cost?');
  await page.waitForSelector('.map-svg .map-query');
  await page.waitForFunction(() => document.querySelectorAll('.map-line').length > 0);
  const lines = await page.locator('.map-line').count();
  assert.equal(lines, await page.locator(`${POINTS}.map-point--retrieved`).count());
  assert.equal(lines, 5, 'one line per retrieved passage at the default k');
  assert.match(await page.getAttribute('.map-svg', 'aria-label'), /with the question and lines to its 5 retrieved/);
  // Kinds are told by shape and colour: the legend lists the kinds drawn, no more.
  const drawnKinds = await page.evaluate((points) => new Set(
    [...document.querySelectorAll(points)].flatMap((p) => [...p.classList].filter((c) => c.startsWith('kind--'))),
  ).size, POINTS);
  assert.ok(drawnKinds >= 6, `kinds drawn: ${drawnKinds}`);
  assert.equal(await page.locator('.map-legend__kinds li').count(), drawnKinds);
  await shot(page, 'map-question-desktop');
  assertClean(problems);
  await page.close();
});

test('hover and keyboard focus show a passage; zoom fits the neighbours', async () => {
  const { page, problems } = await openMap();
  await page.fill('#map-question', 'What are the support hours?');
  await page.waitForSelector('.map-svg .map-query');

  // Hover a retrieved point that no other mark covers (neighbours can overlap on the map).
  const retrieved = page.locator(`${POINTS}.map-point--retrieved`);
  let hovered = false;
  for (let i = 0; i < (await retrieved.count()) && !hovered; i += 1) {
    hovered = await retrieved.nth(i).hover({ timeout: 2000 }).then(() => true, () => false);
  }
  assert.ok(hovered, 'some retrieved point can be hovered');
  await page.waitForSelector('.map-details__title');
  assert.match(await page.textContent('.map-details'), /Retrieved, rank \d/);
  await page.mouse.move(0, 0);

  await page.focus(`${POINTS}[tabindex="0"]`);
  const first = await page.textContent('.map-details__title');
  await page.keyboard.press('End');
  const last = await page.textContent('.map-details__title');
  assert.notEqual(first, undefined);
  assert.equal(
    await page.evaluate(() => document.activeElement.id),
    await page.locator(POINTS).last().getAttribute('id'),
    'End moves focus to the last point',
  );
  assert.ok(last.length > 0);
  assert.equal(await page.locator(`${POINTS}[tabindex="0"]`).count(), 1, 'one tab stop in the plot');

  const before = await retrieved.first().getAttribute('transform');
  await page.click('.map-zoom__button:has-text("Question and its neighbours")');
  assert.equal(await page.getAttribute('.map-zoom__button:has-text("Question and its neighbours")', 'aria-pressed'), 'true');
  await page.waitForFunction(
    ([sel, t]) => document.querySelector(sel).getAttribute('transform') !== t,
    [`${POINTS}.map-point--retrieved`, before],
  );
  await shot(page, 'map-zoomed-desktop');
  assertClean(problems);
  await page.close();
});

test('the table alternative has one row per point and marks the retrieved ones', async () => {
  const { page, problems } = await openMap();
  await page.fill('#map-question', 'Which regions can my data be stored in?');
  await page.waitForSelector('.map-svg .map-query');
  await page.click('.map-table summary');
  const points = await page.locator(POINTS).count();
  assert.equal(await page.locator('.map-table tbody tr').count(), points);
  assert.equal(await page.locator('.map-table tbody tr.map-table__retrieved').count(), 5);
  assert.match(await page.textContent('.map-table summary'), /The question sits at x -?\d+\.\d{3}, y -?\d+\.\d{3}/);
  assertClean(problems);
  await page.close();
});

test('markup in the question stays text; screenshots at desktop and phone width', async () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const { page, problems } = await openMap(viewport);
    await page.fill('#map-question', '<img src=x onerror="window.__pwned=1"> refund 🙂');
    await page.waitForSelector('.map-svg .map-query');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('.app-main img').count(), 0);
    await page.click('.question-box__example >> nth=1');
    await page.waitForFunction(() => document.querySelectorAll('.map-line').length === 5);
    await shot(page, `map-${size}`);
    assertClean(problems);
    await page.close();
  }
});
