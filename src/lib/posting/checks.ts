/**
 * The checks `check`, `data` and `build` run on posting files (CONTRIBUTING.md, "What each check means").
 * Errors stop the data step; warnings are shown and kept on the posting.
 */
import { isUtf8 } from 'node:buffer';
import { VFile } from 'vfile';
import type { Point } from 'unist';
import type { ExtractContext } from '../taxonomy.ts';
import { canonicalCompany } from '../extract/company.ts';
import { knownCurrencies } from '../extract/money.ts';
import type { FrontMatter } from './schema.ts';
import { fail, note } from './read.ts';
import type { LoadedPosting } from './loaded.ts';
import { placeProblems } from './names.ts';
import { keyPlace, pointAt } from './place.ts';
import { duplicateMatches, type DupKey, type DuplicateMemo } from './duplicates.ts';
import { compareText } from '../collate.ts';

/** Largest posting file accepted, in bytes (1 MB). */
export const MAX_BYTES = 1_000_000;
/** Annual pay in USD below which a figure is probably not yearly base pay. */
export const PAY_FLOOR_USD = 10_000;
/** Annual pay in USD above which a figure is probably not base pay. */
export const PAY_CEILING_USD = 5_000_000;

/** What a per-file check sees. */
export interface FileCheckInput {
  rel: string;
  bytes: Buffer;
  text: string;
  file: VFile;
  frontMatter: FrontMatter | null;
  ctx: ExtractContext;
}

/** Record a warning (not fatal) on a file, with a rule id in the `source:rule` form vfile-reporter prints. */
export function warn(file: VFile, reason: string, place: Point | undefined, rule: string): void {
  note(file, reason, place, rule, 'atlas', false);
}

const lineOfByte = (bytes: Buffer, offset: number) => {
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
};

/** A file's text as the data step reads it: UTF-8, without a byte-order mark. */
export const fileText = (bytes: Buffer) => bytes.toString('utf8').replace(/^\uFEFF/, '');

/** A byte that is white space read as Latin-1 (what `\s` matches there): tab to carriage return, space, no-break space. */
const blank = (b: number) => (b >= 9 && b <= 13) || b === 32 || b === 160;

/**
 * Decode a file's bytes as UTF-8, or return a VFile carrying the error: an empty file, a binary file (NUL bytes),
 * or bytes that are not UTF-8 (the message names the first bad line). A UTF-8 byte order mark is dropped.
 * @param bytes the file's contents
 * @param path the path shown in messages
 * @param text the bytes as {@link fileText} gives them, when the caller has them already (it is the answer when the
 *   bytes are UTF-8)
 */
export function decodeFile(bytes: Buffer, path: string, text?: string): string | VFile {
  const file = new VFile({ path });
  if (bytes.every(blank)) {
    fail(file, 'empty file: a posting needs front matter (`title`, `company`) and the posting text', { line: 1, column: 1 }, 'empty');
    return file;
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    fail(file, `binary file (a NUL byte on line ${lineOfByte(bytes, nul)}): a posting is plain UTF-8 text`, { line: lineOfByte(bytes, nul), column: 1 }, 'binary');
    return file;
  }
  if (isUtf8(bytes)) return text ?? fileText(bytes);
  // Find the first line that does not decode, and the column of its first bad byte.
  let start = 0, line = 1;
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (;;) {
    const nl = bytes.indexOf(10, start);
    const chunk = bytes.subarray(start, nl === -1 ? bytes.length : nl);
    try {
      strict.decode(chunk);
    } catch {
      const loose = new TextDecoder('utf-8').decode(chunk);
      const column = loose.indexOf('\uFFFD') + 1 || 1;
      fail(file, `not UTF-8: line ${line} holds bytes that are not valid UTF-8 (the file was probably saved as Windows-1252 or Latin-1); save it as UTF-8`, { line, column }, 'encoding');
      return file;
    }
    if (nl === -1) break;
    start = nl + 1;
    line++;
  }
  fail(file, 'not UTF-8: save the file as UTF-8', { line: 1, column: 1 }, 'encoding');
  return file;
}

/** C0 control characters other than tab, line feed and carriage return, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const MAX_CONTROL_MESSAGES = 5;

/**
 * The first control characters of a text (not tab, line feed or carriage return), with their places.
 * @param text decoded file contents
 */
export function controlCharacters(text: string): { point: Point; code: string }[] {
  const found: { point: Point; code: string }[] = [];
  for (const m of text.matchAll(CONTROL)) {
    found.push({ point: pointAt(text, m.index), code: `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
  }
  return found;
}

/**
 * Checks on one file: size, control characters, file and folder names (the folder must be the company's slug),
 * and a pay correction's currency. Adds messages to `input.file`.
 */
export function fileChecks(input: FileCheckInput): void {
  const { rel, bytes, text, file, frontMatter, ctx } = input;
  if (bytes.length > MAX_BYTES) {
    fail(file, `file is ${(bytes.length / 1_000_000).toFixed(1)} MB; a posting file may be at most 1 MB (paste the posting's own text only)`, { line: 1, column: 1 }, 'size');
  }
  const controls = controlCharacters(text);
  for (const c of controls.slice(0, MAX_CONTROL_MESSAGES)) {
    fail(file, `control character ${c.code} on line ${c.point.line}: delete it (it is invisible in most editors)`, c.point, 'control-character');
  }
  if (controls.length > MAX_CONTROL_MESSAGES) {
    fail(file, `${controls.length - MAX_CONTROL_MESSAGES} more control characters after line ${controls[MAX_CONTROL_MESSAGES - 1]!.point.line}`, controls[MAX_CONTROL_MESSAGES]!.point, 'control-character');
  }
  const company = frontMatter ? canonicalCompany(frontMatter.company, ctx.companies) : null;
  for (const p of placeProblems(rel, company)) fail(file, p.reason, { line: 1, column: 1 }, p.rule);
  const currency = frontMatter?.pay?.currency;
  if (currency) {
    const known = knownCurrencies(ctx.rates);
    if (!known.has(currency)) {
      fail(file, `unknown currency \`${currency}\` in \`pay.currency\`: use one of ${[...known].sort().join(', ')}, or add its rate to content/rates.yml`, keyPlace(text, ['pay', 'currency']), 'currency');
    }
  }
}

/** The posting date (posted, else captured) of a loaded posting, from extraction when it ran, else front matter. */
function dateOf(p: LoadedPosting): string | null {
  const x = p.result?.extraction;
  return x ? x.posted ?? x.captured : p.frontMatter?.posted ?? p.frontMatter?.captured ?? null;
}

/** What the checks on one posting's extraction read of it. */
type Extracted = Pick<LoadedPosting, 'file' | 'result' | 'bodyLine' | 'frontMatter'>;

/** Where a span of (cleaned) text sits in the file, or the body's first line when it cannot be found verbatim. */
function spanPlace(p: Extracted, span: string): Point {
  const text = String(p.file.value ?? '');
  // Where line `bodyLine - 1` ends (what splitting the whole text into lines and joining the first ones gives).
  let bodyStart = 0;
  for (let k = 1, nl = -1; k < p.bodyLine; k++) {
    nl = text.indexOf('\n', nl + 1);
    if (nl === -1) {
      bodyStart = text.length;
      break;
    }
    bodyStart = nl;
  }
  const at = span ? text.indexOf(span, bodyStart) : -1;
  return at === -1 ? { line: p.bodyLine, column: 1 } : pointAt(text, at);
}

/**
 * Dollars in whole units with thousands commas, as `toLocaleString('en-US')` writes them: spelled out, because the
 * first locale-aware format of a run loads ICU's number data (about 10 ms), which the data step needs for nothing else.
 */
const usd = (n: number) => `$${String(Math.round(n)).replace(/\B(?=(?:\d{3})+$)/g, ',')}`;

/**
 * Warnings about what extraction read from one posting: pay out of range, pay reversed, no rate, dates out of order.
 * They depend on the file alone, so they are part of its outcome (collection.ts), cached with it.
 */
export function resultChecks(p: Extracted, ctx: ExtractContext): void {
  const x = p.result?.extraction;
  if (!x) return;
  const text = String(p.file.value ?? '');
  const fromFm = (field: string) => x.overridden.includes(field);
  if (x.pay) {
    const place = fromFm('pay') ? keyPlace(text, ['pay']) : spanPlace(p, x.pay.evidence);
    const hint = fromFm('pay') ? 'check the `pay` correction' : 'if it is not the base pay, add a `pay` correction (or `pay: null`) to the front matter';
    const lo = x.pay.annualMinUsd, hi = x.pay.annualMaxUsd ?? x.pay.annualMinUsd;
    if (lo !== null && lo < PAY_FLOOR_USD) {
      warn(p.file, `pay ${x.pay.evidence ? `“${x.pay.evidence}” ` : ''}is ${usd(lo)} a year in USD, under ${usd(PAY_FLOOR_USD)}: ${hint}`, place, 'pay-range');
    } else if (hi !== null && hi > PAY_CEILING_USD) {
      warn(p.file, `pay ${x.pay.evidence ? `“${x.pay.evidence}” ` : ''}is ${usd(hi)} a year in USD, over ${usd(PAY_CEILING_USD)}: ${hint}`, place, 'pay-range');
    }
    if (x.pay.max !== null && x.pay.min > x.pay.max) {
      warn(p.file, `pay min ${x.pay.min} is greater than pay max ${x.pay.max}: ${hint}`, place, 'pay-order');
    }
    if (!fromFm('pay') && !knownCurrencies(ctx.rates).has(x.pay.currency)) {
      warn(p.file, `pay is in ${x.pay.currency}, which content/rates.yml has no rate for: it will not show in USD charts until a rate is added`, place, 'currency');
    }
  }
  if (x.posted && x.captured && x.posted > x.captured) {
    const place = p.frontMatter?.posted ? keyPlace(text, ['posted']) : p.frontMatter?.captured ? keyPlace(text, ['captured']) : { line: 1, column: 1 };
    warn(p.file, `posted date ${x.posted} is after the capture date ${x.captured}: one of them is wrong`, place, 'dates');
  }
}

/**
 * Checks across files: duplicates (an error on the later file) and reposts (a warning). Adds messages to each
 * posting's file.
 * @param loaded every posting of the collection, after extraction
 * @param ctx taxonomy and rates
 * @param memo relations found by earlier runs, by the postings they were found among (the data step keeps them in
 *   its cache; see {@link duplicateMatches})
 */
export function collectionChecks(loaded: LoadedPosting[], ctx: ExtractContext, memo?: DuplicateMemo): void {
  // Earliest first (undated last, then by path): the later of two matching postings carries the message. Dates are
  // ISO (YYYY-MM-DD, or YYYY-MM for a month), whose order is their code units'.
  const candidates = loaded
    .filter((p) => p.frontMatter)
    .map((p) => {
      const date = dateOf(p);
      return { p, date, order: date ?? '9999' };
    })
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : compareText(a.p.rel, b.p.rel)));
  const matches = duplicateMatches(candidates.map(({ p, date }): DupKey => {
    const fm = p.frontMatter!;
    return {
      id: p.id,
      company: p.result?.extraction.company ?? canonicalCompany(fm.company, ctx.companies),
      title: fm.title,
      url: fm.url ?? null,
      date,
      text: p.body,
      identity: p.cacheKey,
    };
  }), memo);
  candidates.forEach(({ p }, i) => {
    const fm = p.frontMatter!;
    const match = matches[i];
    const text = String(p.file.value ?? '');
    if (match?.kind === 'duplicate') {
      fail(p.file, `${match.reason}: keep one of the two files`, keyPlace(text, [fm.url && match.reason.includes('same url') ? 'url' : 'title']), 'duplicate');
    } else if (match?.kind === 'repost') {
      warn(p.file, match.reason, keyPlace(text, ['title']), 'repost');
    }
  });
}
