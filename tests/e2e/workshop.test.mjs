// A scripted workshop: tour steps with a prediction, a retrain, an edit, "Start over" back to
// the workshop start (asserting the state its text promises: answers, badges, model version),
// Undo, a "Show me" after a retrain, presenter mode with its keys and its one-screen layout,
// and a `?scene=workshop-start` link over saved work.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot } from './lib/browser.mjs';

const READY = { timeout: 30000 };
const OLD = /\$12 per user per month/;
const NEW = /\$14 per user per month/;
let session;

// Each test on a fresh profile: they save work in the browser, and a test must not start from
// what the one before it left (or from a save that lands while it runs).
beforeEach(async () => {
  session = await startSession();
});
afterEach(async () => {
  await session?.stop();
});

const card = (page, mode) => page.locator(`.card--${mode} .card__text`);
const text = async (page, mode) => (await card(page, mode).textContent()) ?? '';
const tunedStatus = (page) => page.locator('.ask__tuned-status').textContent();
const query = (page) => new URL(page.url()).searchParams;

async function waitForCard(page, mode, pattern) {
  await page.waitForFunction(
    ([m, source]) => new RegExp(source).test(document.querySelector(`.card--${m} .card__text`)?.textContent ?? ''),
    [mode, pattern.source],
    READY,
  );
}

async function editProPrice(page) {
  await page.click('.app-nav__link[href*="view=corpus"]');
  await page.waitForSelector('.doc-item', READY);
  await page.getByRole('button', { name: 'Plans and pricing', exact: true }).click();
  await page.click('.doc-edit');
  const original = await page.inputValue('#doc-editor');
  await page.fill('#doc-editor', original.replace('$14 per user per month', '$77 per user per month'));
  await page.click('.doc-save');
  await page.waitForSelector('.doc-item--open .edited-badge');
}

async function startOver(page) {
  await page.click('#start-over-button');
  const dialog = page.locator('dialog.start-over');
  await dialog.waitFor({ state: 'visible' });
  return dialog;
}

test('a workshop path: tour, retrain, edit, Start over restores the promised start, Undo brings the work back', async () => {
  const { page, problems } = await session.open('?view=ask&tour=1');
  // Step 1: v1, every card but the base model knows the January price.
  await waitForCard(page, 'tuned', OLD);
  await waitForCard(page, 'rag', OLD);
  // Step 2, predicted with the key "1": retrieval reads July, the tuned model is frozen.
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.tour[data-step="price-change"]');
  await page.keyboard.press('1');
  await waitForCard(page, 'rag', NEW);
  assert.match(await text(page, 'tuned'), OLD);
  // Step 4: retrain on v2 and the tuned card catches up.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('.tour[data-step="retrain"]');
  await page.click('.ask__retrain');
  await waitForCard(page, 'tuned', NEW);
  assert.match(await tunedStatus(page), /trained on v2/);
  // Leave the tour and edit a document.
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('tour'));
  await editProPrice(page);

  // Start over: the confirmation names what goes.
  const dialog = await startOver(page);
  const listed = await dialog.textContent();
  assert.match(listed, /your 1 edit to the sample documents/);
  assert.match(listed, /retrained on v2/);
  await shot(page, 'workshop-start-over-dialog');
  await dialog.getByRole('button', { name: 'Start over', exact: true }).click();
  // The workshop start: Ask, tour step 1, v1, the January model, no edits.
  await page.waitForSelector('.tour[data-step="four-systems"]', READY);
  assert.equal(query(page).get('view'), 'ask');
  assert.equal(query(page).get('tour'), '1');
  await waitForCard(page, 'tuned', OLD);
  await waitForCard(page, 'rag', OLD);
  assert.match(await tunedStatus(page), /trained on v1/);
  assert.match(await page.textContent('.set-aside-notice'), /Back at the workshop start/);
  await page.keyboard.press('Escape');
  await page.click('.app-nav__link[href*="view=corpus"]');
  await page.waitForSelector('.doc-item', READY);
  assert.equal(await page.locator('.edited-badge').count(), 0, 'no edit after Start over');
  // Undo: the edit and the retrained model come back.
  await page.click('.set-aside-notice button:has-text("Undo")');
  await page.waitForSelector('.edited-badge', READY);
  await page.waitForSelector('.set-aside-notice', { state: 'detached' });
  assertClean(problems);
  await page.close();
});

test('a "Show me" and a tour step show what they promise after a retrain and an edit', async () => {
  const { page, problems } = await session.open('?view=ask&v=v3&q=How+much+does+the+Pro+plan+cost%3F');
  await page.waitForSelector('.ask__retrain', READY);
  await page.click('.ask__retrain');
  await page.waitForFunction(() => /trained on v3/.test(document.querySelector('.ask__tuned-status')?.textContent ?? ''), null, READY);
  await editProPrice(page);
  // "When retrieval fits" promises the tuned card still gives the old answer.
  await page.click('.app-nav__link[href*="view=concepts"]');
  await page.locator('[data-concept="when-retrieval"] .concept__show-me').click();
  await page.waitForSelector('.card--tuned .card__text', READY);
  assert.match(await tunedStatus(page), /trained on v1/);
  assert.match(await page.textContent('.set-aside-notice'), /your edit is set aside/);
  // A tour step, entered straight after, is the same whatever came before.
  await page.goto(`${session.url}?view=ask&tour=2`);
  await page.waitForSelector('.tour[data-step="price-change"]', READY);
  await page.keyboard.press('3');
  await waitForCard(page, 'rag', NEW);
  assert.match(await text(page, 'tuned'), OLD);
  assertClean(problems);
  await page.close();
});

test('presenter mode: the Present button, arrow keys between views, Esc; the tour docks beside four cards that fit 1280x720 at 150%', async () => {
  const { page, problems } = await session.open('?view=ask');
  await page.click('.presenter-toggle');
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-presenter'));
  assert.equal(query(page).get('presenter'), '1');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'inspector');
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('view') === 'ask');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.documentElement.hasAttribute('data-presenter'));
  await page.close();

  // 1280x720 at 150% zoom is 853x480 CSS pixels.
  const zoomed = await session.open('?view=ask&tour=2&presenter=1', { viewport: { width: 853, height: 480 } });
  await zoomed.page.waitForSelector('.tour[data-step="price-change"]', READY);
  await zoomed.page.keyboard.press('1');
  await waitForCard(zoomed.page, 'rag', NEW);
  await zoomed.page.waitForTimeout(400);
  await shot(zoomed.page, 'workshop-presenter-853x480');
  const boxes = await zoomed.page.evaluate(() => {
    const tour = document.querySelector('.tour').getBoundingClientRect();
    const cards = [...document.querySelectorAll('.ask__answers .card')].map((c) => c.getBoundingClientRect());
    return { tourLeft: tour.left, cards: cards.map((c) => ({ top: c.top, bottom: c.bottom, right: c.right })), height: innerHeight };
  });
  assert.equal(boxes.cards.length, 4);
  for (const c of boxes.cards) {
    assert.ok(c.top >= 0 && c.bottom <= boxes.height, `a card spans ${c.top}-${c.bottom} of ${boxes.height} px`);
    assert.ok(c.right <= boxes.tourLeft, `a card ends at ${c.right}, under the tour at ${boxes.tourLeft}`);
  }
  assertClean([...problems, ...zoomed.problems]);
  await zoomed.page.close();
});

test('a ?scene=workshop-start link puts saved work aside, starts the tour at step 1 and drops the key', async () => {
  const { page, problems } = await session.open('?view=ask');
  await editProPrice(page);
  // Wait for the autosave, then follow a trainer's link.
  await page.waitForFunction(() => (localStorage.getItem('rag-or-tune/scenario') ?? '').includes('$77'), null, READY);
  await page.goto(`${session.url}?scene=workshop-start`);
  await page.waitForSelector('.tour[data-step="four-systems"]', READY);
  assert.equal(query(page).get('scene'), null);
  assert.match(await page.textContent('.set-aside-notice'), /Back at the workshop start/);
  await page.keyboard.press('Escape');
  await page.click('.app-nav__link[href*="view=corpus"]');
  await page.waitForSelector('.doc-item', READY);
  assert.equal(await page.locator('.edited-badge').count(), 0);
  // An unknown scene is reported, not guessed.
  await page.goto(`${session.url}?view=ask&scene=nope`);
  await page.waitForSelector('.url-notice', READY);
  assert.match(await page.textContent('.url-notice'), /scene=nope/);
  assertClean(problems);
  await page.close();
});
