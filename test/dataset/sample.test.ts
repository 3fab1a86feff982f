import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repeatFiles, shiftYears, type SampleFile } from '../../src/lib/dataset/sample.ts';

const file = (path: string, fm: string, body = 'text\n'): SampleFile => ({ path, content: `---\n${fm}\n---\n${body}` });
const posted = (f: SampleFile) => (parse(/^---\n([\s\S]*?)\n---/.exec(f.content)![1]!) as { posted?: string }).posted;

describe('bench samples past the corpus size', () => {
  it('repeats the texts a year later per round, every file dated and named apart, the text unchanged', () => {
    const base = [file('a/x.md', 'title: X\ncompany: A\nposted: 2026-02-03'), file('b/y.md', 'title: Y\ncompany: B')];
    const out = repeatFiles(base, 5);
    expect(out.map((f) => f.path)).toEqual(['a/x.md', 'b/y.md', 'a/x-r1.md', 'b/y-r1.md', 'a/x-r2.md']);
    expect(out.map(posted)).toEqual(['2026-02-03', '2020-06-15', '2027-02-03', '2021-06-15', '2028-02-03']);
    expect(out.every((f) => f.content.endsWith('---\ntext\n'))).toBe(true);
    expect(repeatFiles(base, 1)).toHaveLength(1);
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
