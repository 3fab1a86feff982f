import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../src/lib/extract/index.ts';
import { loadContext } from '../../src/lib/taxonomy.ts';

const ctx = loadContext();
const run = (text: string) => extractPosting({ text, source: null, id: null }, ctx);

/** Check what every extraction must satisfy, whatever the input. */
function assertValid(text: string) {
  const { extraction: x, cleaned } = run(text);
  const t = cleaned.text;
  for (const tr of x.trace) expect(t.includes(tr.evidence), `trace ${tr.field}: ${tr.evidence}`).toBe(true);
  if (x.pay) {
    if (x.pay.max != null) expect(x.pay.min).toBeLessThanOrEqual(x.pay.max);
    expect(t).toContain(x.pay.evidence);
    for (const r of x.pay.ranges) {
      expect(t).toContain(r.evidence);
      if (r.max != null) expect(r.min).toBeLessThanOrEqual(r.max);
    }
    for (const e of x.pay.extras) expect(t).toContain(e.evidence);
    expect(Number.isFinite(x.pay.annualMin)).toBe(true);
  }
  if (x.remote) for (const e of x.remote.evidence) expect(t).toContain(e);
  for (const s of x.skills) expect(t).toContain(s.evidence);
  for (const d of [x.posted, x.captured]) if (d != null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

/** Pieces real postings are made of, so random strings hit the interesting paths. */
const piece = fc.oneof(
  fc.constantFrom(
    '$', '€', '£', 'USD', 'CAD ', 'k', 'K', '+', ' - ', '–', '—', ' to ', ' and ', 'between ', 'up to ', '/hr', ' per year',
    'salary', 'Base salary range: ', 'bonus', 'OTE', 'equity', 'raised', '401(k)', 'Similar Jobs\n', 'Apply Now\n',
    'Responsibilities\n', 'remote', 'Remote, US', 'hybrid', '#LI-REMOTE', 'Posted 3 days ago', 'Nov 5, 2025', '\n',
    '<p>', '</li>', '&amp;', '&#x2014;', 'â€”', 'Ã©', 'Python', 'PyTorch', 'Staff', 'Senior ', 'Machine Learning Engineer',
  ),
  fc.integer({ min: 0, max: 999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.string({ maxLength: 12 }),
);
const postingLike = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

describe('extractPosting properties', () => {
  it('never throws on any string and keeps every invariant', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => { assertValid(s); }), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => { assertValid(s); }), { numRuns: 200 });
  });

  it('keeps the invariants on posting-like text (money, ranges, chrome, dates, markup)', () => {
    fc.assert(fc.property(postingLike, (s) => { assertValid(s); }), { numRuns: 500 });
  });

  it('gets through a 1 MB adversarial input with a valid result', () => {
    const parts = [
      '9'.repeat(50_000), '$'.repeat(50_000), '-'.repeat(50_000), '—–'.repeat(20_000), 'remote '.repeat(10_000),
      '<div><p><b><i>'.repeat(5_000), '</i></b></p></div>'.repeat(5_000), '<a href="'.repeat(5_000),
      '$1,000,000,000 - '.repeat(5_000), '1,'.repeat(30_000), 'â€'.repeat(20_000), '&amp;&#'.repeat(10_000),
      'Similar Jobs\n'.repeat(2_000), 'Posted 3 days ago Nov 5, 2025\n'.repeat(1_000), 'salary $'.repeat(10_000),
    ];
    let text = parts.join('\n');
    while (text.length < 1_000_000) text += ' $100k-$200k salary remote Python ' + '9,'.repeat(1000);
    text = text.slice(0, 1_000_000);
    assertValid(text);
  });
});
