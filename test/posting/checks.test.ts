import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeFile } from '../../src/lib/posting/checks.ts';
import { runCheck } from '../../src/lib/posting/run-check.ts';
import { ROOT, postingFile, postingText, put, tempContent } from './helpers.ts';

const CONTENT = join(ROOT, 'content');

/** A temp content folder holding two good postings plus the given files; runs check on it. */
function check(files: Record<string, string | Buffer>, withGood = true) {
  const { root, postings } = tempContent();
  if (withGood) {
    put(postings, 'acme-robotics/ml-engineer-perception.md', postingFile({ title: 'ML Engineer, Perception', company: 'Acme Robotics', captured: '2026-01-10' }, postingText('perception')));
    put(postings, 'acme-robotics/staff-ml-engineer-planning.md', postingFile({ title: 'Staff ML Engineer, Planning', company: 'Acme Robotics', posted: '2026-01-05' }, postingText('planning')));
  }
  for (const [rel, content] of Object.entries(files)) put(postings, rel, content);
  const outcome = runCheck(postings, root, root);
  return { ...outcome, text: `${outcome.report}\n${outcome.summary}` };
}

const good = (title: string, extra: Record<string, string> = {}, body = postingText(title)) =>
  postingFile({ title, company: 'Acme Robotics', captured: '2026-01-10', ...extra }, body);

describe('check on good postings', () => {
  it('passes and accounts for every file in its last line', () => {
    const r = check({});
    expect(r.failed).toBe(false);
    expect(r.summary).toBe('check: 2 files read: 2 ok, 0 with warnings, 0 with errors (0 errors, 0 warnings)');
  });

  it('passes the repository’s own postings', () => {
    const r = runCheck(join(CONTENT, 'postings'), CONTENT, ROOT);
    expect(r.report).not.toMatch(/error/);
    expect(r.failed).toBe(false);
  });
});

describe('check fails naming the file (and line) for each bad input', () => {
  it('an unknown field, listing the allowed fields', () => {
    const r = check({ 'acme-robotics/a.md': good('A', { salary: '100k' }) });
    expect(r.failed).toBe(true);
    expect(r.text).toMatch(/postings\/acme-robotics\/a\.md/);
    expect(r.text).toMatch(/5:1 +error +unknown field `salary`.*allowed: title, company, captured, posted, url/);
  });

  it('a wrong type or a value outside the allowed list', () => {
    const r = check({ 'acme-robotics/a.md': good('A', { level: 'wizard' }), 'acme-robotics/b.md': good('B', { captured: 'last tuesday' }) });
    expect(r.failed).toBe(true);
    expect(r.text).toMatch(/a\.md[\s\S]*`level` must be one of: intern, junior, mid, senior/);
    expect(r.text).toMatch(/b\.md[\s\S]*`captured`.*YYYY-MM-DD/);
    expect(r.summary).toMatch(/2 with errors/);
  });

  it('malformed YAML, with its line', () => {
    const r = check({ 'acme-robotics/a.md': '---\ntitle: A\ncompany: [Acme Robotics\ncaptured: 2026-01-01\n---\ntext\n' });
    expect(r.failed).toBe(true);
    expect(r.text).toMatch(/postings\/acme-robotics\/a\.md\n\s*[34]:\d+ +error +malformed YAML/);
  });

  it('an empty file', () => {
    const r = check({ 'acme-robotics/empty.md': '' });
    expect(r.text).toMatch(/empty\.md\n\s*1:1 +error +empty file/);
    expect(r.failed).toBe(true);
  });

  it('a binary file (NUL bytes)', () => {
    const r = check({ 'acme-robotics/blob.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]) });
    expect(r.text).toMatch(/blob\.md\n\s*2:1 +error +binary file/);
    expect(r.failed).toBe(true);
  });

  it('bytes that are not UTF-8, naming the line', () => {
    const latin1 = Buffer.concat([Buffer.from(good('Caf', {}, 'line one\nline two\n')), Buffer.from('Caf\xe9 au lait\n', 'latin1')]);
    const r = check({ 'acme-robotics/latin.md': latin1 });
    expect(r.text).toMatch(/latin\.md\n\s*8:4 +error +not UTF-8: line 8/);
    expect(r.failed).toBe(true);
  });

  it('control characters, naming the line', () => {
    const r = check({ 'acme-robotics/ctl.md': good('Ctl', {}, 'first\nsecond has a \u000b vertical tab\n') });
    expect(r.text).toMatch(/ctl\.md\n\s*7:14 +error +control character U\+000B on line 7/);
    expect(r.failed).toBe(true);
  });

  it('a file over 1 MB', () => {
    const r = check({ 'acme-robotics/huge.md': good('Huge', {}, 'word '.repeat(220_000)) });
    expect(r.text).toMatch(/huge\.md\n\s*1:1 +error +file is 1\.1 MB; a posting file may be at most 1 MB/);
    expect(r.failed).toBe(true);
  });

  it('names that are not lowercase kebab-case ASCII .md', () => {
    const r = check({
      'acme-robotics/Staff ML Engineer.md': good('S'),
      'acme-robotics/notes.txt': good('T'),
      'Acme_Robotics/x.md': good('X'),
    });
    expect(r.text).toMatch(/file name `Staff ML Engineer\.md` is not lowercase kebab-case ASCII; rename it to `staff-ml-engineer\.md`/);
    expect(r.text).toMatch(/`notes\.txt` is not a posting file/);
    expect(r.text).toMatch(/folder `Acme_Robotics` is not lowercase kebab-case ASCII; the company's folder is `acme-robotics`/);
    expect(r.summary).toMatch(/3 with errors/);
  });

  it('a folder that is not the company’s slug, and a file outside any company folder', () => {
    const r = check({ 'pinterest/a.md': good('A'), 'loose.md': good('Loose'), 'acme-robotics/deep/b.md': good('B') });
    expect(r.text).toMatch(/pinterest\/a\.md\n\s*1:1 +error +folder `pinterest` is not the slug of company `Acme Robotics`: move the file to `acme-robotics\/a\.md`/);
    expect(r.text).toMatch(/loose\.md\n\s*1:1 +error +`loose\.md` is not in a company folder: move it to `acme-robotics\/loose\.md`/);
    expect(r.text).toMatch(/nested too deep/);
    expect(r.summary).toMatch(/3 with errors/);
  });

  it('folds company aliases before comparing the folder (Pinterest Inc lives in pinterest/)', () => {
    const r = check({ 'pinterest/a.md': postingFile({ title: 'A', company: 'Pinterest Inc' }, 'text\n') });
    expect(r.failed).toBe(false);
  });

  it('a duplicate: same company, title and text within 14 days, as an error on the later file', () => {
    const text = postingText('perception', 'Apply today.');
    const r = check({ 'acme-robotics/ml-engineer-perception-2.md': postingFile({ title: 'ML Engineer, Perception', company: 'Acme Robotics', captured: '2026-01-20' }, text) });
    expect(r.failed).toBe(true);
    expect(r.text).toMatch(/ml-engineer-perception-2\.md\n\s*2:1 +error +duplicate of acme-robotics\/ml-engineer-perception \(same company and title, \d+% of the text the same, dated 10 days apart\)/);
    expect(r.summary).toMatch(/1 with errors/);
  });

  it('a duplicate: the same url, whatever the text', () => {
    const r = check({
      'acme-robotics/a.md': good('A', { url: 'https://jobs.example.com/123?utm_source=x' }),
      'acme-robotics/b.md': good('B', { url: 'https://JOBS.example.com/123/' }),
    });
    expect(r.text).toMatch(/b\.md\n\s*5:1 +error +duplicate of acme-robotics\/a \(same url, dated 0 days apart\)/);
  });

  it('pay min greater than max in a correction', () => {
    const r = check({ 'acme-robotics/a.md': good('A', { pay: '{ min: 200000, max: 150000, currency: USD, period: year }' }) });
    expect(r.text).toMatch(/a\.md\n\s*5:\d+ +error +.*pay min is greater than pay max/);
    expect(r.failed).toBe(true);
  });

  it('an unknown currency, listing the known ones', () => {
    const r = check({ 'acme-robotics/a.md': good('A', { pay: '\n  min: 100000\n  currency: XYZ\n  period: year' }) });
    expect(r.text).toMatch(/a\.md\n\s*7:3 +error +unknown currency `XYZ` in `pay.currency`: use one of .*USD/);
    expect(r.failed).toBe(true);
  });
});

describe('warnings are shown but do not fail', () => {
  it('a repost: the same posting more than 14 days later', () => {
    const r = check({ 'acme-robotics/ml-engineer-perception-march.md': postingFile({ title: 'ML Engineer, Perception', company: 'Acme Robotics', captured: '2026-03-10' }, postingText('perception')) });
    expect(r.failed).toBe(false);
    expect(r.text).toMatch(/march\.md\n\s*2:1 +warning +repost of acme-robotics\/ml-engineer-perception \(.*dated 59 days apart\)/);
    expect(r.summary).toBe('check: 3 files read: 2 ok, 1 with warnings, 0 with errors (0 errors, 1 warning)');
  });

  it('annual pay under 10,000 or over 5,000,000 USD', () => {
    const r = check({
      'acme-robotics/low.md': good('Low', { pay: '{ min: 900, currency: USD, period: year }' }),
      'acme-robotics/high.md': good('High', { pay: '{ min: 4000, max: 6000, currency: USD, period: hour }' }),
    });
    expect(r.failed).toBe(false);
    expect(r.text).toMatch(/low\.md\n\s*5:1 +warning +pay is \$900 a year in USD, under \$10,000/);
    expect(r.text).toMatch(/high\.md\n\s*5:1 +warning +pay is \$12,480,000 a year in USD, over \$5,000,000/);
  });

  it('a posted date after the capture date', () => {
    const r = check({ 'acme-robotics/a.md': good('A', { posted: '2026-02-01' }) });
    expect(r.failed).toBe(false);
    expect(r.text).toMatch(/a\.md\n\s*5:1 +warning +posted date 2026-02-01 is after the capture date 2026-01-10/);
  });

  it('reports an error and a warning in the same run, counting files once', () => {
    const r = check({ 'acme-robotics/a.md': good('A', { posted: '2026-02-01' }), 'acme-robotics/b.md': '' });
    expect(r.failed).toBe(true);
    expect(r.summary).toBe('check: 4 files read: 2 ok, 1 with warnings, 1 with errors (1 error, 1 warning)');
  });
});

describe('decodeFile', () => {
  // What a reader of the bytes would say: white space only read as Latin-1 is empty; UTF-8 decodes, without a BOM.
  const expected = (bytes: Buffer): string => {
    if (/^\s*$/.test(bytes.toString('latin1'))) return 'empty';
    if (bytes.includes(0)) return 'binary';
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return 'encoding';
    }
  };
  const got = (bytes: Buffer): string => {
    const r = decodeFile(bytes, 'x.md');
    return typeof r === 'string' ? r : String(r.messages[0]!.ruleId);
  };

  it('tells empty, binary and non-UTF-8 files apart, and decodes the rest, on any bytes', () => {
    const bytes = fc.array(fc.oneof(fc.constantFrom(9, 10, 11, 12, 13, 32, 160, 0x85, 0xef, 0xbb, 0xbf, 0xc3, 0xa9, 0xe2, 0x80, 0x99, 0), fc.integer({ min: 0, max: 255 })), { maxLength: 24 });
    fc.assert(fc.property(bytes, (a) => {
      const b = Buffer.from(a);
      expect(got(b)).toBe(expected(b));
    }), { numRuns: 3000 });
    for (const text of ['\uFEFF---\ntitle: T\n---\nCafé', ' \t\r\n\u00a0', '\u00a0x']) {
      for (const b of [Buffer.from(text), Buffer.from(text, 'latin1')]) expect(got(b)).toBe(expected(b));
    }
  });
});
