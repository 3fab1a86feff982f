/**
 * Screenshot pages of a built site with Debian's Chromium (a tool for looking, not a test):
 * `node test/site/screenshots.ts [DIST] [OUTDIR] [path ...]` — desktop and phone widths, full page (FULL_PAGE=0: the first screenful only).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from './serve.ts';

const [distArg = 'dist', outArg = '/tmp/shots', ...paths] = process.argv.slice(2);
const pages = paths.length ? paths : ['/', '/pay/', '/remote/', '/skills/', '/postings/', '/data/', '/coverage/', '/about/'];
const out = resolve(outArg);
mkdirSync(out, { recursive: true });
const { server, origin } = await serve(resolve(distArg));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const [label, viewport] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const page = await browser.newPage({ viewport });
    for (const p of pages) {
      await page.goto(origin + p, { waitUntil: 'load' });
      const name = `${label}-${p.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home'}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: process.env.FULL_PAGE !== '0' });
      console.log(`${out}/${name}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
