/**
 * What the site will show for one posting, in words, and what needs a human eye: used by `add`, `import` and the
 * pull-request summary.
 */
import type { Extraction } from '../extract/types.ts';
import { PAY_CEILING_USD, PAY_FLOOR_USD } from './checks.ts';

const num = (n: number) => n.toLocaleString('en-US');
const PERIOD_WORDS: Record<string, string> = { year: 'a year', month: 'a month', biweekly: 'every two weeks', week: 'a week', day: 'a day', hour: 'an hour' };

/** Pay as a reader sees it: "USD 150,000–200,000 a year (USD 150,000–200,000 a year)". */
export function payText(x: Extraction): string | null {
  const p = x.pay;
  if (!p) return null;
  const range = p.max === null ? `${num(p.min)}+` : p.max === p.min ? num(p.min) : `${num(p.min)}–${num(p.max)}`;
  let s = `${p.currency} ${range} ${PERIOD_WORDS[p.period] ?? p.period}`;
  if (p.currency !== 'USD' || p.period !== 'year') {
    if (p.annualMinUsd !== null) {
      const hi = p.annualMaxUsd;
      s += ` (≈ USD ${num(p.annualMinUsd)}${hi === null ? '+' : hi === p.annualMinUsd ? '' : `–${num(hi)}`} a year)`;
    } else s += ' (no USD rate)';
  }
  if (p.ranges.length > 1) s += `, ${p.ranges.length} ranges`;
  if (p.extras.length) s += `; plus ${[...new Set(p.extras.map((e) => e.kind))].join(', ')}`;
  return s;
}

/** The remote arrangement in words: "hybrid (US), 104–156 office days a year". */
export function remoteText(x: Extraction): string | null {
  const r = x.remote;
  if (!r) return null;
  let s = r.policy + (r.region ? ` (${r.region})` : '');
  if (r.officeDaysPerYear) {
    const [lo, hi] = r.officeDaysPerYear;
    s += `, ${lo === hi ? lo : `${lo}–${hi}`} office days a year`;
  }
  return s;
}

/** One labelled line per field the site shows, values as text ("—" for nothing). */
export function showFields(x: Extraction): [label: string, value: string][] {
  const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);
  const from = (field: string) => (x.overridden.includes(field) ? ' [front matter]' : '');
  return [
    ['title', dash(x.title)],
    ['company', dash(x.company)],
    ['level', dash(x.level) + from('level')],
    ['role', x.roleFamily ? `${x.roleFamily}${x.isMlRole ? ' (ML role: in the charts)' : ' (not an ML role: counted, left out of the charts)'}` : '—'],
    ['pay', dash(payText(x)) + from('pay')],
    ['remote', dash(remoteText(x)) + from('remote')],
    ['locations', (x.locations.length ? x.locations.join('; ') : '—') + from('locations')],
    ['posted', dash(x.posted)],
    ['captured', dash(x.captured)],
    ['skills', x.skills.length ? x.skills.map((s) => s.label).join(', ') : '—'],
  ];
}

/**
 * What a person should look at before the posting goes in: fields nobody could tell, and values that look doubtful.
 * Each item names the field and says what to do.
 */
export function needsReview(x: Extraction): string[] {
  const out: string[] = [];
  if (!x.title) out.push('title: not found; set it in the front matter');
  if (!x.company) out.push('company: not found; set it in the front matter');
  if (!x.level) out.push('level: not told by the title; add `level:` if the text names one');
  if (!x.roleFamily) out.push('role: could not be told; the posting will be counted but left out of the charts');
  else if (!x.isMlRole) out.push(`role: read as ${x.roleFamily}, not an ML role; it will be left out of the charts`);
  if (!x.pay) out.push('pay: none found; if the posting states pay, add a `pay:` correction');
  else {
    const lo = x.pay.annualMinUsd, hi = x.pay.annualMaxUsd ?? lo;
    if (lo === null) out.push(`pay: no exchange rate for ${x.pay.currency} in content/rates.yml`);
    else if (lo < PAY_FLOOR_USD || (hi !== null && hi > PAY_CEILING_USD)) out.push(`pay: ${payText(x)} looks out of range; check it is the base pay`);
    if (x.pay.ranges.length > 1) out.push(`pay: ${x.pay.ranges.length} ranges found, shown as one envelope; check they are all this role's`);
  }
  if (!x.remote) out.push('remote: the text states no work arrangement; add `remote:` if it does');
  if (x.locations.length === 0) out.push('locations: none found; add `locations:` if the posting names any');
  if (!x.posted) out.push('posted: no posting date; add `posted:` if you know it');
  if (x.skills.length === 0) out.push('skills: none recognised; missing ones can be added to content/taxonomy/skills.yml');
  return out;
}

/** A plain-text block: the fields, then "needs a human eye" items (indented), for terminals. */
export function formatSummary(x: Extraction): string {
  const rows = showFields(x);
  const width = Math.max(...rows.map(([l]) => l.length));
  const lines = rows.map(([l, v]) => `  ${l.padEnd(width)}  ${v}`);
  const review = needsReview(x);
  if (review.length) lines.push('needs a human eye:', ...review.map((r) => `  - ${r}`));
  return lines.join('\n');
}
