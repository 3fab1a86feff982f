/**
 * Hacker News "Ask HN: Who is hiring?" threads through the official API (https://github.com/HackerNews/API):
 * `/v0/user/whoishiring.json` lists the threads (`submitted`), `/v0/item/<id>.json` serves a thread (`kids`: the
 * top-level comments, each one job post) and each comment (`text` as HTML, `time` in Unix seconds, `by`).
 *
 * A post that names several roles is one posting. It is an ML posting when one of the roles it names is, and its
 * title then names only the ML role(s) it offers ("Backend Engineer, ML Engineer" → "ML Engineer").
 */
import type { ExtractContext } from '../taxonomy.ts';
import { extractRole } from '../extract/role.ts';
import { clean } from '../extract/clean.ts';
import { guessTitleCompany } from '../posting/intake.ts';
import { htmlToText } from './html.ts';
import { withOrigin, type JsonClient } from './http.ts';
import type { Candidate } from './run.ts';

export const HN_API = 'https://hacker-news.firebaseio.com';

/** The fields of an HN item the importer reads. */
export interface HnItem {
  id: number;
  type?: string;
  by?: string;
  title?: string;
  text?: string;
  time?: number;
  kids?: number[];
  parent?: number;
  deleted?: boolean;
  dead?: boolean;
}

/** A "Who is hiring?" thread: its id and month (YYYY-MM). */
export interface HnThread {
  id: number;
  month: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The month of a "Ask HN: Who is hiring? (June 2019)" title as YYYY-MM; null for any other title. */
export function threadMonth(title: string | undefined): string | null {
  const m = /^Ask HN: Who is hiring\? \((\w+) (\d{4})\)\s*$/i.exec(title ?? '');
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.toLowerCase());
  return month === -1 ? null : `${m[2]}-${String(month + 1).padStart(2, '0')}`;
}

export const itemUrl = (api: string | undefined, id: number) => withOrigin(`${HN_API}/v0/item/${id}.json`, api);

/**
 * The "Who is hiring?" threads the whoishiring account submitted (its other threads, "Who wants to be hired?" and
 * "Freelancer?", are left out by title), newest first; only `month` when given.
 * @param client the JSON client
 * @param api a mirror's origin, or undefined for the live API
 * @param month YYYY-MM to find one month's thread, or undefined for all
 * @param onFailure told of each thread item that could not be read
 */
export async function findThreads(client: JsonClient, api: string | undefined, month: string | undefined, onFailure: (where: string, reason: string) => void): Promise<HnThread[]> {
  const user = await client.getJson<{ submitted?: number[] }>(withOrigin(`${HN_API}/v0/user/whoishiring.json`, api));
  if (!Array.isArray(user?.submitted)) throw new Error('whoishiring.json has no `submitted` list');
  const items = await Promise.all(user.submitted.map((id) => client.getJson<HnItem>(itemUrl(api, id)).catch((e: Error) => {
    onFailure(`hn item ${id}`, e.message);
    return null;
  })));
  const threads: HnThread[] = [];
  for (const item of items) {
    const m = item ? threadMonth(item.title) : null;
    if (item && m && (!month || m === month)) threads.push({ id: item.id, month: m });
  }
  return threads;
}

/** Words that make a phrase a role ("engineer", "scientist", "head of" …). */
const ROLE_NOUN = /\b(?:engineers?|scientists?|researchers?|developers?|architects?|leads?|managers?|designers?|analysts?|interns?|directors?|head of|sres?|devops|mles?|swes?|specialists?|hackers?|programmers?)\b/i;
/** Separators between roles in a list of roles ("A, B and C"); a slash names one role two ways ("Software / AI Engineer"). */
const ROLE_LIST_SEP = /\s*(?:,|;|\s\|\s|\s&\s|\s\+\s|\sand\s|\s+or\s+)\s*/i;
/** Small words a title-cased role may hold in lower case. */
const SMALL = /^(?:of|and|&|for|in|the|on|with|to|\/|-|–|\+|ai|ml|nlp|llm|llms)$/i;
/** A level word alone ("Senior" in "Senior and Staff ML Engineers") qualifies the role after it. */
const LEVEL_ONLY = /^(?:senior|sr\.?|staff|principal|lead|junior|jr\.?|mid(?:-level)?|founding|entry[- ]level)$/i;

/**
 * The roles a list of roles names, split on commas, "and", "&": a piece without a role noun takes the noun of the
 * role after it ("AI, Data and Product Engineers" → AI Engineers, Data Engineers, Product Engineers), a level word
 * joins it ("Senior and Staff ML Engineers" stays one role), and a trailing piece belongs to the role before it
 * ("Software Engineer, Machine Learning").
 * @param title a title field such as "Backend Engineer, ML Engineer, Designer"
 */
export function splitRoles(title: string): string[] {
  // Brackets hold details of one role ("Engineers (Python, Go)"): separators inside them do not split. The mask
  // keeps every offset, so pieces are cut from the title itself.
  const masked = title.replace(/\([^()]*\)/g, (m) => '\u0000'.repeat(m.length));
  const pieces: string[] = [];
  let at = 0;
  for (const m of masked.matchAll(new RegExp(ROLE_LIST_SEP.source, 'gi'))) {
    pieces.push(title.slice(at, m.index).trim());
    at = m.index + m[0].length;
  }
  pieces.push(title.slice(at).trim());
  const roles: string[] = [];
  let pending: string[] = [];
  for (const piece of pieces.filter(Boolean)) {
    const noun = ROLE_NOUN.exec(piece);
    if (!noun) {
      if (roles.length && !pending.length) roles[roles.length - 1] = `${roles[roles.length - 1]}, ${piece}`;
      else pending.push(piece);
      continue;
    }
    if (pending.length && pending.every((p) => LEVEL_ONLY.test(p))) roles.push(`${pending.join(' / ')} / ${piece}`);
    else {
      for (const p of pending) roles.push(LEVEL_ONLY.test(p) ? p : `${p} ${noun[0]}`);
      roles.push(piece);
    }
    pending = [];
  }
  if (pending.length) return [title.trim()];
  return roles.length ? roles : [title.trim()];
}

/**
 * A line of a post that is nothing but a role ("- Senior ML Engineer (Remote)", "2. Data Scientist – NLP"): a bullet
 * or numbered line whose words up to the first bracket, dash or colon are title-cased and end in a role noun.
 */
function roleLine(line: string): string | null {
  const m = /^\s*(?:[-*•·>]|\d{1,2}[.)])\s*(.+)$/.exec(line);
  const head = (m ? m[1]! : line).split(/\s[-–—|:(]|\(|:|,\s|\s@\s|\sat\s/)[0]!.trim();
  const words = head.split(/\s+/);
  if (!m || words.length < 2 || words.length > 7 || head.length > 70) return null;
  if (!words.every((w) => /^[A-Z0-9(]/.test(w) || SMALL.test(w))) return null;
  return ROLE_NOUN.test(words.at(-1)!) || ROLE_NOUN.test(words.slice(-2).join(' ')) ? head : null;
}

/**
 * The ML roles a post offers: from its title field when extraction found one, else from lines that list roles.
 * @param title the title extraction read from the post (its header line), or null
 * @param text the post's cleaned text
 * @returns the title naming the ML role(s), or null when none is an ML role
 */
export function mlTitle(title: string | null, text: string): string | null {
  const isMl = (role: string) => extractRole(role, text)?.value.isMlRole === true;
  if (title) {
    const roles = splitRoles(title);
    const ml = roles.filter(isMl);
    if (ml.length === roles.length && isMl(title)) return title;
    if (ml.length) return ml.join(', ');
  }
  const listed = [...new Set(text.split('\n').map(roleLine).filter((r): r is string => r !== null).flatMap(splitRoles))].filter(isMl);
  if (listed.length) return listed.slice(0, 4).join(', ') + (listed.length > 4 ? ` and ${listed.length - 4} more` : '');
  if (title) return isMl(title) ? title : null;
  // No title field: a hiring sentence in prose ("Etsy is hiring multiple Machine Learning Engineers in …").
  const prose = extractRole(null, text);
  if (!prose?.value.isMlRole) return null;
  const role = prose.evidence.replace(/^(?:hiring|looking\s+for|seeking|need)\s+(?:an?|our|two|several|multiple|many|some|more|new)?\s*/i, '').trim();
  return /^[A-Z0-9]/.test(role) ? role : null;
}

/** The UTC day of a Unix time, YYYY-MM-DD. */
const utcDay = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * One top-level comment of a thread as a candidate posting: its text (HTML → plain text, the poster's line breaks
 * kept), company and title from its header line, its HN link, and `posted` from `time` (else the thread's month:
 * no day is invented).
 * @param item the comment
 * @param thread the thread it answers
 * @param ctx taxonomy and rates
 * @param options `everyRole` keeps posts with no ML role (titled as extraction reads them); `captured` for front matter
 */
export function hnCandidate(item: HnItem, thread: HnThread, ctx: ExtractContext, options: { everyRole?: boolean | undefined; captured?: string | undefined } = {}): Candidate {
  const where = `hn item ${item.id}`;
  if (item.deleted || item.dead || !item.text?.trim()) return { where, skip: 'no-text', reason: 'deleted, dead or empty comment' };
  const text = htmlToText(item.text, { keepNewlines: true });
  const guess = guessTitleCompany(text, ctx);
  if (!guess.company) return { where, skip: 'no-company', reason: 'no company could be read from the post’s first line' };
  const title = mlTitle(guess.title, clean(text).text) ?? (options.everyRole ? guess.title : null);
  if (!title) {
    return guess.title
      ? { where, skip: 'not-ml', reason: `not an ML role: “${guess.title}”` }
      : { where, skip: 'no-title', reason: 'no ML role named in its first line or in a list of roles' };
  }
  return {
    where,
    input: {
      text,
      title,
      company: guess.company,
      url: `https://news.ycombinator.com/item?id=${item.id}`,
      posted: typeof item.time === 'number' ? utcDay(item.time) : thread.month,
      captured: options.captured,
      origin: 'hn',
    },
  };
}
