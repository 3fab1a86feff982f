import { describe, expect, test } from 'vitest';
import { listed, postingsPagePath, sortRows } from '../../src/lib/site/browse.ts';
import { pay, row } from './fixture-dataset.ts';

describe('sorting the postings list', () => {
  const rows = [
    row({ id: 'b/1', company: 'Beta', pay: pay(100000, 150000) }),
    row({ id: 'a/1', company: 'alpha' }),
    row({ id: 'c/1', company: 'Gamma', pay: pay(200000, null) }),
    row({ id: 'a/2', company: 'Alpha', pay: pay(120000, 300000) }),
  ];

  test('highest stated pay first (high end, else low end), postings without pay last', () => {
    expect(sortRows(rows, 'pay').map((r) => r.id)).toEqual(['a/2', 'c/1', 'b/1', 'a/1']);
  });

  test('the highest-pay list holds only the postings stating pay; the other orders list every posting', () => {
    expect(listed(rows, 'pay').map((r) => r.id)).toEqual(['a/2', 'c/1', 'b/1']);
    expect(listed(rows, 'newest')).toHaveLength(rows.length);
    expect(listed(rows, 'company')).toHaveLength(rows.length);
  });

  test('company A–Z ignores case and keeps the newest-first order within a company', () => {
    expect(sortRows(rows, 'company').map((r) => r.id)).toEqual(['a/1', 'a/2', 'b/1', 'c/1']);
    expect(sortRows(rows, 'newest')).toBe(rows);
  });

  test('each order paginates under its own path; newest first keeps /postings/page/N/', () => {
    expect(postingsPagePath(2)).toBe('postings/page/2/');
    expect(postingsPagePath(1, 'pay')).toBe('postings/sort/pay/');
    expect(postingsPagePath(3, 'company')).toBe('postings/sort/company/page/3/');
  });
});
