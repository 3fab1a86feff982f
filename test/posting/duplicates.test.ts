import { describe, expect, it } from 'vitest';
import { DuplicateIndex, jaccard, normaliseUrl, shingles, type DupKey } from '../../src/lib/posting/duplicates.ts';
import { postingText } from './helpers.ts';

const key = (over: Partial<DupKey>): DupKey => ({ id: 'acme/a', company: 'Acme', title: 'ML Engineer', url: null, date: '2026-01-01', text: postingText('vision'), ...over });

describe('text similarity', () => {
  it('ignores case, punctuation and spacing', () => {
    expect(jaccard(shingles('Build ML models, in Python!'), shingles('build  ml models in python'))).toBe(1);
  });
  it('drops below the threshold when a paragraph changes', () => {
    expect(jaccard(shingles(postingText('vision')), shingles(postingText('speech')))).toBeLessThan(0.9);
  });
});

describe('normaliseUrl', () => {
  it('drops fragments, tracking parameters, trailing slashes and host case', () => {
    expect(normaliseUrl('https://Jobs.Example.com/123/?utm_source=li&gh_src=x&id=7#apply')).toBe('https://jobs.example.com/123?id=7');
  });
});

describe('DuplicateIndex', () => {
  it('finds a duplicate: same company, title and text within 14 days', () => {
    const index = new DuplicateIndex();
    index.add(key({}));
    expect(index.find(key({ id: 'acme/b', date: '2026-01-15', text: postingText('vision', 'Apply now.') }))?.kind).toBe('duplicate');
  });
  it('treats an undated posting as within the window', () => {
    const index = new DuplicateIndex();
    index.add(key({ date: null }));
    expect(index.find(key({ id: 'acme/b', date: '2026-06-01' }))?.kind).toBe('duplicate');
  });
  it('calls the same posting more than 14 days later a repost', () => {
    const index = new DuplicateIndex();
    index.add(key({}));
    const m = index.find(key({ id: 'acme/b', date: '2026-01-16' }));
    expect(m?.kind).toBe('repost');
    expect(m?.reason).toMatch(/repost of acme\/a .*15 days apart/);
  });
  it('finds the same url at any company, and folds company case', () => {
    const index = new DuplicateIndex();
    index.add(key({ url: 'https://x.example/jobs/1' }));
    expect(index.find(key({ id: 'other/z', company: 'Other', title: 'Z', text: 'unrelated', url: 'https://x.example/jobs/1/' }))?.reason).toMatch(/same url/);
    expect(index.find(key({ id: 'acme/c', company: 'ACME' }))?.kind).toBe('duplicate');
  });
  it('keeps apart different titles, different companies and different texts', () => {
    const index = new DuplicateIndex();
    index.add(key({}));
    expect(index.find(key({ id: 'acme/b', title: 'Senior ML Engineer' }))).toBeNull();
    expect(index.find(key({ id: 'other/b', company: 'Other' }))).toBeNull();
    expect(index.find(key({ id: 'acme/c', text: postingText('speech') }))).toBeNull();
  });
});
