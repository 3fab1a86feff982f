import type { ExtractContext } from '../taxonomy.ts';
import { clean, type Cleaned } from './clean.ts';
import { canonicalCompany } from './company.ts';
import { extractDates } from './dates.ts';
import { extractLevel } from './level.ts';
import { extractLocations, normalisePlace } from './location.ts';
import { annualise } from './money.ts';
import { findPay } from './pay.ts';
import { extractRemote } from './remote.ts';
import { extractRole } from './role.ts';
import { extractSkills } from './skills.ts';
import { extractCompanyName, extractTitle } from './title.ts';
import type { Extraction, Overrides, Remote, Trace } from './types.ts';

export type * from './types.ts';

/** One posting to extract: its text as pasted, and what the file around it says. */
export interface ExtractInput {
  /** The posting text exactly as pasted (a file's body, after any front matter). */
  text: string;
  /** Where it came from (a path, or `-` for stdin). */
  source: string | null;
  /** `<company>/<slug>` for a content file; null otherwise. */
  id: string | null;
  /** What the file around the text says (a posting file's validated front matter), when it had one. */
  frontMatter?: Overrides | null;
}

/** An extraction together with the cleaned text its evidence spans point into. */
export interface ExtractResult {
  extraction: Extraction;
  cleaned: Cleaned;
}

/**
 * Read every field out of one posting. Pure: the same input and context give the same output.
 * Front matter wins over the text (title, company, dates, and the corrections pay/remote/level/locations),
 * and `overridden` names the corrections that replaced an extracted value.
 */
export function extractPosting(input: ExtractInput, ctx: ExtractContext): ExtractResult {
  const fm = input.frontMatter ?? null;
  const cleaned = clean(input.text);
  const text = cleaned.text;
  const trace: Trace[] = [];
  const note = (field: string, f: { rule: string; evidence: string } | null | undefined) => {
    if (f && f.evidence) trace.push({ field, rule: f.rule, evidence: f.evidence });
  };

  // Title and company: front matter first, else what the text names.
  const titleFound = fm ? null : extractTitle(text);
  note('title', titleFound);
  const title = fm?.title ?? titleFound?.value ?? null;
  const companyFound = fm ? null : extractCompanyName(text);
  note('company', companyFound);
  const rawCompany = fm?.company ?? companyFound?.value ?? null;
  const company = rawCompany == null ? null : canonicalCompany(rawCompany, ctx.companies);

  // Dates: front matter wins; relative dates resolve only against `captured`.
  const dates = extractDates(text, fm?.captured ?? null);
  for (const e of dates.evidence) trace.push(e);
  const captured = fm?.captured ?? dates.captured;
  const posted = fm?.posted ?? dates.posted;

  const levelFound = extractLevel(title, text);
  note('level', levelFound);
  const roleFound = extractRole(title, text);
  note('role', roleFound);

  const payFound = findPay(text, ctx.rates, posted ?? captured, title);
  let pay = payFound.pay;
  note('pay', pay ?? payFound.declined);
  let remote: Remote | null = extractRemote(text);
  if (remote) for (const e of remote.evidence) trace.push({ field: 'remote', rule: remote.rule, evidence: e });
  const loc = extractLocations(text);
  for (const e of loc.evidence) trace.push({ field: 'locations', rule: 'location', evidence: e });
  const skills = extractSkills(text, ctx.skills);
  for (const s of skills) trace.push({ field: 'skills', rule: `skill:${s.id}`, evidence: s.evidence });

  // Corrections from front matter win over extraction.
  const overridden: string[] = [];
  let level = levelFound?.value ?? null;
  let locations = loc.locations;
  if (fm) {
    if (fm.pay !== undefined) {
      overridden.push('pay');
      pay = fm.pay === null ? null : annualise(
        { min: fm.pay.min, max: fm.pay.max ?? null, currency: fm.pay.currency, period: fm.pay.period,
          evidence: '', rule: 'front-matter', ranges: [{ min: fm.pay.min, max: fm.pay.max ?? null, qualifier: null, evidence: '' }], extras: pay?.extras ?? [] },
        ctx.rates, posted ?? captured);
    }
    if (fm.remote !== undefined) {
      overridden.push('remote');
      const r = fm.remote;
      remote = r === null ? null : typeof r === 'string'
        ? { policy: r, region: null, regions: [], officeDaysPerYear: null, evidence: [], rule: 'front-matter' }
        : { policy: r.policy, region: r.region ?? null, regions: r.region ? [r.region] : [], officeDaysPerYear: r.officeDaysPerYear ? [r.officeDaysPerYear[0], r.officeDaysPerYear[1]] : null, evidence: [], rule: 'front-matter' };
    }
    if (fm.level !== undefined) {
      overridden.push('level');
      level = fm.level;
    }
    if (fm.locations !== undefined) {
      overridden.push('locations');
      // Written the way extraction writes places, so the site counts "Toronto, ON, Canada" and "Toronto, Canada" as one.
      locations = [...new Set(fm.locations.map(normalisePlace))];
    }
  }

  const extraction: Extraction = {
    source: input.source,
    id: input.id,
    title,
    company,
    level,
    roleFamily: roleFound?.value.roleFamily ?? null,
    isMlRole: roleFound?.value.isMlRole ?? false,
    pay,
    remote,
    locations,
    posted,
    captured,
    skills,
    overridden,
    origin: fm?.origin ?? null,
    board: fm?.board ?? null,
    trace,
  };
  return { extraction, cleaned };
}
