// Start-up order of the built page's <head> (used by post-build.mjs). On HTTP/1.1 a browser
// opens about six connections to one host, so ~20 stylesheets and the preloads queued ahead of
// the wasm and delayed its download by ~300 ms on localhost. Two fixes:
// 1. the stylesheets become one file, in their original order (so the cascade is unchanged);
// 2. trunk's preloads of the app's JS and wasm move to the top of <head>, before the model's.
import { createHash } from 'node:crypto';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const STYLESHEET = /[ \t]*<link rel="stylesheet" href="\.\/([^"]+\.css)"[^>]*>\n?/g;

/** Joins the page's stylesheets into one `app-<hash>.css` in `dir`; returns the new html. */
export async function mergeStylesheets(dir, html) {
  const links = [...html.matchAll(STYLESHEET)];
  if (links.length < 2) return html;
  const parts = [];
  for (const [, href] of links) parts.push(`/* ${href} */\n${await readFile(join(dir, href), 'utf8')}`);
  const css = parts.join('\n');
  const name = `app-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, name), css);
  for (const [, href] of links) await rm(join(dir, href));
  const integrity = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  let first = true;
  return html.replace(STYLESHEET, (match) => {
    if (!first) return '';
    first = false;
    const indent = /^[ \t]*/.exec(match)[0];
    return `${indent}<link rel="stylesheet" href="./${name}" integrity="${integrity}"/>\n`;
  });
}

/** Moves trunk's modulepreload (JS) and wasm preload links to the start of <head>'s links. */
export function preloadAppFirst(html) {
  const app = /<link rel="(?:modulepreload|preload)" href="\.\/[^"]+\.(?:js|wasm)"[^>]*>\n?/g;
  const links = [...html.matchAll(app)].map((m) => m[0].trim());
  if (links.length === 0) return html;
  const anchor = html.indexOf('<link rel="icon"');
  if (anchor < 0) return html;
  const without = html.replace(app, '');
  const at = without.indexOf('<link rel="icon"');
  return `${without.slice(0, at)}${links.join('\n    ')}\n    ${without.slice(at)}`;
}

const BOOT_END = '</noscript>';

/** Moves the merged stylesheet from <head> to the end of <body>, after the loading screen: a
 *  stylesheet in <head> blocks the first paint until it arrives (seconds on a slow link); in
 *  <body> it holds back only what follows it, and the app mounts after it anyway. */
export function stylesheetAfterBoot(html) {
  const link = /[ \t]*<link rel="stylesheet" href="\.\/app-[^"]+\.css"[^>]*>\n?/;
  const found = link.exec(html);
  if (!found || !html.includes(BOOT_END) || !html.includes('<div id="boot"')) {
    throw new Error('post-build: expected one app stylesheet and the loading screen');
  }
  const without = html.replace(link, '');
  return without.replace(BOOT_END, `${BOOT_END}\n    ${found[0].trim()}`);
}

/** The files a first visit downloads before the app answers: what the page links and
 *  preloads (the app's JS, wasm and stylesheet; the model; the corpus bundle). */
export function startupFiles(html) {
  const hrefs = [...html.matchAll(/<link rel="(?:modulepreload|preload|stylesheet)" href="(?:\.\/)?([^"]+)"/g)];
  return [...new Set(hrefs.map((m) => m[1]))];
}

/** Writes the start-up download size into the loading screen (bytes for the progress bar,
 *  megabytes for its sentence). */
export async function fillBootSize(dir, html) {
  let bytes = 0;
  for (const file of startupFiles(html)) bytes += (await stat(join(dir, file))).size;
  if (!html.includes('BOOT-BYTES') || !html.includes('BOOT-MB')) {
    throw new Error('post-build: the loading screen has no BOOT-BYTES/BOOT-MB placeholders');
  }
  return html.replace('BOOT-BYTES', String(bytes)).replace('BOOT-MB', `about ${(bytes / 1e6).toFixed(1)}`);
}
