import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { fileText, loadCollection, loadCollectionCached, packOutcome, processFile, unpackOutcome, type StoredOutcome } from '../../src/lib/posting/collection.ts';
import { entryKey, fingerprint, MAX_PACKS, ResultCache } from '../../src/lib/posting/cache.ts';
import { CHUNK_FILES, helpersFor, inWorkers } from '../../src/lib/posting/parallel.ts';
import { readAhead } from '../../src/lib/posting/read-ahead.ts';
import { listFiles } from '../../src/lib/posting/files.ts';
import { buildDataset } from '../../src/lib/dataset/build.ts';
import { writeDatasets } from '../../src/lib/dataset/write.ts';
import { ROOT, postingFile, postingText, put, tempContent } from '../posting/helpers.ts';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** A content folder of made-up postings: a few companies, a repost, a file with an error. */
function collection(acme = 12) {
  const { root, postings } = tempContent();
  for (let i = 0; i < acme; i++) {
    put(postings, `acme-robotics/ml-engineer-${i}.md`, postingFile({ title: `ML Engineer ${i}`, company: 'Acme Robotics', posted: `2025-0${1 + (i % 9)}-10` }, postingText(`team ${i}`)));
  }
  put(postings, 'pinterest/staff-mle.md', postingFile({ title: 'Staff MLE', company: 'Pinterest', posted: '2025-01-01' }, postingText('ads')));
  put(postings, 'pinterest/staff-mle-2.md', postingFile({ title: 'Staff MLE', company: 'Pinterest', posted: '2025-06-01' }, postingText('ads')));
  return { root, postings };
}

/** Every dataset file's bytes, by name. */
async function datasets(loaded: ReturnType<typeof loadCollection>, rates: ReturnType<typeof loadContext>['rates']) {
  const out = mkdtempSync(join(tmpdir(), 'atlas-out-'));
  await writeDatasets(buildDataset(loaded, rates), out);
  return Object.fromEntries(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort().filter((f) => statSync(join(out, f)).isFile()).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}
const messages = (loaded: ReturnType<typeof loadCollection>) => loaded.map((p) => [p.rel, p.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)]);

describe('the data step’s cached and parallel paths', () => {
  it('give byte-identical datasets and the same messages as the serial run', async () => {
    // More files than a chunk: the helpers (and the calling thread, in the second run) each take some.
    const { root, postings } = collection(CHUNK_FILES + 20);
    const files = CHUNK_FILES + 22;
    const ctx = loadContext(root);
    const serial = loadCollection(postings, ctx, postings);
    const want = await datasets(serial, ctx.rates);
    expect(Object.keys(want)).toContain('postings.json');
    expect(messages(serial).flatMap(([, m]) => m as string[]).some((m) => /repost of pinterest\/staff-mle/.test(m))).toBe(true);
    for (const share of [{ helpers: 2, callerHelps: false }, { helpers: 1 }]) {
      const cache = new ResultCache<StoredOutcome>(mkdtempSync(join(tmpdir(), 'atlas-cache-')), fingerprint(root));
      const parallel = await loadCollectionCached(postings, ctx, postings, { cache, compute: inWorkers(root, share) });
      expect(cache.size).toBe(files);
      const cached = await loadCollectionCached(postings, ctx, postings, { cache, compute: { run: () => Promise.reject(new Error('nothing should be computed')) } });
      expect(cache.hits).toBe(files);
      // The files read and hashed on a helper thread, as a rerun of the data step does.
      const ahead = await loadCollectionCached(postings, ctx, postings, { cache, ahead: readAhead(postings), compute: { run: () => Promise.reject(new Error('nothing should be computed')) } });
      expect(cache.hits).toBe(2 * files);
      expect(await datasets(parallel, ctx.rates)).toEqual(want);
      expect(await datasets(cached, ctx.rates)).toEqual(want);
      expect(await datasets(ahead, ctx.rates)).toEqual(want);
      for (const loaded of [parallel, cached, ahead]) expect(messages(loaded)).toEqual(messages(serial));
    }
  });

  it('reads ahead on a helper thread: the listing, then every file in order with its bytes and cache key', async () => {
    const { postings } = tempContent();
    // More files than one batch holds, of different sizes, one empty.
    for (let i = 0; i < 700; i++) put(postings, `co-${i % 7}/p-${i}.md`, i === 5 ? '' : 'x'.repeat(i * 37 % 3000));
    const ahead = readAhead(postings);
    const rels = await ahead.rels;
    expect(rels).toEqual(listFiles(postings));
    const seen: number[] = [];
    for await (const batch of ahead.files()) {
      for (const [i, got] of batch) {
        seen.push(i);
        const bytes = readFileSync(join(postings, rels[i]!));
        expect(got && Buffer.compare(got.bytes, bytes), rels[i]).toBe(0);
        expect(got!.key).toBe(entryKey(rels[i]!, bytes));
      }
    }
    expect(seen).toEqual(rels.map((_, i) => i));
  });

  it('keeps the process alive while it waits for the helper thread (with nothing else to wait for)', () => {
    const { postings } = tempContent();
    for (let i = 0; i < 3; i++) put(postings, `co/p-${i}.md`, `posting ${i}`);
    const script = `import { readAhead } from ${JSON.stringify(pathToFileURL(join(ROOT, 'src/lib/posting/read-ahead.ts')).href)};
      let n = 0;
      for await (const batch of readAhead(${JSON.stringify(postings)}).files()) n += batch.length;
      console.log(n);`;
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-ahead-')), 'wait.mjs');
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('3');
  });

  it('recomputes only the file that changed; a new fingerprint (code, taxonomy, rates) makes every entry stale', async () => {
    const { root, postings } = collection();
    const ctx = loadContext(root);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    await loadCollectionCached(postings, ctx, postings, { cache: new ResultCache<StoredOutcome>(dir, fingerprint(root)) });
    const file = join(postings, 'acme-robotics/ml-engineer-3.md');
    writeFileSync(file, readFileSync(file, 'utf8') + 'Also: Kubernetes.\n');
    const again = new ResultCache<StoredOutcome>(dir, fingerprint(root));
    const loaded = await loadCollectionCached(postings, ctx, postings, { cache: again });
    expect([again.hits, again.misses]).toEqual([13, 1]);
    expect(loaded.find((p) => p.rel === 'acme-robotics/ml-engineer-3.md')!.body).toMatch(/Kubernetes/);
    put(root, 'rates.yml', 'source: test\nrates:\n  - date: 2024-01-01\n    perUsd: { EUR: 0.95 }\n');
    const changed = new ResultCache<StoredOutcome>(dir, fingerprint(root));
    await loadCollectionCached(postings, loadContext(root), postings, { cache: changed });
    expect(changed.hits).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(entryKey('a.md', Buffer.from('x'))).not.toBe(entryKey('b.md', Buffer.from('x')));
  });

  it('keeps entries in a few pack files: edits add one pack per run, and piled-up packs are rewritten into one', async () => {
    const { root, postings } = collection();
    const ctx = loadContext(root);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    const print = fingerprint(root);
    const packs = () => readdirSync(join(dir, print)).filter((f) => f.endsWith('.pack'));
    await loadCollectionCached(postings, ctx, postings, { cache: new ResultCache<StoredOutcome>(dir, print) });
    expect(packs()).toHaveLength(1);
    const file = join(postings, 'acme-robotics/ml-engineer-3.md');
    for (let run = 1; run <= MAX_PACKS + 2; run++) {
      writeFileSync(file, readFileSync(file, 'utf8') + `Edit ${run}.\n`);
      const cache = new ResultCache<StoredOutcome>(dir, print);
      await loadCollectionCached(postings, ctx, postings, { cache });
      expect([cache.hits, cache.misses]).toEqual([13, 1]);
      // 14 entries need one pack; at most MAX_PACKS more pile up before they are rewritten.
      expect(packs().length).toBeLessThanOrEqual(1 + MAX_PACKS);
    }
    // After rewriting, the cache holds the current files' entries, not every edit ever made.
    expect(new ResultCache<StoredOutcome>(dir, print).size).toBeLessThanOrEqual(14 + MAX_PACKS);
    // A run with nothing new writes nothing.
    const before = packs();
    await loadCollectionCached(postings, ctx, postings, { cache: new ResultCache<StoredOutcome>(dir, print) });
    expect(packs()).toEqual(before);
  });

  it('splits entries over packs of a bounded size, and reads them all back', async () => {
    const { root, postings } = collection();
    const ctx = loadContext(root);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    const print = fingerprint(root);
    await loadCollectionCached(postings, ctx, postings, { cache: new ResultCache<StoredOutcome>(dir, print, 5) });
    expect(readdirSync(join(dir, print)).filter((f) => f.endsWith('.pack'))).toHaveLength(3);
    const again = new ResultCache<StoredOutcome>(dir, print, 5);
    await loadCollectionCached(postings, ctx, postings, { cache: again });
    expect([again.hits, again.misses]).toEqual([14, 0]);
  });

  it('recomputes the entries of a damaged pack line and ignores a pack left half-written by a crash', async () => {
    const { root, postings } = collection();
    const ctx = loadContext(root);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    const print = fingerprint(root);
    const want = await datasets(await loadCollectionCached(postings, ctx, postings, { cache: new ResultCache<StoredOutcome>(dir, print) }), ctx.rates);
    const [pack] = readdirSync(join(dir, print));
    const lines = readFileSync(join(dir, print, pack!), 'utf8').split('\n');
    lines[0] = lines[0]!.slice(0, 90); // a line cut short: its JSON does not parse
    writeFileSync(join(dir, print, pack!), lines.join('\n'));
    writeFileSync(join(dir, print, 'left-by-a-crash.pack.tmp'), 'garbage');
    const cache = new ResultCache<StoredOutcome>(dir, print);
    const loaded = await loadCollectionCached(postings, ctx, postings, { cache });
    expect([cache.hits, cache.misses]).toEqual([13, 1]);
    expect(await datasets(loaded, ctx.rates)).toEqual(want);
  });

  it('stores an outcome without the texts its file gives back, and restores it exactly', () => {
    const { root } = collection();
    const ctx = loadContext(root);
    // HTML and a job board's chrome: the cleaned text is not just the body tidied, so it is kept.
    const raw = postingFile({ title: 'ML Engineer', company: 'Acme Robotics' }, '<p>We build <b>ranking</b> models with PyTorch.</p>\n\nSimilar jobs\nData Scientist · Boston · $120k - $150k · 2 weeks ago\n');
    for (const text of [raw, postingFile({ title: 'ML Engineer', company: 'Acme Robotics' }, postingText('plain'))]) {
      const bytes = Buffer.from(text);
      const outcome = processFile('acme-robotics/x.md', bytes, ctx);
      const stored = packOutcome(outcome, fileText(bytes));
      expect(JSON.stringify(stored)).not.toContain(outcome.body.trim().slice(0, 40));
      expect(unpackOutcome(JSON.parse(JSON.stringify(stored)), fileText(bytes))).toEqual(outcome);
    }
  });

  it('fails with the helper’s error, rather than waiting for ever, when a helper cannot run', async () => {
    const { root, postings } = collection();
    const ctx = loadContext(root);
    // The helper loads its taxonomy from a folder that has none: it stops before answering anything.
    const broken = inWorkers(mkdtempSync(join(tmpdir(), 'atlas-no-taxonomy-')), { helpers: 1, callerHelps: false });
    await expect(loadCollectionCached(postings, ctx, postings, { compute: broken })).rejects.toThrow(/taxonomy|ENOENT|no such file/i);
  });

  it('starts a helper thread per core beside the calling one only when each thread has enough files to be worth it', () => {
    expect(helpersFor(100, 8)).toBe(0);
    expect(helpersFor(2_999, 2)).toBe(0);
    expect(helpersFor(3_000, 2)).toBe(1);
    expect(helpersFor(10_000, 2)).toBe(1);
    expect(helpersFor(4_500, 8)).toBe(2);
    expect(helpersFor(100_000, 8)).toBe(7);
  });
});

describe('data as of', () => {
  it('is the latest date any posting was posted or captured, not the latest posting date', () => {
    const { root, postings } = tempContent();
    put(postings, 'acme-robotics/old.md', postingFile({ title: 'ML Engineer', company: 'Acme Robotics', posted: '2020-01-01', captured: '2025-06-01' }, postingText('old')));
    put(postings, 'acme-robotics/new.md', postingFile({ title: 'Staff ML Engineer', company: 'Acme Robotics', posted: '2024-03-01' }, postingText('new')));
    const ctx = loadContext(root);
    expect(buildDataset(loadCollection(postings, ctx, postings), ctx.rates).asOf).toBe('2025-06-01');
  });
});
