import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/lib/extract/clean.ts';
import { extractDates } from '../../src/lib/extract/dates.ts';

const seed = (f: string) => clean(readFileSync(`content/postings/pinterest/${f}`, 'utf8').replace(/^---[^]*?---\n/, '')).text;

describe('dates', () => {
  it('takes the date under the title as the posting date (seed 003)', () => {
    const d = extractDates(seed('principal-machine-learning-engineer-trust-safety.md'), null);
    expect(d.posted).toBe('2025-11-05');
    expect(d.evidence).toContainEqual({ field: 'posted', rule: 'standalone-date', evidence: 'Nov 5, 2025' });
  });

  it('takes the first of an unlabelled posted/closing pair and infers the capture date (seed 000)', () => {
    const d = extractDates(seed('staff-machine-learning-engineer-content-quality-signals.md'), null);
    expect(d.posted).toBe('2026-01-27');
    expect(d.captured).toBe('2026-03-15'); // Jan 27 + "Posted 47 days ago"
  });

  it('resolves relative dates only against a known capture date (seed 001)', () => {
    const t = seed('sr-staff-machine-learning-engineer-content-ecosystem.md');
    expect(extractDates(t, null)).toMatchObject({ posted: null, captured: null });
    expect(extractDates(t, '2026-02-10')).toMatchObject({ posted: '2026-02-10', captured: '2026-02-10' });
    expect(extractDates('Posted 3 weeks ago', '2026-02-10').posted).toBe('2026-01-20');
    expect(extractDates('Reposted 2 days ago', '2026-03-01').posted).toBe('2026-02-27');
  });

  it('reads labelled dates in the common forms', () => {
    expect(extractDates('Date posted: 2024-04-05', null).posted).toBe('2024-04-05');
    expect(extractDates('Posted On: Friday, March 13, 2020', null).posted).toBe('2020-03-13');
    expect(extractDates('Published 5 November 2025', null).posted).toBe('2025-11-05');
  });

  it('never takes deadlines, start dates, founding years or benefit dates', () => {
    for (const t of [
      'Apply by March 1, 2026',
      'Application deadline\nMarch 1, 2026',
      'Start date: Jan 5, 2026',
      'Founded in 2015, we have grown fast.',
      'Benefits start on February 1, 2026',
      'We shipped v2 on Nov 5, 2025 to all customers.',
    ]) expect(extractDates(t, null).posted, t).toBeNull();
  });

  it('reads only written dates, never a word relative to a capture date it may not have', () => {
    // "tomorrow" once won over the written date, and without a capture date resolved against a stand-in year.
    expect(extractDates('Posted: tomorrow March 4', null).posted).toBeNull();
    expect(extractDates('Posted: tomorrow March 4', '2025-06-15').posted).toBe('2025-03-04');
    expect(extractDates('Posted Jan 5, 2025 tonight', null).posted).toBe('2025-01-05');
    expect(extractDates('Posted: +2 days Jan 5 2025', null).posted).toBe('2025-01-05');
  });

  it('is null when nothing is dated (seed 002)', () => {
    expect(extractDates(seed('staff-machine-learning-engineer.md'), null)).toEqual({ posted: null, captured: null, evidence: [] });
  });
});
