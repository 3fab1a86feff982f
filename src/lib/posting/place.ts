import type { Point } from 'unist';

/** 1-based line and column of a character offset in a text. */
export function pointAt(text: string, offset: number): Point {
  let line = 1, lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where a front matter key is written in a posting file (`pay`, or `pay.currency` for a nested key), so messages
 * about a value point at its line. Falls back to the parent key, then to line 1.
 * @param text the whole file
 * @param keyPath the key, then nested keys
 */
export function keyPlace(text: string, keyPath: string[]): Point {
  const lines = frontMatterLines(text);
  if (lines[0]?.trim() !== '---') return { line: 1, column: 1 };
  let end = lines.findIndex((l, i) => i > 0 && CLOSING_FENCE.test(l));
  if (end === -1) end = lines.length;
  const top = keyPattern(`^(["']?)`, keyPath[0] ?? '', '\\1\\s*:');
  const at = lines.findIndex((l, i) => i > 0 && i < end && top.test(l));
  if (at === -1) return { line: 1, column: 1 };
  if (keyPath.length > 1) {
    const sub = keyPattern(`(^\\s+|[{,]\\s*)(["']?)`, keyPath[1]!, '\\2\\s*:');
    for (let i = at; i < end; i++) {
      if (i > at && /^\S/.test(lines[i]!)) break;
      const m = sub.exec(lines[i]!.slice(i === at ? keyPath[0]!.length + 1 : 0));
      if (m) return { line: i + 1, column: (i === at ? keyPath[0]!.length + 1 : 0) + m.index + m[1]!.length + 1 };
    }
  }
  return { line: at + 1, column: 1 };
}

/** A line that closes front matter. */
const CLOSING_FENCE = /^(---|\.\.\.)\s*$/;

const keyPatterns = new Map<string, RegExp>();

/** The RegExp `before`, the key (escaped), `after`: made once per key (a collection's reposts ask for `title` each). */
function keyPattern(before: string, key: string, after: string): RegExp {
  const source = `${before}${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${after}`;
  let re = keyPatterns.get(source);
  if (!re) keyPatterns.set(source, (re = new RegExp(source)));
  return re;
}

/**
 * A file's lines (without their line breaks) up to the line that closes its front matter, or all of them when none
 * does: what `text.split(/\r?\n/)` gives, without splitting a long posting for a message about its front matter.
 */
function frontMatterLines(text: string): string[] {
  const lines: string[] = [];
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    const line = text.slice(start, nl === -1 ? text.length : nl);
    lines.push(line.endsWith('\r') && nl !== -1 ? line.slice(0, -1) : line);
    if (nl === -1 || (lines.length > 1 && CLOSING_FENCE.test(lines.at(-1)!)) || lines[0]!.trim() !== '---') break;
    start = nl + 1;
  }
  return lines;
}
