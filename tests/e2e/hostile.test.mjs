// The hostile-input suite (issue 22): table-driven, well over 124 kinds of hostile input, tried
// in a loop per category: questions (the Ask box and the inspector box), links (query keys and
// values), corpus edits (the document editor), document, pair and scenario imports (Your
// documents), storage corruption and quota (the key 'rag-or-tune/scenario'), reloads mid-import
// and right after a save, two tabs, and host messages (postMessage from a parent page).
// For each input it asserts: no page error or console error, no request to another origin, no
// injected script ran (payloads would set window.__pwned) and Object.prototype is not polluted,
// the expected message shows, and the learner's prior work (a canary document) is still there
// after a reload. The last line printed says how many inputs were tried, per category.
// A case that fails on the app as it stands is marked `todo` with what it does instead. One
// long file on purpose: most of it is the table of cases, read top to bottom per category.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startSession, assertClean, clearSavedWork } from './lib/browser.mjs';
import { serveDir } from './lib/static-server.mjs';
import { handbook } from './lib/import-load.mjs';

const KEY = 'rag-or-tune/scenario';
const BAD_KEY = `${KEY}.bad`;
const WAIT = { timeout: Number(process.env.HOSTILE_WAIT ?? 20000) };
const CANARY = { title: 'Canary', text: 'The canary sentence says the lighthouse keeper feeds the gulls at dawn.' };

/** Markup and script payloads: each would set window.__pwned (or fetch from another origin)
 *  if the app ever turned text into live HTML. */
const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<svg onload="window.__pwned=3"></svg>',
  'javascript:window.__pwned=4',
  '"><iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
  '{{constructor.constructor("window.__pwned=6")()}}',
  '${window.__pwned=7}',
  '<a href="javascript:window.__pwned=8">link</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=9>',
  '<details open ontoggle="window.__pwned=10">',
  '<img src="https://evil.example/beacon.png">',
];

const counts = {};
let session;
let host;

before(async () => {
  session = await startSession();
  host = await serveDir(join(import.meta.dirname));
});
after(async () => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`hostile inputs tried: ${total} (${parts})`);
  await session?.stop();
  await new Promise((ok) => host?.server.close(ok));
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Waits until the text of `selector` matches `re`; fails naming what it reads instead. */
async function expectText(page, selector, re, timeout = WAIT.timeout) {
  try {
    await page.waitForFunction(
      ([s, src, flags]) => new RegExp(src, flags).test(document.querySelector(s)?.textContent ?? ''),
      [selector, re.source, re.flags],
      { timeout },
    );
  } catch {
    const seen = await page.evaluate((s) => document.querySelector(s)?.textContent ?? '(missing)', selector);
    assert.fail(`${selector} should match ${re}; it reads: ${seen.slice(0, 500)}`);
  }
}

/** No injected script ran and nothing polluted Object.prototype (in the page or any frame). */
async function assertNothingRan(page) {
  for (const frame of page.frames()) {
    const ran = await frame.evaluate(() => ({
      pwned: window.__pwned,
      polluted: Object.prototype.polluted ?? {}.polluted,
    })).catch(() => ({}));
    assert.equal(ran.pwned, undefined, `an injected script ran in ${frame.url()}`);
    assert.equal(ran.polluted, undefined, `Object.prototype was polluted in ${frame.url()}`);
  }
}

/** Runs each case of a category as its own subtest: the case's run, then no script ran and the
 *  page reported no problem while it ran. */
async function tryAll(t, category, page, problems, cases, run) {
  for (const c of cases) {
    counts[category] = (counts[category] ?? 0) + 1;
    await t.test(c.name, c.todo ? { todo: c.todo } : {}, async () => {
      const from = problems.length;
      await run(c);
      await assertNothingRan(page);
      assertClean(problems.slice(from));
    });
  }
}

async function docsText(page) {
  return (await page.locator('.mine__docs').textContent()) ?? '';
}

async function paste(page, title, text) {
  await page.fill('#mine-paste-title', title);
  await page.fill('#mine-paste-text', text);
  await page.click('.mine__paste button[type=submit]');
}

/** A clean profile and Your documents with the canary document saved in it. */
async function withCanary() {
  await clearSavedWork(session);
  const opened = await session.open('?view=mine');
  await opened.page.waitForSelector('#mine-paste-title', WAIT);
  await paste(opened.page, CANARY.title, CANARY.text);
  await expectText(opened.page, '.mine__docs', /Canary/);
  await opened.page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('lighthouse'), KEY, WAIT);
  return opened;
}

/** Reloads Your documents and checks the canary is still listed. */
async function assertCanaryKept(page) {
  await page.goto(`${session.url}?view=mine`);
  await page.waitForSelector('#mine-paste-title', WAIT);
  await expectText(page, '.mine__docs', /Canary/);
}

async function readStorage(page) {
  return page.evaluate(([k, b]) => [localStorage.getItem(k), localStorage.getItem(b)], [KEY, BAD_KEY]);
}

const file = (name, body, mimeType = 'text/plain') => ({
  name,
  mimeType,
  buffer: Buffer.isBuffer(body) ? body : Buffer.from(body),
});

// ---------------------------------------------------------------------------------------------
// Questions: the Ask box and the inspector box

const CUT = /only the first 1,000 are kept/;
const QUESTIONS = [
  { name: 'blank', text: '   \t  ', empty: true },
  { name: 'zero-width characters only', text: '\u200b\u200c\u200d\ufeff', empty: true },
  { name: 'newlines only', text: '\n'.repeat(500), empty: true },
  { name: '1,001 characters', text: `${'refund '.repeat(143).slice(0, 1000)}x`, cut: true },
  { name: '105 KB', text: 'refund '.repeat(15000), cut: true },
  { name: '1 MB paste', text: 'pricing '.repeat(131072), cut: true },
  { name: 'exactly 1,000 characters', text: 'price '.repeat(200).slice(0, 1000) },
  ...XSS.map((x, i) => ({ name: `markup payload ${i + 1}`, text: `${x} How much does the Pro plan cost?` })),
  { name: 'right-to-left override and emoji', text: '\u202eHow much\u202c does 🤖🔥 the Pro plan cost? \u{1F468}\u200d\u{1F469}\u200d\u{1F467}' },
  { name: 'combining marks (zalgo)', text: `refund${'\u0301\u0316\u0337'.repeat(300)} policy` },
  { name: 'control characters', text: 'refund\u0000\u0001\u0007\u001b[31m policy\u007f' },
  { name: 'SQL and shell syntax', text: "'; DROP TABLE docs; -- $(rm -rf /) `id` | cat /etc/passwd" },
  { name: 'prototype keys', text: '__proto__ constructor prototype toString hasOwnProperty' },
  { name: 'format specifiers', text: '%s %d %n %x {0} {} %%' },
  { name: 'one 1,000-letter word', text: 'x'.repeat(1000) },
  { name: 'CJK and Arabic text', text: '价格是多少？ كم سعر الخطة؟ Pro プランの価格は？' },
];

test('questions: the Ask box and the inspector box take every hostile question calmly', async (t) => {
  const { page, problems } = await withCanary();
  await page.click('.app-nav__link[href*="view=ask"]');
  await page.waitForSelector('#ask-question', WAIT);
  const submit = async (text) => {
    await page.fill('#ask-question', text);
    await page.click('.ask__form button[type=submit]');
  };
  await tryAll(t, 'questions', page, problems, QUESTIONS.map((q) => ({ ...q, name: `Ask: ${q.name}` })), async (q) => {
    await submit('');
    await expectText(page, '.ask__answers', /Ask a question/);
    await submit(q.text);
    if (q.empty) {
      await page.waitForTimeout(200);
      await expectText(page, '.ask__answers', /Ask a question/);
      assert.equal(await page.locator('.card').count(), 0, 'no card answers an empty question');
      return;
    }
    await page.waitForSelector('.card--rag .card__text', WAIT);
    await expectText(page, '.card--tuned', /No tuned model yet|From weights/);
    if (q.cut) await expectText(page, '.question-cut', CUT);
    else assert.equal(await page.locator('.question-cut').count(), 0, 'no cut note');
    assert.ok((await page.inputValue('#ask-question')).length <= 1000, 'the question is within the limit');
    assert.equal(await page.locator('.app-main img, .app-main iframe, .app-main svg[onload]').count(), 0);
  });

  await page.click('.app-nav__link[href*="view=inspector"]');
  await page.waitForSelector('#inspector-question', WAIT);
  const inspectorCases = QUESTIONS.filter((q, i) => q.empty || q.cut || i % 2 === 0 || /markup payload (1|2|4)$/.test(q.name));
  await tryAll(t, 'questions', page, problems, inspectorCases.map((q) => ({ ...q, name: `inspector: ${q.name}` })), async (q) => {
    await page.fill('#inspector-question', '');
    await expectText(page, '.reader-line', /Type a question/);
    await page.fill('#inspector-question', q.text);
    if (q.empty) {
      await page.waitForTimeout(200);
      await expectText(page, '.reader-line', /Type a question/);
      assert.equal(await page.locator('.passage').count(), 0);
      return;
    }
    await expectText(page, '.reader-line', /The reader (answers|abstains)/);
    assert.equal(await page.locator('.app-main img, .app-main iframe').count(), 0);
  });
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Links: URL query keys and values

const LONG_Q = 'refund '.repeat(1200);
const LINKS = [
  { name: 'unknown view with a script', query: `?view=${encodeURIComponent('<script>window.__pwned=1</script>')}`, notice: /view “<script>.*” this app does not have/ },
  { name: 'javascript: view', query: '?view=javascript:window.__pwned=1', notice: /view “javascript:.*” this app does not have/ },
  { name: 'markup question', query: `?view=ask&q=${encodeURIComponent(XSS[0] + ' refund?')}`, question: XSS[0] + ' refund?' },
  { name: 'k too large', query: '?view=ask&k=99', notice: /ignored k=99/ },
  { name: 'k negative', query: '?view=ask&k=-1', notice: /ignored k=-1/ },
  { name: 'k not a number', query: '?view=ask&k=NaN', notice: /ignored k=NaN/ },
  { name: 'k overflowing', query: '?view=ask&k=1e999', notice: /ignored k=1e999/ },
  { name: 'k in hex', query: '?view=ask&k=0x10', notice: /ignored k=0x10/ },
  { name: 'threshold out of range', query: '?view=ask&t=9', notice: /ignored t=9/ },
  { name: 'threshold infinite', query: '?view=ask&t=Infinity', notice: /ignored t=Infinity/ },
  { name: 'version that does not exist', query: '?view=ask&v=v9', notice: /ignored v=v9/ },
  { name: 'flag that is not a flag', query: '?view=ask&tuned=maybe', notice: /ignored tuned=maybe/ },
  { name: 'markup as a flag value', query: `?view=ask&rag=${encodeURIComponent(XSS[2])}`, notice: /ignored rag=<svg/ },
  { name: 'markup as a key', query: `?view=ask&${encodeURIComponent(XSS[0])}=1`, notice: /ignored <img/ },
  { name: 'prototype keys', query: '?view=ask&__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x', notice: /ignored __proto__/ },
  { name: 'question 8 KB', query: `?view=ask&q=${encodeURIComponent(LONG_Q)}`, notice: /the question \(8,\d{3} characters\) was cut to its first 1,000/ },
  { name: 'zero-width question', query: `?view=ask&q=${encodeURIComponent('\u200b\u200c\u200d\ufeff')}`, empty: true },
  { name: 'broken percent-encoding', query: '?view=ask&q=%E0%A4%A&k=%ZZ', notice: /ignored k=/ },
  { name: 'NUL and control characters', query: '?view=ask&q=refund%00%01%1b&k=%00', notice: /ignored k=/ },
  { name: 'duplicate keys', query: '?view=ask&k=3&k=99', notice: /ignored k=99/ },
  { name: '300 unknown keys', query: `?view=ask&${Array.from({ length: 300 }, (_, i) => `junk${i}=${i}`).join('&')}`, notice: /ignored junk0=0/ },
  { name: 'markup in hide flags', query: `?view=ask&embed=1&hide=${encodeURIComponent('<script>window.__pwned=1</script>,header')}`, hide: true },
  { name: 'markup in the fragment', query: `?view=ask#${encodeURIComponent(XSS[0])}`, plain: true },
  { name: 'tour step out of range', query: '?view=ask&tour=99999', plain: true },
];

test('links: hostile query keys and values are ignored with a notice and run nothing', async (t) => {
  const { page, problems } = await withCanary();
  await tryAll(t, 'links', page, problems, LINKS, async (l) => {
    await page.goto(`${session.url}${l.query}`);
    await page.waitForSelector('.app-main', WAIT);
    await page.waitForSelector('#ask-question', WAIT);
    if (l.notice) {
      await expectText(page, '.url-notice', l.notice);
      assert.equal(await page.locator('.url-notice img, .url-notice script, .url-notice svg').count(), 0);
    }
    if (l.question) {
      await page.waitForSelector('.card--rag .card__text', WAIT);
      assert.equal(await page.inputValue('#ask-question'), l.question);
    }
    if (l.empty) {
      await expectText(page, '.ask__answers', /Ask a question/);
      assert.equal(await page.locator('.card').count(), 0);
    }
    if (l.hide) {
      const hide = await page.getAttribute('html', 'data-hide');
      assert.doesNotMatch(hide ?? '', /script|</, `data-hide: ${hide}`);
    }
    await page.waitForTimeout(100);
    assert.equal(await page.locator('.app-main img, .app-main iframe').count(), 0);
  });
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Corpus edits: the Corpus view's document editor

const EDITS = [
  ...XSS.slice(0, 6).map((x, i) => ({ name: `markup payload ${i + 1}`, text: (o) => `${x}\n\n${o}`, saved: true })),
  { name: '150 KB of text', text: () => 'Guests on the Team plan can comment on any board. '.repeat(3000), saved: true },
  { name: 'right-to-left override, emoji and combining marks', text: (o) => `\u202e🙂${'\u0301'.repeat(200)} ${o}`, saved: true },
  { name: 'control characters', text: (o) => `\u0001\u0007\u001b[31m${o}\u007f`, saved: true },
  { name: 'one 50,000-letter word', text: () => 'y'.repeat(50000), saved: true },
  { name: 'empty text (an emptied document is an edit like any other)', text: () => '', saved: true },
  { name: 'whitespace only', text: () => ' \n\t\n ', saved: true },
  { name: 'over 1 MiB', text: () => 'Long edit. '.repeat(110_000), saved: false },
];

test('corpus edits: hostile text in the document editor is saved as text or refused with a message', async (t) => {
  const { page, problems } = await withCanary();
  // The sample corpus: its documents can be edited and reset (the canary is in the other one).
  await page.check('.corpus-switch input[value=sample]');
  await page.click('.app-nav__link[href*="view=corpus"]');
  await page.waitForSelector('.doc-item', WAIT);
  await page.getByRole('button', { name: 'Plans and pricing', exact: true }).click();
  await page.waitForSelector('.doc-panel__title', WAIT);
  await page.click('.doc-edit');
  const original = await page.inputValue('#doc-editor');
  await page.click('.doc-cancel').catch(() => {});
  await tryAll(t, 'corpus edits', page, problems, EDITS, async (e) => {
    if (await page.locator('#doc-editor').count() === 0) await page.click('.doc-edit');
    await page.fill('#doc-editor', e.text(original));
    await page.click('.doc-save');
    if (e.saved) {
      await expectText(page, '.corpus-status__message', /Saved “Plans and pricing”; index rebuilt/);
      await page.waitForSelector('.doc-item--open .edited-badge', WAIT);
      assert.equal(await page.locator('.app-main img, .app-main iframe, .app-main details').count(), 0);
      await page.click('.doc-reset');
      await page.waitForFunction(() => document.querySelectorAll('.edited-badge').length === 0, null, WAIT);
      await expectText(page, '.corpus-status__message', /Restored “Plans and pricing” to the original/);
    } else {
      await expectText(page, '.corpus-status__message', /Could not save “Plans and pricing”: the text is 1\.2 MB, over the 1 MiB .* Your draft is still open/);
      assert.equal(await page.locator('.edited-badge').count(), 0, 'the long draft is not saved');
      assert.equal(await page.locator('#doc-editor').count(), 1, 'the draft stays open');
    }
  });
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Document imports: files dropped on Your documents, and the paste form

const tooMany = JSON.stringify(Array.from({ length: 201 }, (_, i) => ({ title: `T${i}`, text: `Document number ${i} says ${i}.` })));
const REFUSED_FILES = [
  { file: file('empty.txt', ''), line: /empty\.txt is empty/ },
  { file: file('whitespace.txt', '  \n\t \n'), line: /whitespace\.txt is empty/ },
  { file: file('bom-only.md', '\ufeff'), line: /bom-only\.md (is empty|has no readable text)/ },
  { file: file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0, 1])), line: /photo\.txt looks like a binary file/ },
  { file: file('utf16.txt', Buffer.from('Hello in UTF-16 with NUL bytes', 'utf16le')), line: /utf16\.txt looks like a binary file/ },
  { file: file('over-by-one.txt', Buffer.alloc(1_048_577, 'a')), line: /over-by-one\.txt is too large \(1,048,577 bytes\): the limit is 1 MiB per file/ },
  { file: file('huge.txt', Buffer.alloc(5_000_000, 'b')), line: /huge\.txt is too large \(5(\.0)? MB\)/ },
  { file: file('broken.json', '[{"title": "x", "text": ', 'application/json'), line: /broken\.json could not be read at/ },
  { file: file('deep.json', '['.repeat(5000) + ']'.repeat(5000), 'application/json'), line: /deep\.json is nested too deeply at line 1: the limit is 32/ },
  { file: file('deep-objects.json', '{"a":'.repeat(40) + '1' + '}'.repeat(40), 'application/json'), line: /deep-objects\.json is nested too deeply/ },
  { file: file('types.json', '[{"title": 5, "text": "y"}]', 'application/json'), line: /types\.json could not be read at \[0\]\.title: must be a string/ },
  { file: file('too-many.json', tooMany, 'application/json'), line: /too-many\.json would make more than 200 documents/ },
  { file: file('scripts-only.html', '<html><script>window.__pwned=1</script><style>p{}</style></html>', 'text/html'), line: /scripts-only\.html has no readable text/ },
  { file: file('archive.zip', 'PK\u0003\u0004', 'application/zip'), line: /archive\.zip is not a file type this page reads/ },
  { file: file('program.exe', 'MZ', 'application/octet-stream'), line: /program\.exe is not a file type/ },
  { file: file('no-extension', 'plain words'), line: /no-extension is not a file type/ },
  { file: file('<img src=x onerror=window.__pwned=1>.svg', '<svg onload="window.__pwned=1"/>', 'image/svg+xml'), line: /<img src=x onerror=window\.__pwned=1>\.svg is not a file type/ },
  { file: file('canary-copy.txt', CANARY.text), line: /canary-copy\.txt has the same text as "Canary", which is already added/ },
];

const exactlyOneMiB = handbook(7, 1_048_576).subarray(0, 1_048_576);
const ACCEPTED_FILES = [
  { file: file('script.html', `<html><head><title>Script page</title></head><body><p>Badges are printed at reception.</p>${XSS.join(' ')}<script>window.__pwned=1</script></body></html>`, 'text/html'), listed: /Script page/ },
  { file: file('links.md', '# Link notes\n\n[click](javascript:window.__pwned=1) and ![x](https://evil.example/x.png) <img src=x onerror=window.__pwned=1>\n', 'text/markdown'), listed: /Link notes/ },
  { file: file('<img src=x onerror=window.__pwned=2>.txt', 'The night gate opens at 22:00 for couriers.'), listed: /onerror/ },
  { file: file('..\\..\\etc\\passwd.txt', 'Path traversal in a name: root was never here.'), listed: /passwd/ },
  { file: file('rtl.txt', '\u202eThe east wing\u202c is closed on 🎉 holidays; café, naïve, 价格.'), listed: /rtl/ },
  { file: file('proto.json', '[{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "title": "Proto doc", "text": "The proto document is harmless."}]', 'application/json'), listed: /Proto doc/ },
  { file: file('one-line.txt', 'word '.repeat(150_000)), listed: /one-line/ },
  { file: file('exactly-1MiB.txt', exactlyOneMiB), listed: /exactly-1MiB/ },
  { file: file('external.html', '<html><head><title>External refs</title><link rel="stylesheet" href="https://evil.example/s.css"><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body><p>The canteen serves soup on Mondays.</p><iframe src="https://evil.example/"></iframe></body></html>', 'text/html'), listed: /External refs/ },
  { file: file('object.json', '{"title": "Single object", "text": "A single JSON object is read as one document."}', 'application/json'), listed: /Single object/ },
  { file: file('long-title.md', `# ${'T'.repeat(5000)}\n\nA document with an absurdly long heading.`, 'text/markdown'), listed: /TTTT/ },
];

test('document imports: every refused file gets its line, hostile files are kept as text', async (t) => {
  const { page, problems } = await withCanary();
  const refusedLines = async () => page.locator('.mine__refused li').allTextContents();

  // One upload of all the refused files: each still gets its own line.
  await page.setInputFiles('#mine-files', REFUSED_FILES.map((c) => c.file));
  await expectText(page, '.mine__report .mine__summary', /\d+ files refused/);
  await tryAll(t, 'document imports', page, problems, REFUSED_FILES.map((c) => ({ ...c, name: `refused: ${c.file.name}` })), async (c) => {
    const line = (await refusedLines()).find((l) => l.startsWith(c.file.name));
    assert.ok(line, `${c.file.name} has a line of its own:\n${(await refusedLines()).join('\n')}`);
    assert.match(line, c.line);
  });
  assert.equal(await page.locator('.mine__refused img, .mine__refused svg').count(), 0);
  assert.equal(await page.locator('.mine__docs tbody tr').count(), 1, 'only the canary is there');

  await page.setInputFiles('#mine-files', ACCEPTED_FILES.map((c) => c.file));
  await expectText(page, '.mine__report .mine__summary', new RegExp(`Added ${ACCEPTED_FILES.length} documents`), 30000);
  await tryAll(t, 'document imports', page, problems, ACCEPTED_FILES.map((c) => ({ ...c, name: `kept as text: ${c.file.name}` })), async (c) => {
    assert.match(await docsText(page), c.listed);
    assert.equal(await page.locator('.mine__docs img, .mine__docs script, .mine__docs iframe').count(), 0);
  });

  // Files that together pass the 4 MB limit for all documents.
  const big = [1, 2, 3].map((i) => file(`big-${i}.txt`, handbook(100 + i, 1_000_000).subarray(0, 1_000_000)));
  const pasted = [
    { name: 'all documents over 4 MB', run: async () => {
      await page.setInputFiles('#mine-files', big);
      await expectText(page, '.mine__refused', /does not fit: your documents would total .*the limit is 4 MB for all documents together/, 30000);
    } },
    { name: 'paste: empty text', run: async () => {
      await paste(page, 'Empty', '');
      await expectText(page, '.mine__report .mine__summary', /Nothing was added: the text was refused/);
      await expectText(page, '.mine__refused', /the pasted text is empty/i, 3000);
    } },
    { name: 'paste: whitespace and zero-width only', run: async () => {
      await paste(page, 'Blank', ' \u200b\n\t\ufeff ');
      await expectText(page, '.mine__refused', /the pasted text (is empty|has no readable text)/i);
    } },
    { name: 'paste: 1.5 MB', run: async () => {
      await paste(page, 'Too long', 'x '.repeat(750_000));
      await expectText(page, '.mine__refused', /the pasted text is too large \(1\.5 MB\): the limit is 1 MiB per file/i);
    } },
    { name: 'paste: markup title and text', run: async () => {
      await paste(page, `Pasted ${XSS[0]}${XSS[1]}`, `The pasted policy says lockers close at six. ${XSS.join(' ')}`);
      await expectText(page, '.mine__report .mine__summary', /Added 1 document/);
      await expectText(page, '.mine__docs', /Pasted <img src=x onerror/);
    } },
    { name: 'paste: 5,000-character title', run: async () => {
      await paste(page, 'L'.repeat(5000), 'A pasted text with a very long title about the parking rules.');
      await expectText(page, '.mine__report .mine__summary', /Added 1 document/);
      const longest = Math.max(...(await page.locator('.mine__doc-title').allTextContents()).map((s) => s.length));
      assert.ok(longest <= 201, `titles are cut to the title limit (longest ${longest})`);
    } },
  ];
  await tryAll(t, 'document imports', page, problems, pasted, (c) => c.run());
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Pair imports

const PAIR_FILES = [
  { file: file('unclosed.csv', 'question,answer\n"unclosed,quote\n'), message: /unclosed\.csv could not be read at line/ },
  { file: file('broken.json', '{"question": 1', 'application/json'), message: /broken\.json could not be read/ },
  { file: file('empty.csv', ''), message: /empty\.csv is empty/ },
  { file: file('deep.json', '['.repeat(10000), 'application/json'), message: /deep\.json is nested too deeply/ },
  { file: file('types.json', '[{"question": 1, "answer": "a"}]', 'application/json'), message: /types\.json could not be read at \[0\]\.question: must be a string/ },
  { file: file('object.json', '{"question": "q", "answer": "a"}', 'application/json'), message: /object\.json could not be read/ },
  { file: file('blank-question.csv', 'question,answer\n"  ",an answer\n'), message: /blank-question\.csv could not be read at line 2: the question is empty/ },
  { file: file('long-answer.csv', `question,answer\nWhat?,${'a'.repeat(1001)}\n`), message: /long-answer\.csv could not be read at line 2: the answer is longer than 1000 characters/ },
  { file: file('repeat.csv', 'question,answer\nWhen does the lighthouse open?,dawn\nWhen does the lighthouse open?,noon\n'), message: /repeat\.csv could not be read at line 3: the same question is already at line 2/ },
  { file: file('too-many.csv', `question,answer\n${Array.from({ length: 1001 }, (_, i) => `Question ${i}?,Answer ${i}`).join('\n')}\n`), message: /too-many\.csv would make more than 1000 question-answer pairs/ },
  { file: file('binary.csv', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0])), message: /binary\.csv looks like a binary file/ },
  { file: file('pairs.xlsx', 'PK'), message: /pairs\.xlsx is not a file type/ },
  { file: file('huge.csv', Buffer.alloc(1_200_000, 'q')), message: /huge\.csv is too large/ },
  { file: file('markup.json', JSON.stringify([{ question: `When does the lighthouse open? ${XSS[0]}`, answer: `At dawn ${XSS[1]}` }, { __proto__: { polluted: 1 }, question: 'Who feeds the gulls?', answer: 'The keeper' }]), 'application/json'), message: /2 (question-answer )?pairs?/, kept: 2 },
];

test('pair imports: each bad pairs file is refused with its line and no pair is half-imported', async (t) => {
  const { page, problems } = await withCanary();
  await tryAll(t, 'pair imports', page, problems, PAIR_FILES.map((c) => ({ ...c, name: c.file.name })), async (c) => {
    const before = await page.locator('.mine__pair-q').count();
    await page.setInputFiles('#mine-pairs-file', [c.file]);
    await expectText(page, '.mine__pairs .mine__summary', c.message);
    const now = await page.locator('.mine__pair-q').count();
    assert.equal(now, before + (c.kept ?? 0), 'no half-imported pairs');
    if (c.kept) {
      assert.match(await page.inputValue('.mine__pair-q >> nth=0'), /<img src=x onerror/, 'markup is kept as text');
      assert.equal(await page.locator('.mine__pairs img').count(), 0);
    }
  });
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Scenario imports

const NOTHING_CHANGED = /nothing was changed/;
function scenarioCases(good) {
  const base = () => JSON.parse(good);
  const edit = (f) => {
    const s = base();
    f(s);
    return JSON.stringify(s);
  };
  return [
    { name: 'empty.json', body: '' },
    { name: 'deep.json', body: '['.repeat(10000) },
    { name: 'html.json', body: '<script>window.__pwned=1</script>' },
    { name: 'truncated.json', body: good.slice(0, Math.floor(good.length / 2)) },
    { name: 'array.json', body: '[]' },
    { name: 'null.json', body: 'null' },
    { name: 'other-format.json', body: edit((s) => { s.format = 'not-rag-or-tune'; }) },
    { name: 'future-version.json', body: edit((s) => { s.version = 999; }) },
    { name: 'documents-not-array.json', body: edit((s) => { s.documents = 'x'; }) },
    { name: 'text-a-number.json', body: edit((s) => { s.documents[0].text = 42; }), problem: /documents\[0\]\.text/ },
    { name: 'k-negative.json', body: edit((s) => { s.retrieval.k = -3; }), problem: /retrieval\.k/ },
    { name: 'hidden-2048.json', body: edit((s) => { s.tuning.hidden = 2048; }), problem: /tuning\.hidden/ },
    { name: 'too-many-documents.json', body: edit((s) => { s.documents = Array.from({ length: 201 }, (_, i) => ({ id: `d${i}`, title: `D${i}`, source: 'pasted', text: `Doc ${i} text.` })); }) },
    { name: 'too-many-pairs.json', body: edit((s) => { s.pairs = Array.from({ length: 1001 }, (_, i) => ({ question: `Q${i}?`, answer: `A${i}` })); }) },
    { name: 'question-4MB.json', body: edit((s) => { s.question = 'q'.repeat(4_000_000); }) },
    { name: 'over-8MB.json', body: `${good.slice(0, -1)}, "padding": "${'p'.repeat(8_500_000)}"}` },
    { name: 'binary.json', body: Buffer.from([0, 0xff, 0xfe, 0x01, 0x00]) },
    { name: 'proto-keys.json', body: good.replace('"format"', '"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "format"') },
    { name: 'markup.json', body: edit((s) => {
      s.documents[0].title = `Imported ${XSS[0]}`;
      s.documents[0].text = `The imported document says the ferry leaves at noon. ${XSS.join(' ')}`;
    }), imported: true },
  ];
}

test('scenario imports: a bad scenario file changes nothing; a hostile valid one is text and undoable', async (t) => {
  const { page, problems } = await withCanary();
  const good = (await readStorage(page))[0];
  await tryAll(t, 'scenario imports', page, problems, scenarioCases(good), async (c) => {
    // A fresh page per file, so the message read is this file's own.
    await page.goto(`${session.url}?view=mine`);
    await page.waitForSelector('#mine-scenario-file', WAIT);
    await expectText(page, '.mine__docs', /Canary/);
    await page.setInputFiles('#mine-scenario-file', [file(c.name, c.body, 'application/json')]);
    const named = new RegExp(c.name.replace(/[.]/g, '\\.'));
    if (c.imported) {
      await expectText(page, '.mine__save-message', new RegExp(`Imported ${named.source}`), 30000);
      await expectText(page, '.mine__docs', /Imported <img src=x onerror/);
      assert.equal(await page.locator('.mine__docs img').count(), 0);
      await page.click('.set-aside-notice button:has-text("Undo")');
      await expectText(page, '.mine__docs', /Canary/);
      return;
    }
    await expectText(page, '.mine__save-message', NOTHING_CHANGED, 30000);
    if (c.problem) await expectText(page, '.mine__problems', c.problem);
    assert.match(await docsText(page), /Canary/, 'the canary is still listed');
  });
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Storage corruption and quota

function storageCases(good) {
  const edit = (f) => {
    const s = JSON.parse(good);
    f(s);
    return JSON.stringify(s);
  };
  return [
    { name: 'not JSON', value: 'not json at all' },
    { name: 'truncated', value: good.slice(0, Math.floor(good.length / 2)) },
    { name: 'an array', value: '[]' },
    { name: 'a string', value: '"a string"' },
    { name: 'null', value: 'null' },
    { name: 'deeply nested', value: '['.repeat(100000) },
    { name: 'another format', value: edit((s) => { s.format = 'something-else'; }) },
    { name: 'a future version', value: edit((s) => { s.version = 999; }) },
    { name: 'documents not a list', value: edit((s) => { s.documents = 'x'; }) },
    { name: 'a document text that is a number', value: edit((s) => { s.documents[0].text = 42; }) },
    { name: 'tuning.hidden 2048', value: edit((s) => { s.tuning.hidden = 2048; }) },
    { name: 'k of 1e999', value: good.replace(/"k":\s*\d+/, '"k": 1e999') },
    { name: 'prototype keys', value: good.replace('"format"', '"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "format"') },
    { name: 'markup in a title and the question', value: edit((s) => { s.documents[0].title = `Canary ${XSS[0]}`; s.question = XSS[1]; }), restores: true },
  ];
}

test('storage: corrupt stored work is reported and kept, never replaced; a full store is reported', async (t) => {
  const { page, problems } = await withCanary();
  const good = (await readStorage(page))[0];
  const blank = `${session.url}model/manifest.json`;
  await tryAll(t, 'storage', page, problems, storageCases(good), async (c) => {
    // Written from a plain file of the site, so no running app saves over it on unload.
    await page.goto(blank);
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, c.value]);
    await page.goto(`${session.url}?view=mine`);
    await page.waitForSelector('.corpus-switch', WAIT);
    if (c.restores) {
      await expectText(page, '.mine__docs', /Canary <img src=x onerror/);
      assert.equal(await page.locator('.app-main img').count(), 0);
    } else {
      await expectText(page, '.save-notice', /could not be restored/);
      await page.waitForTimeout(1500); // autosave's quiet time: nothing may be written over it
      const [main, bad] = await readStorage(page);
      assert.ok(main === c.value || bad === c.value, 'the stored copy is kept (in place or aside)');
    }
    await page.goto(blank);
    await page.evaluate(([k, v]) => { localStorage.clear(); localStorage.setItem(k, v); }, [KEY, good]);
  });
  await assertCanaryKept(page);

  const quota = [
    { name: 'a full store', run: async () => {
      await page.evaluate(() => {
        let chunk = 'x'.repeat(1 << 20);
        let i = 0;
        while (chunk.length > 16) {
          try { localStorage.setItem(`filler-${i++}`, chunk); } catch { chunk = chunk.slice(0, chunk.length / 2); }
        }
      });
      await paste(page, 'Parking', 'Visitors park in the east lot. '.repeat(3000));
      await expectText(page, '.save-status--error', /could not be saved.*full/);
      assert.equal(await page.locator('.mine__docs tbody tr').count(), 2, 'the new document stays on the page');
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler-')).forEach((k) => localStorage.removeItem(k)));
      await paste(page, 'After the quota', 'Saving works again once there is room.');
      await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('After the quota'), KEY, WAIT);
    } },
    { name: 'storage that throws on every write', run: async () => {
      await page.evaluate(() => {
        window.__setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = function () { throw new DOMException('denied', 'SecurityError'); };
      });
      await paste(page, 'Denied', 'A document added while storage refuses every write.');
      await expectText(page, '.save-status--error', /could not be saved/);
      await page.evaluate(() => { Storage.prototype.setItem = window.__setItem; });
    } },
  ];
  await tryAll(t, 'storage', page, problems, quota, (c) => c.run());
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Reloads mid-import and right after a save

test('reloads: right after a save and in the middle of an import, nothing is lost or half-done', async (t) => {
  const { page, problems } = await withCanary();
  const bigScenario = () => {
    const s = JSON.parse(readCache.good);
    s.documents = Array.from({ length: 60 }, (_, i) => ({ id: `h${i}`, title: `Handbook ${i}`, source: 'pasted', text: handbook(i + 1, 40_000).toString() }));
    return JSON.stringify(s);
  };
  const readCache = { good: (await readStorage(page))[0] };
  const reload = async () => {
    await page.reload();
    await page.waitForSelector('#mine-paste-title', WAIT);
  };
  const cases = [
    { name: 'reload right after Add', run: async () => {
      await paste(page, 'Quick note', 'The quick note says the gate code is 2468.');
      await expectText(page, '.mine__docs', /Quick note/);
      await reload();
      await expectText(page, '.mine__docs', /Quick note/);
      await expectText(page, '.mine__docs', /Canary/);
    } },
    { name: 'reload right after a pair is typed', run: async () => {
      await page.click('.mine__add-pair');
      await page.locator('.mine__pair-q').last().fill('Who feeds the gulls?');
      await page.locator('.mine__pair-a').last().fill('The lighthouse keeper');
      await reload();
      await page.waitForFunction(() => [...document.querySelectorAll('.mine__pair-q')].some((i) => i.value === 'Who feeds the gulls?'), null, WAIT);
    } },
    { name: 'reload right after a corpus edit is saved', run: async () => {
      await page.check('.corpus-switch input[value=sample]');
      await page.click('.app-nav__link[href*="view=corpus"]');
      await page.waitForSelector('.doc-item', WAIT);
      await page.getByRole('button', { name: 'Plans and pricing', exact: true }).click();
      await page.click('.doc-edit');
      const original = await page.inputValue('#doc-editor');
      await page.fill('#doc-editor', `Edited before a reload. ${original}`);
      await page.click('.doc-save');
      await page.waitForSelector('.doc-item--open .edited-badge', WAIT);
      await page.reload();
      await page.waitForSelector('.doc-item', WAIT);
      await page.waitForSelector('.edited-badge', WAIT);
      await page.getByRole('button', { name: 'Plans and pricing', exact: true }).click();
      await page.click('.doc-reset');
      await page.waitForFunction(() => document.querySelectorAll('.edited-badge').length === 0, null, WAIT);
      await page.goto(`${session.url}?view=mine`);
      await page.waitForSelector('#mine-paste-title', WAIT);
    } },
    { name: 'reload in the middle of a document upload', run: async () => {
      const files = Array.from({ length: 30 }, (_, i) => file(`upload-${i}.txt`, handbook(500 + i, 60_000)));
      await page.setInputFiles('#mine-files', files);
      await reload();
      await expectText(page, '.mine__docs', /Canary/);
      const n = await page.locator('.mine__docs tbody tr').count();
      const uploaded = (await docsText(page)).match(/upload-\d+/g)?.length ?? 0;
      assert.ok(uploaded === 0 || uploaded === 30, `the upload is whole or absent, not half (${uploaded} of 30; ${n} rows)`);
    } },
    { name: 'reload in the middle of a scenario import', run: async () => {
      await page.setInputFiles('#mine-scenario-file', [file('big-scenario.json', bigScenario(), 'application/json')]);
      await reload();
      const text = await docsText(page);
      const handbooks = text.match(/Handbook \d+/g)?.length ?? 0;
      assert.ok((handbooks === 0 && /Canary/.test(text)) || handbooks === 60, `the import is whole or absent (${handbooks} of 60)`);
      if (handbooks === 60) {
        await page.click('.set-aside-notice button:has-text("Undo")').catch(() => {});
      }
    } },
    { name: 'reload of a link with a markup question over the saved work', run: async () => {
      await page.goto(`${session.url}?view=mine&q=${encodeURIComponent(XSS[0])}`);
      await page.waitForSelector('#mine-paste-title', WAIT);
      await reload();
      await expectText(page, '.mine__docs', /Canary/);
    } },
  ];
  await tryAll(t, 'reloads', page, problems, cases, (c) => c.run());
  await assertCanaryKept(page);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Two tabs

test('two tabs: each sees the other\u2019s saves, and a conflict is offered, never overwritten', async (t) => {
  const a = await withCanary();
  const b = await session.open('?view=mine');
  await b.page.waitForSelector('#mine-paste-title', WAIT);
  const problems = [];
  const both = [a, b];
  const cases = [
    { name: 'a document added in tab A shows in tab B', run: async () => {
      await paste(a.page, 'Alpha', 'Alpha opens at nine on weekdays.');
      await expectText(b.page, '.mine__docs', /Alpha/);
    } },
    { name: 'a markup document added in tab B shows as text in tab A', run: async () => {
      await paste(b.page, `Beta ${XSS[0]}`, `Beta closes at five on Fridays. ${XSS[1]}`);
      await expectText(a.page, '.mine__docs', /Beta <img/);
      assert.equal(await a.page.locator('.mine__docs img').count(), 0);
    } },
    { name: 'a refused scenario import in tab A leaves tab B alone', run: async () => {
      await a.page.setInputFiles('#mine-scenario-file', [file('deep.json', '['.repeat(10000), 'application/json')]);
      await expectText(a.page, '.mine__save-message', NOTHING_CHANGED);
      await b.page.waitForTimeout(500);
      assert.equal(await b.page.locator('.save-notice--failed').count(), 0);
      assert.match(await docsText(b.page), /Canary.*Alpha.*Beta/s);
    } },
    { name: 'both tabs changed: the learner is asked and keeps both', run: async () => {
      const theirs = JSON.parse((await readStorage(a.page))[0]);
      theirs.documents.push({ id: 'gamma', title: 'Gamma', source: 'pasted', text: 'Gamma is closed on Sundays.' });
      // The other tab must write while B's Delta is added but not yet saved (the autosave
      // waits DEBOUNCE_MS): wait for Delta in B's list, then write only if storage lacks it.
      let wrote = false;
      for (let attempt = 0; attempt < 3 && !wrote; attempt += 1) {
        const name = attempt === 0 ? 'Delta' : `Delta ${attempt}`;
        await paste(b.page, name, `${name} is open late on Thursdays.`);
        await expectText(b.page, '.mine__docs', new RegExp(name));
        wrote = await a.page.evaluate(([key, value, mark]) => {
          if ((localStorage.getItem(key) ?? '').includes(mark)) {
            return false;
          }
          localStorage.setItem(key, value);
          return true;
        }, [KEY, JSON.stringify(theirs), name]);
      }
      assert.ok(wrote, 'tab B saved Delta before the other tab could write, three times');
      await expectText(b.page, '.save-notice--failed', /changed in another tab/);
      await b.page.click('.save-notice__choices button:has-text("Keep both")');
      await expectText(b.page, '.mine__docs', /Gamma/);
      await expectText(b.page, '.mine__docs', /Delta/);
      await a.page.waitForFunction((key) => ['Canary', 'Gamma', 'Delta'].every((x) => (localStorage.getItem(key) ?? '').includes(x)), KEY, WAIT);
    } },
  ];
  for (const tab of both) {
    tab.problems.length = 0;
  }
  await tryAll(t, 'two tabs', a.page, problems, cases, async (c) => {
    const from = both.map((tab) => tab.problems.length);
    await c.run();
    await assertNothingRan(b.page);
    both.forEach((tab, i) => assertClean(tab.problems.slice(from[i])));
  });
  const c = await session.open('?view=mine');
  await expectText(c.page, '.mine__docs', /Canary/);
  for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta']) assert.match(await docsText(c.page), new RegExp(title));
  assertClean(c.problems);
  for (const tab of [a, b, c]) await tab.page.close();
});

// ---------------------------------------------------------------------------------------------
// Host messages

/** Each `send` runs in the host page (window.sendRaw / window.sendState are there). `warns`:
 *  the console warning it must give ("a host message was ignored: ..."), or null for none.
 *  `url`: what the app's URL must then hold (a valid message is applied, a bad value refused). */
const HOST_MESSAGES = [
  { name: 'a bare string', send: `window.sendRaw('hello')`, warns: null },
  { name: 'null', send: 'window.sendRaw(null)', warns: null },
  { name: 'a number', send: 'window.sendRaw(5)', warns: null },
  { name: 'an array', send: 'window.sendRaw([1, 2, 3])', warns: null },
  { name: 'setState without a state', send: `window.sendRaw({ type: 'setState' })`, warns: null },
  { name: 'setState with a number state', send: `window.sendRaw({ type: 'setState', state: 5 })`, warns: null },
  { name: 'setState with a nested value', send: `window.sendRaw({ type: 'setState', state: { k: { deep: 1 } } })`, warns: null },
  { name: 'unknown type', send: `window.sendRaw({ type: 'eval', code: 'window.__pwned=1' })`, warns: null },
  { name: 'a cyclic object', send: `(() => { const m = { type: 'setState', state: { q: 'x' } }; m.state.self = m; window.sendRaw(m); })()`, warns: /cyclic/ },
  { name: 'a cyclic array as the question', send: `(() => { const a = []; a.push(a); window.sendRaw({ type: 'setState', state: { q: a } }); })()`, warns: /cyclic/ },
  { name: '400 levels deep', send: `(() => { let d = {}; const top = d; for (let i = 0; i < 400; i += 1) d = d.next = {}; window.sendRaw({ type: 'setState', state: { q: top } }); })()`, warns: /nested too deeply/ },
  { name: 'a 2 MB question', send: `window.sendRaw({ type: 'setState', state: { q: 'y'.repeat(2_000_000) } })`, warns: /longer than 65536 characters/ },
  { name: 'a 10 MB ArrayBuffer', send: `window.sendRaw({ type: 'setState', state: { q: new ArrayBuffer(10_000_000) } })`, warns: null },
  { name: 'a Map and a Date', send: `window.sendRaw({ type: 'setState', state: { q: new Map([[1, 2]]), k: new Date() } })`, warns: null },
  { name: 'prototype keys', send: `window.sendRaw(JSON.parse('{"type": "setState", "state": {"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}}'))`, warns: null },
  { name: '100 keys', send: `window.sendRaw({ type: 'setState', state: Object.fromEntries(Array.from({ length: 100 }, (_, i) => ['junk' + i, i])) })`, warns: null },
  { name: 'k out of range', send: `window.sendState({ k: 999 })`, warns: null, url: /k=3/ },
  { name: 'k as a huge number', send: `window.sendState({ k: 1e308 })`, warns: null, url: /k=3/ },
  { name: 'an unknown view with markup', send: `window.sendState({ view: '<img src=x onerror=window.__pwned=1>' })`, warns: null, url: /view=ask/ },
  { name: 'markup question', send: `window.sendState({ q: '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> refund?' })`, warns: null, url: /q=%3Cimg/ },
  { name: 'a 100 KB question', send: `window.sendState({ q: 'refund '.repeat(15000) })`, warns: /longer than 65536 characters/ },
  { name: 'zero-width question', send: `window.sendState({ q: '\\u200b\\u200c\\u200d\\ufeff' })`, warns: null },
  { name: 'junk progress', send: `window.sendRaw({ type: 'restoreProgress', progress: { viewsVisited: 'map', tourStepReached: -2, __proto__: { polluted: 1 } } })`, warns: null },
  { name: 'progress with markup views', send: `window.sendRaw({ type: 'restoreProgress', progress: { viewsVisited: ['<img src=x onerror=window.__pwned=1>', 'map'], tourStepReached: 1e9 } })`, warns: null },
  { name: 'a burst of 500 messages', send: `(() => { for (let i = 0; i < 500; i += 1) window.sendState({ q: 'burst ' + i, k: (i % 9) + 1 }); })()`, warns: null },
];

test('host messages: junk, cyclic, deep and huge messages are ignored and the app keeps working', async (t) => {
  const opened = await withCanary();
  await opened.page.close();
  const page = await session.context.newPage();
  const appOrigin = new URL(session.url).origin;
  const hostOrigin = new URL(host.url).origin;
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (![appOrigin, hostOrigin].includes(new URL(url).origin)) problems.push(`request to another origin: ${url}`);
  });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${host.url}host-page.html?app=${encodeURIComponent(`${session.url}?view=ask&embed=1&k=3`)}`);
  await page.waitForFunction(() => window.received.some((m) => m.type === 'ready'), null, { timeout: 30000 });
  let ping = 0;
  await tryAll(t, 'host messages', page, problems, HOST_MESSAGES, async (c) => {
    const from = warnings.length;
    await page.evaluate(c.send);
    if (c.url) {
      const inner = page.frames().find((f) => f.url().startsWith(session.url));
      const deadline = Date.now() + 5000;
      while (!c.url.test(inner.url()) && Date.now() < deadline) await page.waitForTimeout(100);
      await page.waitForTimeout(300);
      assert.match(inner.url(), c.url);
    }
    // A well-formed message after it is still answered: the app keeps working.
    ping += 1;
    await page.evaluate((n) => window.sendState({ q: `ping ${n}`, k: 3, view: 'ask' }), ping);
    await page.waitForFunction((n) => window.received.some((m) => m.type === 'stateChanged' && m.state.q === `ping ${n}`), ping, WAIT);
    const ignored = warnings.slice(from).filter((w) => w.includes('a host message was ignored'));
    if (c.warns) {
      assert.equal(ignored.length, 1, `one warning names it:\n${warnings.slice(from).join('\n')}`);
      assert.match(ignored[0], c.warns);
    } else {
      assert.deepEqual(ignored, [], 'no warning for a message that is not refused outright');
    }
    const inner = page.frames().find((f) => f.url().startsWith(session.url));
    assert.equal(await inner.locator('.app-main img, .app-main iframe').count(), 0);
    assert.equal(await page.locator('body > img').count(), 0);
  });
  // The app still answers a real question.
  await page.evaluate(() => window.sendState({ view: 'ask', q: 'How much does the Pro plan cost?' }));
  const inner = page.frames().find((f) => f.url().startsWith(session.url));
  // The card may still show the last ping's answer: wait for this question's.
  await inner.waitForFunction(
    () => /The documents do not say|\$/.test(document.querySelector('.card--rag .card__text')?.textContent ?? ''),
    null,
    WAIT,
  ).catch(() => {});
  // The learner's documents (the canary) are in use, so it answers from them.
  assert.match(await inner.textContent('.card--rag .card__text'), /The documents do not say|\$/);
  assertClean(problems);
  await page.close();
  const check = await session.open('?view=mine');
  await check.page.waitForSelector('#mine-paste-title', WAIT);
  await expectText(check.page, '.mine__docs', /Canary/);
  assertClean(check.problems);
  await check.page.close();
});
