import { describe, expect, test } from 'vitest';
import { searchRecord } from '../../src/lib/site/search.ts';
import { pay, row, skill } from './fixture-dataset.ts';

describe('the search index’s records', () => {
  const r = row({
    id: 'acme/staff-mle', title: 'Staff ML Engineer', company: 'Acme', level: 'staff', posted: '2026-03-02', pay: pay(200000, 250000),
    remote: { policy: 'remote', region: 'US', regions: ['US'], officeDaysPerYear: null, evidence: ['Remote (US)'], rule: 'header' },
    locations: ['Remote, US'], skills: [skill('pytorch')], text: 'The whole posting text, which search does not hold.',
  });

  test('one record per posting, linking its page under the base path, titled as the page is', () => {
    expect(searchRecord(r, '/').url).toBe('/postings/acme/staff-mle/');
    expect(searchRecord(r, '/atlas/').url).toBe('/atlas/postings/acme/staff-mle/');
    expect(searchRecord(r, '/').meta.title).toBe('Staff ML Engineer');
  });

  test('it holds the fields in the words the page uses, never the text', () => {
    const { content } = searchRecord(r, '/');
    for (const words of ['Staff ML Engineer at Acme', 'Posted Mar 2, 2026', 'Staff', 'ML engineer (an ML role)', '$200K–$250K a year', 'Remote, US', 'Pytorch']) {
      expect(content).toContain(words);
    }
    expect(content).not.toContain('whole posting text');
  });

  test('fields nobody stated read as not stated', () => {
    const { content } = searchRecord(row({ id: 'x/y' }), '/');
    expect(content).toContain('Pay: not stated.');
    expect(content).toContain('Work arrangement: not stated.');
  });
});
