/** Formatting for pages and charts: money, shares, dates and the words for codes. Pure. */
import { format } from 'd3';
import type { Level, RoleFamily } from '../extract/types.ts';
import type { PolicyOrUnknown } from '../dataset/aggregates.ts';
import { familyLabel } from '../dataset/families.ts';

const compact = format('.3~s');

/** "$185k", "$1.2M": an annual USD figure, short. */
export function usdShort(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return '$' + compact(n).replace('G', 'B');
}

/** "185,000": a figure with thousands separators. */
export const thousands = (n: number): string => format(',')(Math.round(n));

/** "42%" (or "4.2%" under 10%): a share between 0 and 1. */
export function percent(share: number): string {
  return format(share > 0 && share < 0.1 ? '.1%' : '.0%')(share);
}

const LEVEL_LABELS: Record<Level, string> = {
  intern: 'Intern', junior: 'Junior', mid: 'Mid-level', senior: 'Senior', lead: 'Lead', staff: 'Staff',
  'senior-staff': 'Senior staff', principal: 'Principal', distinguished: 'Distinguished', manager: 'Manager',
  director: 'Director',
};

/** "Senior staff"; "Level not stated" for null. */
export const levelLabel = (level: Level | null | undefined): string => (level ? LEVEL_LABELS[level] : 'Level not stated');

/** "Research scientist", "AI engineer"; "Role not told" for null (labels live with the families in src/lib/dataset). */
export const roleLabel = (role: RoleFamily | string | null | undefined): string => familyLabel(role);

const POLICY_LABELS: Record<PolicyOrUnknown, string> = {
  remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site', 'not-stated': 'Not stated',
};

/** "On-site"; "Not stated" for null. */
export const policyLabel = (p: PolicyOrUnknown | null | undefined): string => POLICY_LABELS[p ?? 'not-stated'];

const PERIOD_WORDS: Record<string, string> = {
  year: 'a year', month: 'a month', biweekly: 'every two weeks', week: 'a week', day: 'a day', hour: 'an hour',
};

/** "a year", "an hour": how often a pay figure is paid. */
export const periodWords = (period: string): string => PERIOD_WORDS[period] ?? period;

/**
 * "Nov 5, 2025" from "2025-11-05"; "Jun 2019" from a month-only date ("2019-06", an old HN post); "—" for null.
 * Uses UTC so the build's time zone never shifts a date.
 */
export function dateLabel(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}$/.test(iso)) return monthLabel(iso);
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** "Jan 2026" from "2026-01". */
export function monthLabel(period: string): string {
  const d = new Date(`${period}-01T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? period : d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "4–8 days a year (1–2 a quarter)": an office cadence in words. */
export function officeDaysLabel(low: number, high: number): string {
  const span = (a: number, b: number) => (a === b ? `${fmt(a)}` : `${fmt(a)}–${fmt(b)}`);
  const fmt = (n: number) => format('~r')(Math.round(n * 10) / 10);
  if (high >= 52) return `${span(low, high)} days a year (${span(low / 52, high / 52)} a week)`;
  if (high >= 4) return `${span(low, high)} days a year (${span(low / 4, high / 4)} a quarter)`;
  return `${span(low, high)} days a year`;
}

/** "$150K", "€90K", "$95": a figure in its own currency, short. Unknown currency codes are written after the figure. */
export function money(n: number | null, currency: string): string {
  if (n === null) return '—';
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 }).format(n);
  } catch {
    return `${format('.3~s')(n)} ${currency}`;
  }
}

/** A pay object in words: "$150K–$200K a year", "€90K+ a year", "$95 an hour", with the USD view when converted. */
export function payText(pay: {
  min: number; max: number | null; currency: string; period: string;
  annualMinUsd: number | null; annualMaxUsd: number | null;
} | null): string {
  if (!pay) return 'not stated';
  const native = pay.max === null ? `${money(pay.min, pay.currency)}+`
    : pay.max === pay.min ? money(pay.min, pay.currency)
    : `${money(pay.min, pay.currency)}–${money(pay.max, pay.currency)}`;
  const out = `${native} ${periodWords(pay.period)}`;
  if (pay.currency === 'USD' && pay.period === 'year') return out;
  if (pay.annualMinUsd === null) return `${out} (no USD rate known)`;
  const usd = pay.annualMaxUsd === null ? `${usdShort(pay.annualMinUsd)}+`
    : pay.annualMaxUsd === pay.annualMinUsd ? usdShort(pay.annualMinUsd)
    : `${usdShort(pay.annualMinUsd)}–${usdShort(pay.annualMaxUsd)}`;
  return `${out} (≈ ${usd} a year in USD)`;
}

/** A link target taken from a posting's front matter, only when it is a plain http(s) URL; null otherwise (never `javascript:`). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * The blocks cleaning set aside, one entry per reason in order of first appearance, so a page lists
 * "navigation · 5 pieces" once instead of five one-line entries.
 * @param removed the row's `removed` blocks
 */
export function groupRemoved(removed: { reason: string; text: string }[]): { reason: string; count: number; text: string }[] {
  const groups = new Map<string, { reason: string; count: number; texts: string[] }>();
  for (const r of removed) {
    const g = groups.get(r.reason) ?? { reason: r.reason, count: 0, texts: [] };
    g.count++;
    g.texts.push(r.text);
    groups.set(r.reason, g);
  }
  return [...groups.values()].map((g) => ({ reason: g.reason, count: g.count, text: g.texts.join('\n') }));
}

/**
 * The currency of a pay figure, said once: nothing when the quoted words already name it ("$180k", "EUR 60,000",
 * "£50k"), else its code. (The "As stated" column printed "USD" before "$180,000" in every row.)
 */
export function currencyNote(currency: string, evidence: string): string {
  const named = evidence.toUpperCase().split(/[^A-Z]+/).includes(currency) || /[$€£¥₹₩₽₪₺₦₱฿]/.test(evidence);
  return named ? '' : currency;
}

/** "26 MB", "310 KB", "900 bytes": a file's size in decimal units, short. */
export function fileSize(bytes: number): string {
  if (bytes >= 1e6) return `${format('.3~r')(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${format('.3~r')(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}
