// Ask: one question, four answers; citations open their passage; toggles pick a mode; the
// tuned answer goes stale when time moves on and recovers after retraining; bad input is calm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, PHONE } from './lib/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

async function ready(page) {
  await page.waitForSelector('.ask__suggestions .chip', { timeout: 20000 });
}

async function ask(page, text) {
  await page.fill('#ask-question', text);
  await page.click('.ask__form button[type=submit]');
}

const card = (page, mode) => page.locator(`.card--${mode}`);

test('a suggested question gets four answers, and the retrieval one cites its passage', async () => {
  const { page, problems } = await session.open('?view=ask');
  await ready(page);
  await page.locator('.ask__suggestions .chip').first().click();
  await page.waitForSelector('.card--both');
  assert.equal(await page.locator('.card').count(), 4);
  await ask(page, 'How much does the Pro plan cost?');
  await page.waitForFunction(() => document.querySelector('#ask-question').value.startsWith('How much'));
  for (const mode of ['base', 'rag', 'tuned', 'both']) {
    assert.ok((await card(page, mode).locator('.card__text').textContent()).trim().length > 10, mode);
  }
  assert.match(await card(page, 'tuned').textContent(), /From weights, as of/);
  assert.match(await card(page, 'tuned').locator('.card__text').textContent(), /^Answer: /);
  assert.match(await card(page, 'rag').locator('.badge--muted').textContent(), /Not in house format/);
  assert.match(await card(page, 'both').locator('.badge--ok').textContent(), /House format/);
  const citation = card(page, 'rag').locator('.card__citations button').first();
  await citation.click();
  const mark = card(page, 'rag').locator('.card__passage mark');
  await mark.waitFor();
  assert.ok((await mark.textContent()).trim().length > 10, 'the supporting sentence is highlighted');
  assert.ok(
    (await card(page, 'rag').locator('.card__passage').textContent()).includes((await mark.textContent()).trim()),
  );
  await shot(page, 'ask-answers-desktop');
  assertClean(problems);
  await page.close();
});

test('the toggles select the matching card', async () => {
  const { page, problems } = await session.open('?view=ask');
  await ready(page);
  await ask(page, 'How much does the Pro plan cost?');
  await page.waitForSelector('.card--selected');
  const selected = async () => page.locator('.card--selected').getAttribute('class');
  assert.match(await selected(), /card--both/);
  await page.getByLabel('Tuned weights (fine-tuned model)').uncheck();
  assert.match(await selected(), /card--rag/);
  await page.getByLabel('Retrieval (look it up in the documents)').uncheck();
  assert.match(await selected(), /card--base/);
  await page.getByLabel('Tuned weights (fine-tuned model)').check();
  assert.match(await selected(), /card--tuned/);
  assert.equal(await page.locator('.card--selected').count(), 1);
  assertClean(problems);
  await page.close();
});

test('after the documents change the tuned answer is stale until it is retrained', async () => {
  const { page, problems } = await session.open('?view=ask');
  await ready(page);
  await ask(page, 'How much does the Pro plan cost?');
  await page.waitForSelector('.card--tuned');
  await page.click('.version-picker__option:has-text("v1")');
  await page.waitForSelector('.version-picker__option[aria-pressed="true"]:has-text("v1")');
  assert.equal(await card(page, 'tuned').locator('.badge--stale').count(), 0, 'fresh at its own snapshot');
  await page.click('.version-picker__option:has-text("v2")');
  await card(page, 'tuned').locator('.badge--stale').waitFor();
  assert.equal(await card(page, 'rag').locator('.badge--stale').count(), 0, 'retrieval reads the new documents');
  assert.match(await card(page, 'tuned').locator('.card__text').textContent(), /trained on v1/);
  await shot(page, 'ask-stale-desktop');
  await page.click('.ask__retrain');
  await page.waitForFunction(() => !document.querySelector('.card--tuned .badge--stale'));
  assert.match(await card(page, 'tuned').locator('.card__text').textContent(), /trained on v2/);
  assertClean(problems);
  await page.close();
});

test('empty, huge and markup questions are handled calmly and shown as text', async () => {
  const { page, problems } = await session.open('?view=ask');
  await ready(page);
  await ask(page, '   ');
  assert.match(await page.textContent('.ask__answers'), /Ask a question/);
  // Zero-width characters only: empty here as in the inspector, no card answers it.
  await ask(page, '\u200b\u200c\u200d\ufeff');
  assert.match(await page.textContent('.ask__answers'), /Ask a question/);
  assert.equal(await page.locator('.card').count(), 0);
  await ask(page, 'refund '.repeat(15000));
  await page.waitForSelector('.card--rag');
  assert.equal((await page.inputValue('#ask-question')).length, 1000, 'the question is cut to the one limit');
  assert.match(await page.textContent('.question-cut'), /had 104,999 characters; only the first 1,000 are kept/);
  const hostile = '<img src=x onerror="window.__pwned=1"> 🤖🔥 <script>window.__pwned=2</script> refund?';
  await ask(page, hostile);
  await page.waitForSelector('.card--rag');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
  assert.equal(await page.locator('.app-main img').count(), 0, 'markup is not rendered');
  assertClean(problems);
  await page.close();
});

test('the Ask view reads well on a phone', async () => {
  const { page, problems } = await session.open('?view=ask', { viewport: PHONE });
  await ready(page);
  await page.locator('.ask__suggestions .chip').first().click();
  await page.waitForSelector('.card--both');
  await shot(page, 'ask-answers-phone');
  assertClean(problems);
  await page.close();
});

test('a declined retrieval answer links to the inspector, which names the stage that lost it', async () => {
  // At threshold 1 the reader declines everything, so the loss is at the threshold.
  const { page, problems } = await session.open('?view=ask&t=1');
  await ready(page);
  await ask(page, 'How much does the Pro plan cost?');
  await page.waitForSelector('.card--rag .card__why a');
  assert.match(await page.textContent('.card--rag .card__why a'), /Why\? See which stage lost the answer/);
  assert.equal(await page.locator('.card--tuned .card__why').count(), 0, 'only retrieval is diagnosed');
  await page.click('.card--rag .card__why a');
  await page.waitForSelector('.lost-stage');
  assert.match(await page.textContent('.lost-stage'), /Lost at the threshold: .* under the threshold 1\.00/);
  assert.equal(await page.inputValue('#inspector-question'), 'How much does the Pro plan cost?');
  assertClean(problems);
  await page.close();
});

test('a question too long for a link is cut to the same limit, and the page says so once', async () => {
  const long = 'refund '.repeat(400);
  const { page, problems } = await session.open(`?view=ask&q=${encodeURIComponent(long)}`);
  await ready(page);
  await page.waitForSelector('.url-notice', { timeout: 20000 });
  assert.match(await page.textContent('.url-notice'), /the question \(2,800 characters\) was cut to its first 1,000/);
  await page.waitForFunction(() => document.querySelector('#ask-question')?.value.length === 1000);
  assertClean(problems);
  await page.close();
});
