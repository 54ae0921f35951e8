// Training: the panel trains with the default settings while the loss curve draws, shows the
// training time and three accuracies; controls lock during a run and Cancel stops it; training
// on the changes only after moving to v2 shows old facts forgotten, and replay brings them back.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSession, assertClean, clearSavedWork, shot, PHONE, SHOTS } from './lib/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

// Training settings are saved with the learner's work: each test starts from the defaults.
afterEach(async () => {
  await clearSavedWork(session);
});

/** Waits until the app is loaded and the start-up model is listed as run #1. */
async function ready(page) {
  await page.waitForSelector('.training-run__train:not([disabled])', { timeout: 20000 });
  await page.waitForSelector('.training-history tbody tr', { timeout: 15000 });
}

const rows = (page) => page.locator('.training-history tbody tr');

/** Presses Train and waits for the run to be listed and timed. */
async function train(page) {
  const before = await rows(page).count();
  await page.click('.training-run__train');
  await page.waitForFunction(
    (n) => document.querySelectorAll('.training-history tbody tr').length === n + 1,
    before,
    { timeout: 20000 },
  );
  await page.waitForFunction(() => /^Trained in \d+ ms/.test(document.querySelector('.training-run__status')?.textContent ?? ''));
}

/** The training set's counts by source, e.g. { 'Changed facts': 10, ... }. */
async function counts(page) {
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('.training-set__table tr')].map((row) => [
      row.querySelector('th').firstChild.textContent.trim(),
      Number(row.querySelector('.training-set__count').textContent),
    ]),
  ));
}

/** The old-facts percentages of every run, oldest first. */
async function oldFacts(page) {
  const cells = await page.locator('.training-history tbody td[data-metric="old-facts"]').allTextContents();
  return cells.map((text) => Number(text.match(/(\d+)%/)[1]));
}

test('default settings train, the loss curve draws, time and accuracies appear', async () => {
  const { page, problems } = await session.open('?view=training');
  await ready(page);
  assert.match(await page.textContent('.training .view__lead'), /fine-tuning needs labelled examples/);
  const before = await counts(page);
  assert.equal(before['Changed facts'], 0, 'the snapshot is the first version: nothing changed');
  assert.ok(before['Unchanged facts'] > 0 && before['New examples'] >= before['Unchanged facts']);
  assert.ok(before['Behaviour examples'] > 0);
  // The lesson's settings show; learning rate, capacity, seed and replay share wait behind
  // "More settings", closed at first.
  for (const id of ['#train-epochs', '#train-phrasings']) assert.ok(await page.isVisible(id), id);
  assert.ok(await page.getByLabel('Continue on the changes only').isVisible());
  assert.equal(await page.$eval('.training-more', (d) => d.open), false);
  for (const id of ['#train-lr', '#train-hidden', '#train-seed', '#train-replay']) assert.equal(await page.isVisible(id), false, id);
  assert.match(await page.textContent('.training-more summary'), /^More settings/);
  await page.click('.training-more summary');
  for (const id of ['#train-lr', '#train-hidden', '#train-seed', '#train-replay']) assert.ok(await page.isVisible(id), id);
  await page.click('.training-more summary');
  await train(page);

  const d = await page.getAttribute('.loss-chart__line', 'd');
  const points = (d.match(/[ML]/g) ?? []).length;
  assert.equal(points, 60, `one point per epoch of the default 60: ${d.slice(0, 80)}…`);
  assert.match(await page.getAttribute('.loss-chart__svg', 'aria-label'), /after epoch 60 of 60/);
  assert.equal(await page.locator('.loss-chart__table tbody tr').count(), 60);

  const status = await page.textContent('.training-run__status');
  const [, wall, compute, slices, longest] = status.match(
    /Trained in (\d+) ms: (\d+) ms of computing in (\d+) slices, the longest (\d+) ms/,
  );
  console.log(`browser training (default settings): wall ${wall} ms, compute ${compute} ms, ${slices} slices, longest ${longest} ms`);
  assert.ok(Number(slices) > 1, 'the run was cut into slices, yielding to the browser between them');

  const values = await page.locator('.training-results__value').allTextContents();
  assert.equal(values.length, 3);
  for (const value of values) assert.match(value, /^\d+%$/);
  assert.equal(values[0], '100%', 'trained phrasings are learned');
  assert.equal(await rows(page).count(), 2, 'the start-up model and this run');
  assert.equal(await page.locator('.training-history__in-use').count(), 1);
  await shot(page, 'training-default-desktop');
  assertClean(problems);
  await page.close();
});

test('controls are locked while training, and Cancel leaves the model in use unchanged', async () => {
  const { page, problems } = await session.open('?view=training');
  await ready(page);
  // Click and cancel within one task: the first training slice runs only after a timer turn.
  const seen = await page.evaluate(async () => {
    document.querySelector('.training-run__train').click();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await new Promise((ok) => queueMicrotask(ok));
    const locked = document.querySelector('.training-controls').disabled;
    const cancel = document.querySelector('.training-run__cancel');
    const cancellable = !cancel.disabled;
    cancel.click();
    return { locked, cancellable };
  });
  assert.deepEqual(seen, { locked: true, cancellable: true });
  await page.waitForFunction(() => /Cancelled/.test(document.querySelector('.training-run__status').textContent));
  assert.equal(await rows(page).count(), 1, 'a cancelled run is not listed');
  assert.equal(await page.locator('.training-controls').evaluate((el) => el.disabled), false);
  assertClean(problems);
  await page.close();
});

test('changes only after moving to v2 forgets old facts; replay brings them back', async () => {
  const { page, problems } = await session.open('?view=training');
  await ready(page);
  await page.locator('.version-picker__option', { hasText: 'v2' }).click();
  await page.waitForFunction(() => /documents are now at v2/.test(document.querySelector('.training__model').textContent));
  await page.getByLabel('Current version (v2)').check();
  await page.getByLabel('Continue on the changes only').check();
  await page.waitForFunction(() => document.querySelector('.training-set__count')?.textContent !== '0');
  const changes = await counts(page);
  assert.ok(changes['Changed facts'] > 0, JSON.stringify(changes));
  assert.equal(changes['Unchanged facts'], 0);
  assert.equal(changes['Replayed examples'], 0);
  await train(page);
  let old = await oldFacts(page);
  assert.ok(old[1] + 20 <= old[0], `old-fact accuracy drops: ${old}`);
  assert.equal(await rows(page).nth(1).locator('.training-history__change--down').count() >= 1, true);
  assert.match(await page.textContent('.training-history__lesson'), /forgot old facts/);
  assert.match(await page.textContent('.training__model'), /as of v2/);
  await shot(page, 'training-forgetting-desktop');

  // Put the v1 model back, continue with replay instead.
  await page.getByRole('button', { name: 'Use the model of run 1' }).click();
  await page.waitForFunction(() => /as of v1/.test(document.querySelector('.training__model').textContent));
  await page.getByLabel('Continue on the changes + replay').check();
  await train(page);
  old = await oldFacts(page);
  assert.ok(old[2] > old[1] + 20, `replay recovers old facts: ${old}`);
  assert.match(await page.textContent('.training-history__lesson'), /brought old-fact accuracy back/);
  await shot(page, 'training-replay-desktop');
  // Continuing again at v2 would teach nothing new: the panel says so instead of training.
  await page.waitForFunction(() => /Nothing changed since the model in use learned v2/.test(document.querySelector('.training-set').textContent));
  assert.equal(await page.locator('.training-run__train').isDisabled(), true);
  assertClean(problems);
  await page.close();
});

test('a run outlives its view: leave mid-run, the header shows progress, and back the new model is in use', async () => {
  const { page, problems } = await session.open('?view=training');
  await ready(page);
  assert.equal(await rows(page).count(), 1, 'only the start-up model');
  // Click Train and leave within one task, so the view is gone before the first slice runs.
  await page.evaluate(() => {
    document.querySelector('.training-run__train').click();
    document.querySelector('.app-nav__link[data-view="ask"]').click();
  });
  await page.waitForSelector('.ask', { timeout: 10000 });
  // A handle, not a selector: the run may end (and the note go) before the text is read.
  const indicator = await page.waitForSelector('.job-indicator', { timeout: 10000 });
  assert.match(await indicator.textContent(), /^Training: \d+%$/);
  await page.waitForSelector('.job-indicator', { state: 'detached', timeout: 30000 });
  await page.click('.app-nav__link[data-view="training"]');
  await page.waitForFunction(
    () => document.querySelectorAll('.training-history tbody tr').length === 2,
    null,
    { timeout: 20000 },
  );
  assert.match(await page.textContent('.training-run__status'), /^Trained in \d+ ms/);
  const second = page.locator('.training-history tbody tr').nth(1);
  assert.equal(await second.locator('th').textContent(), '#2', 'the run after the start-up model (#1)');
  assert.equal(await second.locator('.training-history__badge').textContent(), 'in use');
  assert.equal(await page.locator('.loss-chart__table tbody tr').count(), 60, 'the finished curve is shown');
  assertClean(problems);
  await page.close();
});

test('the panel works at phone width without sideways scrolling of the page', async () => {
  const { page, problems } = await session.open('?view=training', { viewport: PHONE });
  await ready(page);
  await train(page);
  assert.equal(await page.locator('.training-results__value').count(), 3);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
  await shot(page, 'training-phone');
  for (const part of ['run', 'history-section', 'setup']) {
    await page.locator(`.training-${part}`).screenshot({ path: join(SHOTS, `training-phone-${part}.png`) });
  }
  assertClean(problems);
  await page.close();
});

test('training settings are saved and come back after a reload', async () => {
  const { page, problems } = await session.open('?view=training');
  await page.waitForSelector('#train-epochs', { timeout: 30000 });
  await page.$eval('#train-epochs', (input) => {
    input.value = '90';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(
    () => (localStorage.getItem('rag-or-tune/scenario') ?? '').includes('"epochs": 90')
      || /"epochs":\s*90/.test(localStorage.getItem('rag-or-tune/scenario') ?? ''),
    null,
    { timeout: 15000 },
  );
  await page.reload();
  await page.waitForSelector('#train-epochs', { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('#train-epochs').value === '90', null, { timeout: 15000 });
  assertClean(problems);
  await page.close();
});
