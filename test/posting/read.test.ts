import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/lib/posting/files.ts';
import { parseDocument } from 'yaml';
import { plainMapping, readPosting, splitFrontMatter } from '../../src/lib/posting/read.ts';

const errors = (value: string) =>
  readPosting(value, 'content/postings/acme/x.md').file.messages.filter((m) => m.fatal).map((m) => ({ line: m.line, reason: m.reason, rule: m.ruleId }));

describe('readPosting', () => {
  it('keeps the body exactly as pasted, after the front matter', () => {
    const body = 'Senior ML Engineer\r\n\n  $150k – $200k  \nâ€” mojibake stays\n';
    const p = readPosting(`---\ntitle: Senior ML Engineer\ncompany: Acme\n---\n${body}`, 'a.md');
    expect(p.body).toBe(body);
    expect(p.bodyLine).toBe(5);
    expect(p.frontMatter).toEqual({ title: 'Senior ML Engineer', company: 'Acme' });
  });

  it('reads dates as text, not as timestamps', () => {
    const p = readPosting('---\ntitle: T\ncompany: C\ncaptured: 2026-03-15\n---\nbody', 'a.md');
    expect(p.frontMatter?.captured).toBe('2026-03-15');
  });

  it('names the line of malformed YAML', () => {
    const e = errors('---\ntitle: T\ncompany: [Acme\n---\nbody');
    expect(e.length).toBeGreaterThan(0);
    expect(e[0]!.rule).toBe('yaml');
    expect(e[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects an unknown field, naming it, its line and the allowed fields', () => {
    const [e] = errors('---\ntitle: T\ncompany: C\nsalary: 100k\n---\nbody');
    expect(e!.line).toBe(4);
    expect(e!.reason).toContain('`salary`');
    expect(e!.reason).toContain('allowed: title, company, captured, posted, url, origin, board, pay, remote, level, locations');
  });

  it('lists the allowed values of an enum field', () => {
    const [e] = errors('---\ntitle: T\ncompany: C\nlevel: ninja\n---\nbody');
    expect(e!.line).toBe(4);
    expect(e!.reason).toMatch(/`level` must be one of: intern, junior, mid, senior, lead, staff, senior-staff, principal/);
  });

  it('requires title and company', () => {
    const e = errors('---\ntitle: T\n---\nbody');
    expect(e.map((x) => x.reason)).toEqual(['`company` is required']);
  });

  it('rejects impossible dates and pay whose min exceeds max', () => {
    const e = errors('---\ntitle: T\ncompany: C\nposted: 2025-02-30\npay: {min: 200000, max: 100000, currency: USD, period: year}\n---\nb');
    expect(e.map((x) => x.reason)).toEqual(['`posted` is not a real calendar date', '`pay.max` pay min is greater than pay max']);
    expect(e.map((x) => x.line)).toEqual([4, 5]);
  });

  it('says what to do about a colon in a title, with the file’s line only, and no dangling colon', () => {
    const [e] = errors('---\ntitle: ML Engineer: Search\ncompany: C\n---\nb');
    expect(e!.line).toBe(2);
    expect(e!.reason).toMatch(/a value that contains a colon must be quoted, e\.g\. title: "/);
    expect(e!.reason).not.toMatch(/at line \d|:\s*$/);
  });

  it('says a pay figure written as text must be a number, and what number', () => {
    const [e] = errors('---\ntitle: T\ncompany: C\npay: {min: 150k, currency: USD, period: year}\n---\nb');
    expect(e!.reason).toBe('`pay.min` must be a number, not text "150k": write 150000');
  });

  it('reads allowed words whatever their case: remote: Remote, level: Senior Staff', () => {
    expect(errors('---\ntitle: T\ncompany: C\nremote: Remote\nlevel: Senior Staff\npay: {min: 1, currency: USD, period: Year}\n---\nb')).toEqual([]);
    const read = readPosting('---\ntitle: T\ncompany: C\nremote: Hybrid\nlevel: Senior Staff\n---\nb', 'x.md');
    expect([read.frontMatter?.remote, read.frontMatter?.level]).toEqual(['hybrid', 'senior-staff']);
  });

  it('takes a posted month (YYYY-MM) when only the month is known, and refuses a month that does not exist', () => {
    expect(errors('---\ntitle: T\ncompany: C\nposted: 2019-06\n---\nb')).toEqual([]);
    expect(errors('---\ntitle: T\ncompany: C\nposted: 2019-13\n---\nb').map((x) => x.reason)).toEqual(['`posted` is not a real calendar date']);
  });

  it('takes what a job board states (origin, board pay, workplace, locations) and checks its shape', () => {
    const ok = '---\ntitle: T\ncompany: C\norigin: ashby\nboard:\n  pay:\n    - {min: 150000, max: 200000, currency: USD, period: year, label: US}\n  workplace: remote\n  locations: [New York]\n---\nb';
    expect(errors(ok)).toEqual([]);
    const bad = errors('---\ntitle: T\ncompany: C\norigin: monster\nboard:\n  pay:\n    - {min: 150k, currency: USD, period: year}\n---\nb');
    expect(bad.map((x) => x.line)).toEqual([4, 7]);
    expect(bad[0]!.reason).toMatch(/`origin` must be one of: hn, ashby, greenhouse, lever, file/);
  });

  it('accepts corrections of pay, remote, level and locations', () => {
    const p = readPosting('---\ntitle: T\ncompany: C\npay: {min: 100, max: 120, currency: EUR, period: hour}\nremote: hybrid\nlevel: staff\nlocations: [Berlin, DE]\n---\nb', 'a.md');
    expect(p.file.messages).toEqual([]);
    expect(p.frontMatter?.remote).toBe('hybrid');
  });

  it('reads text without front matter as a plain posting when front matter is optional', () => {
    const p = readPosting('Staff MLE\nRemote', '-', false);
    expect(p.file.messages).toEqual([]);
    expect(p.body).toBe('Staff MLE\nRemote');
  });

  it('requires front matter for content files', () => {
    expect(errors('Staff MLE')[0]!.rule).toBe('front-matter');
  });
});

describe('splitFrontMatter', () => {
  const both = (value: string) => [splitFrontMatter(value), splitFrontMatter(value, true)];

  it('splits as remark-frontmatter does, whatever the fences, line endings and lines between', () => {
    // Heads made of the pieces that decide a split: fences with and without trailing blanks, every line ending, NUL
    // (micromark replaces it), a byte-order mark, dashes that are no fence, YAML lines, blank lines.
    const piece = fc.constantFrom('---', '----', '--', ' ', '\t', '\n', '\r\n', '\r', '\0', '\uFEFF', 'title: T', 'a: "---"', '- x', '#', 'é');
    const text = fc.array(piece, { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(fc.property(text, text, (head, rest) => {
      const [mine, remarks] = both(`---\n${head}\n---\n${rest}`);
      expect(mine).toEqual(remarks);
      const [any, anyRemark] = both(head + rest);
      expect(any).toEqual(anyRemark);
    }), { numRuns: 3000 });
  });

  it('gives what remark gives on every posting file and on the plain forms', () => {
    const dir = join(import.meta.dirname, '../../content/postings');
    const files = listFiles(dir).map((rel) => readFileSync(join(dir, rel), 'utf8'));
    expect(files.length).toBeGreaterThan(5);
    for (const value of [...files, '---\n---\nbody', '---\n\n---\n', '---\ntitle: T\n---\n', '---\ntitle: T\n---']) {
      const [mine, remarks] = both(value);
      expect(mine).toEqual(remarks);
    }
    expect(splitFrontMatter('---\ntitle: T\ncompany: C\n---\nbody\n')).toEqual({ yaml: 'title: T\ncompany: C', yamlLine: 2, bodyStart: 28, bodyLine: 5 });
  });
});

describe('plainMapping', () => {
  /** What `yaml` reads, as the data step takes it: null when it reports an error. */
  const viaYaml = (source: string) => {
    const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
    return doc.errors.length ? null : doc.toJS() as unknown;
  };

  it('reads a head as yaml does, or leaves it to yaml', () => {
    // Keys YAML reads as other things, and value pieces that change how YAML reads a line: indicators, comments,
    // colons, quotes, escapes, words and figures of YAML's core schema, blanks, separators and control characters.
    const key = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('title', 'company', 'posted', 'x_1') },
      { weight: 1, arbitrary: fc.constantFrom('true', 'null', 'NULL', 'False', '12', 'constructor', '__proto__', 'Title', '1a') },
    );
    const sep = fc.oneof({ weight: 6, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(':', ':  ', ' : ', ':\t') });
    const word = fc.constantFrom('ML Engineer', 'a', 'Z', '0', '12', 'é', '😀', '2024-04-03', 'https://x.io/a?b=c#d', ' ', ',', '/', '(AI)');
    const hazard = fc.constantFrom(
      '1.5', 'e3', '.', '0x1F', '0o17', 'true', 'False', 'NULL', '~', '-', '+', '?', ':', ': ', ' #', '#', '[', ']', '{', '}', '&', '*',
      '!', '|', '>', '%', '@', '`', "'", '"', '\\', '\t', '\u00a0', '\u2028', '\u0085', '\u0007', '\ufeff', '<<',
    );
    const value = fc.array(fc.oneof({ weight: 5, arbitrary: word }, { weight: 2, arbitrary: hazard }), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
    const quoted = value.map((v) => `"${v}"`);
    const line = fc.tuple(key, sep, fc.oneof(value, quoted)).map((t) => t.join(''));
    const other = fc.constantFrom('', '# note', '  - x', 'title: A');
    const head = fc.array(fc.oneof({ weight: 8, arbitrary: line }, { weight: 1, arbitrary: other }), { minLength: 1, maxLength: 4 }).map((a) => a.join('\n'));
    let taken = 0;
    fc.assert(fc.property(head, (source) => {
      const mine = plainMapping(source);
      if (mine === null) return;
      taken++;
      expect(mine).toEqual(viaYaml(source));
    }), { numRuns: 10000 });
    // The plain form is common among generated heads too: the comparison is not empty.
    expect(taken).toBeGreaterThan(1000);
  });

  it('reads every posting file\'s head as yaml does, and most of them', () => {
    const dir = join(import.meta.dirname, '../../content/postings');
    const heads = listFiles(dir).map((rel) => splitFrontMatter(readFileSync(join(dir, rel), 'utf8'))!.yaml);
    const plain = heads.filter((h) => plainMapping(h) !== null);
    for (const h of plain) expect(plainMapping(h)).toEqual(viaYaml(h));
    expect(plain.length).toBeGreaterThan(heads.length / 2);
    expect(plainMapping('title: Staff ML Engineer, Search & Ads\ncompany: "& Co"\nposted: 2024-04-03\nurl: https://x.io/?a=b#c'))
      .toEqual({ title: 'Staff ML Engineer, Search & Ads', company: '& Co', posted: '2024-04-03', url: 'https://x.io/?a=b#c' });
  });
});
