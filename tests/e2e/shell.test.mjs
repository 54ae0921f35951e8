// The app shell: it renders, every view is reachable by click and by URL, history works,
// the guard catches foreign requests, and a panic shows the panel instead of a blank page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, DESKTOP, PHONE } from './lib/browser.mjs';

const VIEWS = ['ask', 'inspector', 'map', 'corpus', 'mine', 'training', 'tradeoff', 'timeline', 'cost', 'concepts', 'guide', 'check'];
let session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

test('the shell renders its frame with no console error', async () => {
  const { page, problems } = await session.open('');
  await page.waitForSelector('.app-header__title');
  assert.equal(await page.textContent('.app-header__title'), 'RAG or fine-tune?');
  assert.match(await page.textContent('.app-header__promise'), /retrieval adds knowledge.*fine-tuning changes behaviour/);
  assert.match(await page.textContent('.app-footer'), /Runs entirely in your browser; no LLM, no network/);
  assert.equal(await page.locator('.app-nav__link').count(), VIEWS.length);
  assert.equal(await page.getAttribute('.app-nav__link[aria-current="page"]', 'href'), '?view=ask');
  assertClean(problems);
  await page.close();
});

test('every view is reachable by URL, at desktop and phone width', async () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    for (const view of VIEWS) {
      const { page, problems } = await session.open(`?view=${view}`, { viewport });
      const current = page.locator('.app-nav__link[aria-current="page"]');
      assert.equal(await current.getAttribute('href'), `?view=${view}`);
      assert.ok((await page.textContent('.app-main')).trim().length > 40, `${view} says what it is`);
      await shot(page, `shell-${view}-${size}`);
      assertClean(problems);
      await page.close();
    }
  }
});

test('every view is reachable by click, and back/forward restore the view', async () => {
  const { page, problems } = await session.open('?view=ask');
  for (const view of VIEWS.slice(1)) {
    await page.click(`.app-nav__link[href="?view=${view}"]`);
    await page.waitForURL(`**?view=${view}`);
    assert.equal(await page.getAttribute('.app-nav__link[aria-current="page"]', 'href'), `?view=${view}`);
  }
  await page.goBack();
  await page.waitForURL(`**?view=${VIEWS.at(-2)}`);
  assert.equal(await page.getAttribute('.app-nav__link[aria-current="page"]', 'href'), `?view=${VIEWS.at(-2)}`);
  await page.goForward();
  await page.waitForURL(`**?view=${VIEWS.at(-1)}`);
  assert.equal(await page.getAttribute('.app-nav__link[aria-current="page"]', 'href'), `?view=${VIEWS.at(-1)}`);
  assertClean(problems);
  await page.close();
});

test('an unknown view falls back to Ask without an error', async () => {
  const { page, problems } = await session.open('?view=%3Cscript%3E');
  assert.equal(await page.getAttribute('.app-nav__link[aria-current="page"]', 'href'), '?view=ask');
  assertClean(problems);
  await page.close();
});

test('the guard catches a request to another origin (and blocks it)', async () => {
  // On the app's pages the Content-Security-Policy already refuses the request (the guard sees
  // the refusal as a console error); on a page without the policy the request itself is seen.
  const { page, problems } = await session.open('');
  await page.evaluate(() => fetch('http://guard-check.invalid/probe').catch(() => 'blocked'));
  await page.waitForTimeout(100);
  assert.ok(
    problems.some((p) => p.includes('guard-check.invalid')),
    `the guard saw: ${JSON.stringify(problems)}`,
  );
  assert.throws(() => assertClean(problems));
  await page.close();

  const bare = await session.open('no-such-page.txt', { waitFor: null });
  await bare.page.evaluate(() => fetch('http://guard-check.invalid/probe').catch(() => 'blocked'));
  await bare.page.waitForTimeout(100);
  assert.ok(
    bare.problems.some((p) => p.startsWith('request to another origin: http://guard-check.invalid/')),
    `the guard saw: ${JSON.stringify(bare.problems)}`,
  );
  await bare.page.close();
});

test('a panic shows the readable panel instead of a blank page', async () => {
  const { page, problems } = await session.open('?debug_panic=1', { waitFor: '#panic-panel' });
  assert.match(await page.textContent('#panic-panel h2'), /Something went wrong/);
  assert.match(await page.textContent('#panic-panel pre'), /deliberate test panic/);
  assert.ok(problems.some((p) => p.includes('panicked')), 'the panic is logged too');
  // Reloading drops the query, so the link that caused the panic does not cause it again.
  const reload = await page.getAttribute('#panic-panel a', 'href');
  assert.ok(reload && !reload.includes('?'), `reload link: ${reload}`);
  await shot(page, 'shell-panic-desktop');
  await page.close();
});
