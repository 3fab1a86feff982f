/**
 * The job boards' structured pay as free ground truth for text extraction (../shared/boards: Ashby posting-API
 * responses). The board's Salary is the employer's own statement; where the text writes the same figures, text
 * extraction must find them, and where it writes none, it must find none.
 *
 * For each listed job, the label is the board's pay envelope (lowest min, highest max of its main currency and
 * period, as the corpora label several ranges) and the text is the description as the importer writes it:
 * - `pay (board figures in text)`: jobs whose board states pay and whose text writes both figures: pay must match
 *   (within 0.5%, same currency and period; the corpora's rule);
 * - `pay found (board pay not in text)`: jobs whose board states pay the text does not write: pay found is counted,
 *   not scored (the text often states pay of its own that differs from the board's);
 * - `false pay (board states none)`: jobs whose board states no pay: pay found is counted (the text may still state
 *   pay the board leaves out, so read the misses);
 * - `text agrees with board`: every job where both state pay, how often they agree (no target: a measure).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractContext } from '../taxonomy.ts';
import { extractPosting } from '../extract/index.ts';
import { ashbyPay } from '../import/ashby.ts';
import { htmlToText } from '../import/html.ts';
import { boardPayToPay, payAgrees } from '../dataset/board.ts';
import type { Extraction } from '../extract/types.ts';
import { sharedPath } from './corpus.ts';
import type { EvalLine } from './run.ts';
import { payMatches, Tally, writtenInText } from './score.ts';

type AshbyJob = Parameters<typeof ashbyPay>[0] & { title?: string; isListed?: boolean; descriptionHtml?: string; descriptionPlain?: string; publishedAt?: string };

const fmt = (p: Extraction['pay']) => (p ? `${p.min}–${p.max ?? '…'} ${p.currency}/${p.period} (${p.rule}: “${p.evidence.slice(0, 60)}”)` : 'null');

/**
 * Score text extraction against the Ashby boards' structured pay.
 * @param ctx taxonomy and rates
 * @param limit read at most this many boards (tests); all when undefined
 */
export function scoreBoards(ctx: ExtractContext, limit?: number): EvalLine[] {
  const dir = sharedPath('boards', 'ashby');
  if (!dir) return [];
  const found = new Tally(), notInText = new Tally(), none = new Tally(), agree = new Tally();
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().slice(0, limit);
  for (const file of files) {
    const jobs = (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { jobs?: AshbyJob[] }).jobs ?? [];
    for (const job of jobs) {
      if (job.isListed === false) continue;
      const text = job.descriptionHtml?.trim() ? htmlToText(job.descriptionHtml) : (job.descriptionPlain ?? '');
      if (!text.trim()) continue;
      const name = `${file.replace(/\.json$/, '')}/${job.id}`;
      const date = job.publishedAt?.slice(0, 10) ?? null;
      const x = extractPosting({ text, source: name, id: null, frontMatter: { title: job.title ?? 'untitled', company: file } }, ctx).extraction;
      const board = boardPayToPay(ashbyPay(job), ctx.rates, date);
      if (!board) {
        none.add(x.pay === null, () => `${name}: board states no pay; text gave ${fmt(x.pay)}`);
        continue;
      }
      const label = { min: board.min, max: board.max, currency: board.currency, period: board.period };
      if ([board.min, board.max].every((v) => v == null || writtenInText(v, text))) {
        found.add(payMatches(x.pay, label), () => `${name}: board ${fmt(board)}; text gave ${fmt(x.pay)}`);
      } else {
        notInText.add(x.pay === null, () => `${name}: board ${fmt(board)} not in the text; text gave ${fmt(x.pay)}`);
      }
      if (x.pay) agree.add(payAgrees(x.pay, board), () => `${name}: board ${fmt(board)}; text ${fmt(x.pay)}`);
    }
  }
  return [
    { set: 'ashby-boards', field: 'pay (board figures in text)', tally: found, target: 0.97, kind: 'accuracy' },
    // No target: most of these texts state pay of their own that differs from the board's (a range per level, an old
    // figure); read the misses for the rest (figures that are no pay at all).
    { set: 'ashby-boards', field: 'pay found (board pay not in text)', tally: notInText, target: null, kind: 'false-rate' },
    { set: 'ashby-boards', field: 'false pay (board states none)', tally: none, target: null, kind: 'false-rate' },
    { set: 'ashby-boards', field: 'text agrees with board (both state pay)', tally: agree, target: null, kind: 'accuracy' },
  ];
}
