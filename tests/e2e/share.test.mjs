// Shareable state: a link reopens the same question, modes, version and settings; malformed
// parameters are ignored with a notice; changes are written back to the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean } from './lib/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

test('a link to a view the app does not have opens Ask and says so', async () => {
  const { page, problems } = await session.open('?view=nowhere');
  await page.waitForSelector('.url-notice', { timeout: 20000 });
  assert.match(await page.textContent('.url-notice'), /view “nowhere” this app does not have/);
  assert.match(await page.textContent('h2.view__title'), /Ask/);
  assertClean(problems);
  await page.close();
});

test('a link opens the state it names, and ignores what it cannot use', async () => {
  const q = encodeURIComponent('How much does the Pro plan cost?');
  const { page, problems } = await session.open(`?view=ask&q=${q}&v=v2&tuned=0&k=7&bogus=1&t=9`);
  await page.waitForSelector('.card--rag', { timeout: 20000 });
  assert.equal(await page.inputValue('#ask-question'), 'How much does the Pro plan cost?');
  assert.match(await page.locator('.card--selected').getAttribute('class'), /card--rag/);
  assert.equal(await page.textContent('.version-picker__option[aria-pressed="true"] .version-picker__id'), 'v2');
  const notice = await page.textContent('.url-notice');
  assert.match(notice, /bogus=1/);
  assert.match(notice, /t=9/);
  await page.getByLabel('Tuned weights (fine-tuned model)').check();
  await page.waitForFunction(() => !location.search.includes('tuned=0'));
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('k'), '7');
  assert.equal(url.searchParams.get('v'), 'v2');
  assert.equal(url.searchParams.get('view'), 'ask');
  assert.equal(url.searchParams.get('q'), 'How much does the Pro plan cost?');
  assertClean(problems);
  await page.close();
});

test('a copied URL reproduces the same answers', async () => {
  const first = await session.open('?view=ask');
  await first.page.waitForSelector('.ask__suggestions .chip', { timeout: 20000 });
  await first.page.locator('.ask__suggestions .chip').nth(1).click();
  await first.page.click('.version-picker__option:has-text("v1")');
  await first.page.waitForFunction(() => location.search.includes('v=v1'));
  const texts = await first.page.locator('.card__text').allTextContents();
  const link = first.page.url();
  const second = await session.open(link.slice(link.indexOf('?')));
  await second.page.waitForSelector('.card--both', { timeout: 20000 });
  await second.page.waitForFunction(
    (n) => document.querySelectorAll('.card__text').length === n,
    texts.length,
  );
  assert.deepEqual(await second.page.locator('.card__text').allTextContents(), texts);
  assertClean(first.problems);
  assertClean(second.problems);
  await first.page.close();
  await second.page.close();
});

test('what a link names wins over the work saved in this browser', async () => {
  const KEY = 'rag-or-tune/scenario';
  // Saved work with k = 3 (autosave after the change).
  const saved = await session.open('?view=inspector&k=3');
  await saved.page.waitForFunction((key) => /"k":\s*3\b/.test(localStorage.getItem(key) ?? ''), KEY, { timeout: 15000 });
  await saved.page.close();
  // A link naming k = 7: the restore of the saved work must not overwrite it.
  const q = encodeURIComponent('How much does the Pro plan cost?');
  const { page, problems } = await session.open(`?view=inspector&q=${q}&k=7`);
  await page.waitForSelector('.inspector__passages', { timeout: 20000 });
  await page.waitForTimeout(1000);
  assert.equal(await page.inputValue('#inspector-k'), '7');
  assert.equal(new URL(page.url()).searchParams.get('k'), '7');
  assert.equal(await page.locator('.inspector__passages .passage').count(), 7);
  await page.evaluate((key) => localStorage.removeItem(key), KEY);
  assertClean(problems);
  await page.close();
});
