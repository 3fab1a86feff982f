import type { Rates } from '../taxonomy.ts';
import { compareText } from '../collate.ts';
import { PERIODS_PER_YEAR, type Pay, type Period } from './types.ts';

/**
 * Units of `currency` per 1 USD in force on `date` (the latest entry dated on or before it;
 * the latest entry of all when `date` is null or earlier than every entry). null when unknown.
 */
export function ratePerUsd(currency: string, rates: Rates, date: string | null): number | null {
  if (currency === 'USD') return 1;
  const usable = byCurrency(rates).get(currency) ?? [];
  if (usable.length === 0) return null;
  // A month-dated posting ("2019-06", an old HN post) counts as dated the 1st of its month.
  const day = date && /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
  const inForce = day ? usable.filter((r) => r.date <= day).at(-1) : undefined;
  return (inForce ?? usable.at(-1))!.perUsd[currency]!;
}

/** Per currency, the rate entries that give it, oldest first (computed once per rates array). */
const entriesByCurrency = new WeakMap<Rates, Map<string, Rates>>();
function byCurrency(rates: Rates): Map<string, Rates> {
  let m = entriesByCurrency.get(rates);
  if (!m) {
    m = new Map();
    for (const r of [...rates].sort((a, b) => compareText(a.date, b.date))) {
      for (const code of Object.keys(r.perUsd)) {
        const list = m.get(code);
        if (list) list.push(r);
        else m.set(code, [r]);
      }
    }
    entriesByCurrency.set(rates, m);
  }
  return m;
}

const known = new WeakMap<Rates, ReadonlySet<string>>();

/** Every currency code the rates file knows, plus USD: the currencies a posting may use (computed once per rates array). */
export function knownCurrencies(rates: Rates): ReadonlySet<string> {
  let s = known.get(rates);
  if (!s) known.set(rates, (s = new Set(['USD', ...rates.flatMap((r) => Object.keys(r.perUsd))])));
  return s;
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

/** Currency symbols (and dollar prefixes) → ISO 4217 code. A bare `$` is USD. */
export const CURRENCY_SYMBOLS: Record<string, string> = {
  '$': 'USD', 'US$': 'USD', 'USD$': 'USD', 'C$': 'CAD', 'CA$': 'CAD', 'CAD$': 'CAD', 'A$': 'AUD', 'AU$': 'AUD',
  'AUD$': 'AUD', 'NZ$': 'NZD', 'NZD$': 'NZD', 'S$': 'SGD', 'SG$': 'SGD', 'SGD$': 'SGD', 'HK$': 'HKD', 'R$': 'BRL',
  'MX$': 'MXN', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₪': 'ILS', 'Rs': 'INR', 'Rs.': 'INR',
  'zł': 'PLN', 'CHF': 'CHF', 'Fr.': 'CHF',
};

/**
 * Parse a written amount: "249,900" → 249900, "65.000" → 65000, "81,000.00" → 81000, "18.76" → 18.76,
 * "65.000,50" → 65000.5, "54 840" → 54840. A separator followed by exactly three digits is a thousands
 * separator; one or two trailing digits are decimals.
 * @param s the digits and separators as written (no currency, no multiplier)
 * @returns the number, or null when it is not an amount
 */
export function parseAmount(s: string): number | null {
  const groups = s.split(/[,.\u00A0\u202F' ]/);
  if (groups.some((g) => g === '' || !/^\d{1,9}$/.test(g))) return null;
  if (groups.length === 1) return Number(groups[0]);
  const last = groups.at(-1)!;
  const hasDecimals = last.length <= 2;
  const intGroups = hasDecimals ? groups.slice(0, -1) : groups;
  if (intGroups.length > 1 && intGroups.slice(1).some((g) => g.length !== 3)) return null;
  const n = Number(intGroups.join('') + (hasDecimals ? `.${last}` : ''));
  return Number.isFinite(n) ? n : null;
}
