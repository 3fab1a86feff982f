/**
 * Checks on a built site (dist/, or $DIST_DIR): every URL in DESIGN.md exists, the chart pages hold inline SVG,
 * the downloads are linked and present, and posting pages run no script. Skips with a notice when there is no build
 * (run `npm run build` first); under CI=true a missing build is an error. The dataset is read from the build's data/
 * (or $SITE_DATA_DIR, when the site was built from another data folder).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { pageCount } from '../../src/lib/site/browse.ts';
import { builtDataset } from './built-data.ts';

const dist = resolve(process.env.DIST_DIR ?? 'dist');
const built = existsSync(join(dist, 'index.html'));
if (!built) {
  if (process.env.CI === 'true') throw new Error(`${dist} has no build, and CI=true requires the built-site checks: run \`npm run build\` first`);
  console.warn(`skipping built-site checks: ${dist} has no build (run \`npm run build\` first)`);
}

/** The HTML of a directory URL ("/pay/" → dist/pay/index.html), or of a file URL. */
const page = (url: string): string => {
  const file = url.endsWith('/') ? join(dist, url, 'index.html') : join(dist, url);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};
const exists = (url: string) => existsSync(url.endsWith('/') ? join(dist, url, 'index.html') : join(dist, url));

describe.runIf(built)('the built site', () => {
  const data: Dataset | null = built ? builtDataset(dist) : null;
  const postings = data?.postings ?? [];

  test('every fixed URL in the design exists', () => {
    const urls = ['/', '/pay/', '/remote/', '/skills/', '/postings/', '/data/', '/coverage/', '/about/', '/rss.xml', '/404.html', '/sitemap-index.xml'];
    expect(urls.filter((u) => !exists(u))).toEqual([]);
  });

  test('every posting, company and skill has its page', () => {
    const wanted = [
      ...postings.map((p) => `/postings/${p.id}/`),
      ...new Set(postings.map((p) => `/companies/${p.id.split('/')[0]}/`)),
      ...new Set(postings.flatMap((p) => p.skills.map((s) => `/skills/${s.id}/`))),
    ];
    expect(wanted.filter((u) => !exists(u))).toEqual([]);
  });

  test('the postings list is paginated 100 a page at /postings/page/N/', () => {
    const pages = pageCount(postings.length);
    for (let n = 2; n <= pages; n++) expect(exists(`/postings/page/${n}/`), `/postings/page/${n}/`).toBe(true);
    expect(exists(`/postings/page/${pages + 1}/`)).toBe(false);
  });

  test.each(['/pay/', '/remote/', '/skills/'])('%s draws its chart as inline SVG with a caption and a table', (url) => {
    const html = page(url);
    // An image, or a group when its labels are links; named either way.
    expect(html).toMatch(/<figure[^>]*>[\s\S]*<figcaption[\s\S]*<svg[^>]*role="(?:img|group)"[^>]*aria-label="[^"]+"/);
    expect(html).toContain('<table');
  });

  test('/data/ links the downloads, and every file it links is there', () => {
    const html = page('/data/');
    for (const f of ['postings.csv', 'posting_skills.csv', 'postings.json.gz', 'aggregates.json']) {
      expect(html).toMatch(new RegExp(`href="[^"]*/data/${f.replace(/\./g, '\\.')}"`));
      expect(exists(`/data/${f}`), f).toBe(true);
    }
    const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
    const linked = [...html.matchAll(/href="([^"]*\/data\/[^"]+\.(?:csv|json|gz))"/g)].map((m) => '/' + m[1]!.slice(base.length));
    expect(linked.length).toBeGreaterThan(10);
    expect(linked.filter((u) => !exists(u))).toEqual([]);
    expect(html).toContain('CC BY 4.0');
  });

  test('the dataset is published gzipped, not twice', () => {
    // postings.json is by far the largest file: the site publishes it as postings.json.gz only (src/lib/site/publish.ts).
    expect(exists('/data/postings.json')).toBe(false);
    if (!process.env.SITE_DATA_DIR) expect(data?.postings.length).toBe(data?.counts.postings);
  });

  test('posting pages run no script and show the text with its highlights', () => {
    for (const p of postings) {
      const html = page(`/postings/${p.id}/`);
      expect(html, p.id).not.toMatch(/<script\b/i);
      expect(html, p.id).not.toMatch(/\son[a-z]+\s*=/i);
    }
    // postings.json publishes no text; a posting whose page shows its text highlights its evidence there.
    expect(postings.every((p) => p.text === undefined)).toBe(true);
    const marked = postings.find((p) => p.textShown && p.trace.some((t) => t.evidence));
    if (marked) expect(page(`/postings/${marked.id}/`)).toContain('<mark');
  });

  test('every internal link on every page leads to a file that exists', () => {
    const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
    const htmlFiles = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    const broken = new Set<string>();
    for (const f of htmlFiles) {
      for (const [, link] of readFileSync(join(dist, f), 'utf8').matchAll(/href="(\/[^"#?]*)/g)) {
        const path = '/' + link!.slice(base.length);
        if (path.startsWith('/pagefind/') && !existsSync(join(dist, 'pagefind'))) continue; // the search bundle comes from `pagefind --site dist`
        if (!link!.startsWith(base) || !exists(path.endsWith('/') || path.includes('.') ? path : `${path}/`)) broken.add(`${f} → ${link}`);
      }
    }
    expect([...broken].slice(0, 20)).toEqual([]);
  });

  test('every page has Open Graph tags; the overview and chart pages carry a chart image, posting pages none', () => {
    const first = postings[0];
    for (const url of ['/', '/pay/', '/remote/', '/skills/', '/data/', '/about/', ...(first ? [`/postings/${first.id}/`] : [])]) {
      const html = page(url);
      expect(html, url).toMatch(/<meta property="og:title" content="[^"]+"/);
      expect(html, url).toMatch(/<meta property="og:description" content="[^"]+"/);
      expect(html, url).toMatch(/<meta property="og:url" content="[^"]+"/);
    }
    for (const url of ['/', '/pay/', '/remote/', '/skills/']) {
      const image = page(url).match(/<meta property="og:image" content="([^"]+)"/)?.[1];
      expect(image, url).toBeTruthy();
      const file = join(dist, new URL(image!).pathname.replace(/^\/+/, '').slice(((process.env.BASE_PATH ?? '/').replace(/^\/|\/$/g, '') + '/').replace(/^\/$/, '').length));
      expect(readFileSync(file).subarray(1, 4).toString(), url).toBe('PNG');
    }
    if (first) expect(page(`/postings/${first.id}/`)).not.toContain('og:image');
  });

  test('each posting page opens a prefilled "wrong field" issue naming its file (a form on pages with the text, a link on the others)', () => {
    for (const p of [...postings.slice(0, 20), ...postings.filter((r) => r.textShown === false).slice(0, 20)]) {
      const html = page(`/postings/${p.id}/`).replace(/&amp;/g, '&');
      const link = html.match(/href="(https:\/\/github\.com\/[^"]+\/issues\/new\?[^"]+)"/)?.[1];
      const form = html.match(/<form class="report[^"]*" method="get" action="(https:\/\/github\.com\/[^"]+\/issues\/new)">([\s\S]*?)<\/form>/);
      expect(link ?? form?.[1], p.id).toBeTruthy();
      const q = link ? new URL(link).searchParams : new URLSearchParams([...form![2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)">/g)].map((m) => [m[1]!, m[2]!]));
      expect(q.get('template')).toBe('wrong-field.yml');
      expect(q.get('posting')).toContain(p.file);
    }
  });

  test('an older posting’s page (its text not shown) still shows its fields, the words they came from and one report link', () => {
    // Only past TEXT_PAGES_MAX postings (a build of 100,000); the default content's pages all show their text.
    for (const p of postings.filter((r) => r.textShown === false).slice(0, 50)) {
      const html = page(`/postings/${p.id}/`);
      expect(html, p.id).not.toContain('class="posting-text"');
      expect(html, p.id).toContain('What we read from it');
      for (const e of p.trace.filter((t) => t.evidence && ['level', 'pay', 'remote', 'locations'].includes(t.field) && !p.overridden.includes(t.field))) {
        expect(html, `${p.id} ${e.field}`).toContain(`<q>${e.evidence.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</q>`);
      }
      const links = [...html.matchAll(/href="(https:\/\/github\.com\/[^"]+\/issues\/new\?[^"]+)"/g)].map((m) => new URL(m[1]!.replace(/&amp;/g, '&')));
      expect(links, p.id).toHaveLength(1);
      expect(links[0]!.searchParams.get('posting')).toContain(p.file);
    }
  });

  test('no page loads more than 100 KB of JavaScript (gzip)', () => {
    const htmlFiles = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
    const sizes = new Map<string, number>();
    const base = (process.env.BASE_PATH ?? '/').replace(/\/?$/, '/');
    const fileOf = (src: string) => join(dist, src.startsWith(base) ? src.slice(base.length) : src.replace(/^\/+/, ''));
    const gz = (src: string) => {
      if (!sizes.has(src)) {
        const file = fileOf(src);
        sizes.set(src, existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
      }
      return sizes.get(src)!;
    };
    const over: string[] = [];
    for (const f of htmlFiles.filter((f) => !f.startsWith('pagefind'))) {
      const html = readFileSync(join(dist, f), 'utf8');
      const srcs = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
      // Module scripts import their chunks: count every chunk they name too.
      const all = new Set(srcs);
      for (const s of srcs) for (const m of readFileSync(fileOf(s), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"/g)) all.add(s.replace(/[^/]+$/, m[1]!));
      const total = [...all].reduce((a, s) => a + gz(s), 0) + [...html.matchAll(/<script(?![^>]*src)[^>]*>([\s\S]*?)<\/script>/g)].reduce((a, m) => a + gzipSync(m[1]!).length, 0);
      if (total > 100 * 1024) over.push(`${f}: ${Math.round(total / 1024)} KB`);
    }
    expect(over).toEqual([]);
  });

  test('the feed lists the newest postings', () => {
    const rss = page('/rss.xml');
    expect(rss).toContain('<rss');
    expect((rss.match(/<item>/g) ?? []).length).toBe(Math.min(50, postings.length));
  });
});
