import { describe, expect, it } from 'vitest';
import { boardPayToPay, payAgrees, weighBoard } from '../../src/lib/dataset/board.ts';
import { buildSourceSummary } from '../../src/lib/dataset/sources.ts';
import type { Extraction } from '../../src/lib/extract/types.ts';
import type { Rates } from '../../src/lib/taxonomy.ts';
import { pay, row } from '../site/fixture-dataset.ts';

const rates: Rates = [{ date: '2024-01-01', perUsd: { GBP: 0.8 } }];
const x = (over: Partial<Extraction>): Extraction => ({
  source: null, id: 'acme/x', title: 'ML Engineer', company: 'Acme', level: null, roleFamily: 'ml-engineer', isMlRole: true, pay: null, remote: null,
  locations: [], posted: '2025-06-01', captured: null, skills: [], overridden: [], origin: 'ashby', board: null, trace: [], ...over,
});

describe('the board’s statement beside the text’s', () => {
  it('shows the board’s pay where the text states none, labelled as the board’s, in USD at the dated rate', () => {
    const w = weighBoard(x({ board: { pay: [{ min: 80000, max: 100000, currency: 'GBP', period: 'year', label: 'London' }] } }), rates);
    expect(w.paySource).toBe('board');
    expect(w.pay).toMatchObject({ min: 80000, max: 100000, currency: 'GBP', annualMinUsd: 100000, annualMaxUsd: 125000, rule: 'board' });
    expect(w.pay!.ranges[0]!.qualifier).toBe('London');
    expect(w.payAgrees).toBeNull();
  });

  it('keeps the text’s pay where both state pay, and says whether they agree', () => {
    const text = pay(150000, 200000);
    const same = weighBoard(x({ pay: text, board: { pay: [{ min: 150000, max: 200000, currency: 'USD', period: 'year' }] } }), rates);
    expect([same.paySource, same.pay, same.payAgrees]).toEqual(['text', text, true]);
    const other = weighBoard(x({ pay: text, board: { pay: [{ min: 120000, max: 260000, currency: 'USD', period: 'year' }] } }), rates);
    expect(other.payAgrees).toBe(false);
    expect(other.boardPay).toMatchObject({ min: 120000, max: 260000 });
  });

  it('never lets the board overrule a correction, and uses its workplace and locations only where the text says nothing', () => {
    const corrected = weighBoard(x({ overridden: ['pay'], board: { pay: [{ min: 1, max: 2, currency: 'USD', period: 'hour' }] } }), rates);
    expect([corrected.pay, corrected.paySource]).toEqual([null, null]);
    const w = weighBoard(x({ board: { workplace: 'remote', locations: ['Berlin'] } }), rates);
    expect([w.remote?.policy, w.remoteSource, w.locations, w.locationsSource]).toEqual(['remote', 'board', ['Berlin'], 'board']);
    const text = weighBoard(x({ remote: { policy: 'hybrid', region: null, regions: [], officeDaysPerYear: null, evidence: ['hybrid'], rule: 'r' }, locations: ['Paris'], board: { workplace: 'remote', locations: ['Berlin'] } }), rates);
    expect([text.remote?.policy, text.remoteSource, text.remoteAgrees, text.locations]).toEqual(['hybrid', 'text', false, ['Paris']]);
  });

  it('takes the envelope of the board’s main currency and period; an open range stays open', () => {
    const p = boardPayToPay([
      { min: 100000, max: 120000, currency: 'USD', period: 'year', label: 'L4' },
      { min: 130000, max: null, currency: 'USD', period: 'year', label: 'L5' },
      { min: 70000, max: 90000, currency: 'GBP', period: 'year', label: 'UK' },
    ], rates, null)!;
    expect([p.min, p.max, p.currency, p.ranges.length]).toEqual([100000, null, 'USD', 2]);
    expect(payAgrees(pay(100000, 121000), boardPayToPay([{ min: 100000, max: 120000, currency: 'USD', period: 'year' }], rates, null)!)).toBe(true);
  });
});

describe('sources.json', () => {
  it('counts postings per origin and year, pay in the text and by the board, and the disagreements', () => {
    const rows = [
      row({ id: 'a/1', origin: 'hn', posted: '2019-06', pay: pay(1, 2) }),
      row({ id: 'a/2', origin: 'hn', posted: '2026-05-01' }),
      row({ id: 'b/1', origin: 'ashby', posted: '2025-10-01', board: { pay: [{ min: 1, max: 2, currency: 'USD', period: 'year' }] }, paySource: 'board' }),
      row({ id: 'b/2', origin: 'ashby', posted: '2025-10-02', pay: pay(5, 6), payAgrees: false, board: { pay: [{ min: 1, max: 2, currency: 'USD', period: 'year' }] } }),
      row({ id: 'c/1', posted: '2026-01-01', isMlRole: false, excluded: 'not an ML role: other' }),
    ];
    const s = buildSourceSummary({ asOf: null, counts: { files: 5, postings: 5, ml: 4, excluded: 1, warnings: 0, errors: 0 }, postings: rows }, []);
    expect(s.origins.map((o) => [o.origin, o.postings, o.ml, o.textPay, o.boardPay, o.first, o.last])).toEqual([
      ['hn', 2, 2, 1, 0, '2019-06', '2026-05-01'],
      ['ashby', 2, 2, 1, 2, '2025-10-01', '2025-10-02'],
      ['manual', 1, 0, 0, 0, '2026-01-01', '2026-01-01'],
    ]);
    expect(s.origins[0]!.byYear).toEqual([{ year: '2019', ml: 1, textPay: 1, boardPay: 0 }, { year: '2026', ml: 1, textPay: 0, boardPay: 0 }]);
    expect(s.disagreements.pay).toEqual({ both: 1, disagree: 1, ids: ['b/2'] });
  });
});
