import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { importRows, mapColumns, parseImportFile, toIsoDate } from '../../src/lib/posting/import.ts';
import { runCheck } from '../../src/lib/posting/run-check.ts';
import { listFiles } from '../../src/lib/posting/collection.ts';
import { CORPUS, corpusAvailable, postingFile, postingText, put, runScript, tempContent } from '../posting/helpers.ts';

const csv = (rows: Record<string, string>[]) => Papa.unparse(rows);

describe('import: reading exports', () => {
  it('recognises common export headers', () => {
    expect(mapColumns(['Job Title', 'Company Name', 'Job Description', 'job_url', 'date_posted'], {})).toEqual({
      text: 'Job Description', title: 'Job Title', company: 'Company Name', url: 'job_url', posted: 'date_posted', captured: null,
    });
  });
  it('lets flags name columns, and says which columns exist when one is missing', () => {
    expect(mapColumns(['body_html', 'x'], { text: 'body_html' }).text).toBe('body_html');
    expect(() => mapColumns(['a', 'b'], {})).toThrow(/no column holds the posting text .* the columns are "a", "b"/);
    expect(() => mapColumns(['text'], { title: 'role_name' })).toThrow(/--title-col "role_name": no such column/);
  });
  it('reads CSV (quoted multi-line cells) and JSON Lines, reporting unreadable lines', () => {
    const t = parseImportFile(csv([{ title: 'A', description: 'line 1\nline "2", with comma' }]), 'x.csv');
    expect(t.rows[0]?.data.description).toBe('line 1\nline "2", with comma');
    const j = parseImportFile('{"text":"a"}\nnot json\n\n{"text":"b"}\n', 'x.jsonl');
    expect(j.rows.map((r) => r.where)).toEqual(['line 1', 'line 4']);
    expect(j.unreadable[0]?.where).toBe('line 2');
  });
  it('reads export dates as YYYY-MM-DD and refuses relative ones', () => {
    expect(toIsoDate('2024-04-05T10:00:00Z')).toBe('2024-04-05');
    expect(toIsoDate('Apr 5, 2024')).toBe('2024-04-05');
    expect(toIsoDate('3 days ago')).toBeNull();
    expect(toIsoDate('2024-02-30')).toBeNull();
  });
});

describe('import: writing postings', () => {
  const setup = () => {
    const { root, postings } = tempContent();
    return { root, postings, ctx: loadContext(root) };
  };

  it('writes each row as <company-slug>/<slug>.md that passes check, text byte for byte', () => {
    const { root, postings, ctx } = setup();
    const text = 'Caf\u00e9 ML team\r\n<script>x</script>\n  indented  \n';
    const table = parseImportFile(csv([
      { job_title: 'ML Engineer', company_name: 'Vector Labs\n4.1', job_description: text, date_posted: '2026-01-03', job_url: 'https://v.example/1' },
      { job_title: 'Research Scientist', company_name: 'Vector Labs', job_description: postingText('research'), date_posted: 'yesterday', job_url: 'not a url' },
    ]), 'export.csv');
    const report = importRows(table, ctx, postings);
    expect(report.written.map((w) => w.rel)).toEqual(['vector-labs/ml-engineer.md', 'vector-labs/research-scientist.md']);
    expect(readFileSync(join(postings, 'vector-labs/ml-engineer.md'), 'utf8')).toBe(
      `---\ntitle: ML Engineer\ncompany: Vector Labs\nposted: 2026-01-03\nurl: https://v.example/1\n---\n${text}`);
    expect(report.notes.map((n) => n.note)).toEqual(['posted "yesterday" is not a date; left out', 'url "not a url" is not an http(s) URL; left out']);
    expect(runCheck(postings, root, root).failed).toBe(false);
  });

  it('skips duplicates within the file and against existing content, saying why; keeps reposts', () => {
    const { postings, ctx } = setup();
    put(postings, 'vector-labs/ml-engineer.md', postingFile({ title: 'ML Engineer', company: 'Vector Labs', posted: '2026-01-01' }, postingText('vision')));
    const rows = [
      { text: postingText('vision'), title: 'ML Engineer', company: 'Vector Labs', posted: '2026-01-05' },
      { text: postingText('speech'), title: 'Speech Engineer', company: 'Vector Labs', posted: '2026-01-05', url: 'https://v.example/9' },
      { text: postingText('other'), title: 'Other', company: 'Elsewhere', posted: '2026-01-06', url: 'https://v.example/9' },
      { text: postingText('vision'), title: 'ML Engineer', company: 'Vector Labs', posted: '2026-03-01' },
      { text: '   ', title: 'Blank', company: 'Vector Labs' },
    ];
    const table = parseImportFile(rows.map((r) => JSON.stringify(r)).join('\n'), 'rows.jsonl');
    const report = importRows(table, ctx, postings);
    expect(report.skipped.map((s) => `${s.where}: ${s.kind}`)).toEqual(['line 1: duplicate', 'line 3: duplicate', 'line 5: no-text']);
    expect(report.skipped[0]?.reason).toMatch(/duplicate of vector-labs\/ml-engineer \(same company and title, 100% of the text the same, dated 4 days apart\)/);
    expect(report.skipped[1]?.reason).toMatch(/duplicate of vector-labs\/speech-engineer \(same url/);
    expect(report.written.map((w) => w.rel)).toEqual(['vector-labs/speech-engineer.md', 'vector-labs/ml-engineer-2.md']);
    expect(report.reposts[0]?.reason).toMatch(/repost of vector-labs\/ml-engineer .*59 days apart/);
  });

  it('skips a row whose title or company cannot be found, naming the flag to use', () => {
    const { postings, ctx } = setup();
    const report = importRows(parseImportFile('{"text":"zzz qqq","company":"Vector Labs"}\n', 'a.jsonl'), ctx, postings);
    expect(report.skipped[0]?.reason).toMatch(/no title: .*--title-col/);
  });

  it('honours --limit and --dry-run', () => {
    const { postings, ctx } = setup();
    const rows = ['a', 'b', 'c'].map((s) => JSON.stringify({ text: postingText(s), title: `Role ${s}`, company: 'Vector Labs' }));
    const report = importRows(parseImportFile(rows.join('\n'), 'r.jsonl'), ctx, postings, { limit: 2, dryRun: true });
    expect(report.read).toBe(2);
    expect(report.written).toHaveLength(2);
    expect(existsSync(join(postings, 'vector-labs'))).toBe(false);
  });

  it('runs as a command: reports skipped rows and one summary line', () => {
    const { root, postings } = tempContent();
    const file = put(root, 'export.csv', csv([
      { Title: 'ML Engineer', Company: 'Vector Labs', Description: postingText('a') },
      { Title: 'ML Engineer', Company: 'Vector Labs', Description: postingText('a') },
    ]));
    const r = runScript('import.ts', [file, '--content', postings, '--captured', '2026-01-01']);
    expect(r.code).toBe(0);
    // Rows are named by the file's own lines (the header is line 1; a row's quoted text spans several lines).
    expect(r.stdout).toMatch(/export\.csv line 2: wrote vector-labs\/ml-engineer\.md\n {2}needs a human eye: level: /);
    expect(r.stdout).toMatch(/export\.csv line 10: skipped: duplicate of vector-labs\/ml-engineer/);
    expect(r.stdout).toMatch(/import: 2 rows read: 1 written to .*, 1 skipped \(1 duplicate\), 0 reposts kept/);
    expect(readFileSync(join(postings, 'vector-labs/ml-engineer.md'), 'utf8')).toMatch(/\ncaptured: 2026-01-01\n/);
  });
});

describe('import: counting and failing', () => {
  it('lists rows not charted, counts unreadable rows in what was read, and exits non-zero when a row was unreadable', () => {
    const { root, postings } = tempContent();
    const file = put(root, 'rows.jsonl', [
      JSON.stringify({ title: 'Office Manager', company: 'Vector Labs', text: postingText('office') }),
      '{"title": "broken',
      JSON.stringify({ title: 'ML Engineer', company: 'Vector Labs', text: postingText('ml') }),
    ].join('\n'));
    const r = runScript('import.ts', [file, '--content', postings, '--captured', '2026-01-01']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/rows\.jsonl line 1: wrote vector-labs\/office-manager\.md \(not charted: not an ML role: other\)/);
    expect(r.stdout).toMatch(/rows\.jsonl line 2: skipped: not a JSON object/);
    expect(r.stdout).toMatch(/import: 3 rows read: 2 written to .* \(1 not charted\), 1 skipped \(1 unreadable\)/);
    expect(r.stderr).toMatch(/1 row was unreadable/);
  });
});

describe('import on real corpus files (read at run time, written to a temp folder only)', () => {
  const files = ['linkedin-2024-dev.jsonl', 'glassdoor-2020.jsonl'];
  const available = files.every((f) => corpusAvailable(f));

  it.runIf(available)('imports every row or says why not; everything written passes check; a second import writes nothing', () => {
    const { root, postings } = tempContent();
    const ctx = loadContext(join(root));
    for (const name of files) {
      const table = parseImportFile(readFileSync(join(CORPUS, name), 'utf8'), name);
      const report = importRows(table, ctx, postings, { limit: 400, captured: '2026-06-01' });
      expect(report.written.length + report.skipped.length).toBe(report.read + table.unreadable.length);
      expect(report.written.length).toBeGreaterThan(report.read * 0.8);
      for (const s of report.skipped) expect(s.reason.length).toBeGreaterThan(10);
      const again = importRows(table, ctx, postings, { limit: 400, captured: '2026-06-01' });
      expect(again.written).toEqual([]);
      expect(again.skipped.every((s) => s.kind === 'duplicate' || report.skipped.some((f) => f.where === s.where))).toBe(true);
    }
    const outcome = runCheck(postings, root, root);
    expect(outcome.report).not.toMatch(/ error /);
    expect(outcome.failed).toBe(false);
    const written = listFiles(postings);
    expect(written.length).toBeGreaterThan(300);
    expect(written.every((rel) => /^[a-z0-9-]+\/[a-z0-9-]+\.md$/.test(rel))).toBe(true);
    expect(readdirSync(postings).length).toBeGreaterThan(50);
  });
});
