// The corpus view: switch versions and see the documents change; edit a price, save, and see
// the inspector retrieve the new text; reset restores it; edits survive a version switch;
// markup, emoji and 100 KB of text are shown as text and run nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot, DESKTOP, PHONE } from './lib/browser.mjs';

const READY = { timeout: 15000 };
const PRO_PRICE = 'The Pro plan costs $14 per user per month.';
const NEW_PRICE = 'The Pro plan costs $77 per user per month.';
let session;

before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

async function openCorpus(viewport = DESKTOP) {
  const opened = await session.open('?view=corpus', { viewport });
  await opened.page.waitForSelector('.doc-item', READY);
  return opened;
}

const titles = (page) => page.locator('.doc-item__open').allTextContents();

async function switchVersion(page, id) {
  await page.click(`.version-option:has(input[value="${id}"])`);
  await page.waitForFunction((v) => document.querySelector('.corpus-status__counts').textContent.startsWith(`${v}:`), id);
}

async function openDoc(page, title) {
  await page.getByRole('button', { name: title, exact: true }).click();
  await page.waitForSelector('.doc-panel__title');
}

async function goTo(page, view) {
  await page.click(`.app-nav__link[href*="view=${view}"]`);
  await page.waitForURL(`**view=${view}*`);
}

/** Asks in the inspector (reached by the navigation, so the edited workbench is kept). */
async function inspectorPassages(page, question) {
  await goTo(page, 'inspector');
  await page.waitForSelector('#inspector-question');
  await page.fill('#inspector-question', '');
  await page.fill('#inspector-question', question);
  await page.waitForSelector('.passage');
  return (await page.locator('.passage__text').allTextContents()).join('\n');
}

test('switching the version lists that version\'s documents', async () => {
  const { page, problems } = await openCorpus();
  assert.match(await page.textContent('.corpus-status__counts'), /^v3: \d+ documents \(\d+ flagged left out\), \d+ passages indexed\. Last rebuild \d+\.\d ms\./);
  const v3 = await titles(page);
  assert.ok(v3.includes('Data residency and regions'), 'a document added in v3 is listed');
  assert.equal(await page.locator('.version-option').count(), 3);
  assert.match(await page.textContent('.versions'), /v1\s*effective 2024-01-15/);

  await switchVersion(page, 'v1');
  assert.match(await page.textContent('.corpus-status__message'), /Switched to v1; index rebuilt in \d+\.\d ms/);
  const v1 = await titles(page);
  assert.ok(!v1.includes('Data residency and regions'), 'the v3 document is absent in v1');
  assert.ok(!v1.includes('Whiteboards'), 'the v2 feature is absent in v1');
  assert.notDeepEqual(v1, v3);
  // A flagged document shows its badge and why, and is left out while curation is on.
  assert.ok(await page.locator('.doc-item .quality-badge').count() > 0);
  assert.ok(await page.locator('.doc-item__note').count() > 0);
  assert.ok(await page.locator('.doc-item__meta', { hasText: 'not indexed (curated out)' }).count() > 0);
  await page.locator('.curation-toggle input').uncheck();
  await page.waitForFunction(() => !document.body.textContent.includes('curated out'));
  assert.match(await page.textContent('.corpus-status__message'), /Curation off: every document indexed/);
  await page.locator('.curation-toggle input').check();
  await page.waitForFunction(() => document.body.textContent.includes('curated out'));
  await shot(page, 'corpus-v1-desktop');
  await switchVersion(page, 'v3');
  assert.deepEqual(await titles(page), v3);
  assertClean(problems);
  await page.close();
});

test('editing a price changes what the inspector retrieves; edits survive a switch; reset restores', async () => {
  const { page, problems } = await openCorpus();
  await openDoc(page, 'Plans and pricing');
  assert.match(await page.textContent('.doc-text'), /\$14 per user per month/);
  await page.click('.doc-edit');
  const original = await page.inputValue('#doc-editor');
  assert.ok(original.includes(PRO_PRICE));
  await page.fill('#doc-editor', original.replace(PRO_PRICE, NEW_PRICE));
  await page.click('.doc-save');
  await page.waitForSelector('.doc-item--open .edited-badge');
  assert.match(await page.textContent('.corpus-status__message'), /Saved “Plans and pricing”; index rebuilt in \d+\.\d ms \(\d+ passages\)/);
  assert.match(await page.textContent('.doc-text'), /\$77 per user per month/);
  assert.match(await page.textContent('.corpus-edits'), /You have edited 1 document\. Each edit belongs to the version/);
  await shot(page, 'corpus-edited-desktop');

  let passages = await inspectorPassages(page, 'How much does the Pro plan cost?');
  assert.ok(passages.includes('$77 per user per month'), 'the edited price is retrieved');

  await goTo(page, 'corpus');
  await page.waitForSelector('.doc-item');
  await switchVersion(page, 'v2');
  assert.equal(await page.locator('.doc-item .edited-badge').count(), 0, 'the v3 edit does not show in v2');
  await switchVersion(page, 'v3');
  assert.equal(await page.locator('.doc-item .edited-badge').count(), 1, 'the v3 edit is kept');

  await openDoc(page, 'Plans and pricing');
  await page.click('.doc-reset');
  await page.waitForFunction(() => document.querySelectorAll('.edited-badge').length === 0);
  assert.match(await page.textContent('.corpus-status__message'), /Restored “Plans and pricing” to the original/);
  assert.match(await page.textContent('.doc-text'), /\$14 per user per month/);

  passages = await inspectorPassages(page, 'How much does the Pro plan cost?');
  assert.ok(!passages.includes('$77'), 'the edit is gone');
  assert.ok(passages.includes('$14 per user per month'), 'the original price is back');
  assertClean(problems);
  await page.close();
});

test('markup, emoji and 100 KB of text are shown as text and run nothing', async () => {
  const { page, problems } = await openCorpus();
  await openDoc(page, 'Plans and pricing');
  await page.click('.doc-edit');
  const markup = '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> 🙂🎉 <b>bold?</b>';
  const original = await page.inputValue('#doc-editor');
  await page.fill('#doc-editor', `${markup}\n\n${original}`);
  await page.click('.doc-save');
  await page.waitForSelector('.doc-item--open .edited-badge');
  assert.ok((await page.textContent('.doc-text')).startsWith(markup), 'the markup is shown as typed');
  assert.equal(await page.locator('.app-main img, .app-main b').count(), 0, 'no element was made from it');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  const passages = await inspectorPassages(page, markup);
  assert.ok(passages.includes('<img src=x onerror='), 'the passage shows the markup as text');
  assert.equal(await page.locator('.app-main img').count(), 0);

  await goTo(page, 'corpus');
  await page.waitForSelector('.doc-item');
  await openDoc(page, 'Plans and pricing');
  await page.click('.doc-edit');
  const long = 'Guests on the Team plan can comment on any board. They cannot see billing. '.repeat(1400);
  assert.ok(long.length > 100_000);
  await page.fill('#doc-editor', long);
  await page.click('.doc-save');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('.corpus-status__message')?.textContent ?? ''));
  const counts = await page.textContent('.corpus-status__counts');
  assert.match(counts, /\d+ passages indexed/);
  assert.ok((await page.textContent('.doc-text')).length > 100_000);
  await page.click('.doc-reset');
  await page.waitForFunction(() => document.querySelectorAll('.edited-badge').length === 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assertClean(problems);
  await page.close();
});

test('screenshots at desktop and phone width', async () => {
  for (const [size, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const { page, problems } = await openCorpus(viewport);
    await openDoc(page, 'Pricing (old copy)');
    await shot(page, `corpus-${size}`);
    await page.click('.doc-edit');
    await shot(page, `corpus-editing-${size}`);
    assertClean(problems);
    await page.close();
  }
});
