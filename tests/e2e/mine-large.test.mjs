// A large import of your own documents: the build steps through batches of passages and index
// segments with the progress bar moving and the page answering between steps; Cancel in the
// middle changes nothing; the same import run to the end adds the document, and a reload
// rebuilds it the same way with its progress shown. The longest task the page ran is printed
// (a measurement for the README, not an assertion).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, assertClean, shot } from './lib/browser.mjs';
import { handbook, record, seen } from './lib/import-load.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

async function fresh() {
  const opened = await session.open('?view=mine');
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await opened.page.waitForSelector('.mine__add', { timeout: 20000 });
  return opened;
}

test('a large import steps with a moving progress bar, and Cancel half-way changes nothing', async () => {
  const { page, problems } = await fresh();
  await page.setInputFiles('#mine-files', [{ name: 'small.md', mimeType: 'text/markdown', buffer: Buffer.from('# Small\n\nThe help desk opens at 08:00.\n') }]);
  await page.waitForFunction(() => /Added 1 document/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 20000 });

  await record(page);
  const files = [1, 2, 3].map((n) => ({ name: `handbook-${n}.txt`, mimeType: 'text/plain', buffer: handbook(n, 900_000) }));
  await page.setInputFiles('#mine-files', files);
  await page.waitForFunction(() => /Embedding passages: [1-9]/.test(document.querySelector('.mine__progress label')?.textContent ?? ''), null, { timeout: 60000 });
  // The page answers while the build runs: the click lands between two steps.
  await page.click('.mine__progress button');
  await page.waitForFunction(() => /cancelled/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 20000 });
  const cancelled = await seen(page);
  assert.ok(cancelled.values.length >= 3, `the bar moved during the build: ${cancelled.values}`);
  assert.equal(await page.locator('.mine__docs tbody tr').count(), 1, 'a cancelled import adds nothing');

  await record(page);
  await page.setInputFiles('#mine-files', files.slice(0, 1));
  await page.waitForFunction(() => /Added 1 document/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 120000 });
  const done = await seen(page);
  assert.ok(done.labels.some((l) => /vector index/.test(l)), `the index stage was shown: ${done.labels}`);
  assert.equal(await page.locator('.mine__docs tbody tr').count(), 2);
  console.log(`large import (0.9 MB, one file): ${done.values.length} progress values, longest task ${Math.round(done.longest)} ms`);

  // A reload rebuilds the saved documents a step at a time too, saying how far it is.
  await page.waitForFunction(() => (localStorage.getItem('rag-or-tune/scenario') ?? '').includes('handbook-1.txt'), null, { timeout: 20000 });
  await page.addInitScript(() => {
    window.__restore = { labels: new Set(), longest: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__restore.longest = Math.max(window.__restore.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      const label = document.querySelector('.save-notice--restoring')?.textContent;
      if (label) window.__restore.labels.add(label);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();
  await page.waitForSelector('.save-notice--restoring', { timeout: 60000 });
  await shot(page, 'mine-restoring');
  await page.waitForFunction(() => document.querySelectorAll('.mine__docs tbody tr').length === 2, null, { timeout: 120000 });
  await page.waitForFunction(() => !document.querySelector('.save-notice--restoring'), null, { timeout: 120000 });
  const restore = await page.evaluate(() => ({ labels: [...window.__restore.labels], longest: window.__restore.longest }));
  assert.ok(restore.labels.some((l) => /Restoring your documents\. Embedding passages: [1-9]/.test(l)), `the restore showed its progress: ${restore.labels.slice(0, 5)}`);
  assert.ok(await page.isChecked('.corpus-switch input[value=mine]'), 'my documents are in use again');
  console.log(`restore after reload: ${restore.labels.length} progress labels, longest task ${Math.round(restore.longest)} ms (start-up included)`);
  assertClean(problems);
  await page.close();
});
