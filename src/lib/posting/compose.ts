import { stringify } from 'yaml';
import type { BoardStatement } from '../extract/types.ts';

/** The front matter `add` and `import` write: the fields a contributor fills in, in the order CONTRIBUTING shows. */
export interface NewFrontMatter {
  title: string;
  company: string;
  captured?: string | undefined;
  posted?: string | undefined;
  url?: string | undefined;
  /** Which importer wrote the file. */
  origin?: string | undefined;
  /** What the job board states in structured form. */
  board?: BoardStatement | undefined;
}

/**
 * A posting file's contents: a YAML front matter block (strings quoted by the `yaml` library wherever YAML would
 * misread them) then the posting text exactly as given, byte for byte.
 * @param fm the front matter fields; undefined ones are left out
 * @param body the posting text as pasted
 */
export function composePosting(fm: NewFrontMatter, body: string): string {
  const data: Record<string, unknown> = { title: fm.title, company: fm.company };
  for (const key of ['captured', 'posted', 'url', 'origin'] as const) if (fm[key]) data[key] = fm[key]!;
  const board = fm.board && Object.fromEntries(Object.entries(fm.board).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
  if (board && Object.keys(board).length) data.board = board;
  const yaml = stringify(data, { lineWidth: 0 });
  return `---\n${yaml}---\n${body}`;
}

/** Today's date (local time) as YYYY-MM-DD: the default `captured` of `add`. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
