import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { gzipPostings, POSTINGS_GZ } from '../../src/lib/site/publish.ts';

describe('publishing the dataset', () => {
  const dirs: string[] = [];
  const folder = (json?: string) => {
    const d = mkdtempSync(join(tmpdir(), 'atlas-publish-'));
    dirs.push(d);
    if (json !== undefined) writeFileSync(join(d, 'postings.json'), json);
    return d;
  };
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });
  const json = JSON.stringify({ asOf: '2026-03-02', postings: Array.from({ length: 200 }, (_, i) => ({ id: `acme/p-${i}`, trace: [] })) }, null, 2) + '\n';

  test('postings.json is replaced by postings.json.gz, which unpacks to the same bytes', async () => {
    const d = folder(json);
    const sizes = await gzipPostings(d);
    expect(existsSync(join(d, 'postings.json'))).toBe(false);
    expect(gunzipSync(readFileSync(join(d, POSTINGS_GZ))).toString('utf8')).toBe(json);
    expect(sizes!.json).toBe(Buffer.byteLength(json));
    expect(sizes!.gz).toBeLessThan(sizes!.json / 5);
  });

  test('the same dataset gives the same bytes', async () => {
    const a = folder(json), b = folder(json);
    await gzipPostings(a);
    await gzipPostings(b);
    expect(readFileSync(join(a, POSTINGS_GZ)).equals(readFileSync(join(b, POSTINGS_GZ)))).toBe(true);
  });

  test('a data folder without postings.json is left alone', async () => {
    expect(await gzipPostings(folder())).toBeNull();
  });
});
