import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** ../shared beside the checkout (read at run time, never copied into the repository). */
export const SHARED_DIR = resolve(import.meta.dirname, '../../../../shared');

/** The path of a file under ../shared, or null when ../shared is absent. */
export function sharedPath(...parts: string[]): string | null {
  const p = join(SHARED_DIR, ...parts);
  return existsSync(p) ? p : null;
}

/** One line of a corpus file. */
export interface CorpusRow {
  id: string;
  source: string;
  text: string;
  title?: string;
  company?: string;
  location?: string;
  posted?: string;
  labels?: Record<string, unknown>;
  uncertain?: string[];
  note?: string | null;
  [key: string]: unknown;
}

/** Read a JSON Lines corpus file from ../shared/corpus. */
export function readCorpus(name: string): CorpusRow[] {
  const path = sharedPath('corpus', name);
  if (!path) throw new Error(`../shared/corpus/${name} is not there`);
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as CorpusRow);
}
