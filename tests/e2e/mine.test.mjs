// Your documents: upload, cited answers from them, Q&A pairs and training, persistence across a
// reload, export -> clear -> import, hostile input (each with its message, prior work kept, no
// script ever runs), and a corrupt stored scenario at start-up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startSession, assertClean, shot, PHONE } from './lib/browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

const KEY = 'rag-or-tune/scenario';

const DOCS = [
  {
    name: 'handbook.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(
      '# Staff handbook\n\nNew employees receive 25 days of paid vacation each year. Vacation requests go to your team lead two weeks ahead.\n\n## Office\n\nThe Oslo office is open from 08:00 to 17:00 on weekdays.\n',
    ),
  },
  {
    name: 'expenses.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(
      'Travel expenses\n\nMeals on business trips are reimbursed up to 40 euros per day. Receipts must be submitted within 30 days of the trip.\n',
    ),
  },
  {
    name: 'security.html',
    mimeType: 'text/html',
    buffer: Buffer.from(
      '<html><head><title>Security policy</title></head><body><h1>Security policy</h1><p>Passwords must be at least 14 characters long and are changed every 180 days.</p><script>window.__pwned = "script"</script><img src="x" onerror="window.__pwned = \'img\'"></body></html>',
    ),
  },
];

const PAIRS = [
  ['How many vacation days do new staff get?', '25 days'],
  ['When is the Oslo office open?', '08:00 to 17:00'],
  ['How much are meals reimbursed per day?', '40 euros'],
  ['How long may a password be at minimum?', '14 characters'],
  ['Within how many days must receipts be submitted?', '30 days'],
];

/** Opens the app on a clean slate (nothing saved) at `query`. */
async function fresh(query = '?view=mine', options = {}) {
  const opened = await session.open(query, options);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  await ready(opened.page);
  return opened;
}

async function ready(page) {
  await page.waitForSelector('.mine__add, .card, .ask__form', { timeout: 20000 });
  await page.waitForSelector('.corpus-switch', { timeout: 20000 });
}

async function goTo(page, view) {
  await page.click(`.app-nav__link[href*="view=${view}"]`);
}

async function upload(page, selector, files) {
  await page.setInputFiles(selector, files);
}

async function addDocs(page) {
  await upload(page, '#mine-files', DOCS);
  await page.waitForFunction(() => /Added 3 documents/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 20000 });
}

async function docCount(page) {
  return page.locator('.mine__docs tbody tr').count();
}

async function ask(page, text) {
  await page.fill('#ask-question', text);
  await page.click('.ask__form button[type=submit]');
  await page.waitForSelector('.card--both');
}

async function addPairs(page) {
  for (const [q, a] of PAIRS) {
    await page.click('.mine__add-pair');
    await page.locator('.mine__pair-q').last().fill(q);
    await page.locator('.mine__pair-a').last().fill(a);
  }
}

async function train(page) {
  await page.click('.mine__train-button');
  await page.waitForSelector('.mine__trained', { timeout: 30000 });
}

async function pwned(page) {
  return page.evaluate(() => window.__pwned ?? null);
}

test('three uploaded documents give a cited answer, and the switcher goes back to the sample', async () => {
  const { page, problems } = await fresh();
  assert.match(await page.textContent('.mine'), /Fine-tuning needs labelled examples/);
  await addDocs(page);
  assert.equal(await docCount(page), 3);
  assert.ok(await page.isChecked('.corpus-switch input[value=mine]'), 'my documents are in use');
  assert.match(await page.textContent('.mine__docs'), /Security policy/);
  await shot(page, 'mine-docs-desktop');

  await goTo(page, 'ask');
  await ask(page, 'How many vacation days does a new employee get?');
  const rag = page.locator('.card--rag');
  assert.match(await rag.locator('.card__text').textContent(), /25 days/);
  const citation = rag.locator('.card__citations button').first();
  assert.match(await citation.textContent(), /handbook/i);
  await citation.click();
  await rag.locator('.card__passage mark').waitFor();
  assert.match(await rag.locator('.card__passage mark').textContent(), /25 days/);
  assert.match(await page.textContent('.ask .view__lead'), /your documents/);
  assert.match(await page.textContent('.version-picker--single'), /One version/, 'no time control for one version');
  await shot(page, 'mine-ask-desktop');

  // The embed snippet never carries a question about my documents (the embedded app shows the
  // sample corpus), and the dialog says why.
  await page.click('#share-embed-button');
  await page.waitForSelector('.iframe-dialog[open]');
  const mine = await page.inputValue('#iframe-dialog-code');
  assert.match(mine, /view=ask/);
  assert.doesNotMatch(mine, /vacation|[?&;]q=/, mine);
  assert.match(await page.textContent('.iframe-dialog__left-out'), /Your question is left out/);
  await page.keyboard.press('Escape');

  await page.check('.ask .corpus-switch input[value=sample]');
  await ask(page, 'How much does the Pro plan cost?');
  assert.equal(await page.locator('.version-picker__option').count(), 3, 'the sample corpus has its three versions');
  assert.match(await rag.locator('.card__citations').textContent(), /.+/);

  // With the sample corpus the question goes in, and the dialog's instructions are in the app.
  await page.click('#share-embed-button');
  await page.waitForSelector('.iframe-dialog[open]');
  assert.match(await page.inputValue('#iframe-dialog-code'), /q=How/);
  assert.equal(await page.locator('.iframe-dialog__left-out').count(), 0);
  await page.click('.iframe-dialog__help');
  await page.waitForSelector('#embedding');
  await page.waitForFunction(() => {
    const box = document.getElementById('embedding').getBoundingClientRect();
    // Within a pixel: the scroll lands on fractional positions (-0.125 seen).
    return box.top >= -1 && box.top < window.innerHeight;
  }, null, { timeout: 5000 });
  assert.match(await page.textContent('#embedding'), /Embedding this app in a course page.*resize/s);
  assert.equal(await page.locator('.iframe-dialog[open]').count(), 0, 'the dialog closed');
  assert.equal(await pwned(page), null, 'no injected script ran');
  assertClean(problems);
  await page.close();
});

test('five pairs, train, and the four modes answer on my documents', async () => {
  const { page, problems } = await fresh();
  await addDocs(page);
  // The documents table downloads like every other table, without its column of Remove buttons.
  const [docs] = await Promise.all([page.waitForEvent('download'), page.click('.mine__docs .file-download__button')]);
  assert.equal(docs.suggestedFilename(), 'rag-or-tune-your-documents-table.csv');
  const rows = (await readFile(await docs.path(), 'utf8')).replace(/^\ufeff/, '').split('\r\n');
  assert.equal(rows[0], 'Title,From,Size');
  assert.equal(rows.length, 5, 'a header, three documents and the last line end');
  assert.ok(rows.some((row) => row.startsWith('Staff handbook,handbook.md,')), rows.join('\n'));
  assert.ok(rows.every((row) => !row.includes('Remove')), rows.join('\n'));
  await addPairs(page);
  // The pairs download as the CSV the import reads.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.mine__pairs-csv')]);
  assert.equal(download.suggestedFilename(), 'rag-or-tune-pairs.csv');
  const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '').split('\r\n');
  assert.deepEqual(csv.slice(0, 2), ['question,answer', 'How many vacation days do new staff get?,25 days']);
  assert.equal(csv.length, 7, 'a header, five pairs and the last line end');
  await train(page);
  assert.match(await page.textContent('.mine__trained'), /Trained on 5 pair/);
  await goTo(page, 'ask');
  await ask(page, 'How many vacation days do new staff get?');
  assert.equal(await page.locator('.card').count(), 4);
  const tuned = await page.locator('.card--tuned .card__text').textContent();
  assert.match(tuned, /25 days/, tuned);
  assert.match(await page.textContent('.card--tuned'), /From weights/);
  await goTo(page, 'tradeoff');
  await page.waitForSelector('.tradeoff svg', { timeout: 20000 });
  assertClean(problems);
  await page.close();
});

test('an import and a run on the pairs go on when the learner leaves the view, and show on return', async () => {
  const { page, problems } = await fresh();
  // Every text the header's job indicator shows, however briefly.
  await page.evaluate(() => {
    window.__jobs = [];
    new MutationObserver(() => {
      const text = document.querySelector('.job-indicator')?.textContent;
      if (text && window.__jobs.at(-1) !== text) window.__jobs.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // Choose the files and leave within one task, so the view is gone before the first is read.
  const files = DOCS.map((d) => ({ name: d.name, type: d.mimeType, text: d.buffer.toString() }));
  await page.evaluate((files) => {
    const input = document.querySelector('#mine-files');
    const chosen = new DataTransfer();
    for (const f of files) chosen.items.add(new File([f.text], f.name, { type: f.type }));
    input.files = chosen.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector('.app-nav__link[href*="view=ask"]').click();
  }, files);
  await page.waitForSelector('.ask__form');
  await page.waitForSelector('.job-indicator', { state: 'detached', timeout: 30000 });
  await goTo(page, 'mine');
  await page.waitForFunction(() => /Added 3 documents/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 20000 });
  assert.equal(await docCount(page), 3, 'the import finished while the view was gone');
  await addPairs(page);
  // Click Train and leave within one task, so the view is gone before the first slice runs.
  await page.evaluate(() => {
    document.querySelector('.mine__train-button').click();
    document.querySelector('.app-nav__link[href*="view=ask"]').click();
  });
  await page.waitForSelector('.ask__form');
  await page.waitForSelector('.job-indicator', { state: 'detached', timeout: 30000 });
  const seen = await page.evaluate(() => window.__jobs);
  assert.ok(seen.some((t) => /^Adding documents: \d+%$/.test(t)), seen.join(' | '));
  assert.ok(seen.some((t) => /^Training on your pairs: \d+%$/.test(t)), seen.join(' | '));
  await ask(page, 'How many vacation days do new staff get?');
  assert.match(await page.locator('.card--tuned .card__text').textContent(), /25 days/, 'the model trained on the pairs is in use');
  await goTo(page, 'mine');
  await page.waitForSelector('.mine__trained');
  assert.match(await page.textContent('.mine__trained'), /Trained on 5 pair/);
  assertClean(problems);
  await page.close();
});

test('the work survives a reload', async () => {
  const { page, problems } = await fresh();
  await addDocs(page);
  await addPairs(page);
  await train(page);
  // Autosave is debounced: wait for it, then reload.
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('Oslo'), KEY, { timeout: 10000 });
  await page.goto(session.url + '?view=mine');
  await page.waitForFunction(() => document.querySelectorAll('.mine__docs tbody tr').length === 3, null, { timeout: 30000 });
  assert.equal(await page.locator('.mine__pair-q').count(), 5);
  assert.equal(await page.inputValue('.mine__pair-a >> nth=2'), '40 euros');
  assert.ok(await page.isChecked('.corpus-switch input[value=mine]'));
  await goTo(page, 'ask');
  await ask(page, 'How much are meals reimbursed per day?');
  assert.match(await page.locator('.card--tuned .card__text').textContent(), /40 euros/, 'retrained on restore');
  assertClean(problems);
  await page.close();
});

test('hostile input: each file gets its message and the documents already there stay', async () => {
  const { page, problems } = await fresh();
  await addDocs(page);
  const cases = [
    [{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) }, /empty\.txt/],
    [{ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1]) }, /photo\.txt.*(binary|text)/i],
    [{ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(1_200_000, 'a') }, /huge\.txt.*the limit is 1 MiB per file/],
    [{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('[{"title": "x", "text": ') }, /broken\.json/],
    [{ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from('['.repeat(5000) + ']'.repeat(5000)) }, /deep\.json.*(deep|nest)/i],
    [{ name: 'handbook-copy.md', mimeType: 'text/markdown', buffer: DOCS[0].buffer }, /handbook-copy\.md.*(already|duplicate|same)/i],
    [{ name: 'archive.zip', mimeType: 'application/zip', buffer: Buffer.from('PK') }, /archive\.zip/],
  ];
  for (const [file, message] of cases) {
    await upload(page, '#mine-files', [file]);
    await page.waitForFunction((name) => (document.querySelector('.mine__refused')?.textContent ?? '').includes(name), file.name, { timeout: 20000 });
    const text = await page.textContent('.mine__refused');
    assert.match(text, message, `${file.name}: ${text}`);
    assert.equal(await docCount(page), 3, `${file.name} left the documents alone`);
  }
  // An enormous single line under the size limit is taken calmly.
  const line = 'word '.repeat(150_000);
  await upload(page, '#mine-files', [{ name: 'one-line.txt', mimeType: 'text/plain', buffer: Buffer.from(line) }]);
  await page.waitForFunction(() => /Added 1 document|refused/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 30000 });
  // Bad pairs files.
  for (const [name, body] of [['pairs.csv', 'question,answer\n"unclosed,quote\n'], ['pairs.json', '{"question": 1']]) {
    await upload(page, '#mine-pairs-file', [{ name, mimeType: 'text/plain', buffer: Buffer.from(body) }]);
    await page.waitForFunction((n) => (document.querySelector('.mine__pairs .mine__summary')?.textContent ?? '').includes(n), name, { timeout: 10000 });
  }
  assert.equal(await page.locator('.mine__pair-q').count(), 0, 'no half-imported pairs');
  assert.ok((await docCount(page)) >= 3);
  await shot(page, 'mine-hostile-desktop');
  assert.equal(await pwned(page), null);
  assertClean(problems);
  await page.close();
});

test('script in titles, file names, text, pairs and questions is shown as text and never runs', async () => {
  const { page, problems } = await fresh();
  const payload = '<img src=x onerror="window.__pwned=\'title\'"><script>window.__pwned="s"</script>';
  await page.fill('#mine-paste-title', `Policy ${payload} \u200b\u202eRTL \u{1F600}`);
  await page.fill('#mine-paste-text', `The locker code is 4711. ${payload}\nAbout the code: ask the front desk \u{1F511}.`);
  await page.click('.mine__paste button[type=submit]');
  await page.waitForFunction(() => /Added 1 document/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 20000 });
  await upload(page, '#mine-files', [
    { name: '<img src=x onerror=window.__pwned=1>.md', mimeType: 'text/markdown', buffer: Buffer.from(`Evil file name. The gate opens at 06:00. ${payload}`) },
  ]);
  await page.waitForFunction(() => /Added 1 document/.test(document.querySelector('.mine__summary')?.textContent ?? ''), null, { timeout: 20000 });
  assert.equal(await page.locator('.mine__docs img, .mine__docs script').count(), 0);
  assert.match(await page.textContent('.mine__docs'), /onerror/, 'the markup is shown as text');
  await page.click('.mine__add-pair');
  await page.locator('.mine__pair-q').last().fill(`What is the locker code? ${payload}`);
  await page.locator('.mine__pair-a').last().fill('4711');
  await goTo(page, 'ask');
  await ask(page, `What is the locker code? ${payload}`);
  assert.equal(await page.locator('main img, main script').count(), 0);
  await page.waitForTimeout(300);
  assert.equal(await pwned(page), null, 'no injected script ran');
  assertClean(problems);
  await page.close();
});

test('a corrupt stored scenario is reported, kept aside, and the app still works', async () => {
  const { page, problems } = await fresh('?view=ask');
  await page.evaluate((key) => localStorage.setItem(key, '{"format": "rag-or-tune-scenario", "version": 1, "documents": [{"title": 5'), KEY);
  await page.reload();
  await page.waitForSelector('.save-notice', { timeout: 20000 });
  assert.match(await page.textContent('.save-notice'), /could not be restored/);
  const bad = await page.evaluate((key) => [localStorage.getItem(key + '.bad'), localStorage.getItem(key)], KEY);
  assert.match(bad[0], /rag-or-tune-scenario/, 'kept aside');
  await ask(page, 'How much does the Pro plan cost?');
  assert.equal(await page.locator('.card').count(), 4);
  assertClean(problems);
  await page.close();
});

async function exported(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.mine__export')]);
  return readFile(await download.path(), 'utf8');
}

test('export, clear, import: the same state, and a bad file changes nothing', async () => {
  const { page, problems } = await fresh();
  await addDocs(page);
  await addPairs(page);
  await train(page);
  await goTo(page, 'ask');
  await ask(page, 'When is the Oslo office open?');
  await goTo(page, 'mine');
  await page.waitForSelector('.mine__export');
  const before = await exported(page);
  const scenario = JSON.parse(before);
  assert.equal(scenario.format, 'rag-or-tune-scenario');
  assert.equal(scenario.documents.length, 3);
  assert.equal(scenario.pairs.length, 5);
  assert.equal(scenario.question, 'When is the Oslo office open?');

  await page.click('.mine__clear');
  await page.click('.mine__clear-yes');
  await page.waitForFunction(() => document.querySelectorAll('.mine__docs tbody tr').length === 0);
  assert.equal(await page.locator('.mine__pair-q').count(), 0);
  assert.ok(await page.isChecked('.corpus-switch input[value=sample]'));

  // A broken file: its problems are listed by path and nothing changes.
  const broken = JSON.parse(before);
  broken.documents[1].text = 42;
  broken.pairs[0] = { question: 'q' };
  broken.retrieval.k = -3;
  await upload(page, '#mine-scenario-file', [{ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) }]);
  await page.waitForSelector('.mine__problems li');
  const listed = await page.textContent('.mine__problems');
  assert.match(listed, /documents\[1\]\.text/, listed);
  assert.match(await page.textContent('.mine__save-message'), /nothing was changed/);
  assert.equal(await docCount(page), 0);
  for (const [name, body] of [['empty.json', ''], ['deep.json', '['.repeat(10000)], ['html.json', '<script>window.__pwned=1</script>']]) {
    await upload(page, '#mine-scenario-file', [{ name, mimeType: 'application/json', buffer: Buffer.from(body) }]);
    await page.waitForFunction(() => (document.querySelector('.mine__save-message')?.textContent ?? '').includes('nothing was changed'));
    assert.equal(await docCount(page), 0, name);
  }

  await upload(page, '#mine-scenario-file', [{ name: 'scenario.json', mimeType: 'application/json', buffer: Buffer.from(before) }]);
  await page.waitForFunction(() => document.querySelectorAll('.mine__docs tbody tr').length === 3, null, { timeout: 30000 });
  assert.match(await page.textContent('.mine__save-message'), /Imported scenario\.json/);
  const after = await exported(page);
  assert.equal(after, before, 'export -> clear -> import gives the identical state');
  assert.equal(await pwned(page), null);
  assertClean(problems);
  await page.close();
});

test('a full browser storage is reported, and the work stays on the page', async () => {
  const { page, problems } = await fresh();
  await addDocs(page);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, KEY, { timeout: 10000 });
  // Fill the rest of the quota with another key, then change something.
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length > 16) {
      try {
        localStorage.setItem(`filler-${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
  });
  await page.fill('#mine-paste-title', 'Parking');
  await page.fill('#mine-paste-text', 'Visitors park in the east lot. '.repeat(3000));
  await page.click('.mine__paste button[type=submit]');
  await page.waitForSelector('.save-status--error', { timeout: 10000 });
  assert.match(await page.textContent('.save-status--error'), /could not be saved.*full/);
  assert.equal(await docCount(page), 4, 'the new document is kept on the page');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
  assertClean(problems);
  await page.close();
});

test('phone: the view fits and reads', async () => {
  const { page, problems } = await fresh('?view=mine', { viewport: PHONE });
  await addDocs(page);
  await page.click('.mine__add-pair');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `${width}px wide`);
  await shot(page, 'mine-phone');
  assertClean(problems);
  await page.close();
});
