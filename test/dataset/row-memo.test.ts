import { describe, expect, it } from 'vitest';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { loadCollection, loadCollectionCached, type StoredOutcome } from '../../src/lib/posting/collection.ts';
import { fingerprint, ResultCache } from '../../src/lib/posting/cache.ts';
import { buildDataset } from '../../src/lib/dataset/build.ts';
import { writeDatasets } from '../../src/lib/dataset/write.ts';
import { RowMemo, rowsFrom } from '../../src/lib/dataset/row-memo.ts';
import { postingFile, postingText, put, tempContent } from '../posting/helpers.ts';

/** Every file written, by name: the datasets and the posting texts. */
function written(out: string): Record<string, string> {
  return Object.fromEntries(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort().filter((f) => statSync(join(out, f)).isFile()).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
}

describe('rows kept between runs of the data step', () => {
  it('give the same bytes as rows laid out anew: kept, changed, reposted, and after the file is damaged', async () => {
    const { root, postings } = tempContent();
    // A field with a line break, quotes and a formula, for the CSV records; a repost, for the warnings.
    put(postings, 'acme-robotics/staff-mle.md', postingFile({ title: 'Staff ML Engineer', company: 'Acme Robotics', posted: '2025-01-10' }, postingText('ranking') + '\nPay: "$200,000 - $250,000" a year.\n'));
    put(postings, 'acme-robotics/researcher.md', postingFile({ title: '=Research Scientist', company: 'Acme Robotics', posted: '2025-02-10' }, postingText('vision')));
    put(postings, 'pinterest/mle.md', postingFile({ title: 'ML Engineer', company: 'Pinterest', posted: '2025-03-01' }, postingText('ads')));
    const ctx = loadContext(root);
    const cache = new ResultCache<StoredOutcome>(mkdtempSync(join(tmpdir(), 'atlas-cache-')), fingerprint(root));
    const file = join(cache.root, 'rows');
    const run = async (memo: RowMemo | undefined) => {
      const out = mkdtempSync(join(tmpdir(), 'atlas-out-'));
      const loaded = memo ? await loadCollectionCached(postings, ctx, postings, { cache }) : loadCollection(postings, ctx, postings);
      await writeDatasets(buildDataset(loaded, ctx.rates), out, [], join(out, 'texts'), memo && rowsFrom(memo, loaded));
      memo?.flush();
      return written(out);
    };

    const fresh = await run(new RowMemo(file));
    expect(fresh).toEqual(await run(undefined));
    const kept = new RowMemo(file);
    expect(kept.size).toBe(3);
    const size = statSync(file).size;
    expect(await run(kept)).toEqual(fresh);
    // Nothing changed: every row was copied, none laid out (nothing added to the file).
    expect(statSync(file).size).toBe(size);

    // One posting changes; another, added, is a repost of it: both rows are laid out anew, the rest copied.
    appendFileSync(join(postings, 'pinterest/mle.md'), 'Also: Kubernetes.\n');
    put(postings, 'pinterest/mle-2.md', postingFile({ title: 'ML Engineer', company: 'Pinterest', posted: '2025-09-01' }, readFileSync(join(postings, 'pinterest/mle.md'), 'utf8').split('---\n').at(-1)!));
    const changed = await run(new RowMemo(file));
    expect(changed['texts/posting-texts.jsonl']).toMatch(/Kubernetes/);
    expect(changed['postings.json']).toMatch(/repost of pinterest\/mle/);
    expect(changed).toEqual(await run(undefined));

    // Cut off mid-row, then garbage: what cannot be read is laid out again, and the file is rewritten whole.
    truncateSync(file, statSync(file).size - 10);
    expect(await run(new RowMemo(file))).toEqual(changed);
    expect(new RowMemo(file).size).toBe(4);
    writeFileSync(file, 'not rows at all');
    expect(await run(new RowMemo(file))).toEqual(changed);
    expect(new RowMemo(file).size).toBe(4);
  });
});
