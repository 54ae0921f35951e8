// Start-up order of the built page's <head> (used by post-build.mjs). On HTTP/1.1 a browser
// opens about six connections to one host, so ~20 stylesheets and the preloads queued ahead of
// the wasm and delayed its download by ~300 ms on localhost. Two fixes:
// 1. the stylesheets become one file, in their original order (so the cascade is unchanged);
// 2. trunk's preloads of the app's JS and wasm move to the top of <head>, before the model's.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
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
