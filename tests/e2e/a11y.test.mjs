// Accessibility: axe-core on every view (and embed mode) reports no serious or critical
// violation; a keyboard-only pass reaches every control of the shell; print and phone shots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startSession, assertClean, shot, PHONE } from './lib/browser.mjs';

const VIEWS = ['ask', 'inspector', 'map', 'corpus', 'mine', 'training', 'tradeoff', 'timeline', 'cost', 'concepts', 'guide', 'check'];
const AXE = await readFile(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');
let session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

/** Runs axe in the page (evaluated through the debugger, so the page's CSP does not apply). */
async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function ready(page) {
  await page.waitForSelector('.load-status', { state: 'detached', timeout: 30000 });
}

test('axe-core: no serious or critical violation on any view, nor in embed or presenter mode', async () => {
  const found = {};
  const special = ['?view=ask&embed=1', '?view=ask&presenter=1&tour=2', '?view=concepts&presenter=1'];
  for (const query of [...VIEWS.map((v) => `?view=${v}`), ...special]) {
    const { page, problems } = await session.open(query);
    await ready(page);
    await page.waitForTimeout(300);
    const violations = await axe(page);
    if (violations.length) found[query] = violations;
    assertClean(problems);
    await page.close();
  }
  if (Object.keys(found).length) console.log(JSON.stringify(found, null, 2));
  assert.deepEqual(found, {});
});

test('axe-core: the loading screen and its failure message have no serious or critical violation', async () => {
  // A fresh profile without the service worker, so the held wasm request is really held.
  const fresh = await startSession({ serviceWorkers: 'block' });
  try {
    const found = {};
    for (const [state, handle] of [
      ['loading', () => new Promise(() => {})],
      ['failed', (route) => route.fulfill({ status: 404, body: 'gone' })],
    ]) {
      const page = await fresh.context.newPage();
      await page.route('**/*.wasm', handle);
      await page.goto(`${fresh.url}?view=ask`, { waitUntil: 'domcontentloaded' });
      if (state === 'failed') await page.locator('#boot-failure').waitFor({ state: 'visible' });
      else await page.locator('#boot').waitFor({ state: 'visible' });
      await shot(page, `boot-${state}`);
      const violations = await axe(page);
      if (violations.length) found[state] = violations;
      await page.close();
    }
    assert.deepEqual(found, {});
  } finally {
    await fresh.stop();
  }
});

test('keyboard only: Tab reaches every control of the shell, with visible focus', async () => {
  const { page, problems } = await session.open('?view=concepts');
  await ready(page);
  const controls = await page.evaluate(() =>
    [...document.querySelectorAll('.skip-link, .app-header a, .app-header button, .app-nav a, .app-footer a, .app-footer button')]
      // The closed iframe dialog's buttons are not controls until it opens (embed.test.mjs).
      .filter((e) => !e.closest('dialog:not([open])'))
      .map((e) => e.textContent.trim()),
  );
  const reached = new Set();
  let unstyled = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const style = getComputedStyle(e);
      const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return { text: e.textContent.trim(), shell: !!e.closest('.app-header, .app-nav, .app-footer, .skip-link') || e.classList.contains('skip-link'), visible };
    });
    if (!info) continue;
    if (info.shell) {
      reached.add(info.text);
      if (!info.visible) unstyled.push(info.text);
    }
  }
  const missed = controls.filter((c) => !reached.has(c));
  assert.deepEqual(missed, [], 'every shell control is reachable by Tab');
  assert.deepEqual(unstyled, [], 'every focused shell control shows a focus outline');
  assertClean(problems);
  await page.close();
});

test('print gives a clean page; the phone width has no sideways scroll', async () => {
  const { page, problems } = await session.open('?view=ask');
  await ready(page);
  await page.waitForSelector('.ask__suggestions .chip', { timeout: 20000 });
  await page.locator('.ask__suggestions .chip').first().click();
  await page.waitForSelector('.card--both .card__text');
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.app-nav', '.share-bar', '.app-footer']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is not printed`);
  }
  await shot(page, 'print-ask');
  await page.emulateMedia({ media: 'screen' });
  await page.close();
  for (const view of VIEWS) {
    const phone = await session.open(`?view=${view}`, { viewport: PHONE });
    await ready(phone.page);
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `${view} is ${width}px wide at phone width`);
    if (view === 'ask') await shot(phone.page, 'phone-ask-shell');
    assertClean(phone.problems);
    await phone.page.close();
  }
  assertClean(problems);
});
