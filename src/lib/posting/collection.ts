import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { VFile } from 'vfile';
import { extractPosting } from '../extract/index.ts';
import type { ExtractContext } from '../taxonomy.ts';
import { collectionChecks, decodeFile, fileChecks } from './checks.ts';
import type { LoadedPosting } from './loaded.ts';
import { readPosting } from './read.ts';

export type { LoadedPosting } from './loaded.ts';

/** Every file under `dir`, recursively, as sorted paths relative to it (dot files skipped). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const hasErrors = (file: VFile) => file.messages.some((m) => m.fatal === true);

/**
 * Read, check and extract every posting file under a content folder.
 * Files with errors keep their messages and get no extraction; nothing is dropped silently.
 * @param dir the content folder (e.g. content/postings)
 * @param ctx taxonomy and rates
 * @param displayRoot paths in messages are shown relative to this folder (default: the working directory)
 */
export function loadCollection(dir: string, ctx: ExtractContext, displayRoot = process.cwd()): LoadedPosting[] {
  const loaded: LoadedPosting[] = [];
  for (const rel of listFiles(dir)) {
    const full = join(dir, rel);
    const shown = relative(displayRoot, full).split(sep).join('/') || full;
    const bytes = readFileSync(full);
    const id = rel.replace(/\.md$/, '');
    const decoded = decodeFile(bytes, shown);
    if (typeof decoded !== 'string') {
      loaded.push({ rel, id, file: decoded, frontMatter: null, body: '', bodyLine: 1, result: null });
      continue;
    }
    const posting = readPosting(decoded, shown);
    fileChecks({ rel, bytes, text: decoded, file: posting.file, frontMatter: posting.frontMatter, ctx });
    loaded.push({ rel, id, file: posting.file, frontMatter: posting.frontMatter, body: posting.body, bodyLine: posting.bodyLine, result: null });
  }
  for (const p of loaded) {
    if (hasErrors(p.file) || !p.frontMatter) continue;
    p.result = extractPosting({ text: p.body, source: p.file.path, id: p.id, frontMatter: p.frontMatter }, ctx);
  }
  collectionChecks(loaded, ctx);
  for (const p of loaded) if (hasErrors(p.file)) p.result = null;
  return loaded;
}

/** Count files, errors and warnings the way `check`, `data` and `build` report them. */
export function tally(loaded: LoadedPosting[]) {
  let errors = 0, warnings = 0, withErrors = 0, withWarnings = 0;
  for (const p of loaded) {
    const e = p.file.messages.filter((m) => m.fatal === true).length;
    const w = p.file.messages.filter((m) => m.fatal !== true).length;
    errors += e; warnings += w;
    if (e) withErrors++; else if (w) withWarnings++;
  }
  return { files: loaded.length, ok: loaded.length - withErrors - withWarnings, withWarnings, withErrors, errors, warnings };
}
