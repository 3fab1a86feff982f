import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { clean } from '../extract/clean.ts';
import { extractPosting } from '../extract/index.ts';
import { mentionsPay } from '../extract/pay.ts';
import type { Extraction } from '../extract/types.ts';
import type { ExtractContext } from '../taxonomy.ts';
import { readCorpus, sharedPath, type CorpusRow } from './corpus.ts';
import { htmlToText } from '../import/html.ts';
import { boardPayLabel, payMatches, seniorityGroup, skillFound, Tally, writtenAsOte, writtenInText, type PayLabel } from './score.ts';

/** One line of the report: a field on a set, with its tally and the target it must meet. */
export interface EvalLine {
  set: string;
  field: string;
  tally: Tally;
  /** Minimum rate (or, for false pay, maximum). */
  target: number | null;
  kind: 'accuracy' | 'false-rate';
}

/**
 * The targets every labelled set must meet on its own (the held-out sets are scored the same way, set by set):
 * pay exact ≥ 92%, false pay ≤ 1%, remote ≥ 93%, seniority ≥ 88%; pay stated by a job board's structured salary is
 * held to ≥ 97% with false pay ≤ 0.3% (2 in ~770). Seeds are the project's own content: all of them, always.
 */
export const TARGETS = {
  pay: 0.92, falsePay: 0.01, remote: 0.93, level: 0.88, boardPay: 0.97, boardFalsePay: 0.003, invented: 0,
} as const;

const fmtPay = (p: Extraction['pay']) =>
  p ? `${p.min}–${p.max ?? '…'} ${p.currency}/${p.period} (${p.rule}: “${p.evidence}”)` : 'null';
const fmtLabel = (l: PayLabel) => (l.min == null && l.max == null ? 'null' : `${l.min}–${l.max} ${l.currency}/${l.period}`);
const clip = (s: string, n = 70) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ');

function extractRaw(row: CorpusRow, ctx: ExtractContext, withFrontMatter: boolean): Extraction {
  const fm = withFrontMatter && row.title && row.company
    ? { title: row.title, company: row.company, ...(row.posted ? { posted: row.posted } : {}) }
    : null;
  return extractPosting({ text: row.text, source: row.id, id: null, frontMatter: fm }, ctx).extraction;
}

/** Score the HN labelled set: pay, false pay, remote, level (shared/corpus/README.md). */
function scoreHn(ctx: ExtractContext): EvalLine[] {
  const pay = new Tally(), falsePay = new Tally(), remote = new Tally(), level = new Tally(), company = new Tally();
  const invented = new Tally();
  for (const row of readCorpus('hn-labeled-dev.jsonl')) {
    const L = row.labels as Record<string, unknown>;
    const unsure = new Set(row.uncertain ?? []);
    const x = extractRaw(row, ctx, false);
    const label: PayLabel = { min: L.salary_min as number | null, max: L.salary_max as number | null, currency: L.salary_currency as string | null, period: L.salary_period as string | null };
    if (!unsure.has('salary_min') && !unsure.has('salary_max')) {
      pay.add(payMatches(x.pay, label), () => `${row.id}: got ${fmtPay(x.pay)}, label ${fmtLabel(label)}`);
      if (label.min == null && label.max == null) falsePay.add(x.pay === null, () => `${row.id}: false pay ${fmtPay(x.pay)}`);
    }
    if (!unsure.has('remote')) {
      const got = x.remote?.policy ?? null;
      remote.add(got === L.remote, () => `${row.id}: got ${got} (${x.remote?.rule ?? '-'}: ${clip((x.remote?.evidence ?? []).join(' | '))}), label ${L.remote}`);
    }
    if (!unsure.has('seniority')) {
      const got = seniorityGroup(x.level);
      level.add(got === L.seniority, () => `${row.id}: got ${x.level} (title “${x.title ?? ''}”), label ${L.seniority}`);
    }
    if (!unsure.has('company') && L.company) {
      company.add((x.company ?? '').toLowerCase() === String(L.company).toLowerCase(), () => `${row.id}: got ${x.company}, label ${L.company}`);
    }
    // A company the labeller found none of is one extraction made up.
    if (!unsure.has('company') && !L.company) invented.add(x.company === null, () => `${row.id}: invented company ${x.company}`);
  }
  return [
    { set: 'hn-labeled-dev', field: 'pay', tally: pay, target: TARGETS.pay, kind: 'accuracy' },
    { set: 'hn-labeled-dev', field: 'false pay', tally: falsePay, target: TARGETS.falsePay, kind: 'false-rate' },
    { set: 'hn-labeled-dev', field: 'remote', tally: remote, target: TARGETS.remote, kind: 'accuracy' },
    { set: 'hn-labeled-dev', field: 'level', tally: level, target: TARGETS.level, kind: 'accuracy' },
    { set: 'hn-labeled-dev', field: 'company', tally: company, target: null, kind: 'accuracy' },
    { set: 'hn-labeled-dev', field: 'invented company', tally: invented, target: TARGETS.invented, kind: 'false-rate' },
  ];
}

/** Score LinkedIn pay: rows count only when both labelled figures are written in the text. */
function scoreLinkedin(ctx: ExtractContext): EvalLine[] {
  const pay = new Tally(), falsePay = new Tally();
  for (const row of readCorpus('linkedin-2024-dev.jsonl')) {
    const L = row.labels as Record<string, unknown>;
    const label: PayLabel = { min: L.salary_min as number | null, max: L.salary_max as number | null, currency: L.salary_currency as string | null, period: L.salary_period as string | null };
    const x = extractRaw(row, ctx, true);
    if (label.min == null && label.max == null) {
      falsePay.add(x.pay === null, () => `${row.id}: false pay ${fmtPay(x.pay)}`);
      continue;
    }
    const written = [label.min, label.max].every((v) => v == null || writtenInText(v, row.text));
    if (!written) continue;
    pay.add(payMatches(x.pay, label), () => `${row.id}: got ${fmtPay(x.pay)}, label ${fmtLabel(label)}`);
  }
  return [
    { set: 'linkedin-2024-dev', field: 'pay', tally: pay, target: TARGETS.pay, kind: 'accuracy' },
    { set: 'linkedin-2024-dev', field: 'false pay', tally: falsePay, target: TARGETS.falsePay, kind: 'false-rate' },
  ];
}

/** One job of a recorded Ashby board (../shared/boards/README.md): only the fields the eval reads. */
interface BoardJob {
  id: string;
  title: string;
  descriptionPlain?: string | null;
  descriptionHtml?: string | null;
  publishedAt?: string | null;
  compensation?: { summaryComponents?: { compensationType: string; interval: string; currencyCode: string; minValue: number | null; maxValue: number | null }[] } | null;
}

/**
 * Pay against a job board's structured salary (Ashby boards in ../shared/boards): a job whose board states a salary
 * counts when both figures are written in its text (as LinkedIn rows do); a job whose board states no
 * compensation and whose text has no pay sentence (mentionsPay) states none, and must get no pay.
 */
function scoreBoards(ctx: ExtractContext): EvalLine[] {
  const dir = sharedPath('boards', 'ashby');
  if (!dir) return [];
  const pay = new Tally(), falsePay = new Tally(), agree = new Tally(), notOte = new Tally();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const jobs = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { jobs?: BoardJob[] }).jobs ?? [];
    for (const job of jobs) {
      // The text as the Ashby importer writes it (its HTML turned into lines), so the eval scores what the site reads.
      const text = job.descriptionHtml?.trim() ? htmlToText(job.descriptionHtml) : job.descriptionPlain;
      if (!text) continue;
      const posted = job.publishedAt?.slice(0, 10);
      const x = extractPosting({ text, source: job.id, id: null, frontMatter: { title: job.title, company: file, ...(posted ? { posted } : {}) } }, ctx).extraction;
      const components = job.compensation?.summaryComponents ?? [];
      const label = boardPayLabel(components);
      const id = `${file.replace(/\.json$/, '')}/${job.id}`;
      if (components.length === 0) {
        // Many employers write the pay only in the text; a posting states none when its text has no pay sentence either.
        if (!mentionsPay(clean(text).text)) falsePay.add(x.pay === null, () => `${id}: false pay ${fmtPay(x.pay)}`);
        continue;
      }
      if (label && x.pay) agree.add(payMatches(x.pay, label), () => `${id}: text ${fmtPay(x.pay)}, board ${fmtLabel(label)}`);
      if (!label || ![label.min, label.max].every((v) => v == null || writtenInText(v, text))) continue;
      pay.add(payMatches(x.pay, label), () => `${id}: got ${fmtPay(x.pay)}, label ${fmtLabel(label)}`);
      if (![label.min, label.max].some((v) => v != null && writtenAsOte(v, text))) notOte.add(payMatches(x.pay, label), () => `${id}: got ${fmtPay(x.pay)}, label ${fmtLabel(label)}`);
    }
  }
  return [
    { set: 'ashby-boards', field: 'pay', tally: pay, target: TARGETS.boardPay, kind: 'accuracy' },
    { set: 'ashby-boards', field: 'false pay', tally: falsePay, target: TARGETS.boardFalsePay, kind: 'false-rate' },
    // No target, a measure: the same without the jobs whose text calls the board's "salary" on-target earnings, which
    // DESIGN.md keeps out of base pay (the line above counts them as misses).
    { set: 'ashby-boards', field: 'pay, figure not written as OTE', tally: notOte, target: null, kind: 'accuracy' },
    // No target, a measure: where both the text and the board state a salary, how often the text's is the board's.
    { set: 'ashby-boards', field: 'text agrees with board (both state pay)', tally: agree, target: null, kind: 'accuracy' },
  ];
}

/** Glassdoor has no pay labels; its texts almost never state pay, so any pay found is listed for a look. */
function scoreGlassdoor(ctx: ExtractContext): EvalLine[] {
  const found = new Tally();
  for (const row of readCorpus('glassdoor-2020.jsonl')) {
    const x = extractRaw(row, ctx, true);
    found.add(x.pay === null, () => `${row.id}: pay ${fmtPay(x.pay)}`);
  }
  return [{ set: 'glassdoor-2020', field: 'pay found (look)', tally: found, target: null, kind: 'false-rate' }];
}

interface SeedExpected {
  title: string | null;
  level: string | null;
  pay: { min: number; max: number; currency: string; period: string } | null;
  remote: { policy: string; region: string | null; officeDaysPerYear: [number, number] | null } | null;
  posted: string | null;
  skills: string[];
}

/** Score the seeds' raw .txt files against expected.json. */
function scoreSeeds(ctx: ExtractContext): EvalLine[] {
  const dir = sharedPath('seeds')!;
  const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')).postings as Record<string, SeedExpected>;
  const t = {
    pay: new Tally(), falsePay: new Tally(), remote: new Tally(), level: new Tally(), posted: new Tally(), title: new Tally(),
    skills: new Tally(), skillsPrecision: new Tally(), invented: new Tally(),
  };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const e = expected[name];
    if (!e) continue;
    const x = extractPosting({ text: readFileSync(`${dir}/${name}`, 'utf8'), source: name, id: null }, ctx).extraction;
    const label: PayLabel = e.pay ?? { min: null, max: null, currency: null, period: null };
    t.pay.add(payMatches(x.pay, label), () => `${name}: got ${fmtPay(x.pay)}, expected ${fmtLabel(label)}`);
    if (!e.pay) t.falsePay.add(x.pay === null, () => `${name}: false pay ${fmtPay(x.pay)}`);
    const r = x.remote;
    const remoteOk = e.remote === null ? r === null
      : r !== null && r.policy === e.remote.policy && r.region === e.remote.region &&
        JSON.stringify(r.officeDaysPerYear) === JSON.stringify(e.remote.officeDaysPerYear);
    t.remote.add(remoteOk, () => `${name}: got ${JSON.stringify(r && { policy: r.policy, region: r.region, days: r.officeDaysPerYear })}, expected ${JSON.stringify(e.remote && { policy: e.remote.policy, region: e.remote.region, days: e.remote.officeDaysPerYear })}`);
    t.level.add(x.level === e.level, () => `${name}: got ${x.level}, expected ${e.level}`);
    t.posted.add(x.posted === e.posted, () => `${name}: got ${x.posted}, expected ${e.posted}`);
    t.title.add(x.title === e.title, () => `${name}: got “${x.title}”, expected “${e.title}”`);
    for (const id of e.skills) t.skills.add(skillFound(id, x.skills), () => `${name}: skill ${id} not found`);
    // Precision: each skill found is one a careful reader lists for this posting.
    for (const s of x.skills) t.skillsPrecision.add(e.skills.some((id) => skillFound(id, [s])), () => `${name}: skill ${s.id} (“${s.evidence}”) not expected`);
    if (e.title === null) t.invented.add(x.title === null, () => `${name}: invented title “${x.title}”`);
  }
  return [
    { set: 'seeds', field: 'pay', tally: t.pay, target: 1, kind: 'accuracy' },
    { set: 'seeds', field: 'false pay', tally: t.falsePay, target: 0, kind: 'false-rate' },
    { set: 'seeds', field: 'remote (policy, region, days)', tally: t.remote, target: 1, kind: 'accuracy' },
    { set: 'seeds', field: 'level', tally: t.level, target: 1, kind: 'accuracy' },
    { set: 'seeds', field: 'posted', tally: t.posted, target: 1, kind: 'accuracy' },
    { set: 'seeds', field: 'title', tally: t.title, target: 1, kind: 'accuracy' },
    { set: 'seeds', field: 'skills found', tally: t.skills, target: 0.8, kind: 'accuracy' },
    { set: 'seeds', field: 'skills precision', tally: t.skillsPrecision, target: null, kind: 'accuracy' },
    { set: 'seeds', field: 'invented title', tally: t.invented, target: TARGETS.invented, kind: 'false-rate' },
  ];
}

/** The measured value of a line: accuracy, or for false-rate lines the share of wrong answers. */
export const valueOf = (l: EvalLine) => (l.kind === 'accuracy' ? l.tally.rate : 1 - l.tally.rate);

/** Whether a line meets its target (lines without a target always do). */
export const meets = (l: EvalLine) =>
  l.target === null || (l.kind === 'accuracy' ? valueOf(l) >= l.target - 1e-9 : valueOf(l) <= l.target + 1e-9);

/** Run every evaluation that has its data beside the checkout; every labelled set is held to its own targets. */
export function evaluate(ctx: ExtractContext, sets = ['seeds', 'hn', 'linkedin', 'boards', 'glassdoor']): EvalLine[] {
  const lines: EvalLine[] = [];
  if (sets.includes('seeds')) lines.push(...scoreSeeds(ctx));
  if (sets.includes('hn')) lines.push(...scoreHn(ctx));
  if (sets.includes('linkedin')) lines.push(...scoreLinkedin(ctx));
  if (sets.includes('boards')) lines.push(...scoreBoards(ctx));
  if (sets.includes('glassdoor')) lines.push(...scoreGlassdoor(ctx));
  return lines;
}
