// Concepts: every "Show me" lands in the state it promises; the curation demonstration
// measures recall both ways; evidence shows source and year; presenter mode shows one
// concept at a time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, clearSavedWork, PHONE } from './lib/browser.mjs';
import { expectScene, PRICE } from './lib/scene.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

// Mirrors src/ui/content/concepts.rs.
const CONCEPTS = [
  ['knowledge-behaviour', { view: 'ask', q: PRICE, v: 'v1' }],
  ['when-retrieval', { view: 'ask', q: PRICE, v: 'v2', tuned: false }],
  ['when-tuning', { view: 'tradeoff', q: PRICE, v: 'v1', rag: false }],
  ['both', { view: 'ask', q: PRICE, v: 'v3' }],
  ['heuristic', { view: 'guide', v: 'v3' }],
  ['continued-pretraining', { view: 'training', q: PRICE, v: 'v2', rag: false }],
  ['replace', { view: 'ask', q: PRICE, v: 'v3', tuned: false }],
  ['choose-documents', { view: 'inspector', q: PRICE, v: 'v3', tuned: false, curated: false }],
];

async function ready(page) {
  await page.waitForSelector('.load-status', { state: 'detached', timeout: 30000 });
  await page.waitForSelector('.concept');
}

test('every concept has evidence with source and year (or "undated" for a documentation page), and its "Show me" lands in its state', async () => {
  const { page, problems } = await session.open('?view=concepts');
  await ready(page);
  assert.equal(await page.locator('.concept').count(), CONCEPTS.length);
  for (const text of await page.locator('.evidence__source').allTextContents()) {
    assert.match(text, /, ((19|20)\d\d|undated) · /, text);
  }
  assert.ok((await page.locator('.evidence__reported').count()) >= 1, 'secondary figures are marked');
  await shot(page, 'concepts-desktop');
  assertClean(problems);
  await page.close();
  // Each "Show me" from a fresh start: a scene that names no question keeps the learner's,
  // and the previous scene's question is saved work by then.
  for (const [id, scene] of CONCEPTS) {
    await clearSavedWork(session);
    const shown = await session.open('?view=concepts');
    await ready(shown.page);
    await shown.page.locator(`[data-concept="${id}"] .concept__show-me`).click();
    await expectScene(shown.page, { q: null, ...scene });
    if (scene.view === 'ask') {
      await shown.page.waitForFunction((q) => document.querySelector('#ask-question')?.value === q, scene.q);
    }
    // Back returns to the explanation.
    await shown.page.goBack();
    await shown.page.waitForSelector('.concept');
    assertClean(shown.problems);
    await shown.page.close();
  }
  await clearSavedWork(session);
});

test('choosing the documents: leaving flagged documents out raises recall, setting kept', async () => {
  const { page, problems } = await session.open('?view=concepts');
  await ready(page);
  await page.locator('.curation__measure').click();
  const rows = page.locator('.curation__table tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  const share = async (i) => parseFloat((await rows.nth(i).locator('td').nth(1).textContent()).trim());
  const passages = async (i) => parseInt((await rows.nth(i).locator('td').nth(0).textContent()).trim(), 10);
  const [all, curated] = [await share(0), await share(1)];
  console.log(`recall@5 all ${all}% curated ${curated}%`);
  assert.ok(curated > all, `curated ${curated} > all ${all}`);
  assert.ok((await passages(1)) < (await passages(0)));
  assert.equal(await page.evaluate(() => new URLSearchParams(location.search).get('curated')), null, 'default kept');
  await page.locator('[data-concept="choose-documents"]').screenshot({
    path: `${process.env.SHOTS ?? 'target/e2e'}/concepts-curation.png`,
  });
  assertClean(problems);
  await page.close();
});

test('presenter mode shows one concept at a time and steps with the arrows', async () => {
  const { page, problems } = await session.open('?view=concepts&presenter=1');
  await ready(page);
  const visible = () => page.locator('.concept:visible');
  assert.equal(await visible().count(), 1);
  assert.equal((await page.locator('.concepts__counter').textContent()).trim(), `1 / ${CONCEPTS.length}`);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await page.locator('.concepts__counter').textContent()).trim(), `3 / ${CONCEPTS.length}`);
  assert.equal(await visible().getAttribute('data-concept'), 'when-tuning');
  await shot(page, 'concepts-presenter-desktop');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await visible().getAttribute('data-concept'), 'when-retrieval');
  assertClean(problems);
  await page.close();
});

test('concepts on a phone', async () => {
  const { page, problems } = await session.open('?view=concepts', { viewport: PHONE });
  await ready(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no sideways scrolling (${overflow}px)`);
  await shot(page, 'concepts-phone');
  assertClean(problems);
  await page.close();
});
