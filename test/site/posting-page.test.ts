/**
 * A posting's page as a reader sees it, rendered with Astro's container API from a small dataset written to a temp
 * folder: the newest postings' pages show the whole text with the evidence highlighted and a form to report a field;
 * an older posting's page (its text not shown, to keep the site within GitHub Pages' 1 GB) still shows every field,
 * the words each was read from, the original posting and a way to report a wrong field.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import PostingPage from '../../src/pages/postings/[company]/[slug].astro';
import { TEXTS_FILE, writeDatasets } from '../../src/lib/dataset/write.ts';
import type { PostingRow } from '../../src/lib/dataset/types.ts';
import { dataset, pay, row, skill } from './fixture-dataset.ts';

const text = 'Staff Machine Learning Engineer. Remote (US). Pay: $200,000 - $250,000. You will use PyTorch daily.';
const fields = (id: string, over: Partial<PostingRow> = {}): PostingRow => row({
  id, title: 'Staff Machine Learning Engineer', company: 'Acme', level: 'staff', posted: '2026-03-02',
  url: 'https://jobs.example.org/acme/123',
  pay: { ...pay(200000, 250000), evidence: '$200,000 - $250,000', rule: 'range-currency-symbol' },
  remote: { policy: 'remote', region: 'US', regions: ['US'], officeDaysPerYear: null, evidence: ['Remote (US)'], rule: 'header' },
  skills: [{ ...skill('pytorch', 'PyTorch'), label: 'PyTorch' }],
  text,
  trace: [
    { field: 'level', rule: 'title', evidence: 'Staff' },
    { field: 'pay', rule: 'range-currency-symbol', evidence: '$200,000 - $250,000' },
    { field: 'remote', rule: 'header', evidence: 'Remote (US)' },
    { field: 'skills', rule: 'skill:pytorch', evidence: 'PyTorch' },
  ],
  ...over,
});

describe('a posting page', () => {
  const dirs: string[] = [];
  const env = { SITE_DATA_DIR: process.env.SITE_DATA_DIR, ATLAS_TEXT_DIR: process.env.ATLAS_TEXT_DIR };
  let newest = '';
  let older = '';

  beforeAll(async () => {
    const data = mkdtempSync(join(tmpdir(), 'atlas-page-data-'));
    const texts = mkdtempSync(join(tmpdir(), 'atlas-page-texts-'));
    dirs.push(data, texts);
    const recent = fields('acme/staff-mle-2026');
    const old = fields('acme/staff-mle-2019', { posted: '2019-03-02', textShown: false });
    await writeDatasets(dataset([recent, old]), data, [], texts);
    // Only the newest posting's text is kept for the site, as at 100,000 postings for all but the newest 20,000.
    writeFileSync(join(texts, TEXTS_FILE), JSON.stringify({ id: recent.id, text, removed: [] }) + '\n');
    process.env.SITE_DATA_DIR = data;
    process.env.ATLAS_TEXT_DIR = texts;
    const container = await AstroContainer.create();
    // Dev builds tag elements with their source location; the built site does not.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const render = async (r: PostingRow) => (await container.renderToString(PostingPage as any, {
      props: { row: r }, params: { company: 'acme', slug: r.id.split('/')[1]! }, request: new Request(`https://example.org/postings/${r.id}/`),
    })).replace(/\s*data-astro-[a-z-]+="[^"]*"/g, '');
    newest = await render(recent);
    older = await render(old);
  });

  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  });

  test('the newest postings show their whole text, with each field’s words highlighted, and a report form to pick the field', () => {
    expect(newest).toMatch(/You will use <mark[^>]*>PyTorch<\/mark> daily\./);
    const form = newest.match(/<form class="report[^"]*" method="get" action="(https:\/\/github\.com\/[^"]+\/issues\/new)">([\s\S]*?)<\/form>/);
    expect(form).toBeTruthy();
    const hidden = Object.fromEntries([...form![2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)">/g)].map((m) => [m[1], m[2]]));
    expect(hidden).toEqual({ template: 'wrong-field.yml', title: 'Wrong field: acme/staff-mle-2026', posting: 'acme/staff-mle-2026 (file: acme/staff-mle-2026.md)' });
    // The choices are the issue form's own options, so the field arrives selected.
    expect([...form![2]!.matchAll(/<option value="([^"]+)">/g)].map((m) => m[1])).toEqual(['pay', 'remote policy', 'level', 'role (ML or not)', 'locations', 'posted or captured date', 'skills', 'title or company']);
  });

  test('an older posting’s page still shows every field, the words it was read from, and the original posting', () => {
    expect(older).not.toContain('You will use');
    expect(older).not.toContain('<mark');
    for (const shown of ['Staff Machine Learning Engineer', 'Acme', '$200K–$250K a year', 'Remote', 'region: US', 'PyTorch']) expect(older).toContain(shown);
    // Each field's rule line quotes its evidence.
    expect(older).toMatch(/rule: range-currency-symbol · from <q>\$200,000 - \$250,000<\/q>/);
    expect(older).toMatch(/rule: header · from <q>Remote \(US\)<\/q>/);
    expect(older).toMatch(/rule: title · from <q>Staff<\/q>/);
    expect(older).toMatch(/<a href="https:\/\/jobs\.example\.org\/acme\/123"[^>]*>original posting<\/a>/);
    expect(older).toMatch(/href="[^"]*\/about\/#scale"/);
  });

  test('an older posting’s page has one report link, naming the posting and its file, and no form', () => {
    expect(older).not.toContain('<form');
    const links = [...older.matchAll(/href="https:\/\/github\.com\/[^"]+\/issues\/new\?([^"]+)"/g)].map((m) => new URLSearchParams(m[1]!.replace(/&amp;/g, '&')));
    expect(links).toHaveLength(1);
    expect(links[0]!.get('template')).toBe('wrong-field.yml');
    expect(links[0]!.get('posting')).toBe('acme/staff-mle-2019 (file: acme/staff-mle-2019.md)');
    expect(links[0]!.get('field')).toBeNull();
  });
});
