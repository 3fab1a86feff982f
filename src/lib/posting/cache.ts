/**
 * A cache of per-file work (read, check, extract) for the data step, so a pull request that adds one posting does not
 * pay for re-reading them all. An entry is keyed by the file's path and bytes, and lives under a fingerprint of
 * everything that work depends on (the code under src/lib, the taxonomy, the rates, the locked dependencies): change
 * any of them and every entry is stale. The cache lives in `.cache/atlas/` (git-ignored) unless ATLAS_CACHE_DIR names
 * another folder; an empty or missing folder is a cold run, and a damaged entry is simply recomputed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { bufferedWrites } from './files.ts';

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

const NEWLINE = Buffer.from('\n');

/** How many pack files a cache may hold beyond the fewest its entries need before a run rewrites them. */
export const MAX_PACKS = 8;
/** Entries per pack file at most, so that one pack stays a string V8 can hold (a few tens of megabytes). */
export const ENTRIES_PER_PACK = 20_000;

/**
 * A store of JSON entries under one fingerprint, packed: each run that computed something appends pack files
 * (`<fingerprint>/<time>-<pid>-<part>.pack`, a line per entry: key, tab, JSON; at most {@link ENTRIES_PER_PACK} each),
 * written to a temp file and renamed, so a crash never leaves half a pack. Reading a hundred thousand entries is then a
 * few file reads, not a hundred thousand. When packs pile up, or most entries are for files that no longer exist in
 * that form, {@link flush} rewrites the entries this run used into as few packs as they need.
 */
export class ResultCache<T> {
  readonly root: string;
  hits = 0;
  misses = 0;
  /**
   * Every entry on disk, as its JSON: the bytes in its pack (decoded and parsed only when asked for; a pack read as one
   * string was twice the memory once any entry held a character past Latin-1, and slower to split), or the text of an
   * entry this run wrote.
   */
  private stored: Map<string, Buffer | string> | null = null;
  private packs: string[] = [];
  /** Entries this run asked for and found, or set. */
  private used = new Set<string>();
  private added = new Map<string, string>();
  private readonly entriesPerPack: number;

  /**
   * @param dir the cache folder
   * @param print the fingerprint: entries made under another one are never read, and are removed
   * @param entriesPerPack at most this many entries a pack file ({@link ENTRIES_PER_PACK})
   */
  constructor(dir: string, print: string, entriesPerPack = ENTRIES_PER_PACK) {
    this.root = join(dir, print);
    this.entriesPerPack = entriesPerPack;
    if (existsSync(dir)) for (const old of readdirSync(dir)) if (old !== print) rmSync(join(dir, old), { recursive: true, force: true });
  }

  private load(): Map<string, Buffer | string> {
    if (this.stored) return this.stored;
    const stored = new Map<string, Buffer | string>();
    this.packs = existsSync(this.root) ? readdirSync(this.root).filter((f) => f.endsWith('.pack')).sort() : [];
    for (const pack of this.packs) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(this.root, pack));
      } catch {
        continue; // unreadable: its entries are recomputed
      }
      let at = 0;
      while (at < bytes.length) {
        let nl = bytes.indexOf(10, at);
        if (nl === -1) nl = bytes.length;
        const tab = bytes.indexOf(9, at);
        // Keys are hexadecimal: read as Latin-1, a damaged one matches nothing.
        if (tab > at && tab < nl) stored.set(bytes.toString('latin1', at, tab), bytes.subarray(tab + 1, nl));
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
    const entry = this.load().get(key);
    if (entry !== undefined) {
      try {
        const value = JSON.parse(typeof entry === 'string' ? entry : entry.toString('utf8')) as T;
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
    this.setJson(key, JSON.stringify(value));
  }

  /** {@link set} with the entry already as JSON text (a worker thread's answer). */
  setJson(key: string, json: string): void {
    this.added.set(key, json);
    this.used.add(key);
  }

  /**
   * Write what this run added as new packs; rewrite the used entries into as few packs as they need when packs or
   * dead entries pile up.
   */
  flush(): void {
    const stored = this.load();
    const dead = stored.size - [...this.used].filter((k) => stored.has(k) && !this.added.has(k)).length;
    const needed = (n: number) => Math.ceil(n / this.entriesPerPack);
    const compact = this.packs.length + needed(this.added.size) > needed(this.used.size) + MAX_PACKS || (dead > this.used.size && this.packs.length > 0);
    if (!this.added.size && !compact) return;
    mkdirSync(this.root, { recursive: true });
    const keys = compact ? [...this.used].sort() : [...this.added.keys()];
    const written: string[] = [];
    for (let from = 0; from < keys.length; from += this.entriesPerPack) {
      written.push(this.writePack(keys.slice(from, from + this.entriesPerPack).map((key) => [key, this.added.get(key) ?? stored.get(key)!]), written.length));
    }
    if (compact) for (const pack of this.packs) rmSync(join(this.root, pack), { force: true });
    for (const [k, v] of this.added) stored.set(k, v);
    this.packs = compact ? written : [...this.packs, ...written];
    this.added.clear();
  }

  /** One pack file of entry lines (key, tab, JSON), written to a temp file and renamed; its name. */
  private writePack(entries: [string, Buffer | string][], part: number): string {
    const name = `${Date.now().toString().padStart(15, '0')}-${process.pid}-${part}.pack`;
    const tmp = join(this.root, `${name}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      // Entries this run wrote are text, those kept are the bytes read from their pack.
      const out = bufferedWrites(fd);
      for (const [key, json] of entries) {
        out.write(Buffer.from(`${key}\t`));
        out.write(typeof json === 'string' ? Buffer.from(json) : json);
        out.write(NEWLINE);
      }
      out.end();
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, join(this.root, name));
    return name;
  }
}
