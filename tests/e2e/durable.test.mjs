// Never losing the learner's work (issue 22): stored work too large to copy aside is moved,
// never replaced by the default state; a copy that cannot be moved is held and offered; an edit
// survives a reload right after it; two tabs see each other's saves, and when both changed the
// learner chooses; an import over existing work can be undone.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSession, assertClean, shot, clearSavedWork, PHONE } from './lib/browser.mjs';
import { handbook } from './lib/import-load.mjs';

const KEY = 'rag-or-tune/scenario';
const BAD_KEY = `${KEY}.bad`;

let session;
before(async () => {
  session = await startSession();
});
afterEach(async () => {
  await clearSavedWork(session);
});
after(async () => {
  await session?.stop();
});

/** "Your documents" on a clean slate. */
async function mine() {
  const opened = await session.open('?view=mine');
  await opened.page.waitForSelector('#mine-paste-title', { timeout: 20000 });
  return opened;
}

async function docTitles(page) {
  return page.locator('.mine__docs tbody tr').allTextContents();
}

async function paste(page, title, text) {
  await page.fill('#mine-paste-title', title);
  await page.fill('#mine-paste-text', text);
  await page.click('.mine__paste button[type=submit]');
  await page.waitForFunction(
    (t) => (document.querySelector('.mine__docs')?.textContent ?? '').includes(t),
    title,
    { timeout: 20000 },
  );
}

async function waitForDocs(page, titles) {
  await page.waitForFunction(
    (want) => want.every((t) => (document.querySelector('.mine__docs')?.textContent ?? '').includes(t)),
    titles,
    { timeout: 20000 },
  );
}

async function stored(page) {
  return page.evaluate((key) => localStorage.getItem(key), KEY);
}

/** A valid stored scenario of about `bytes` (many documents of seeded text), built from what
 * the app itself saves so the format is the app's own. */
async function largeScenario(page, bytes) {
  await paste(page, 'Seed', 'The seed document says the office opens at nine.');
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('Seed'), KEY, { timeout: 10000 });
  const scenario = JSON.parse(await stored(page));
  const count = 150;
  scenario.documents = Array.from({ length: count }, (_, i) => ({
    id: `handbook-${i}`,
    title: `Handbook ${i}`,
    source: 'pasted',
    text: handbook(i + 1, Math.floor(bytes / count)).toString(),
  }));
  return scenario;
}

test('stored work too large to copy aside is moved aside whole, never replaced by the default', async () => {
  const { page, problems } = await mine();
  const scenario = await largeScenario(page, 3_400_000);
  scenario.tuning.hidden = 2048;
  const text = JSON.stringify(scenario);
  assert.ok(text.length > 3_300_000, `${text.length} chars`);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, text]);
  await page.reload();
  await page.waitForSelector('.save-notice', { timeout: 30000 });
  assert.match(await page.textContent('.save-notice'), /could not be restored.*kept aside/s);
  // Autosave had 3 s to write the default state over it.
  await page.waitForTimeout(3000);
  const [main, bad] = await page.evaluate(([k, b]) => [localStorage.getItem(k), localStorage.getItem(b)], [KEY, BAD_KEY]);
  assert.equal(main, null, 'nothing default was saved in its place');
  assert.equal(bad, text, 'the whole copy is kept aside');
  await page.reload();
  await page.waitForSelector('.corpus-switch', { timeout: 20000 });
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate((b) => localStorage.getItem(b)?.length, BAD_KEY), text.length, 'still kept after another reload');
  assertClean(problems);
  await page.close();
});

test('a stored copy that cannot be set aside is held, offered as a download, and replaced only on request', async () => {
  const { page, problems } = await mine();
  const broken = '{"format": "rag-or-tune-scenario", "version": 1, "documents": [{"title": 5';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, broken]);
  // This browser refuses the set-aside copy, as a full store would.
  await page.addInitScript((bad) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === bad) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }, BAD_KEY);
  await page.reload();
  await page.waitForSelector('.save-notice--failed', { timeout: 20000 });
  const notice = await page.textContent('.save-notice--failed');
  assert.match(notice, /could not be restored.*could not be set aside.*Nothing is saved over it/s, notice);
  // A short reason, not the whole storage-full message with its advice inside the sentence.
  assert.match(notice, /set aside either: this browser's storage is full\. Nothing is saved over it/, notice);
  assert.doesNotMatch(notice, /remove some documents/, notice);
  await paste(page, 'Fresh work', 'Made after the failed restore.');
  await page.waitForTimeout(1500);
  assert.equal(await stored(page), broken, 'the held copy is not overwritten by autosave');
  await shot(page, 'durable-held-desktop');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('.save-notice__choices button:has-text("Download the stored copy")'),
  ]);
  assert.equal(await readFile(await download.path(), 'utf8'), broken, 'the download is the stored copy');
  await page.click('.save-notice__choices button:has-text("in its place")');
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('Fresh work'), KEY, { timeout: 5000 });
  assert.equal(await page.locator('.save-notice--failed').count(), 0, 'the notice is gone once saved');
  assertClean(problems);
  await page.close();
});

test('a document added right before a reload is kept', async () => {
  const { page, problems } = await mine();
  await paste(page, 'Quick note', 'The quick note says the gate code is 2468.');
  // Well inside the autosave's quiet time: the save is written as the page goes.
  await page.reload();
  await page.waitForSelector('#mine-paste-title', { timeout: 20000 });
  await waitForDocs(page, ['Quick note']);
  assertClean(problems);
  await page.close();
});

test('two tabs see each other\u2019s saves, and a third tab finds the work of both', async () => {
  const a = await mine();
  const b = await mine();
  await paste(a.page, 'Alpha', 'Alpha opens at nine on weekdays.');
  await waitForDocs(b.page, ['Alpha']);
  await paste(b.page, 'Beta', 'Beta closes at five on Fridays.');
  await waitForDocs(a.page, ['Alpha', 'Beta']);
  // Tab A saves again (a question); Beta must survive it.
  await a.page.click('.app-nav__link[href*="view=ask"]');
  await a.page.fill('#ask-question', 'When does Alpha open?');
  await a.page.click('.ask__form button[type=submit]');
  await a.page.waitForSelector('.card--both');
  await a.page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('When does Alpha open?'), KEY, { timeout: 10000 });
  const c = await mine();
  await waitForDocs(c.page, ['Alpha', 'Beta']);
  assert.equal((await docTitles(c.page)).length, 2);
  await b.page.click('.app-nav__link[href*="view=ask"]');
  assert.equal(await b.page.inputValue('#ask-question'), '', 'each tab keeps its own question');
  for (const tab of [a, b, c]) {
    assertClean(tab.problems);
    await tab.page.close();
  }
});

test('when both tabs changed the work, nothing is overwritten and the learner keeps both', async () => {
  const a = await mine();
  const b = await mine();
  await paste(a.page, 'Alpha', 'Alpha opens at nine on weekdays.');
  await waitForDocs(b.page, ['Alpha']);
  const theirs = JSON.parse(await stored(a.page));
  theirs.documents.push({ id: 'gamma', title: 'Gamma', source: 'pasted', text: 'Gamma is closed on Sundays.' });
  // Tab B adds Beta; before its save, another tab stores Gamma.
  await paste(b.page, 'Beta', 'Beta closes at five on Fridays.');
  await a.page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(theirs)]);
  await b.page.waitForSelector('.save-notice--failed', { timeout: 10000 });
  assert.match(await b.page.textContent('.save-notice--failed'), /changed in another tab/);
  await b.page.waitForTimeout(1200);
  assert.ok(!(await stored(b.page)).includes('Beta'), 'Beta is not written over Gamma unasked');
  await shot(b.page, 'durable-two-tabs-desktop');
  await b.page.setViewportSize(PHONE);
  await shot(b.page, 'durable-two-tabs-phone');
  await b.page.click('.save-notice__choices button:has-text("Keep both")');
  await waitForDocs(b.page, ['Alpha', 'Beta', 'Gamma']);
  await b.page.waitForFunction((key) => ['Alpha', 'Beta', 'Gamma'].every((t) => (localStorage.getItem(key) ?? '').includes(t)), KEY, { timeout: 10000 });
  await waitForDocs(a.page, ['Alpha', 'Beta', 'Gamma']);
  assert.match(await b.page.textContent('.save-notice'), /Kept both: 1 of the other tab/);
  for (const tab of [a, b]) {
    assertClean(tab.problems);
    await tab.page.close();
  }
});

test('importing a file over existing work can be undone', async () => {
  const { page, problems } = await mine();
  await paste(page, 'Other', 'Another document to export.');
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('Other'), KEY, { timeout: 10000 });
  const file = await stored(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await paste(page, 'Mine', 'My own document, made before the import.');
  await page.setInputFiles('#mine-scenario-file', [{ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(file) }]);
  await page.waitForFunction(() => /Imported other\.json/.test(document.querySelector('.mine__save-message')?.textContent ?? ''), null, { timeout: 20000 });
  assert.match(await page.textContent('.mine__save-message'), /earlier work is set aside/);
  await waitForDocs(page, ['Other']);
  assert.ok(!(await docTitles(page)).some((t) => t.includes('Mine')));
  await page.click('.set-aside-notice button:has-text("Undo")');
  await waitForDocs(page, ['Mine']);
  assertClean(problems);
  await page.close();
});
