import { describe, expect, it } from 'vitest';
import { extractPosting } from '../../src/lib/extract/index.ts';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { ROOT } from '../posting/helpers.ts';
import { join } from 'node:path';

const ctx = loadContext(join(ROOT, 'content'));
// Words that name members of Object.prototype: a table lookup keyed by posting text must not find those.
const WORDS = ['constructor', 'Constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('extraction on words that name Object.prototype members', () => {
  for (const w of WORDS) {
    it(`reads a header line with “${w}” as a field without throwing`, () => {
      const text = `Acme | ${w} | ${w}, ${w} | Senior ML Engineer | Remote (${w})\n\nWe build ${w} models. Location: ${w}\n`;
      const x = extractPosting({ text, source: '-', id: null }, ctx).extraction;
      expect(x.locations.every((l) => typeof l === 'string')).toBe(true);
      expect(typeof x.company === 'string' || x.company === null).toBe(true);
    });
  }
});
