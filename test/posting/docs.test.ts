import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { CHECK_RULES, FIELD_DOCS, fillBlocks, generatedBlocks } from '../../src/lib/posting/docs.ts';
import { frontMatterSchema } from '../../src/lib/posting/schema.ts';
import { ROOT } from './helpers.ts';

describe('CONTRIBUTING.md', () => {
  it('is up to date with the schema, taxonomy and checks (run `npm run docs` when this fails)', () => {
    const doc = readFileSync(join(ROOT, 'CONTRIBUTING.md'), 'utf8');
    const fresh = fillBlocks(doc, generatedBlocks(loadContext(join(ROOT, 'content'))));
    expect(doc, 'CONTRIBUTING.md is stale: run `npm run docs`').toBe(fresh);
  });

  it('documents every front matter field the schema accepts, and no other', () => {
    expect(Object.keys(FIELD_DOCS).sort()).toEqual(Object.keys(frontMatterSchema.shape).sort());
  });

  it('explains every rule id the checks can print', () => {
    const sources = ['read.ts', 'checks.ts', 'names.ts', 'taxonomy-checks.ts'].map((f) => readFileSync(join(ROOT, 'src/lib/posting', f), 'utf8')).join('\n');
    const used = new Set([...sources.matchAll(/(?:,\s*|rule: )'([a-z][a-z-]+)'\s*(?:\)|\})/g)].map((m) => m[1]!));
    const documented = new Set(CHECK_RULES.map((r) => r.rule));
    expect([...used].filter((r) => !documented.has(r))).toEqual([]);
    expect(used.size).toBeGreaterThan(15);
  });

  it('fillBlocks names a missing marker', () => {
    expect(() => fillBlocks('no markers', { checks: 'x' })).toThrow(/no `<!-- checks:start -->`/);
  });
});
