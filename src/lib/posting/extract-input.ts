import { basename, dirname, extname } from 'node:path';
import type { ExtractContext } from '../taxonomy.ts';
import { extractPosting } from '../extract/index.ts';
import type { Extraction } from '../extract/types.ts';
import { readPosting } from './read.ts';

/**
 * The posting id `<company>/<slug>` of a `.md` path (its folder and file name), or null for anything else
 * (a `.txt`, stdin).
 */
export function idOfPath(path: string): string | null {
  if (extname(path) !== '.md') return null;
  const folder = basename(dirname(path));
  return folder && folder !== '.' ? `${folder}/${basename(path, '.md')}` : null;
}

/**
 * Extract one input as the `extract` command does: text starting with `---` is read as a posting file (its front
 * matter validated), anything else as plain text. Returns the extraction, or `{source, error}` when the front matter
 * is invalid (the message names the line).
 * @param value the input's contents
 * @param source its path as given, or `-` for stdin
 */
export function extractInput(value: string, source: string, ctx: ExtractContext): Extraction | { source: string; error: string } {
  const isPostingFile = /^---\r?\n/.test(value);
  if (!isPostingFile) {
    return extractPosting({ text: value, source, id: null }, ctx).extraction;
  }
  const posting = readPosting(value, source);
  const errors = posting.file.messages.filter((m) => m.fatal === true);
  if (errors.length > 0 || !posting.frontMatter) {
    return { source, error: errors.map((m) => `${m.line ?? 1}:${m.column ?? 1}: ${m.reason}`).join('; ') };
  }
  const id = source === '-' ? null : idOfPath(source);
  return extractPosting({ text: posting.body, source, id, frontMatter: posting.frontMatter }, ctx).extraction;
}
