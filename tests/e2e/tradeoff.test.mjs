// The trade-off chart: four points placed exactly at the evaluation numbers its table shows,
// which are the numbers `ragtune eval --json` prints for the same state; editing a fact in
// the corpus view moves the fine-tuned point left and leaves retrieval where it was;
// retraining moves it back; points animate unless reduced motion is asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startSession, assertClean, shot, DESKTOP, PHONE } from './lib/browser.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const READY = { timeout: 30000 };
const MODES = ['base', 'rag', 'tuned', 'both'];
// A fact stated the same in every version, which the v1-tuned model answers from weights.
const DOC = 'API overview';
const PASSAGE = 'A workspace can register up to 20 webhooks';
const EDITED = 'A workspace can register up to 35 webhooks';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

/** `ragtune eval --json` for the app's start-up state (latest version, tuned on v1). */
function cliEval() {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'ragtune', '--', 'eval', '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

async function openTradeoff(viewport = DESKTOP) {
  const opened = await session.open('?view=tradeoff', { viewport });
  await opened.page.waitForSelector('.tradeoff-point[data-x]', READY);
  await opened.page.waitForFunction(() => document.querySelectorAll('.tradeoff-table tbody tr').length === 4);
  return opened;
}

async function goTo(page, view) {
  await page.click(`.app-nav__link[href*="view=${view}"]`);
  await page.waitForURL(`**view=${view}*`);
}

/** How many lines of text `selector` takes. */
async function lineCount(page, selector) {
  return page.$eval(selector, (el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
}

/** Every label drawn over another label or over another point's halo, as "label / what". Once
 *  the points have moved (their transition) the boxes are where the page paints them. */
async function labelClashes(page) {
  await page.waitForTimeout(1000);
  return page.$$eval('.tradeoff-point', (gs) => {
    const items = gs.map((g) => ({
      mode: g.dataset.mode,
      label: g.querySelector('text').getBoundingClientRect(),
      halo: g.querySelector('.tradeoff-point__halo').getBoundingClientRect(),
    }));
    const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const touches = (box, circle) => {
      const [cx, cy, r] = [circle.left + circle.width / 2, circle.top + circle.height / 2, circle.width / 2];
      const nx = Math.min(Math.max(cx, box.left), box.right);
      const ny = Math.min(Math.max(cy, box.top), box.bottom);
      return Math.hypot(cx - nx, cy - ny) < r;
    };
    const clashes = [];
    for (const a of items) {
      for (const b of items) {
        if (a === b) continue;
        if (meet(a.label, b.label) && a.mode < b.mode) clashes.push(`${a.mode} label / ${b.mode} label`);
        if (touches(a.label, b.halo)) clashes.push(`${a.mode} label / ${b.mode} halo`);
      }
    }
    return clashes;
  });
}

/** Every point: its numbers and where it is drawn. */
async function points(page) {
  return page.$$eval('.tradeoff-point', (gs) =>
    Object.fromEntries(
      gs.map((g) => {
        const m = g.style.transform.match(/translate\(([-\d.]+)px,\s*([-\d.]+)px\)/);
        return [g.dataset.mode, { x: Number(g.dataset.x), y: Number(g.dataset.y), px: Number(m[1]), py: Number(m[2]) }];
      }),
    ),
  );
}

/** The table: per mode, per column key, the exact value (null when the cell has none). */
async function table(page) {
  return page.$$eval('.tradeoff-table tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.dataset.mode,
        Object.fromEntries(
          [...row.querySelectorAll('td[data-key]')].map((td) => [td.dataset.key, td.dataset.value === '' ? null : Number(td.dataset.value)]),
        ),
      ]),
    ),
  );
}

test('four points sit at the numbers of the table, and both match the CLI', async () => {
  const cli = cliEval();
  const { page, problems } = await openTradeoff();
  const frame = await page.$eval('.tradeoff-chart', (svg) => ({
    left: Number(svg.dataset.left),
    right: Number(svg.dataset.right),
    top: Number(svg.dataset.top),
    bottom: Number(svg.dataset.bottom),
  }));
  const shown = await points(page);
  const numbers = await table(page);
  assert.deepEqual(Object.keys(shown).sort(), [...MODES].sort());
  for (const mode of MODES) {
    const p = shown[mode];
    assert.equal(p.x, numbers[mode].knowledge_accuracy, `${mode}: x is the table's knowledge accuracy`);
    assert.equal(p.y, numbers[mode].format_compliance, `${mode}: y is the table's format compliance`);
    assert.ok(Math.abs(p.px - (frame.left + p.x * (frame.right - frame.left))) < 0.01, `${mode} drawn at its x`);
    assert.ok(Math.abs(p.py - (frame.bottom - p.y * (frame.bottom - frame.top))) < 0.01, `${mode} drawn at its y`);
    for (const [key, value] of Object.entries(numbers[mode])) {
      if (key.startsWith('latency')) continue;
      assert.equal(value, cli.modes[mode][key], `${mode}.${key}: browser ${value}, CLI ${cli.modes[mode][key]}`);
    }
  }
  // The headline directions, as measured now.
  assert.ok(numbers.tuned.format_compliance > numbers.rag.format_compliance);
  assert.ok(numbers.tuned.stale_rate > numbers.rag.stale_rate);
  assert.equal(numbers.base.abstention_accuracy, 1);
  const timing = await page.textContent('.tradeoff-timing');
  console.log(`browser: ${timing}`);
  const asked = cli.questions.answerable + cli.questions.unanswerable;
  assert.match(timing, new RegExp(`Re-evaluated ${asked} questions in all four modes in \\d+ ms`));
  assert.match(await page.textContent('.tradeoff-caption'), /^Notice: /);
  assert.match(await page.textContent('.tradeoff .notice-details'), /Right means stating today's facts, up means following the house format/);
  assert.equal(await page.locator('.evidence-card').count(), 3);
  assert.deepEqual(await labelClashes(page), [], 'no label covers another label or a point');
  await shot(page, 'tradeoff-desktop');
  assertClean(problems);
  await page.close();
});

test('editing a fact moves the fine-tuned point left and leaves retrieval; retraining moves it back', async () => {
  const { page, problems } = await openTradeoff();
  const before = await points(page);

  await goTo(page, 'corpus');
  await page.waitForSelector('.doc-item', READY);
  await page.getByRole('button', { name: DOC, exact: true }).click();
  await page.waitForSelector('.doc-panel__title');
  await page.click('.doc-edit');
  const original = await page.inputValue('#doc-editor');
  assert.ok(original.includes(PASSAGE), 'the passage to edit is there');
  await page.fill('#doc-editor', original.replace(PASSAGE, EDITED));
  await page.click('.doc-save');
  await page.waitForSelector('.doc-item--open .edited-badge');

  await goTo(page, 'tradeoff');
  await page.waitForFunction((x) => Number(document.querySelector('.tradeoff-point[data-mode="tuned"]')?.dataset.x) < x, before.tuned.x, READY);
  const edited = await points(page);
  assert.ok(edited.tuned.x < before.tuned.x, `tuned moved left: ${before.tuned.x} -> ${edited.tuned.x}`);
  assert.ok(edited.tuned.px < before.tuned.px);
  assert.ok(Math.abs(edited.rag.x - before.rag.x) <= 1 / 264 + 1e-12, `retrieval stays: ${before.rag.x} -> ${edited.rag.x}`);
  assert.equal(edited.tuned.y, before.tuned.y, 'the format does not change');
  await shot(page, 'tradeoff-after-edit-desktop');

  await goTo(page, 'timeline');
  await page.waitForSelector('.timeline-retrain', READY);
  await page.click('.timeline-retrain');
  await page.waitForFunction(() => /^Retrained on v3 in \d+ ms/.test(document.querySelector('.timeline-status')?.textContent ?? ''), null, READY);
  await goTo(page, 'tradeoff');
  await page.waitForFunction((x) => Number(document.querySelector('.tradeoff-point[data-mode="tuned"]')?.dataset.x) > x, edited.tuned.x, READY);
  const retrained = await points(page);
  assert.ok(retrained.tuned.x > edited.tuned.x, `retraining moves it back: ${edited.tuned.x} -> ${retrained.tuned.x}`);
  const numbers = await table(page);
  assert.equal(retrained.tuned.x, numbers.tuned.knowledge_accuracy);
  assert.equal(numbers.tuned.stale_rate, 0, 'trained on the edited documents, nothing is stale');
  assertClean(problems);
  await page.close();
});

test('points animate on change, and not under reduced motion', async () => {
  const { page, problems } = await openTradeoff();
  const duration = () => page.$eval('.tradeoff-point', (g) => getComputedStyle(g).transitionDuration);
  assert.equal(await duration(), '0.24s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await duration(), '0s');
  // Moving k re-evaluates and moves the retrieval points.
  const before = await points(page);
  await page.$eval('.chart-control input[type="range"]', (input) => {
    input.value = '1';
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForFunction(() => /k\): 1/.test(document.querySelector('.chart-control span').textContent));
  await page.waitForFunction((x) => Number(document.querySelector('.tradeoff-point[data-mode="rag"]').dataset.x) !== x, before.rag.x, READY);
  const after = await points(page);
  assert.notEqual(after.rag.x, before.rag.x, 'k changes what retrieval knows');
  assert.equal(after.tuned.x, before.tuned.x, 'k does not touch the fine-tuned model');
  assertClean(problems);
  await page.close();
});

test('screenshots at phone width', async () => {
  const { page, problems } = await openTradeoff(PHONE);
  await shot(page, 'tradeoff-phone');
  assert.ok(await lineCount(page, '.tradeoff-caption') <= 2, 'the notice is at most two lines on a phone');
  assert.deepEqual(await labelClashes(page), [], 'no label covers another label or a point on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assertClean(problems);
  await page.close();
});
