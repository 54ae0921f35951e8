// The guided tour, walked with the keyboard alone: every step sets the views it claims, the
// predictions hold the answer back until answered, progress shows, Esc closes, the step is
// remembered and resumable, and the panel is docked at the bottom.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, PHONE } from './lib/browser.mjs';
import { expectScene, PRICE, NEAR_MISS } from './lib/scene.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

const ask = (v, rag = true, tuned = true) => ({ view: 'ask', q: PRICE, v, rag, tuned });

// Mirrors src/ui/content/tour.rs: the scene of each step, the scene shown before a
// prediction is answered, and the key the walk answers it with.
const STEPS = [
  { id: 'four-systems', scene: ask('v1') },
  { id: 'price-change', before: ask('v1'), answer: '1', right: true, scene: ask('v2') },
  { id: 'citations', scene: { view: 'inspector', q: PRICE, v: 'v2', tuned: false } },
  { id: 'retrain', scene: ask('v2') },
  { id: 'wording', scene: { view: 'training', q: PRICE, v: 'v2' } },
  { id: 'near-miss', before: ask('v3'), answer: 'ArrowRight', scene: { view: 'ask', q: NEAR_MISS, v: 'v3' } },
  { id: 'format', scene: { view: 'tradeoff', q: PRICE, v: 'v3' } },
  { id: 'freshness', scene: { view: 'timeline', q: PRICE, v: 'v3' } },
  {
    id: 'documents',
    before: { view: 'inspector', q: PRICE, v: 'v3', tuned: false, curated: false },
    answer: '2',
    right: false,
    scene: { view: 'inspector', q: PRICE, v: 'v3', tuned: false, curated: true },
  },
  { id: 'cost', scene: { view: 'cost', q: PRICE, v: 'v3' } },
  { id: 'decide', scene: { view: 'guide', q: PRICE, v: 'v3' } },
  { id: 'check', scene: { view: 'check', q: PRICE, v: 'v3' } },
];

async function ready(page) {
  await page.waitForSelector('.load-status', { state: 'detached', timeout: 30000 });
}

const tourParam = (page) => page.evaluate(() => new URLSearchParams(location.search).get('tour'));

test('the whole tour, with the keyboard alone', async () => {
  const { page, problems } = await session.open('?view=ask');
  await ready(page);
  const launcher = page.locator('.tour-launch');
  assert.equal((await launcher.textContent()).trim(), 'Start the tour');
  await launcher.focus();
  await page.keyboard.press('Enter');
  for (const [i, step] of STEPS.entries()) {
    const panel = page.locator(`.tour[data-step="${step.id}"]`);
    await panel.waitFor({ timeout: 20000 });
    assert.equal(await tourParam(page), String(i + 1));
    assert.equal((await page.locator('.tour__progress').textContent()).trim(), `Step ${i + 1} of ${STEPS.length}`);
    if (step.before) {
      await expectScene(page, step.before);
      assert.equal(await panel.getAttribute('data-revealed'), 'false', step.id);
      assert.equal(await page.locator('.tour__reveal').count(), 0, 'the answer is held back');
      await page.keyboard.press(step.answer);
      await page.waitForSelector('.tour[data-revealed="true"]');
      const reveal = (await page.locator('.tour__reveal').textContent()).trim();
      if (step.right === true) assert.match(reveal, /^Right\./);
      if (step.right === false) assert.match(reveal, /^Not quite\./);
      if (step.right === undefined) assert.doesNotMatch(reveal, /^(Right|Not quite)/);
    }
    await expectScene(page, step.scene);
    if (step.scene.view === 'ask') {
      await page.waitForFunction((q) => document.querySelector('#ask-question')?.value === q, step.scene.q);
    }
    if (step.id === 'price-change') {
      // The prediction was right: the tuned card still gives the January price.
      await page.waitForFunction(() => /\$12/.test(document.querySelector('.card--tuned')?.textContent ?? ''));
      assert.match(await page.locator('.card--rag').textContent(), /\$14/);
      await shot(page, 'tour-predict-revealed-desktop');
    }
    if (i === 0) await shot(page, 'tour-step1-desktop');
    await page.keyboard.press('ArrowRight');
  }
  await page.waitForSelector('.tour', { state: 'detached' });
  assert.equal(await tourParam(page), null);
  assert.equal(await page.evaluate(() => localStorage.getItem('ragtune.tour.step')), null, 'finished: forgotten');
  assert.equal((await page.locator('.tour-launch').textContent()).trim(), 'Start the tour');
  assertClean(problems);
  await page.close();
});

test('Left goes back, Esc closes, and the tour resumes where it was left', async () => {
  const { page, problems } = await session.open('?view=ask');
  await ready(page);
  await page.locator('.tour-launch').click();
  await page.locator('.tour[data-step="four-systems"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // reveals the prediction ("just show me")
  await page.waitForSelector('.tour[data-revealed="true"]');
  await page.keyboard.press('ArrowRight');
  await page.locator('.tour[data-step="citations"]').waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator('.tour[data-step="price-change"]').waitFor();
  await expectScene(page, ask('v1'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.locator('.tour[data-step="citations"]').waitFor();
  await page.keyboard.press('Escape');
  await page.waitForSelector('.tour', { state: 'detached' });
  assert.equal(await tourParam(page), null);
  await page.reload();
  await ready(page);
  const launcher = page.locator('.tour-launch');
  assert.equal((await launcher.textContent()).trim(), 'Resume the tour (step 3)');
  await launcher.click();
  await page.locator('.tour[data-step="citations"]').waitFor();
  await expectScene(page, STEPS[2].scene);
  assertClean(problems);
  await page.close();
});

test('a link to a step opens it; the panel is docked at the bottom on a phone', async () => {
  const { page, problems } = await session.open('?tour=6', { viewport: PHONE });
  await ready(page);
  await page.locator('.tour[data-step="near-miss"]').waitFor();
  await expectScene(page, STEPS[5].before);
  const box = await page.locator('.tour').boundingBox();
  assert.ok(Math.abs(box.y + box.height - PHONE.height) < 2, 'docked at the bottom');
  assert.ok(box.height < PHONE.height * 0.5, 'covers less than half the screen');
  await page.locator('.tour__choice').nth(1).click();
  await expectScene(page, STEPS[5].scene);
  await page.screenshot({ path: `${process.env.SHOTS ?? 'target/e2e'}/tour-near-miss-phone.png` });
  // Typing in the question box is not taken over by the tour's keys.
  await page.locator('.tour__next').click();
  await page.locator('.tour[data-step="format"]').waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator('.tour[data-step="near-miss"]').waitFor();
  await page.locator('#ask-question').waitFor();
  await page.locator('#ask-question').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('2');
  assert.equal(await tourParam(page), '6');
  assertClean(problems);
  await page.close();
});

test('presenter mode: large type, no navigation, the tour steps with the keys', async () => {
  const { page, problems } = await session.open('?presenter=1&tour=1');
  await ready(page);
  await page.locator('.tour[data-step="four-systems"]').waitFor();
  assert.equal(await page.locator('.app-nav').isVisible(), false);
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(size > 20, `large type (${size}px)`);
  await page.waitForSelector('.card--tuned');
  await page.screenshot({ path: `${process.env.SHOTS ?? 'target/e2e'}/presenter-tour-desktop.png` });
  await page.keyboard.press('ArrowRight');
  await page.locator('.tour[data-step="price-change"]').waitFor();
  await page.keyboard.press('Escape');
  await page.waitForSelector('.tour', { state: 'detached' });
  assert.ok(await page.evaluate(() => document.documentElement.hasAttribute('data-presenter')), 'Esc closed only the tour');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-presenter'));
  assertClean(problems);
  await page.close();
});
