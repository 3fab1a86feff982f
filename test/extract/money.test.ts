import { describe, expect, it } from 'vitest';
import { annualise, knownCurrencies, parseAmount, ratePerUsd } from '../../src/lib/extract/money.ts';
import { loadContext, ratesFileSchema } from '../../src/lib/taxonomy.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const { rates } = loadContext();

describe('money', () => {
  it('parses amounts in US, European and spaced notation', () => {
    expect(parseAmount('249,900')).toBe(249900);
    expect(parseAmount('65.000')).toBe(65000);
    expect(parseAmount('81,000.00')).toBe(81000);
    expect(parseAmount('65.000,50')).toBe(65000.5);
    expect(parseAmount('18.76')).toBe(18.76);
    expect(parseAmount('54 840')).toBe(54840);
    expect(parseAmount('1,2,3')).toBeNull();
  });

  it('uses the rate in force on the posting date, else the latest', () => {
    expect(ratePerUsd('USD', rates, null)).toBe(1);
    const early = ratePerUsd('GBP', rates, '2020-02-01')!;
    const late = ratePerUsd('GBP', rates, '2022-11-01')!;
    expect(early).toBeLessThan(late); // the pound fell against the dollar in autumn 2022
    expect(ratePerUsd('GBP', rates, '1999-01-01')).toBe(ratePerUsd('GBP', rates, null));
    expect(ratePerUsd('XYZ', rates, null)).toBeNull();
  });

  it('has a dated table covering the usual salary currencies from 2020 to 2026', () => {
    const file = ratesFileSchema.parse(parse(readFileSync('content/rates.yml', 'utf8')));
    expect(file.source).toMatch(/approximate/i);
    const dates = file.rates.map((r) => r.date);
    expect(dates[0]! <= '2020-01-01' && dates.at(-1)! >= '2026-01-01').toBe(true);
    const known = knownCurrencies(rates);
    for (const c of ['EUR', 'GBP', 'CAD', 'AUD', 'INR', 'JPY', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'SGD', 'ILS', 'BRL', 'MXN', 'NZD', 'HKD', 'CNY', 'KRW']) {
      expect(known.has(c), c).toBe(true);
    }
  });

  it('annualises ×1/×12/×26/×52/×260/×2080 and converts to USD', () => {
    const base = { currency: 'USD', evidence: '', rule: 't', ranges: [], extras: [] };
    const per = { year: 1, month: 12, biweekly: 26, week: 52, day: 260, hour: 2080 } as const;
    for (const [period, k] of Object.entries(per)) {
      const p = annualise({ ...base, min: 10, max: 20, period: period as keyof typeof per }, rates, null);
      expect([p.annualMin, p.annualMax]).toEqual([10 * k, 20 * k]);
    }
    const eur = annualise({ ...base, currency: 'EUR', min: 90000, max: null, period: 'year' }, rates, '2024-05-01');
    expect(eur.annualMaxUsd).toBeNull();
    expect(eur.annualMinUsd).toBe(Math.round(90000 / ratePerUsd('EUR', rates, '2024-05-01')!));
  });
});
