import { describe, expect, it } from 'vitest';
import { escapeCell, summaryMarkdown } from '../../src/lib/posting/pr-summary.ts';
import { extractPosting } from '../../src/lib/extract/index.ts';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { postingText, tempContent } from './helpers.ts';

describe('pull-request summary', () => {
  it('escapes cells so posting text cannot break the table or become markup', () => {
    const cell = escapeCell('A | B <script>alert(1)</script> [x](javascript:alert(1)) ![i](http://x/y.png)\nnext');
    expect(cell).not.toMatch(/[|<>[\]()]/);
    expect(cell).not.toMatch(/\n/);
    expect(cell).toMatch(/^A &#124; B &#60;script&#62;/);
  });

  it('has one row per posting with its fields, and lists files extract could not read', () => {
    const { root } = tempContent();
    const ctx = loadContext(root);
    const x = extractPosting({ text: postingText('vision'), source: 'content/postings/acme/a.md', id: 'acme/a', frontMatter: { title: 'Staff ML Engineer | Vision', company: 'Acme', captured: '2026-01-01' } }, ctx).extraction;
    const md = summaryMarkdown([
      { path: 'content/postings/acme/a.md', result: x },
      { path: 'content/postings/acme/b.md', result: { source: 'content/postings/acme/b.md', error: '3:1: `level` must be one of: …' } },
    ]);
    const rows = md.split('\n').filter((l) => l.startsWith('| content'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(' | ').length).toBe(12);
    expect(rows[0]).toMatch(/Staff ML Engineer &#124; Vision/);
    expect(md).toMatch(/could not read[\s\S]*acme\/b\.md: 3&#58;1&#58; &#96;level&#96; must be one of/);
  });

  it('gives totals and only the postings that need a look when a pull request holds hundreds', () => {
    const { root } = tempContent();
    const ctx = loadContext(root);
    const items = Array.from({ length: 300 }, (_, i) => {
      const path = `content/postings/acme/p${i}.md`;
      // Every tenth posting is no ML role, which needs a look; the others merely leave some field unstated.
      const fm = { title: i % 10 ? 'Staff ML Engineer' : 'Office Manager', company: i % 2 ? 'Acme' : 'Globex', captured: '2026-01-01' };
      return { path, result: extractPosting({ text: postingText(`team ${i}`), source: path, id: `acme/p${i}`, frontMatter: fm }, ctx).extraction };
    });
    const md = summaryMarkdown(items);
    expect(md).toMatch(/What the site will read from 300 added or changed postings/);
    expect(md).toMatch(/\| 300 \| 270 \| 300 \| 0 \| 0 \| 300 \| 0 \| 0 \|/);
    expect(md).toMatch(/Companies with most postings: Acme Robotics \(150\), Globex \(150\)\./);
    expect(md).toMatch(/\*\*30 need a human eye\*\*/);
    const rows = md.split('\n').filter((l) => l.startsWith('| content'));
    expect(rows).toHaveLength(30);
    expect(md.length).toBeLessThan(30_000);
  });

  it('says so when no posting changed', () => {
    expect(summaryMarkdown([])).toMatch(/adds or changes no posting files/);
  });
});
