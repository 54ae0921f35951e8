// Cost and latency: stage bars per mode with the same medians as their table; the break-even
// point moves when a price assumption changes and agrees with the table; bad input shows a
// message and keeps the last good value; the assumptions are labelled, sourced and dated. The
// notices are at most two lines, no number reads "0.0000", and the page stays short.
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

async function openCost(viewport = DESKTOP) {
  const opened = await session.open('?view=cost', { viewport });
  await opened.page.waitForSelector('.latency-row', READY);
  await opened.page.waitForSelector('.break-even-chart', READY);
  return opened;
}

const breakEven = (page) => page.$eval('.break-even-chart', (svg) => Number(svg.dataset.breakEven));

async function setField(page, id, text) {
  await page.fill(`#${id}`, text);
  await page.press(`#${id}`, 'Tab');
}

test('latency bars show each mode\'s measured stages, with the same numbers as the table', async () => {
  const { page, problems } = await openCost();
  assert.equal(await page.locator('.latency-row').count(), 4);
  assert.match(await page.textContent('.latency-row[data-mode="base"] .latency-row__total'), /^0 ms$/);
  const bars = await page.$$eval('.latency-row', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.mode, Object.fromEntries([...r.querySelectorAll('rect[data-stage]')].map((s) => [s.dataset.stage, Number(s.dataset.ms)]))])),
  );
  const cells = await page.$$eval('.latency-table tbody tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.dataset.mode, Object.fromEntries([...r.querySelectorAll('td[data-stage]')].map((td) => [td.dataset.stage, Number(td.dataset.value)]))])),
  );
  for (const [mode, stages] of Object.entries(bars)) {
    for (const [stage, ms] of Object.entries(stages)) assert.equal(ms, cells[mode][stage], `${mode} ${stage}`);
  }
  assert.ok(bars.rag.read > 0 && bars.rag.search > 0, 'retrieval searches and reads');
  assert.ok(!('read' in bars.tuned) && bars.tuned['tuned model'] > 0, 'the fine-tuned model reads nothing');
  assert.deepEqual(bars.base, {}, 'the base model runs nothing');

  // Every disclosure opened, not one number is a row of zeros.
  await page.$$eval('.cost details', (ds) => ds.forEach((d) => (d.open = true)));
  const text = await page.textContent('.cost');
  assert.doesNotMatch(text, /0\.0000/, 'no 0.0000 anywhere');
  assert.match(await page.textContent('.latency-table'), /\d/);
  assertClean(problems);
  await page.close();
});

test('changing a price assumption moves the break-even point; bad input keeps the last good value', async () => {
  const { page, problems } = await openCost();
  const first = await breakEven(page);
  assert.ok(first > 0, `a break-even exists at the default prices: ${first}`);
  assert.equal(await page.$eval('.break-even-table caption', (c) => Number(c.dataset.breakEven)), first);
  assert.match(await page.textContent('.cost-assumptions'), /read 2025-06-05/);
  assert.match(await page.textContent('.cost-assumptions'), /check current prices/);
  const markerBefore = await page.$eval('.break-even circle', (c) => Number(c.getAttribute('cx')));
  assert.match(await page.textContent('.break-even__label'), /^break-even: [\d,]+ questions$/);
  for (const caption of ['.latency-caption', '.cost-caption']) {
    const lines = await page.$eval(caption, (el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    assert.ok(lines <= 2, `${caption} is ${lines} lines`);
  }
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 2300, `the page is ${height} px tall (2,858 before the disclosures)`);
  // The break-even label crosses no cost line.
  const crossing = await page.evaluate(() => {
    const label = document.querySelector('.break-even__label').getBBox();
    return [...document.querySelectorAll('.cost-line line')].some((l) => {
      const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((a) => Number(l.getAttribute(a)));
      // Over the label's width the line spans [low, high] in y; it crosses the box when that
      // span meets the box's.
      const ys = [label.x, label.x + label.width].map((x) => y1 + ((y2 - y1) * (x - x1)) / (x2 - x1));
      return Math.max(...ys) > label.y && Math.min(...ys) < label.y + label.height;
    });
  });
  assert.equal(crossing, false, 'the break-even label crosses a line');
  await shot(page, 'cost-desktop');

  await setField(page, 'price-training', '6');
  await page.waitForFunction((n) => Number(document.querySelector('.break-even-chart').dataset.breakEven) !== n, first);
  const doubled = await breakEven(page);
  assert.ok(doubled > 1.9 * first && doubled < 2.1 * first, `twice the training price, about twice the questions: ${first} -> ${doubled}`);
  assert.equal(await page.$eval('.break-even-table caption', (c) => Number(c.dataset.breakEven)), doubled);

  await setField(page, 'price-training', 'six dollars');
  await page.waitForSelector('.price-field--bad');
  assert.match(await page.textContent('#price-training-error'), /“six dollars” is not a number; still using 6\.00\./);
  assert.equal(await breakEven(page), doubled, 'the last good value stays in force');

  await setField(page, 'training-runs', '3');
  await page.waitForFunction((n) => Number(document.querySelector('.break-even-chart').dataset.breakEven) > n, doubled);
  assert.ok((await breakEven(page)) > 2.9 * doubled, 'three training runs, about three times later');

  await setField(page, 'price-tuned-output', '50');
  await page.waitForFunction(() => document.querySelector('.break-even-chart').dataset.breakEven === '');
  assert.match(await page.textContent('.cost-caption'), /never pays off/);
  await page.click('.cost-reset');
  await page.waitForFunction((n) => Number(document.querySelector('.break-even-chart').dataset.breakEven) === n, first);
  const markerAfter = await page.$eval('.break-even circle', (c) => Number(c.getAttribute('cx')));
  assert.equal(markerAfter, markerBefore);
  assert.equal(await page.inputValue('#price-training'), '3.00');
  assertClean(problems);
  await page.close();
});

test('screenshots at phone width', async () => {
  const { page, problems } = await openCost(PHONE);
  await shot(page, 'cost-phone');
  for (const caption of ['.latency-caption', '.cost-caption']) {
    const lines = await page.$eval(caption, (el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    assert.ok(lines <= 2, `${caption} is ${lines} lines on a phone`);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assertClean(problems);
  await page.close();
});
