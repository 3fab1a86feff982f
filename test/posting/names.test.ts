import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KEBAB, placeProblems, shortSlug, slugify } from '../../src/lib/posting/names.ts';

describe('slugify (folder and file names)', () => {
  it('makes lowercase kebab-case ASCII from names and titles', () => {
    expect(slugify('Pinterest, Inc.')).toBe('pinterest-inc');
    expect(slugify('Sr. Staff ML/AI Engineer (Remote)')).toBe('sr-staff-ml-ai-engineer-remote');
    expect(slugify('Zürich Data Café')).toBe('zurich-data-cafe');
    expect(slugify('AT&T')).toBe('att');
  });

  it('gives "" when nothing ASCII is left', () => {
    expect(slugify('北京')).toBe('');
  });

  it('always gives kebab-case ASCII (or ""), and is stable when applied twice', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
      const slug = slugify(s);
      expect(slug === '' || KEBAB.test(slug)).toBe(true);
      expect(slugify(slug)).toBe(slug);
    }));
  });

  it('cuts long titles at a hyphen', () => {
    const s = shortSlug('Senior Machine Learning Engineer, Recommendations and Ranking Infrastructure, Ads Quality Team', 60);
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s).toMatch(/^senior-machine-learning-engineer-[a-z-]+[a-z]$/);
  });
});

describe('placeProblems', () => {
  it('accepts <company-slug>/<slug>.md', () => {
    expect(placeProblems('pinterest/staff-ml-engineer.md', 'Pinterest')).toEqual([]);
  });
  it('names the folder the company belongs in', () => {
    expect(placeProblems('acme/x.md', 'Pinterest')[0]?.reason).toMatch(/move the file to `pinterest\/x\.md`/);
  });
  it('never suggests a move to a name that would fail again', () => {
    const moves = [...placeProblems('acme/Bad_Name.md', 'Globex Corp'), ...placeProblems('Stray File.md', 'Globex Corp'), ...placeProblems('a/b/Deep Name.md', 'Globex Corp')]
      .map((p) => /(?:move (?:the file|it) to|here) `([^`]+)`/.exec(p.reason)?.[1]).filter((m): m is string => Boolean(m));
    expect(moves).toEqual(['globex-corp/bad-name.md', 'globex-corp/stray-file.md', 'globex-corp/deep-name.md']);
    for (const m of moves) expect(placeProblems(m, 'Globex Corp')).toEqual([]);
  });

  it('checks names even when the front matter is unreadable', () => {
    expect(placeProblems('Acme/X.md', null).map((p) => p.rule)).toEqual(['file-name', 'folder']);
  });
});
