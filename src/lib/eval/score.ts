import type { Extraction, Level, Period } from '../extract/types.ts';

/** A labelled pay as the corpora write it. */
export interface PayLabel {
  min: number | null;
  max: number | null;
  currency: string | null;
  /** yearly, hourly, biweekly, monthly … or already one of ours. */
  period: string | null;
}

const PERIOD_NAMES: Record<string, Period> = {
  yearly: 'year', year: 'year', annual: 'year', hourly: 'hour', hour: 'hour', monthly: 'month', month: 'month',
  biweekly: 'biweekly', weekly: 'week', week: 'week', daily: 'day', day: 'day',
};

/** Normalise a label's period name to ours (`yearly` = `year`, `hourly` = `hour`). */
export const labelPeriod = (p: string | null): Period | null => (p ? PERIOD_NAMES[p.toLowerCase()] ?? null : null);

/** A job board's structured pay component (Ashby's `summaryComponents`). */
export interface BoardComponent {
  compensationType: string;
  /** "1 YEAR", "1 HOUR", "1 MONTH", "1 WEEK". */
  interval: string;
  currencyCode: string;
  minValue: number | null;
  maxValue: number | null;
}

const BOARD_INTERVALS: Record<string, Period> = { '1 YEAR': 'year', '1 MONTH': 'month', '2 WEEK': 'biweekly', '1 WEEK': 'week', '1 DAY': 'day', '1 HOUR': 'hour' };

/** The pay label a board's components state: its Salary component; null when it states none (or in another interval). */
export function boardPayLabel(components: BoardComponent[]): PayLabel | null {
  const salary = components.find((c) => c.compensationType === 'Salary');
  const period = salary ? BOARD_INTERVALS[salary.interval] : undefined;
  if (!salary || !period || (salary.minValue == null && salary.maxValue == null)) return null;
  return { min: salary.minValue, max: salary.maxValue, currency: salary.currencyCode, period };
}

/** Within 0.5% of the label (both null counts as equal). */
export function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return Math.abs(a - b) <= 0.005 * Math.abs(b);
}

/** Pay is right when min and max are within 0.5% and currency and period agree (shared/corpus/README.md). */
export function payMatches(pay: Extraction['pay'], label: PayLabel): boolean {
  if (label.min == null && label.max == null) return pay === null;
  if (!pay) return false;
  // A single labelled figure is min = max; an open range ("150k+") may be labelled with max null.
  const minOk = close(pay.min, label.min ?? label.max);
  const maxOk = label.max == null ? pay.max == null || close(pay.max, label.min) : close(pay.max, label.max);
  return minOk && maxOk &&
    pay.currency === label.currency && pay.period === labelPeriod(label.period);
}

/** The forms a figure may be written in ("250,000", "250000", "250k", "45.50"), to tell whether a label is in the text. */
export function figureForms(v: number): string[] {
  const forms = new Set<string>([String(v), v.toLocaleString('en-US')]);
  if (!Number.isInteger(v)) {
    forms.add(v.toFixed(2));
    forms.add(v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  } else {
    forms.add(v.toLocaleString('en-US', { minimumFractionDigits: 2 }));
    if (v % 1000 === 0) forms.add(`${v / 1000}k`);
    if (v % 100 === 0 && v >= 1000) forms.add(`${v / 1000}k`);
  }
  return [...forms];
}

/** True when the figure is written in the text in some form. */
export function writtenInText(v: number, text: string): boolean {
  const t = text.toLowerCase();
  return figureForms(v).some((f) => t.includes(f.toLowerCase()));
}

/**
 * Whether a figure is written on a line that calls it on-target earnings ("$125,000 - $145,000 OTE"): a board may
 * file OTE as salary, where DESIGN.md keeps OTE out of base pay.
 */
export function writtenAsOte(v: number, text: string): boolean {
  const forms = figureForms(v).map((f) => f.toLowerCase());
  return text.toLowerCase().split('\n').some((line) => forms.some((f) => line.includes(f)) && /\bote\b|on[- ]target/.test(line));
}

/** HN seniority groups (taken from titles): junior, senior, staff+; anything else null. */
export function seniorityGroup(level: Level | null): 'junior' | 'senior' | 'staff+' | null {
  switch (level) {
    case 'intern': case 'junior': return 'junior';
    case 'senior': return 'senior';
    case 'lead': case 'staff': case 'senior-staff': case 'principal': case 'distinguished': return 'staff+';
    default: return null;
  }
}

/** Does an extracted skill name the same thing as an expected id (by id, or by label folded to an id)? */
export function skillFound(expectedId: string, skills: Extraction['skills']): boolean {
  const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const want = fold(expectedId);
  return skills.some((s) => fold(s.id) === want || fold(s.label) === want);
}

/** A running tally of right answers, with every miss kept for the report. */
export class Tally {
  right = 0;
  total = 0;
  readonly misses: string[] = [];
  /** Count one case; `describe` is called only for a miss. */
  add(ok: boolean, describe: () => string): void {
    this.total++;
    if (ok) this.right++;
    else this.misses.push(describe());
  }
  get rate(): number {
    return this.total === 0 ? 1 : this.right / this.total;
  }
}
