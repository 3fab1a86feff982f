import { describe, expect, it } from 'vitest';
import { evaluate, meets, TARGETS, valueOf } from '../../src/lib/eval/run.ts';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { hasShared } from '../helpers/shared.ts';

/**
 * The labelled sets scored the one way `npm run eval` scores them (src/lib/eval/score.ts), so a test never
 * re-implements the scoring rules.
 */
describe('extraction on the labelled sets (../shared/corpus, ../shared/seeds)', () => {
  const ready = hasShared('labelled-set checks', 'corpus') && hasShared('labelled-set checks', 'seeds');
  const lines = ready ? evaluate(loadContext(), ['seeds', 'hn', 'linkedin']) : [];

  it.runIf(ready)('holds every labelled set to its own targets, never only a pooled figure', () => {
    const sets = new Set(lines.filter((l) => l.target !== null).map((l) => l.set));
    expect([...sets].sort()).toEqual(['hn-labeled-dev', 'linkedin-2024-dev', 'seeds']);
    for (const set of ['hn-labeled-dev', 'linkedin-2024-dev']) {
      const pay = lines.find((l) => l.set === set && l.field === 'pay');
      expect(pay?.target).toBe(TARGETS.pay);
    }
  });

  it.runIf(ready)('meets every target', () => {
    const missed = lines.filter((l) => !meets(l)).map((l) => `${l.set} ${l.field}: ${(valueOf(l) * 100).toFixed(1)}% (${l.tally.misses.slice(0, 3).join('; ')})`);
    expect(missed).toEqual([]);
  });

  it.runIf(ready)('reports skills precision beside recall, and counts invented companies and titles', () => {
    const fields = lines.map((l) => `${l.set}: ${l.field}`);
    expect(fields).toEqual(expect.arrayContaining(['seeds: skills found', 'seeds: skills precision', 'seeds: invented title', 'hn-labeled-dev: invented company']));
  });
});
