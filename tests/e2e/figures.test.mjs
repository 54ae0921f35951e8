// Figures for slides: every chart downloads as a standalone SVG (parses, carries its title,
// legend and a caption of the state it shows, no style sheet or variable it cannot resolve,
// no reference elsewhere) and as a PNG at twice the figure's size; every kind of table
// downloads as CSV with its header and one line per row. The files are made in the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startSession, assertClean, guard, shot, PHONE, SHOTS } from './lib/browser.mjs';

const READY = { timeout: 30000 };
let session;
before(async () => {
  session = await startSession();
});
after(async () => {
  await session?.stop();
});

/** Clicks `button` and returns the downloaded file's name and bytes. */
async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const bytes = await readFile(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

/** The PNG's width and height from its IHDR chunk. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Downloads one chart as SVG and PNG and checks both; returns the SVG text. */
async function checkFigure(page, { slug, title, caption, legend = [] }) {
  const row = page.locator(`.file-download[data-figure="${slug}"]`);
  const svgButton = row.getByRole('button', { name: /^Download SVG of / });
  const pngButton = row.getByRole('button', { name: /^Download PNG of / });

  const svg = await download(page, svgButton);
  assert.equal(svg.name, `rag-or-tune-${slug}.svg`);
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      ns: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      texts: [...doc.querySelectorAll('text')].map((e) => e.textContent),
      desc: doc.querySelector('desc')?.textContent ?? '',
    };
  }, text);
  assert.equal(parsed.error, null, `${slug}: the SVG parses`);
  assert.equal(parsed.root, 'svg');
  assert.equal(parsed.ns, 'http://www.w3.org/2000/svg');
  assert.ok(parsed.texts.includes(title), `${slug}: title in ${parsed.texts.slice(0, 3)}`);
  // The caption is the figure's description, printed at the bottom (wrapped if long).
  assert.match(parsed.desc, caption, `${slug}: caption`);
  assert.ok(parsed.texts.join(' ').endsWith(parsed.desc), `${slug}: caption printed: ${parsed.texts.slice(-2)}`);
  for (const entry of legend) assert.ok(parsed.texts.includes(entry), `${slug}: legend "${entry}"`);
  assert.doesNotMatch(text, /var\(--|url\(|href=|<link|@import|class=/, `${slug}: standalone`);
  // It renders on its own, away from the page's style sheets.
  const drawn = await page.evaluate(async (t) => {
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(t)}`;
    await img.decode();
    return img.naturalWidth;
  }, text);
  assert.equal(drawn, parsed.width);

  const png = await download(page, pngButton);
  assert.equal(png.name, `rag-or-tune-${slug}.png`);
  assert.deepEqual(pngSize(png.bytes), { width: parsed.width * 2, height: parsed.height * 2 }, `${slug}: PNG at 2x`);
  await writeFile(join(SHOTS, `figure-${slug}.png`), png.bytes);
  return text;
}

/** Downloads one table as CSV: its header and one line per body row, as on the page. */
async function checkTable(page, { slug, table }) {
  await page.$$eval(`details:has(.file-download[data-table="${slug}"])`, (ds) => ds.forEach((d) => (d.open = true)));
  const button = page.locator(`.file-download[data-table="${slug}"]`).getByRole('button', { name: /^Download CSV of / });
  const csv = await download(page, button);
  assert.equal(csv.name, `rag-or-tune-${slug}.csv`);
  const text = csv.bytes.toString('utf8');
  assert.ok(text.startsWith('\ufeff'), 'a UTF-8 byte order mark');
  const lines = text.slice(1).split('\r\n');
  assert.equal(lines.pop(), '', 'ends in CRLF');
  const shown = await page.$eval(table, (t) => ({
    head: [...t.querySelectorAll('thead th')].map((th) => th.textContent.trim().replace(/\s+/g, ' ')),
    rows: t.querySelectorAll('tbody tr').length,
  }));
  const headed = shown.head.length > 0;
  assert.equal(lines.length, shown.rows + (headed ? 1 : 0), `${slug}: one line per row`);
  if (headed) assert.equal(lines[0], shown.head.map((h) => (/[",]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(','));
  return lines;
}

test('the trade-off chart and its table download for slides', async () => {
  const { page, problems } = await session.open('?view=tradeoff');
  await page.waitForSelector('.tradeoff-point[data-x]', READY);
  const legend = await page.$$eval('.tradeoff .chart-legend li', (lis) => lis.map((li) => li.textContent.trim()));
  assert.equal(legend.length, 4);
  const svg = await checkFigure(page, {
    slug: 'trade-off',
    title: 'Trade-off: knowledge against behaviour',
    caption: /^Documents as of v\d · model fine-tuned on v\d · k = \d+\.$/,
    legend,
  });
  assert.match(svg, /fill:rgb\(/, 'colours resolved from the CSS variables');
  const lines = await checkTable(page, { slug: 'trade-off-table', table: '.tradeoff-table table' });
  assert.equal(lines.length, 5, 'a header and the four modes');
  assert.ok(lines[1].startsWith(legend[0]), `${lines[1]} starts with ${legend[0]}`);
  // The buttons are quiet: one short row under the chart, keyboard operable.
  const row = await page.locator('.file-download[data-figure="trade-off"]').boundingBox();
  assert.ok(row.height < 40, `row height ${row.height}`);
  await page.locator('.file-download[data-figure="trade-off"] button').first().focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(file.suggestedFilename(), 'rag-or-tune-trade-off.svg');
  await shot(page, 'figures-tradeoff-desktop');
  // In dark mode the chart keeps the page's light-on-dark colours, so the page is dark too.
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = (await download(page, page.locator('.file-download[data-figure="trade-off"] button').first())).bytes.toString('utf8');
  assert.match(dark, /<rect width="100%" height="100%" fill="#1d1f24"\/>/);
  await page.emulateMedia({ colorScheme: 'light' });
  assertClean(problems);
});

test('the freshness timeline downloads for slides', async () => {
  const { page, problems } = await session.open('?view=timeline');
  await page.waitForSelector('.timeline-line[data-mode="tuned"][data-values*=","]', READY);
  const legend = await page.$$eval('.timeline .chart-legend li', (lis) => lis.map((li) => li.textContent.trim()));
  await checkFigure(page, {
    slug: 'freshness-timeline',
    title: "Freshness timeline: accuracy on today's facts",
    caption: /^Documents as of v\d · .* · \d+ moments\.$/,
    legend,
  });
  await checkTable(page, { slug: 'timeline-table', table: '.timeline-table table' });
  assertClean(problems);
});

test('the latency and break-even charts and their tables download for slides', async () => {
  const { page, problems } = await session.open('?view=cost');
  await page.waitForSelector('.latency-row', READY);
  await page.waitForSelector('.break-even-chart', READY);
  await checkFigure(page, {
    slug: 'latency',
    title: 'Where the time goes: mean time per stage',
    caption: /^Documents as of v\d · .* · k = \d+\.$/,
  });
  const breakEven = await page.$eval('.break-even-chart', (svg) => svg.dataset.breakEven);
  await checkFigure(page, {
    slug: 'cost-break-even',
    title: 'Cost: fine-tuning up front against retrieval per question',
    caption: breakEven ? /· break-even after [\d,]+ questions at the assumed prices\.$/ : /never cheaper at the assumed prices\.$/,
  });
  const latency = await checkTable(page, { slug: 'latency-table', table: '.latency-table table' });
  assert.equal(latency.length, 5);
  await checkTable(page, { slug: 'break-even-table', table: '.break-even-table table' });
  await shot(page, 'figures-cost-desktop');
  assertClean(problems);
});

test('the embedding map and its table download for slides', async () => {
  const { page, problems } = await session.open('?view=map&q=How%20much%20does%20the%20Pro%20plan%20cost%3F');
  await page.waitForSelector('.map-points > .map-point', READY);
  await page.waitForSelector('.map-svg .map-query', READY);
  await checkFigure(page, {
    slug: 'embedding-map',
    title: 'Embedding map: passages by meaning',
    caption: /\d+ passages · question “How much does the Pro plan cost\?”\.$/,
    legend: ['Your question, with lines to the retrieved passages'],
  });
  const lines = await checkTable(page, { slug: 'embedding-map-table', table: '.map-table table' });
  assert.ok(lines.length > 100, `rows: ${lines.length}`);
  assertClean(problems);
});

test('the training loss curve and the training tables download for slides', async () => {
  const { page, problems } = await session.open('?view=training');
  await page.waitForSelector('.training-run__train:not([disabled])', { timeout: 20000 });
  await page.waitForSelector('.training-history tbody tr', { timeout: 15000 });
  await page.click('.training-run__train');
  await page.waitForFunction(() => /^Trained in \d+ ms/.test(document.querySelector('.training-run__status')?.textContent ?? ''), null, READY);
  await checkFigure(page, {
    slug: 'training-loss',
    title: 'Training loss per epoch (log scale)',
    caption: /· (\d+) of \1 epochs · last loss [\d.e-]+\.$/,
  });
  const loss = await checkTable(page, { slug: 'training-loss-table', table: '.loss-chart__table table' });
  assert.equal(loss[0], 'Epoch,Loss');
  await checkTable(page, { slug: 'training-history', table: 'table.training-history' });
  await checkTable(page, { slug: 'training-set', table: 'table.training-set__table' });
  await shot(page, 'figures-training-desktop');
  assertClean(problems);
});

test('the teaching tables download too: exact against HNSW, and recall with and without curation', async () => {
  const { page, problems } = await session.open('?view=inspector&q=What%20are%20the%20support%20hours%3F');
  await page.waitForSelector('.compare-table tbody tr', { ...READY, state: 'attached' });
  const compared = await checkTable(page, { slug: 'exact-vs-hnsw-table', table: '.compare-table' });
  assert.equal(compared[0], 'Rank,Exact search,HNSW graph');
  await page.goto(`${session.url}?view=concepts`);
  await page.locator('.curation__measure').click();
  await page.waitForSelector('.curation__table tbody tr', READY);
  const recall = await checkTable(page, { slug: 'curation-recall-table', table: '.curation__table' });
  assert.equal(recall.length, 3, 'a header and two rows');
  assertClean(problems);
});

test('the download rows stay small on a phone', async () => {
  for (const [view, ready] of [['tradeoff', '.tradeoff-point[data-x]'], ['cost', '.break-even-chart'], ['map', '.map-points > .map-point'], ['training', '.training-history tbody tr'], ['timeline', '.timeline-line[data-mode="tuned"][data-values*=","]']]) {
    const { page, problems } = await session.open(`?view=${view}`, { viewport: PHONE });
    await page.waitForSelector(ready, READY);
    const rows = await page.$$eval('.file-download[data-figure]', (rs) => rs.map((r) => r.getBoundingClientRect().height));
    assert.ok(rows.length > 0 && rows.every((h) => h < 40), `${view}: ${rows}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${view}: no sideways scroll (${overflow})`);
    await shot(page, `figures-${view}-phone`);
    assertClean(problems);
    await page.close();
  }
});

const SINGLE = resolve(process.env.SINGLE ?? join(import.meta.dirname, '../../dist-single/rag-or-tune.html'));

test('the single-file build makes figures too, under its stricter CSP', async (t) => {
  if (!(await stat(SINGLE).catch(() => null))) {
    t.skip(`no ${SINGLE}: run scripts/single-file.sh first`);
    return;
  }
  const context = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'ragtune-figures-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await context.newPage();
    const href = pathToFileURL(SINGLE).href;
    const problems = guard(page, new URL(href).origin);
    await page.goto(`${href}?view=tradeoff`);
    await page.waitForSelector('.tradeoff-point[data-x]', { timeout: 60000 });
    const row = page.locator('.file-download[data-figure="trade-off"]');
    const svg = (await download(page, row.getByRole('button', { name: /^Download SVG/ }))).bytes.toString('utf8');
    const png = await download(page, row.getByRole('button', { name: /^Download PNG/ }));
    const height = Number(svg.match(/^<svg [^>]*height="(\d+)"/)[1]);
    assert.deepEqual(pngSize(png.bytes), { width: 1920, height: height * 2 });
    const csv = await download(page, page.locator('.file-download[data-table="trade-off-table"] button'));
    assert.equal(csv.bytes.toString('utf8').split('\r\n').length, 6);
    assertClean(problems);
  } finally {
    await context.close();
  }
});
