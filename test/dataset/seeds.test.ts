import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPosting } from '../../src/lib/posting/read.ts';
import { sharedPath } from '../../src/lib/eval/corpus.ts';
import { skillFound } from '../../src/lib/eval/score.ts';
import type { Dataset, PostingRow } from '../../src/lib/dataset/types.ts';
import { hasShared } from '../helpers/shared.ts';

const root = resolve(import.meta.dirname, '../..');
const contentDir = join(root, 'content/postings');

/** Run the data step as a person would, into a fresh folder; returns the folder. */
function runDataStep(): string {
  const out = mkdtempSync(join(tmpdir(), 'atlas-data-'));
  execFileSync(process.execPath, ['scripts/data.ts', '--content', contentDir, '--out', out], { cwd: root, stdio: 'pipe' });
  return out;
}

describe.runIf(hasShared('the seed dataset test', 'seeds'))('datasets built from the seed postings', () => {
  const seedsDir = sharedPath('seeds') ?? '';
  let out = '';
  let dataset: Dataset;
  /** Seed file name → the dataset row built from the content file holding that seed's text unchanged. */
  const bySeed = new Map<string, PostingRow>();
  let expected: Record<string, any>;

  beforeAll(() => {
    out = runDataStep();
    dataset = JSON.parse(readFileSync(join(out, 'postings.json'), 'utf8'));
    expected = JSON.parse(readFileSync(join(seedsDir, 'expected.json'), 'utf8')).postings;
    const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt'));
    for (const row of dataset.postings) {
      const body = readPosting(readFileSync(join(contentDir, row.file), 'utf8'), row.file).body;
      const seed = seeds.find((s) => readFileSync(join(seedsDir, s), 'utf8') === body);
      if (seed) bySeed.set(seed, row);
    }
  }, 120_000);

  it('holds every seed, its text copied unchanged into a posting file', () => {
    expect([...bySeed.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  it('writes postings.json one posting a line, so grep and line readers work on it', () => {
    const lines = readFileSync(join(out, 'postings.json'), 'utf8').split('\n');
    const rows = lines.slice(lines.indexOf('  "postings": [') + 1, lines.indexOf('  ]'));
    expect(rows.map((line) => (JSON.parse(line.replace(/,$/, '')) as PostingRow).id)).toEqual(dataset.postings.map((p) => p.id));
  });

  it('writes one CSV row per posting and byte-identical files on a second run', () => {
    const csv = readFileSync(join(out, 'postings.csv'), 'utf8');
    expect(csv.trim().split('\n').length - 1).toBe(dataset.postings.length);
    const again = runDataStep();
    for (const name of ['postings.json', 'postings.csv', 'posting_skills.csv', 'aggregates.json']) {
      expect(readFileSync(join(again, name), 'utf8'), name).toBe(readFileSync(join(out, name), 'utf8'));
    }
  }, 120_000);

  for (const seed of ['000_1e4ac32a4b01efc0.txt', '001_b5e42bca55e2b282.txt', '002_be3dd9fff6702c30.txt', '003_45dda74da6c7416c.txt', '004_37873b2ddd367101.txt']) {
    it(`reads what a careful reader reads from ${seed}`, () => {
      const e = expected[seed];
      const row = bySeed.get(seed)!;
      expect(row).toBeDefined();
      const got = {
        company: row.company,
        // Seed 004's text names no title; its content file supplies one.
        title: e.title === null ? null : row.title,
        level: row.level,
        pay: row.pay && { min: row.pay.min, max: row.pay.max, currency: row.pay.currency, period: row.pay.period },
        remote: row.remote && { policy: row.remote.policy, region: row.remote.region, officeDaysPerYear: row.remote.officeDaysPerYear },
        locations: row.locations,
        posted: row.posted,
      };
      const want = {
        company: e.company,
        title: e.title,
        level: e.level,
        pay: e.pay && { min: e.pay.min, max: e.pay.max, currency: e.pay.currency, period: e.pay.period },
        remote: e.remote && { policy: e.remote.policy, region: e.remote.region, officeDaysPerYear: e.remote.officeDaysPerYear },
        locations: e.locations,
        posted: e.posted,
      };
      expect(got).toEqual(want);
      // The capture date may be inferred only from the text's own dates (seed 000: posted + "47 days ago").
      if (row.captured !== e.captured) expect(e.dateNote ?? '').toMatch(/inferred/);
      const found = (e.skills as string[]).filter((id) => skillFound(id, row.skills));
      expect(found.length / e.skills.length, `found ${found.join(', ')}`).toBeGreaterThanOrEqual(0.8);
    });
  }
});
