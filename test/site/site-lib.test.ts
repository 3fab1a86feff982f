import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { highlight, markClass, marksLabel } from '../../src/lib/site/highlight.ts';
import { pagerPages } from '../../src/lib/site/browse.ts';
import { currencyNote, dateLabel, groupRemoved, officeDaysLabel, payText, percent, safeUrl, usdShort } from '../../src/lib/site/format.ts';
import { facetCounts, filterBy, pageCount, pageOf, postingsPagePath, PAGE_SIZE } from '../../src/lib/site/browse.ts';
import { provenance, provenanceLabel } from '../../src/lib/site/provenance.ts';
import { href, postingHref } from '../../src/lib/site/urls.ts';
import { POSTINGS_COLUMNS, POSTING_SKILLS_COLUMNS } from '../../src/lib/site/dictionary.ts';
import { postingSkillsCsv, postingsCsv } from '../../src/lib/dataset/build.ts';
import { sampleFiles, spread } from '../../src/lib/dataset/sample.ts';
import { pay, row, sampleDataset, skill } from './fixture-dataset.ts';

describe('highlight', () => {
  const text = 'Pay: $150,000 - $200,000 a year. Remote (US). Python and PyTorch.';

  test('each field’s evidence becomes a marked segment, the rest stays plain', () => {
    const { segments, missing } = highlight(text, [
      { field: 'pay', rule: 'range', evidence: '$150,000 - $200,000' },
      { field: 'remote', rule: 'header', evidence: 'Remote (US)' },
    ]);
    expect(segments.filter((s) => s.marks.length).map((s) => [s.text, s.marks[0]!.field])).toEqual([
      ['$150,000 - $200,000', 'pay'], ['Remote (US)', 'remote'],
    ]);
    expect(missing).toEqual([]);
  });

  test('overlapping evidence gives a segment carrying both marks', () => {
    const { segments } = highlight(text, [
      { field: 'skills', rule: 'skill:python', evidence: 'Python and' },
      { field: 'skills', rule: 'skill:pytorch', evidence: 'and PyTorch' },
    ]);
    expect(segments.find((s) => s.text === 'and')!.marks.map((m) => m.rule)).toEqual(['skill:python', 'skill:pytorch']);
  });

  test('evidence not in the text is reported, not guessed at', () => {
    expect(highlight(text, [{ field: 'title', rule: 'front-matter', evidence: 'Staff MLE' }]).missing).toHaveLength(1);
  });

  test('markup in a posting stays text: segments carry it verbatim for the page to escape', () => {
    const evil = 'Apply <script>alert(1)</script> now';
    const { segments } = highlight(evil, [{ field: 'x', rule: 'r', evidence: '<script>' }]);
    expect(segments.map((s) => s.text).join('')).toBe(evil);
    expect(markClass(segments[1]!.marks)).toBe('hl-x');
    expect(marksLabel(segments[1]!.marks)).toBe('x (r)');
  });

  test('joining the segments always gives the text back exactly (property)', () => {
    fc.assert(fc.property(fc.string(), fc.array(fc.tuple(fc.nat(), fc.nat(8))), (t, cuts) => {
      const marks = cuts.map(([a, n], i) => ({ field: `f${i % 3}`, rule: 'r', evidence: t.slice(a % (t.length + 1), (a % (t.length + 1)) + n) }));
      const { segments } = highlight(t, marks);
      expect(segments.map((s) => s.text).join('')).toBe(t);
    }));
  });
});

describe('formatting', () => {
  test('pay reads as stated, with the USD view when it was converted', () => {
    expect(payText(pay(150000, 200000))).toBe('$150K–$200K a year');
    expect(payText(pay(150000, null))).toBe('$150K+ a year');
    expect(payText(pay(90, 90, { period: 'hour' }))).toBe('$90 an hour (≈ $187k a year in USD)');
    expect(payText(pay(90000, 110000, { currency: 'EUR', usdRate: 0.9 }))).toBe('€90K–€110K a year (≈ $100k–$122k a year in USD)');
    expect(payText(pay(1000, 2000, { currency: 'XYZ', usdRate: null }))).toMatch(/no USD rate known/);
    expect(payText(null)).toBe('not stated');
  });

  test('numbers, shares, dates and cadences in words', () => {
    expect(usdShort(185000)).toBe('$185k');
    expect(usdShort(null)).toBe('—');
    expect([percent(0.42), percent(0.042), percent(0)]).toEqual(['42%', '4.2%', '0%']);
    expect(dateLabel('2025-11-05')).toBe('Nov 5, 2025');
    expect(dateLabel('2019-06')).toBe('Jun 2019');
    // A pager links the ends and a window around the current page, not every page of thousands.
    expect(pagerPages(10, 2000)).toEqual([1, null, 7, 8, 9, 10, 11, 12, 13, null, 2000]);
    expect(pagerPages(1, 3)).toEqual([1, 2, 3]);
    // The "As stated" column names a currency once: not when the quoted words already do.
    expect([currencyNote('USD', '$180,000 - $240,000'), currencyNote('EUR', 'EUR 60,000'), currencyNote('GBP', '50-60k a year')]).toEqual(['', '', 'GBP']);
    expect(officeDaysLabel(4, 8)).toBe('4–8 days a year (1–2 a quarter)');
    expect(officeDaysLabel(156, 156)).toBe('156 days a year (3 a week)');
  });

  test('only http(s) links from front matter are ever linked', () => {
    expect(safeUrl('https://jobs.example.com/1')).toBe('https://jobs.example.com/1');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<script>')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
  });
});

describe('links and browsing', () => {
  test('links honour the base path and end in a slash', () => {
    expect(href('pay/', '/')).toBe('/pay/');
    expect(href('pay/', '/ml-roles-atlas')).toBe('/ml-roles-atlas/pay/');
    expect(postingHref('acme/mle', '/repo/')).toBe('/repo/postings/acme/mle/');
  });

  test('the list pages 100 at a time, page 1 at /postings/', () => {
    const rows = Array.from({ length: 240 }, (_, i) => i);
    expect(pageCount(rows.length)).toBe(3);
    expect(pageCount(0)).toBe(1);
    expect(pageOf(rows, 3)).toEqual(rows.slice(200));
    expect(PAGE_SIZE).toBe(100);
    expect([postingsPagePath(1), postingsPagePath(2)]).toEqual(['postings/', 'postings/page/2/']);
  });

  test('filters count each value and list the postings with it', () => {
    const rows = [row({ id: 'a/1', level: 'staff' }), row({ id: 'a/2', level: 'staff' }), row({ id: 'a/3' })];
    const level = facetCounts(rows).find((f) => f.facet.id === 'level')!;
    expect(level.values.map((v) => [v.value, v.n])).toEqual([['staff', 2], ['not-stated', 1]]);
    expect(filterBy(rows, 'level', 'not-stated').map((r) => r.id)).toEqual(['a/3']);
  });

  test('a field says where it came from: its rule, or front matter', () => {
    const r = row({ id: 'a/1', trace: [{ field: 'level', rule: 'title', evidence: 'Staff' }], overridden: ['pay'] });
    expect(provenanceLabel(provenance(r, 'level'), true)).toBe('rule: title');
    expect(provenanceLabel(provenance(r, 'pay'), true)).toBe('set in front matter');
    expect(provenanceLabel(provenance(r, 'remote'), false)).toBe('not found in the text');
  });
});

test('the data dictionary explains every column of both CSV downloads, and nothing else', () => {
  const d = sampleDataset();
  d.postings[0]!.skills = [skill('python')];
  const header = (csv: string) => csv.split('\n')[0]!.split(',');
  expect(POSTINGS_COLUMNS.map((c) => c.name)).toEqual(header(postingsCsv(d)));
  expect(POSTING_SKILLS_COLUMNS.map((c) => c.name)).toEqual(header(postingSkillsCsv(d)));
});

describe('corpus sample (posting files from a corpus)', () => {
  const rows = [
    { id: 'hn-1', text: 'Acme AI | Staff ML Engineer | Remote (US) | $200k-$250k\n\nWe train models.', posted: '2026-01-02' },
    { id: 'hn-2', text: 'Acme AI | Staff ML Engineer | Remote (US) | $200k-$250k\n\nWe train models.', posted: '2026-01-03' },
    { id: 'li-3', text: 'Some text', title: 'Data Scientist', company: 'Zürich Data AG', posted: 'sometime' },
  ];

  test('files go in <company-slug>/<title-slug>.md with front matter, text kept as is, exact repeats skipped', () => {
    const files = sampleFiles(rows);
    expect(files).toHaveLength(2);
    const z = files.find((f) => f.path.startsWith('zurich'))!;
    expect(z.path).toBe('zurich-data-ag/data-scientist.md');
    expect(z.content).toBe('---\ntitle: Data Scientist\ncompany: Zürich Data AG\n---\nSome text\n');
    expect(files[0]!.content.endsWith('We train models.\n')).toBe(true);
    expect(files[0]!.content).toContain('posted: 2026-01-02');
  });

  test('--limit takes rows spread evenly over the corpus', () => {
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3)).toEqual([1, 4, 7]);
    expect(spread([1, 2], 5)).toEqual([1, 2]);
  });
});

describe('groupRemoved', () => {
  test('lists each reason once, in order, with every piece of text kept', () => {
    const removed = [
      { reason: 'navigation', text: 'Apply Now' },
      { reason: 'other postings', text: 'Similar Jobs\nStaff MLE' },
      { reason: 'navigation', text: 'Bookmark' },
    ];
    expect(groupRemoved(removed)).toEqual([
      { reason: 'navigation', count: 2, text: 'Apply Now\nBookmark' },
      { reason: 'other postings', count: 1, text: 'Similar Jobs\nStaff MLE' },
    ]);
  });
});
