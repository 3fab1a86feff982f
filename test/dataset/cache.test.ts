import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { loadCollection, loadCollectionCached, type FileOutcome } from '../../src/lib/posting/collection.ts';
import { entryKey, fingerprint, ResultCache } from '../../src/lib/posting/cache.ts';
import { inWorkers, workersFor } from '../../src/lib/posting/parallel.ts';
import { buildDataset } from '../../src/lib/dataset/build.ts';
import { writeDatasets } from '../../src/lib/dataset/write.ts';
import { postingFile, postingText, put, tempContent } from '../posting/helpers.ts';

/** A content folder of made-up postings: a few companies, a repost, a file with an error. */
function collection() {
  const { root, postings } = tempContent();
  for (let i = 0; i < 12; i++) {
    put(postings, `acme-robotics/ml-engineer-${i}.md`, postingFile({ title: `ML Engineer ${i}`, company: 'Acme Robotics', posted: `2025-0${1 + (i % 9)}-10` }, postingText(`team ${i}`)));
  }
  put(postings, 'pinterest/staff-mle.md', postingFile({ title: 'Staff MLE', company: 'Pinterest', posted: '2025-01-01' }, postingText('ads')));
  put(postings, 'pinterest/staff-mle-2.md', postingFile({ title: 'Staff MLE', company: 'Pinterest', posted: '2025-06-01' }, postingText('ads')));
  return { root, postings };
}

/** Every dataset file's bytes, by name. */
function datasets(loaded: ReturnType<typeof loadCollection>, rates: ReturnType<typeof loadContext>['rates']) {
  const out = mkdtempSync(join(tmpdir(), 'atlas-out-'));
  writeDatasets(buildDataset(loaded, rates), out);
  return Object.fromEntries(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort().filter((f) => statSync(join(out, f)).isFile()).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}
const messages = (loaded: ReturnType<typeof loadCollection>) => loaded.map((p) => [p.rel, p.file.messages.map((m) => `${m.line}:${m.column} ${m.reason}`)]);

describe('the data step’s cached and parallel paths', () => {
  it('give byte-identical datasets and the same messages as the serial run', async () => {
    const { root, postings } = collection();
    const ctx = loadContext(root);
    const serial = loadCollection(postings, ctx, postings);
    const cache = new ResultCache<FileOutcome>(mkdtempSync(join(tmpdir(), 'atlas-cache-')), fingerprint(root));
    const parallel = await loadCollectionCached(postings, ctx, postings, { cache, compute: inWorkers(root, 2) });
    expect(cache.misses).toBe(14);
    const cached = await loadCollectionCached(postings, ctx, postings, { cache, compute: () => { throw new Error('nothing should be computed'); } });
    expect(cache.hits).toBe(14);
    const want = datasets(serial, ctx.rates);
    expect(Object.keys(want)).toContain('postings.json');
    expect(datasets(parallel, ctx.rates)).toEqual(want);
    expect(datasets(cached, ctx.rates)).toEqual(want);
    expect(messages(cached)).toEqual(messages(serial));
    expect(messages(serial).flatMap(([, m]) => m as string[]).some((m) => /repost of pinterest\/staff-mle/.test(m))).toBe(true);
  });

  it('recomputes only the file that changed; a new fingerprint (code, taxonomy, rates) makes every entry stale', async () => {
    const { root, postings } = collection();
    const ctx = loadContext(root);
    const dir = mkdtempSync(join(tmpdir(), 'atlas-cache-'));
    await loadCollectionCached(postings, ctx, postings, { cache: new ResultCache<FileOutcome>(dir, fingerprint(root)) });
    const file = join(postings, 'acme-robotics/ml-engineer-3.md');
    writeFileSync(file, readFileSync(file, 'utf8') + 'Also: Kubernetes.\n');
    const again = new ResultCache<FileOutcome>(dir, fingerprint(root));
    const loaded = await loadCollectionCached(postings, ctx, postings, { cache: again });
    expect([again.hits, again.misses]).toEqual([13, 1]);
    expect(loaded.find((p) => p.rel === 'acme-robotics/ml-engineer-3.md')!.body).toMatch(/Kubernetes/);
    put(root, 'rates.yml', 'source: test\nrates:\n  - date: 2024-01-01\n    perUsd: { EUR: 0.95 }\n');
    const changed = new ResultCache<FileOutcome>(dir, fingerprint(root));
    await loadCollectionCached(postings, loadContext(root), postings, { cache: changed });
    expect(changed.hits).toBe(0);
    expect(readdirSync(dir)).toHaveLength(1);
    expect(entryKey('a.md', Buffer.from('x'))).not.toBe(entryKey('b.md', Buffer.from('x')));
  });

  it('uses one worker per core only when each has enough files to be worth its start-up', () => {
    expect(workersFor(100, 8)).toBe(1);
    expect(workersFor(10_000, 2)).toBe(2);
    expect(workersFor(1_000, 8)).toBe(2);
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
