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

/** How many pack files a cache may hold before a run rewrites the live entries into one. */
export const MAX_PACKS = 8;

/**
 * A store of JSON entries under one fingerprint, packed: each run that computed something appends one pack file
 * (`<fingerprint>/<time>-<pid>.pack`, a line per entry: key, tab, JSON), written to a temp file and renamed, so a crash
 * never leaves half a pack. Reading a hundred thousand entries is then a few file reads, not a hundred thousand.
 * When packs pile up, or most entries are for files that no longer exist in that form, {@link flush} rewrites the
 * entries this run used into one pack.
 */
export class ResultCache<T> {
  readonly root: string;
  hits = 0;
  misses = 0;
  /** Every entry on disk, as its JSON text (parsed only when asked for). */
  private stored: Map<string, string> | null = null;
  private packs: string[] = [];
  /** Entries this run asked for and found, or set. */
  private used = new Set<string>();
  private added = new Map<string, string>();

  /**
   * @param dir the cache folder
   * @param print the fingerprint: entries made under another one are never read, and are removed
   */
  constructor(dir: string, print: string) {
    this.root = join(dir, print);
    if (existsSync(dir)) for (const old of readdirSync(dir)) if (old !== print) rmSync(join(dir, old), { recursive: true, force: true });
  }

  private load(): Map<string, string> {
    if (this.stored) return this.stored;
    const stored = new Map<string, string>();
    this.packs = existsSync(this.root) ? readdirSync(this.root).filter((f) => f.endsWith('.pack')).sort() : [];
    for (const pack of this.packs) {
      let text: string;
      try {
        text = readFileSync(join(this.root, pack), 'utf8');
      } catch {
        continue; // unreadable: its entries are recomputed
      }
      let at = 0;
      while (at < text.length) {
        let nl = text.indexOf('\n', at);
        if (nl === -1) nl = text.length;
        const tab = text.indexOf('\t', at);
        if (tab > at && tab < nl) stored.set(text.slice(at, tab), text.slice(tab + 1, nl));
        at = nl + 1;
      }
    }
    return (this.stored = stored);
  }

  /** How many entries the cache holds. */
  get size(): number {
    return this.load().size;
  }

  /** The entry for `key`, or undefined (missing or damaged: recomputed). */
  get(key: string): T | undefined {
    const json = this.load().get(key);
    if (json !== undefined) {
      try {
        const value = JSON.parse(json) as T;
        this.hits++;
        this.used.add(key);
        return value;
      } catch {
        // a damaged entry: recomputed like a missing one
      }
    }
    this.misses++;
    return undefined;
  }

  /** Keep an entry, written to disk by {@link flush}. */
  set(key: string, value: T): void {
    this.added.set(key, JSON.stringify(value));
    this.used.add(key);
  }

  /** Write what this run added as one pack; rewrite the used entries into one pack when packs or dead entries pile up. */
  flush(): void {
    const stored = this.load();
    const dead = stored.size - [...this.used].filter((k) => stored.has(k) && !this.added.has(k)).length;
    const compact = this.packs.length + (this.added.size ? 1 : 0) > MAX_PACKS || (dead > this.used.size && this.packs.length > 0);
    if (!this.added.size && !compact) return;
    mkdirSync(this.root, { recursive: true });
    const lines: string[] = [];
    for (const key of compact ? [...this.used].sort() : [...this.added.keys()]) lines.push(`${key}\t${this.added.get(key) ?? stored.get(key)!}\n`);
    const name = `${Date.now().toString().padStart(15, '0')}-${process.pid}.pack`;
    const tmp = join(this.root, `${name}.tmp`);
    writeFileSync(tmp, lines.join(''));
    renameSync(tmp, join(this.root, name));
    if (compact) for (const pack of this.packs) rmSync(join(this.root, pack), { force: true });
    for (const [k, v] of this.added) stored.set(k, v);
    this.packs = compact ? [name] : [...this.packs, name];
    this.added.clear();
  }
}
