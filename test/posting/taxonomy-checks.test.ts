import { describe, expect, it } from 'vitest';
import { reporter } from 'vfile-reporter';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { taxonomyChecks } from '../../src/lib/posting/taxonomy-checks.ts';
import { put, tempContent } from './helpers.ts';

describe('taxonomy checks (warnings with file and line)', () => {
  it('say nothing about a clean taxonomy', () => {
    const { root } = tempContent();
    expect(taxonomyChecks(loadContext(root), root, root)).toEqual([]);
  });

  it('flag a duplicated skill id, a shared synonym, a company alias clash and a doubled rates date', () => {
    const { root } = tempContent();
    put(root, 'taxonomy/skills.yml', [
      'skills:',
      '  - id: spark', '    label: Spark', '    group: data', '    synonyms: [Spark, PySpark]',
      '  - id: python', '    label: Python', '    group: language', '    synonyms: [Python, pyspark]',
      '  - id: spark', '    label: Apache Spark', '    group: data', '',
    ].join('\n'));
    put(root, 'taxonomy/companies.yml', 'companies:\n  - name: Meta\n    aliases: [Facebook]\n  - name: Facebook\n');
    put(root, 'rates.yml', 'source: t\nrates:\n  - date: 2024-01-01\n    perUsd: { EUR: 0.9 }\n  - date: 2024-01-01\n    perUsd: { EUR: 0.8 }\n');
    const files = taxonomyChecks(loadContext(root), root, root);
    const report = reporter(files, { color: false });
    expect(report).toMatch(/taxonomy\/skills\.yml\n[\s\S]*6:5 +warning +synonym “pyspark” of skill `python` is also a synonym of `spark`/);
    expect(report).toMatch(/10:5 +warning +skill id `spark` is listed 2 times/);
    expect(report).toMatch(/taxonomy\/companies\.yml\n[\s\S]*“Facebook” is listed for both `Meta` and `Facebook`/);
    expect(report).toMatch(/rates\.yml\n[\s\S]*5:5 +warning +rates dated 2024-01-01 are listed 2 times/);
    expect(files.every((f) => f.messages.every((m) => m.fatal === false))).toBe(true);
  });
});
