import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { loadCollection } from '../../src/lib/posting/collection.ts';
import { buildDataset } from '../../src/lib/dataset/build.ts';
import { extractInput } from '../../src/lib/posting/extract-input.ts';
import { addPosting } from '../../src/lib/posting/add.ts';
import { importRows, parseImportFile } from '../../src/lib/posting/import.ts';
import { postingText, tempContent } from '../posting/helpers.ts';

describe('round trip: add and import → loadCollection + buildDataset → same fields as extract', () => {
  it('the dataset row of an added and of an imported posting carries what `extract` reports for its file', () => {
    const { root, postings } = tempContent();
    const ctx = loadContext(root);
    const added = addPosting({ text: postingText('vision', 'Remote, US. Senior level.'), title: 'Senior ML Engineer, Vision', company: 'Vector Labs', captured: '2026-02-01', url: 'https://v.example/a' }, ctx, postings);
    expect(added.status).toBe('written');
    const row = { text: postingText('ranking', 'Pay: €90,000 - €110,000 per year. Hybrid in Berlin.'), title: 'Staff Applied Scientist', company: 'Pinterest Inc', posted: '2026-01-20' };
    const imported = importRows(parseImportFile(JSON.stringify(row), 'r.jsonl'), ctx, postings);
    expect(imported.written).toHaveLength(1);

    const dataset = buildDataset(loadCollection(postings, ctx, postings), ctx.rates);
    expect(dataset.counts.postings).toBe(2);
    for (const rel of ['vector-labs/senior-ml-engineer-vision.md', 'pinterest/staff-applied-scientist.md']) {
      const fromRow = dataset.postings.find((p) => p.file === rel)!;
      expect(fromRow).toBeDefined();
      const fromExtract = extractInput(readFileSync(join(postings, rel), 'utf8'), rel, ctx);
      expect('error' in fromExtract).toBe(false);
      const { source: _s1, ...want } = fromExtract as Exclude<typeof fromExtract, { error: string }>;
      const got = Object.fromEntries(Object.keys(want).map((k) => [k, fromRow[k as keyof typeof fromRow]]));
      expect(got).toEqual(want);
    }
    const pin = dataset.postings.find((p) => p.file === 'pinterest/staff-applied-scientist.md')!;
    expect(pin.company).toBe('Pinterest');
    expect(pin.posted).toBe('2026-01-20');
    expect(pin.title).toBe('Staff Applied Scientist');
  });
});
