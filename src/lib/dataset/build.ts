import Papa from 'papaparse';
import type { LoadedPosting } from '../posting/collection.ts';
import type { Rates } from '../taxonomy.ts';
import { weighBoard } from './board.ts';
import type { Dataset, PostingRow } from './types.ts';
import { compareText } from '../collate.ts';

/** The date a posting is placed at: posted, else captured. */
export const datingOf = (p: { posted: string | null; captured: string | null }) => p.posted ?? p.captured;

/**
 * The group a posting left out of the charts falls in ("not an ML role: software-engineer", "role could not be
 * told"), or null when it is an ML role. /about/ counts exclusions by this group.
 */
export function exclusionGroup(row: Pick<PostingRow, 'isMlRole' | 'roleFamily'>): string | null {
  if (row.isMlRole) return null;
  return row.roleFamily ? `not an ML role: ${row.roleFamily}` : 'role could not be told';
}

/** Why the charts leave a posting out: its group and the words the role was read from; null for an ML role. */
function exclusionReason(row: Omit<PostingRow, 'excluded'>): string | null {
  const group = exclusionGroup(row);
  const role = row.trace.find((t) => t.field === 'role');
  return group && role ? `${group} (“${role.evidence}”)` : group;
}

/** Newest first by posting date (undated last), then by id: a stable order independent of file-system order. */
export function compareRows(a: PostingRow, b: PostingRow): number {
  const da = datingOf(a), db = datingOf(b);
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    // ISO dates: their order is their code units'.
    return db < da ? -1 : 1;
  }
  return compareText(a.id, b.id);
}

/**
 * Turn loaded postings into the dataset (public/data/postings.json). Files with errors are counted, never rows.
 * Deterministic: nothing depends on the build date or the order files were read.
 * @param loaded the checked and extracted postings
 * @param rates exchange rates, for the USD view of pay a job board states
 */
export function buildDataset(loaded: LoadedPosting[], rates: Rates): Dataset {
  const rows: PostingRow[] = [];
  let warnings = 0, errors = 0;
  for (const p of loaded) {
    warnings += p.file.messages.filter((m) => m.fatal !== true).length;
    errors += p.file.messages.filter((m) => m.fatal === true).length;
    if (!p.result || !p.frontMatter) continue;
    const { extraction, cleaned } = p.result;
    const weighed = weighBoard(extraction, rates);
    const base = {
      ...extraction,
      ...weighed,
      id: p.id,
      file: p.rel,
      url: p.frontMatter.url ?? null,
      text: cleaned.text,
      removed: cleaned.removed,
      payMention: p.payMention,
      warnings: p.file.messages.filter((m) => m.fatal !== true).map((m) => m.reason),
    };
    rows.push({ ...base, excluded: exclusionReason(base) });
  }
  rows.sort(compareRows);
  // "Data as of" (DESIGN.md): the latest date any posting was posted or captured, never the build date.
  const dates = rows.flatMap((r) => [r.posted, r.captured]).filter((d): d is string => d !== null).sort(compareText);
  const ml = rows.filter((r) => r.excluded === null).length;
  return {
    asOf: dates.at(-1) ?? null,
    counts: { files: loaded.length, postings: rows.length, ml, excluded: rows.length - ml, warnings, errors },
    postings: rows,
  };
}

/** A posting's record in postings.csv, as papaparse is given it. */
export function postingsCsvRecord(r: PostingRow) {
  return {
    id: r.id,
    title: r.title,
    company: r.company,
    level: r.level,
    role_family: r.roleFamily,
    is_ml_role: r.isMlRole,
    excluded: r.excluded,
    pay_min: r.pay?.min,
    pay_max: r.pay?.max,
    pay_currency: r.pay?.currency,
    pay_period: r.pay?.period,
    pay_annual_min: r.pay?.annualMin,
    pay_annual_max: r.pay?.annualMax,
    pay_annual_min_usd: r.pay?.annualMinUsd,
    pay_annual_max_usd: r.pay?.annualMaxUsd,
    pay_evidence: r.pay?.evidence,
    pay_source: r.paySource,
    pay_agrees_with_board: r.payAgrees,
    remote_policy: r.remote?.policy,
    remote_source: r.remoteSource,
    remote_region: r.remote?.region,
    office_days_per_year_min: r.remote?.officeDaysPerYear?.[0],
    office_days_per_year_max: r.remote?.officeDaysPerYear?.[1],
    locations: r.locations.join('; '),
    posted: r.posted,
    captured: r.captured,
    skills: r.skills.map((s) => s.id).join('; '),
    url: r.url,
    overridden: r.overridden.join('; '),
    origin: r.origin,
    board_pay_min: r.boardPay?.min,
    board_pay_max: r.boardPay?.max,
    board_pay_currency: r.boardPay?.currency,
    board_pay_period: r.boardPay?.period,
    board_pay_ranges: r.board?.pay?.length,
    board_workplace: r.board?.workplace,
    board_locations: r.board?.locations?.join('; '),
  };
}

/** How papaparse writes the datasets' CSV: formula-looking cells escaped for spreadsheets, `\n` between records. */
export const CSV_OPTIONS = { escapeFormulae: true, newline: '\n' };

/** postings.csv: one row per posting, flat columns; formula-looking cells are escaped for spreadsheets. */
export function postingsCsv(dataset: Dataset): string {
  return Papa.unparse(dataset.postings.map(postingsCsvRecord), CSV_OPTIONS) + '\n';
}

/** posting_skills.csv's columns. */
export const POSTING_SKILLS_FIELDS = ['posting_id', 'skill_id', 'skill_label', 'skill_group', 'is_ml_role', 'date', 'evidence'];

/** A posting's records in posting_skills.csv (one per skill), as papaparse is given them. */
export function postingSkillsRecords(r: PostingRow): unknown[][] {
  return r.skills.map((s) => [r.id, s.id, s.label, s.group, r.isMlRole, datingOf(r), s.evidence]);
}

/** posting_skills.csv: long format, one row per (posting, skill), with the evidence span. */
export function postingSkillsCsv(dataset: Dataset): string {
  return Papa.unparse({ fields: POSTING_SKILLS_FIELDS, data: dataset.postings.flatMap(postingSkillsRecords) }, CSV_OPTIONS) + '\n';
}
