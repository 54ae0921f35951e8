// The retrieval inspector: k passages for a question, the k slider changes the count, the
// exact-vs-HNSW block reports recall, the tokens show, and markup in the question stays text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, DESKTOP, PHONE } from './lib/browser.mjs';

const READY = { timeout: 15000 };
let session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

/** Opens the inspector and waits until the workbench is loaded. */
async function openInspector(viewport = DESKTOP) {
  const opened = await session.open('?view=inspector', { viewport });
  await opened.page.waitForSelector('.inspector__grid', READY);
  return opened;
}

async function ask(page, question) {
  await page.fill('#inspector-question', question);
}

test('a question shows k passages, and moving k changes the count', async () => {
  const { page, problems } = await openInspector();
  assert.equal(await page.locator('.passage').count(), 0, 'no passages before a question');
  await ask(page, 'How much does the Pro plan cost?');
  await page.waitForSelector('.passage');
  const k = Number(await page.inputValue('#inspector-k'));
  assert.equal(await page.locator('.passage').count(), k);
  const first = page.locator('.passage').first();
  assert.match(await first.locator('.passage__rank').textContent(), /#1/);
  assert.match(await first.locator('.passage__score-number').textContent(), /^meaning (0\.\d{3}|1\.000)$/);
  // In the fused order a lower meaning score may rank higher: the note says which order this is.
  assert.match(await page.textContent('.inspector__passages .inspector__note'), /fused.*need not fall down the list/);
  assert.ok((await first.locator('.passage__title').textContent()).length > 0);
  assert.ok((await first.locator('.passage__text').textContent()).length > 20);
  assert.match(await page.textContent('.reader-line'), /The reader answers: .*threshold .*“.+”/);
  assert.equal(await page.locator('.passage--picked').count(), 1, 'the quoted passage is marked');

  await page.fill('#inspector-k', '9');
  await page.waitForFunction(() => document.querySelectorAll('.passage').length === 9);
  assert.match(await page.textContent('#passages-title'), /Top 9 passages/);
  await page.fill('#inspector-k', '2');
  await page.waitForFunction(() => document.querySelectorAll('.passage').length === 2);
  await shot(page, 'inspector-k2-desktop');
  assertClean(problems);
  await page.close();
});

test('the exact-vs-HNSW block shows agreement, recall and both search times', async () => {
  const { page, problems } = await openInspector();
  await ask(page, 'What are the support hours?');
  await page.waitForSelector('.compare-recall');
  assert.match(await page.textContent('.compare-recall'), /^\d{1,3}%$/);
  assert.match(await page.textContent('.compare .verdict'), /Same passages|Different/);
  // The box says which list it compares: the search by meaning before fusion, not the list beside.
  assert.match(await page.textContent('.compare-what'), /by meaning, then fuses them .* This box checks that first step only/);
  // Meaningful precision (the shared ms()): "0.06 ms" or "< 0.01 ms", never "0.000 ms".
  assert.match(await page.textContent('.compare'), /HNSW search\s*(< 0\.01|\d+(\.\d{1,2})?) ms/);
  assert.match(await page.textContent('.compare'), /Exact search\s*(< 0\.01|\d+(\.\d{1,2})?) ms/);
  assert.doesNotMatch(await page.textContent('.compare'), /0\.000/);
  await page.click('.compare-details summary');
  const k = Number(await page.inputValue('#inspector-k'));
  assert.equal(await page.locator('.compare-table tbody tr').count(), k);
  // The tokens and the index facts.
  assert.ok((await page.locator('.token').count()) >= 4, 'the question is tokenised');
  assert.ok(Number(await page.textContent('.index-size')) > 100);
  assert.match(await page.textContent('.index-rebuild'), /\d+\.\d ms/);
  await shot(page, 'inspector-desktop');
  assertClean(problems);
  await page.close();
});

test('the threshold slider moves the reader between answering and abstaining', async () => {
  const { page, problems } = await openInspector();
  await ask(page, 'How much does the Pro plan cost?');
  await page.waitForSelector('.passage');
  await page.fill('#inspector-threshold', '0');
  await page.waitForFunction(() => /The reader answers/.test(document.querySelector('.reader-line').textContent));
  await page.fill('#inspector-threshold', '1');
  await page.waitForFunction(() => /The reader abstains/.test(document.querySelector('.reader-line').textContent));
  assert.equal(await page.locator('.reader-line--abstains').count(), 1);
  assert.equal(await page.locator('.passage--picked').count(), 0, 'nothing is quoted');
  assertClean(problems);
  await page.close();
});

test('with curation off, outdated documents are retrieved and carry a badge', async () => {
  const { page, problems } = await openInspector();
  await ask(page, 'How much does the Pro plan cost?');
  await page.waitForSelector('.passage');
  assert.equal(await page.locator('.curation-toggle input').isChecked(), true, 'curated by default');
  assert.equal(await page.locator('.passage .quality-badge').count(), 0, 'flagged documents are left out');
  const before = Number(await page.textContent('.index-size'));
  await page.locator('.curation-toggle input').uncheck();
  await page.waitForSelector('.passage .quality-badge');
  assert.ok(Number(await page.textContent('.index-size')) > before, 'more passages are indexed');
  assert.match(await page.textContent('.passage .quality-badge >> nth=0'), /Outdated|Low signal/);
  await shot(page, 'inspector-uncurated-desktop');
  await page.locator('.curation-toggle input').check();
  await page.waitForFunction(() => document.querySelectorAll('.passage .quality-badge').length === 0);
  assertClean(problems);
  await page.close();
});

test('markup, emoji and a 100 KB question are shown as text and run nothing', async () => {
  const { page, problems } = await openInspector();
  const markup = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> 🙂 pricing?';
  await ask(page, markup);
  await page.waitForSelector('.token');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('.app-main img').count(), 0, 'no element was made from the markup');
  assert.equal(await page.inputValue('#inspector-question'), markup);
  const tokens = await page.locator('.token__text').allTextContents();
  assert.ok(tokens.includes('<') && tokens.includes('window'), `markup is tokenised as text: ${tokens}`);

  await ask(page, 'How many seats does the Team plan allow? '.repeat(2500));
  await page.waitForSelector('.passage');
  // Cut to the one question limit, and said once under the box.
  assert.match(await page.textContent('.question-cut'), /had 102,500 characters; only the first 1,000 are kept/);
  assert.equal((await page.inputValue('#inspector-question')).length, 1000);
  await ask(page, '');
  await page.waitForFunction(() => document.querySelectorAll('.passage').length === 0);
  assert.match(await page.textContent('.reader-line'), /Type a question/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assertClean(problems);
  await page.close();
});

test('screenshots at desktop and phone width', async () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const { page, problems } = await openInspector(viewport);
    await page.click('.question-box__example >> nth=0');
    await page.waitForSelector('.passage');
    await shot(page, `inspector-question-${size}`);
    assertClean(problems);
    await page.close();
  }
});
