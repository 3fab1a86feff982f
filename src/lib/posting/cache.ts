/**
 * A cache of per-file work (read, check, extract) for the data step, so a pull request that adds one posting does not
 * pay for re-reading them all. An entry is keyed by the file's path and bytes, and lives under a fingerprint of
 * everything that work depends on (the code under src/lib, the taxonomy, the rates, the locked dependencies): change
 * any of them and every entry is stale. The cache lives in `.cache/atlas/` (git-ignored) unless ATLAS_CACHE_DIR names
 * another folder; an empty or missing folder is a cold run, and a damaged entry is simply recomputed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const REPO = resolve(import.meta.dirname, '../../..');

/** The default cache folder: $ATLAS_CACHE_DIR, else .cache/atlas in the repository. */
export const cacheDir = (): string => resolve(process.env.ATLAS_CACHE_DIR ?? join(REPO, '.cache/atlas'));

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
}

/**
 * A hash of everything per-file work depends on: the code (src/lib), the taxonomy and rates (content/taxonomy,
 * content/rates.yml) and the locked dependencies (package-lock.json).
 * @param contentRoot the folder holding taxonomy/ and rates.yml
 */
export function fingerprint(contentRoot: string): string {
  const files: string[] = [];
  walk(join(REPO, 'src/lib'), files);
  walk(join(contentRoot, 'taxonomy'), files);
  for (const f of [join(contentRoot, 'rates.yml'), join(REPO, 'package-lock.json')]) if (existsSync(f)) files.push(f);
  const h = createHash('sha256');
  for (const f of files) {
    h.update(relative(REPO, f).split(sep).join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 24);
}

/** The key of one file's entry: its path in the content folder and its bytes. */
export function entryKey(rel: string, bytes: Buffer): string {
  return createHash('sha256').update(rel).update('\0').update(bytes).digest('hex');
}

/** A store of JSON entries under one fingerprint. */
export class ResultCache<T> {
  readonly root: string;
  hits = 0;
  misses = 0;

  /**
   * @param dir the cache folder
   * @param print the fingerprint: entries made under another one are never read, and are removed
   */
  constructor(dir: string, print: string) {
    this.root = join(dir, print);
    if (existsSync(dir)) for (const old of readdirSync(dir)) if (old !== print) rmSync(join(dir, old), { recursive: true, force: true });
  }

  private path(key: string) {
    return join(this.root, key.slice(0, 2), `${key}.json`);
  }

  /** The entry for `key`, or undefined (missing or unreadable: recomputed). */
  get(key: string): T | undefined {
    const p = this.path(key);
    try {
      const value = JSON.parse(readFileSync(p, 'utf8')) as T;
      this.hits++;
      return value;
    } catch {
      this.misses++;
      return undefined;
    }
  }

  /** Store an entry (written to a temp file and renamed, so a crash never leaves half an entry). */
  set(key: string, value: T): void {
    const p = this.path(key);
    mkdirSync(join(this.root, key.slice(0, 2)), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, p);
  }
}
