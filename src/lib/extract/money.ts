import type { Rates } from '../taxonomy.ts';
import { PERIODS_PER_YEAR, type Pay, type Period } from './types.ts';

/**
 * Units of `currency` per 1 USD in force on `date` (the latest entry dated on or before it;
 * the latest entry of all when `date` is null or earlier than every entry). null when unknown.
 */
export function ratePerUsd(currency: string, rates: Rates, date: string | null): number | null {
  if (currency === 'USD') return 1;
  const sorted = [...rates].sort((a, b) => a.date.localeCompare(b.date));
  const usable = sorted.filter((r) => r.perUsd[currency] !== undefined);
  if (usable.length === 0) return null;
  const inForce = date ? usable.filter((r) => r.date <= date).at(-1) : undefined;
  return (inForce ?? usable.at(-1))!.perUsd[currency]!;
}

/** Every currency code the rates file knows, plus USD: the currencies a posting may use. */
export function knownCurrencies(rates: Rates): Set<string> {
  return new Set(['USD', ...rates.flatMap((r) => Object.keys(r.perUsd))]);
}

const round = (n: number) => Math.round(n);

/** Fill the annual and USD views of a pay object from min/max/currency/period (DESIGN.md). */
export function annualise(
  base: Omit<Pay, 'annualMin' | 'annualMax' | 'annualMinUsd' | 'annualMaxUsd'>,
  rates: Rates,
  date: string | null,
): Pay {
  const k = PERIODS_PER_YEAR[base.period as Period];
  const annualMin = round(base.min * k);
  const annualMax = base.max == null ? null : round(base.max * k);
  const rate = ratePerUsd(base.currency, rates, date);
  return {
    ...base,
    annualMin,
    annualMax,
    annualMinUsd: rate == null ? null : round(annualMin / rate),
    annualMaxUsd: rate == null || annualMax == null ? null : round(annualMax / rate),
  } as Pay;
}
