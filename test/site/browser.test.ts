/**
 * The built site in a real browser (Debian's Chromium through playwright-core), at a phone width (390 px) and a
 * desktop width (1280 px): every page loads with no console error and no failed request, axe-core finds no serious
 * or critical accessibility problem, no two text labels in a visible chart overlap, every chart reads with
 * JavaScript off, and the chart filters change the marks and the URL, survive a reload and follow the back button.
 * Skips with a notice when there is no build or no Chromium; under CI=true both must be there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Server } from 'node:http';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { pageCount } from '../../src/lib/site/browse.ts';
import { serve } from './serve.ts';
import { builtDataset } from './built-data.ts';

const dist = resolve(process.env.DIST_DIR ?? 'dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ready = existsSync(join(dist, 'index.html')) && existsSync(CHROMIUM);
if (!ready) {
  const why = existsSync(CHROMIUM) ? `${dist} has no build (run \`npm run build\`)` : `no Chromium at ${CHROMIUM} (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`browser checks cannot run under CI=true: ${why}`);
  console.warn(`skipping browser checks: ${why}`);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [390, 1280] as const;

/** axe-core's serious and critical violations on the page as loaded ("rule: selectors"). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Pairs of text labels that overlap inside any visible chart SVG (in CSS pixels, 0.5 px tolerance). */
function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('figure svg')) {
      const r = svg.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(svg).display === 'none') continue;
      const boxes = [...svg.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => ({ text: t.textContent!.trim(), b: t.getBoundingClientRect() }))
        .filter(({ b }) => b.width > 0 && b.height > 0);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.b, c = boxes[j]!.b;
          const w = Math.min(a.right, c.right) - Math.max(a.left, c.left), h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
          if (w > 0.5 && h > 0.5) out.push(`${svg.closest('figure')?.id || svg.closest('figure')?.className}: “${boxes[i]!.text}” × “${boxes[j]!.text}”`);
        }
      }
    }
    return out;
  });
}

describe.runIf(ready)('the built site in a browser', () => {
  let browser: Browser;
  let server: Server;
  let origin = '';
  const data: Dataset | null = ready ? builtDataset(dist) : null;
  const first = data?.postings[0];
  const skillId = data?.postings.flatMap((p) => p.skills)[0]?.id;
  const pages = [
    '/', '/pay/', '/remote/', '/skills/', '/postings/',
    ...(pageCount(data?.postings.length ?? 0) > 1 ? ['/postings/page/2/'] : []),
    ...(first ? [`/postings/${first.id}/`, `/companies/${first.id.split('/')[0]}/`] : []),
    ...(skillId ? [`/skills/${skillId}/`] : []),
    '/data/', '/coverage/', '/about/',
  ];

  beforeAll(async () => {
    // Pages are asked for under the base path, as a host serves them (BASE_PATH=/repo/ builds link /repo/…).
    const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
    const served = await serve(dist, base);
    server = served.server;
    origin = served.origin + base.slice(0, -1);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  describe.each(WIDTHS)('at %i px', (width) => {
    test.each(pages)('%s loads cleanly, passes axe-core, and no chart labels overlap', async (path) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
      page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()}: ${r.url()}`); });
      await page.goto(origin + path, { waitUntil: 'networkidle' });
      expect(problems).toEqual([]);
      expect(await overlappingLabels(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  });

  test.each(['/', '/pay/', '/remote/', '/skills/'])('%s in the dark theme passes axe-core (contrast included)', async (path) => {
    const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(origin + path, { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(253, 252, 250)');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test.each(['/', '/pay/', '/remote/', '/skills/'])('%s draws its charts with JavaScript off', async (path) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(origin + path);
    const svg = page.locator('figure svg.chart-svg:visible').first();
    const box = await svg.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(50);
    expect(await page.locator('figure figcaption').first().innerText()).toMatch(/\d/);
    // The filter forms need JavaScript: hidden without it, so nothing on the page pretends to work.
    expect(await page.locator('form.chart-filters:visible').count()).toBe(0);
    await context.close();
  });

  test('a filter on /remote/ redraws the marks, goes into the URL, survives a reload and follows the back button', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(origin + '/remote/', { waitUntil: 'networkidle' });
    // The marks: each bar's width and the value printed at its end ("42% (12)").
    const MARKS = () => [...document.querySelectorAll('#remote-mix svg.wide g.bar')].map((g) => `${g.querySelector('rect')?.getAttribute('width')} ${g.querySelector('.bar-value')?.textContent}`).join(',');
    const widths = () => page.evaluate(MARKS);
    const before = await widths();
    const note = await page.locator('#remote-mix .note').innerText();
    // The first filter value that changes what is counted (which one depends on the data the site was built from).
    let chosen: [string, string] | null = null;
    for (const name of ['family', 'level', 'region', 'from']) {
      const values = await page.locator(`form.chart-filters select[name="${name}"] option`).evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      for (const v of values) {
        await page.selectOption(`form.chart-filters select[name="${name}"]`, v);
        await page.waitForLoadState('networkidle');
        if ((await page.locator('#remote-mix .note').innerText()) !== note && (await widths()) !== before) { chosen = [name, v]; break; }
      }
      if (chosen) break;
      await page.selectOption(`form.chart-filters select[name="${name}"]`, '');
    }
    expect(chosen, 'some filter value should change the counts').not.toBeNull();
    const [name, value] = chosen!;
    // Now as a reader would: a fresh visit, one choice.
    await page.goto(origin + '/remote/', { waitUntil: 'networkidle' });
    expect(await widths()).toBe(before);
    await page.selectOption(`form.chart-filters select[name="${name}"]`, value);
    await page.waitForFunction(`(${MARKS})() !== ${JSON.stringify(before)}`);
    expect(new URL(page.url()).searchParams.get(name)).toBe(value);
    const after = await widths();
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForFunction(`(${MARKS})() === ${JSON.stringify(after)}`);
    expect(await page.locator(`form.chart-filters select[name="${name}"]`).inputValue()).toBe(value);
    await page.goBack({ waitUntil: 'networkidle' });
    expect(new URL(page.url()).search).toBe('');
    await page.waitForFunction(`(${MARKS})() === ${JSON.stringify(before)}`);
    expect(await page.locator(`form.chart-filters select[name="${name}"]`).inputValue()).toBe('');
    await page.close();
  });

  test('comparing skills on /skills/ puts the choice in the URL and a reload restores it', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(origin + '/skills/', { waitUntil: 'networkidle' });
    const boxes = page.locator('form.skill-compare input[name="skill"]');
    if ((await boxes.count()) < 2) return; // a site with fewer than two skills has nothing to compare
    const ids = await boxes.evaluateAll((bs) => bs.slice(0, 2).map((b) => (b as HTMLInputElement).value));
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.waitForFunction(() => location.search.includes('skills='));
    expect(new URL(page.url()).searchParams.get('skills')).toBe(ids.join(','));
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.querySelectorAll('form.skill-compare input:checked').length === 2);
    expect(await page.locator('#skill-compare').getAttribute('class')).toContain('filtered');
    await page.close();
  });

  test("a skill page's “compare” link opens the comparison with that skill chosen, even one the picker does not list", async () => {
    const table = JSON.parse(readFileSync(join(dist, 'data/filters/skill-months.json'), 'utf8')) as { skills: { id: string }[] };
    const rare = table.skills.at(-1);
    if (!rare) return; // no skill named by three ML postings: nothing to compare
    const page = await browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(`${origin}/skills/${rare.id}/`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'compare with other skills' }).click();
    await page.waitForFunction((id) => (document.querySelector(`form.skill-compare input[value="${id}"]`) as HTMLInputElement | null)?.checked === true, rare.id);
    expect(await page.locator('#skill-compare').getAttribute('class')).toContain('filtered');
    await page.close();
  });
});
