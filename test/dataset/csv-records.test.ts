import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvRecords } from '../../src/lib/dataset/write.ts';

/** Quotes in a string. */
const quotes = (s: string) => s.split('"').length - 1;

describe('csvRecords', () => {
  it('cuts a CSV text at the line breaks outside quotes, and nowhere else', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '"', '\n', ',', ' ', '\r'), maxLength: 40 }), (csv) => {
      const records = csvRecords(csv);
      // Nothing lost: the records and the breaks between them are the text.
      expect(records.join('\n')).toBe(csv);
      records.forEach((r, i) => {
        // Every cut is outside quotes (an even number of quotes before it)…
        if (i < records.length - 1) expect(quotes(r) % 2).toBe(0);
        // …and every line break left inside a record is inside quotes.
        for (let at = r.indexOf('\n'); at !== -1; at = r.indexOf('\n', at + 1)) expect(quotes(r.slice(0, at)) % 2).toBe(1);
      });
    }), { numRuns: 20_000 });
  });

  it('gives papaparse’s records back, a field with a line break in one piece', () => {
    const rows = [{ id: 'a', text: 'one\ntwo' }, { id: 'b', text: 'say "hi"' }, { id: 'c', text: '' }];
    const csv = Papa.unparse(rows, { newline: '\n' });
    expect(csvRecords(csv)).toEqual(['id,text', 'a,"one\ntwo"', 'b,"say ""hi"""', 'c,']);
  });
});
