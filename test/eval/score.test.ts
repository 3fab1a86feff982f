import { describe, expect, it } from 'vitest';
import { boardPayLabel, payMatches, seniorityGroup, skillFound, writtenAsOte, writtenInText } from '../../src/lib/eval/score.ts';
import type { Pay } from '../../src/lib/extract/types.ts';

const pay = (min: number, max: number | null, currency = 'USD', period: Pay['period'] = 'year'): Pay => ({
  min, max, currency, period, annualMin: min, annualMax: max, annualMinUsd: min, annualMaxUsd: max, evidence: '', rule: '', ranges: [], extras: [],
});

describe('eval scoring (shared/corpus/README.md)', () => {
  it('counts pay right within 0.5% with the same currency and period', () => {
    const label = { min: 100000, max: 150000, currency: 'USD', period: 'yearly' };
    expect(payMatches(pay(100400, 150000), label)).toBe(true);
    expect(payMatches(pay(101000, 150000), label)).toBe(false);
    expect(payMatches(pay(100000, 150000, 'EUR'), label)).toBe(false);
    expect(payMatches(pay(100000, 150000, 'USD', 'hour'), label)).toBe(false);
    expect(payMatches(null, label)).toBe(false);
  });

  it('counts no pay right only when nothing is labelled', () => {
    const none = { min: null, max: null, currency: null, period: null };
    expect(payMatches(null, none)).toBe(true);
    expect(payMatches(pay(1, 2), none)).toBe(false);
  });

  it('accepts an open range or a single figure for a label without max', () => {
    const label = { min: 150000, max: null, currency: 'USD', period: 'year' };
    expect(payMatches(pay(150000, null), label)).toBe(true);
    expect(payMatches(pay(150000, 150000), label)).toBe(true);
    expect(payMatches(pay(150000, 200000), label)).toBe(false);
  });

  it('finds a labelled figure written as 250,000, 250000 or 250k', () => {
    expect(writtenInText(250000, 'pay $250,000 base')).toBe(true);
    expect(writtenInText(250000, 'pay 250000')).toBe(true);
    expect(writtenInText(250000, '$250K')).toBe(true);
    expect(writtenInText(45.5, '$45.50/hr')).toBe(true);
    expect(writtenInText(250000, '$260,000')).toBe(false);
  });

  it('tells a figure the text calls on-target earnings (a board may file OTE as salary)', () => {
    expect(writtenAsOte(125000, 'Compensation\n$125,000 - $145,000 OTE\nBenefits')).toBe(true);
    expect(writtenAsOte(240000, '$240k on-target earnings, 50/50 split')).toBe(true);
    expect(writtenAsOte(125000, 'Base salary $125,000 - $145,000\nOTE up to $200,000')).toBe(false);
  });

  it("labels pay with a job board's Salary component, in our period names", () => {
    const salary = { compensationType: 'Salary', interval: '1 HOUR', currencyCode: 'CAD', minValue: 40, maxValue: 55 };
    const equity = { compensationType: 'EquityPercentage', interval: '1 YEAR', currencyCode: 'USD', minValue: 0.1, maxValue: 0.2 };
    expect(boardPayLabel([equity, salary])).toEqual({ min: 40, max: 55, currency: 'CAD', period: 'hour' });
    expect(boardPayLabel([equity])).toBeNull();
    expect(boardPayLabel([{ ...salary, interval: '1 TIME' }])).toBeNull();
  });

  it('groups levels as the HN labels do', () => {
    expect([seniorityGroup('intern'), seniorityGroup('senior'), seniorityGroup('lead'), seniorityGroup('principal'), seniorityGroup('manager'), seniorityGroup(null)])
      .toEqual(['junior', 'senior', 'staff+', 'staff+', null, null]);
  });

  it('matches a skill by id or by label', () => {
    const skills = [{ id: 'ab-testing', label: 'A/B testing', group: 'method', evidence: 'A/B testing' }, { id: 'llm', label: 'Generative AI', group: 'method', evidence: 'LLMs' }];
    expect(skillFound('ab-testing', skills)).toBe(true);
    expect(skillFound('generative-ai', skills)).toBe(true);
    expect(skillFound('pytorch', skills)).toBe(false);
  });
});
