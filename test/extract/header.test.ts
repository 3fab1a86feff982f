import { describe, expect, it } from 'vitest';
import { headerFields, isHeaderLine, rankOfLine, topHeaderLines } from '../../src/lib/extract/header.ts';

describe('one definition of a header line (title, location, remote and pay share it)', () => {
  it.each([
    ['Acme | Senior ML Engineer | Remote (US) | $150k', 0, true],
    ['Ramp · New York, NY · Hybrid', 1, true],
    ['Globex - Founding Engineer - Remote', 0, true],
    ['Senior Engineer | Austin | $150k - $180k', 30, true],
  ] as const)('%s (line %i) is a header line', (line, rank, want) => expect(isHeaderLine(line, rank)).toBe(want));

  it.each([
    ['Seattle, WA - USA', 0, 'one spaced dash joins a place'],
    ['Open roles: • Engineering Leads • Senior Engineers', 1, 'a labelled list'],
    ['Ramp · New York, NY · Hybrid', 8, 'dot fields far from the top'],
    ['||', 0, 'bars with nothing between'],
  ] as const)('%s (line %i) is not: %s', (line, rank, _why) => expect(isHeaderLine(line, rank)).toBe(false));

  it('splits fields at bars first, then dots, then dashes', () => {
    expect(headerFields('A - B | C · D | E')).toEqual(['A - B', 'C · D', 'E']);
    expect(headerFields('Ramp · New York, NY · Hybrid')).toEqual(['Ramp', 'New York, NY', 'Hybrid']);
  });

  it('counts ranks over non-empty lines only', () => {
    const text = '\n\nTitle\n\nCompany\nPlace';
    expect(rankOfLine(text, text.indexOf('Place'))).toBe(2);
    expect(topHeaderLines('Intro line\n\nAcme | Engineer | NYC\n\nBody').map((h) => h.fields)).toEqual([['Acme', 'Engineer', 'NYC']]);
  });
});
