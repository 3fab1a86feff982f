/**
 * The built site in a real browser (Debian's Chromium through playwright-core): every chart reads with
 * JavaScript off, and axe-core finds no serious or critical accessibility problem on the main pages.
 * Skips with a notice when there is no build or no Chromium; under CI=true both must be there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type { Server } from 'node:http';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { serve } from './serve.ts';

const dist = resolve(process.env.DIST_DIR ?? 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ready = existsSync(join(dist, 'index.html')) && existsSync(CHROMIUM);
if (!ready) {
  const why = existsSync(CHROMIUM) ? `${dist} has no build (run \`npm run build\`)` : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`browser checks cannot run under CI=true: ${why}`);
  console.warn(`skipping browser checks: ${why}`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

describe.runIf(ready)('the built site in a browser', () => {
  let browser: Browser;
  let server: Server;
  let origin = '';
  const data = ready ? (JSON.parse(readFileSync(join(dist, 'data/postings.json'), 'utf8')) as Dataset) : null;
  const firstPosting = data?.postings[0] ? `/postings/${data.postings[0].id}/` : '/postings/';
  const pages = ['/', '/pay/', '/remote/', '/skills/', '/postings/', firstPosting, '/data/', '/coverage/', '/about/'];

  beforeAll(async () => {
    ({ server, origin } = await serve(dist));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test.each(['/pay/', '/remote/', '/skills/'])('%s draws its chart with JavaScript off', async (path) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(origin + path);
    const svg = page.locator('figure svg').first();
    const box = await svg.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(50);
    expect(await page.locator('figure figcaption').first().innerText()).toMatch(/\d/);
    await context.close();
  });

  test.each(pages)('%s has no serious or critical accessibility problem (axe-core)', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(origin + path);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
