/**
 * What every importer shares once it has turned a source's items into candidate postings: admitting them into the
 * content folder (ML roles only unless asked, duplicates skipped, nothing overwritten) and the report a person reads.
 */
import type { ExtractContext } from '../taxonomy.ts';
import { admitPosting, isRefusal, loadExisting, type DraftInput, type ExistingContent } from '../posting/intake.ts';
import type { Extraction } from '../extract/types.ts';
import { exclusionGroup } from '../dataset/build.ts';

/** Why an item was skipped by rule (not a failure): counted by kind. */
export type SkipKind = 'not-ml' | 'duplicate' | 'no-text' | 'no-title' | 'no-company' | 'unlisted' | 'invalid';

/** One item of a source, turned into a posting to write, or skipped by rule with the reason. */
export type Candidate =
  | { where: string; input: DraftInput }
  | { where: string; skip: SkipKind; reason: string };

/** A posting written (or, in a dry run, that would be). */
export interface Written {
  where: string;
  rel: string;
  company: string;
  /** Pay the text states / the board states. */
  textPay: boolean;
  boardPay: boolean;
  remote: string | null;
  posted: string | null;
  /** Set when it repeats an older posting's text more than 14 days later. */
  repost: string | null;
}

/** What one import run did, item by item. */
export interface RunReport {
  written: Written[];
  skipped: { where: string; kind: SkipKind; reason: string }[];
  /** HTTP or parse failures: the run goes on, and the command exits non-zero at the end. */
  failures: { where: string; reason: string }[];
}

export const emptyReport = (): RunReport => ({ written: [], skipped: [], failures: [] });

/** Options of an import run. */
export interface AdmitOptions {
  /** Keep postings of every role, not only ML roles. */
  everyRole?: boolean | undefined;
  dryRun?: boolean | undefined;
}

/** Admits candidates into one content folder, keeping the index of what is there across batches. */
export class Admitter {
  readonly report: RunReport = emptyReport();
  private readonly existing: ExistingContent;
  private readonly ctx: ExtractContext;
  private readonly contentDir: string;
  private readonly options: AdmitOptions;

  constructor(ctx: ExtractContext, contentDir: string, options: AdmitOptions = {}) {
    this.ctx = ctx;
    this.contentDir = contentDir;
    this.options = options;
    this.existing = loadExisting(contentDir, ctx);
  }

  /** Write one candidate (or record why not). */
  admit(c: Candidate): void {
    if ('skip' in c) {
      this.report.skipped.push({ where: c.where, kind: c.skip, reason: c.reason });
      return;
    }
    const accept = this.options.everyRole
      ? undefined
      : (draft: { extraction: Extraction | null }) => (draft.extraction && !draft.extraction.isMlRole
        ? { kind: 'not-ml' as const, reason: `${exclusionGroup(draft.extraction)} (“${draft.extraction.title}”)` }
        : null);
    const a = admitPosting(c.input, this.ctx, this.contentDir, this.existing, { dryRun: this.options.dryRun, accept });
    if (isRefusal(a)) {
      // Imports take a free slug, so a file that exists is not their refusal; were it one, it is a posting not written.
      this.report.skipped.push({ where: c.where, kind: a.kind === 'exists' ? 'invalid' : a.kind, reason: a.reason });
      return;
    }
    const x = a.draft.extraction;
    this.report.written.push({
      where: c.where,
      rel: a.draft.rel,
      company: x?.company ?? c.input.company,
      textPay: Boolean(x?.pay),
      boardPay: Boolean(c.input.board?.pay?.length),
      remote: x?.remote?.policy ?? c.input.board?.workplace ?? null,
      posted: x?.posted ?? null,
      repost: a.repost,
    });
  }

  /** Record a failure (an HTTP or parse error) against an item or a whole board. */
  fail(where: string, reason: string): void {
    this.report.failures.push({ where, reason });
  }
}

const SKIP_WORDS: Record<SkipKind, [string, string]> = {
  'not-ml': ['not an ML role', 'not ML roles'], duplicate: ['duplicate', 'duplicates'], 'no-text': ['without text', 'without text'],
  'no-title': ['without a title', 'without a title'], 'no-company': ['without a company', 'without a company'],
  unlisted: ['unlisted', 'unlisted'], invalid: ['failing check', 'failing check'],
};

/** Skips counted by kind, most first: "240 not ML roles, 3 duplicates". */
export function skipSummary(skipped: RunReport['skipped']): string {
  const counts = new Map<SkipKind, number>();
  for (const s of skipped) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${SKIP_WORDS[k][n === 1 ? 0 : 1]}`).join(', ');
}

/**
 * The table of what a run wrote, per company: postings, with pay (text / board), by remote policy. Markdown, so it
 * reads in a terminal and in a pull request alike; the largest companies first, the rest summed in one line.
 * @param written the postings written
 * @param maxRows companies listed before the rest are summed
 */
export function writtenTable(written: Written[], maxRows = 40): string {
  if (written.length === 0) return '';
  type Row = { company: string; n: number; textPay: number; boardPay: number; remote: number; hybrid: number; onsite: number };
  const by = new Map<string, Row>();
  for (const w of written) {
    const r = by.get(w.company) ?? { company: w.company, n: 0, textPay: 0, boardPay: 0, remote: 0, hybrid: 0, onsite: 0 };
    r.n++;
    if (w.textPay) r.textPay++;
    if (w.boardPay) r.boardPay++;
    if (w.remote === 'remote' || w.remote === 'hybrid' || w.remote === 'onsite') r[w.remote]++;
    by.set(w.company, r);
  }
  const rows = [...by.values()].sort((a, b) => b.n - a.n || (a.company < b.company ? -1 : a.company > b.company ? 1 : 0));
  const line = (r: Row) => `| ${r.company.replace(/\|/g, '\\|')} | ${r.n} | ${r.textPay} | ${r.boardPay} | ${r.remote} | ${r.hybrid} | ${r.onsite} |`;
  const shown = rows.slice(0, maxRows).map(line);
  const rest = rows.slice(maxRows);
  if (rest.length) {
    const sum = rest.reduce((s, r) => ({ ...s, n: s.n + r.n, textPay: s.textPay + r.textPay, boardPay: s.boardPay + r.boardPay, remote: s.remote + r.remote, hybrid: s.hybrid + r.hybrid, onsite: s.onsite + r.onsite }),
      { company: `${rest.length} more companies`, n: 0, textPay: 0, boardPay: 0, remote: 0, hybrid: 0, onsite: 0 });
    shown.push(line(sum));
  }
  return ['| company | ML postings | pay in text | pay by board | remote | hybrid | onsite |', '|---|---:|---:|---:|---:|---:|---:|', ...shown].join('\n');
}

/** The one summary line a run ends with. */
export function summaryLine(source: string, report: RunReport, where: string, dryRun = false): string {
  const { written, skipped, failures } = report;
  const reposts = written.filter((w) => w.repost).length;
  const seen = written.length + skipped.length;
  const skip = skipped.length ? ` (${skipSummary(skipped)})` : '';
  const fail = failures.length ? `, ${failures.length} failed` : '';
  return `import ${source}: ${seen} posts read: ${written.length} ${dryRun ? 'would be written' : 'written'} to ${where}${reposts ? ` (${reposts} reposts kept)` : ''}, ${skipped.length} skipped${skip}${fail}`;
}
