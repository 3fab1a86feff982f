import { describe, expect, it } from 'vitest';
import { DuplicateIndex, duplicateMatches, jaccard, normaliseUrl, shingles, type DupKey, type DupMatch } from '../../src/lib/posting/duplicates.ts';
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

/**
 * A made-up collection in checking order: companies and titles that repeat, a few texts (two of them near-identical),
 * urls shared within and across companies (linking their groups), dates from days to years apart, some undated.
 */
function collection(n: number, seed: number): DupKey[] {
  let s = seed;
  // A linear congruential generator, read from its high bits (its low bits repeat with a short period).
  const pick = <T>(xs: T[]): T => xs[Math.floor(((s = (s * 48271) % 2147483647) / 2147483647) * xs.length)]!;
  const texts = [postingText('vision'), postingText('vision', 'Apply now.'), postingText('speech'), postingText('ranking'), 'short text'];
  const days = ['2025-01-01', '2025-01-09', '2025-02-20', '2026-01-01', '2026-01-03', null];
  return Array.from({ length: n }, (_, i) => ({
    id: `c/p${i}`,
    company: pick(['Acme', 'ACME', 'Other', 'Third']),
    title: pick(['ML Engineer', 'Data Scientist', 'ML Engineer ', 'Research Scientist', 'MLOps Engineer', 'Staff ML Engineer']),
    url: pick([null, null, null, null, null, null, null, null, null, 'https://x.example/jobs/1', 'https://y.example/jobs/2?utm_source=z']),
    date: pick(days),
    text: pick(texts),
    identity: `id-${i}`,
  })).sort((a, b) => ((a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0));
}

/** What the index gives each posting in turn, against all those before it. */
const sequential = (keys: DupKey[]) => {
  const index = new DuplicateIndex();
  return keys.map((k) => index.findAndAdd(k));
};

/** A memo that records what it is asked. */
function memo() {
  const stored = new Map<string, (DupMatch | null)[]>();
  const log = { hits: 0, sets: 0 };
  return {
    log,
    get: (sig: string) => {
      const m = stored.get(sig);
      if (m) log.hits++;
      return m && structuredClone(m);
    },
    set: (sig: string, m: (DupMatch | null)[]) => {
      log.sets++;
      stored.set(sig, structuredClone(m));
    },
  };
}

describe('duplicateMatches', () => {
  it('gives each posting what one index over the whole collection gives it', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const keys = collection(60, seed);
      const want = sequential(keys);
      expect(want.filter(Boolean).length, 'the collection has relations').toBeGreaterThan(10);
      expect(duplicateMatches(keys)).toEqual(want);
      expect(duplicateMatches(keys, memo())).toEqual(want);
    }
  });

  it('answers groups whose postings are unchanged from the memo, and compares again only the group of a changed one', () => {
    const keys = collection(60, 7);
    const m = memo();
    duplicateMatches(keys, m);
    const groups = m.log.sets;
    expect(groups).toBeGreaterThan(1);
    // The same postings: nothing is compared again.
    m.log.sets = 0;
    expect(duplicateMatches(keys, m)).toEqual(sequential(keys));
    expect([m.log.hits, m.log.sets]).toEqual([groups, 0]);
    // One posting's text changes (its identity with it), each in turn: its group alone is compared again (when it is
    // not alone in it), and the answers are fresh.
    for (let edit = 0; edit < keys.length; edit++) {
      const changed = keys.map((k, i) => (i === edit ? { ...k, text: postingText('robotics'), identity: `id-${i}-edited` } : k));
      m.log.sets = 0;
      expect(duplicateMatches(changed, m), `posting ${edit} edited`).toEqual(sequential(changed));
      expect(m.log.sets).toBeLessThanOrEqual(1);
    }
    // A posting gone: likewise.
    const fewer = keys.filter((_, i) => i !== 10);
    expect(duplicateMatches(fewer, m)).toEqual(sequential(fewer));
  });
});

