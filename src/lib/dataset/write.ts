import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAggregates } from './aggregates.ts';
import { postingSkillsCsv, postingsCsv } from './build.ts';
import type { Dataset } from './types.ts';
import { buildSourceSummary, type Batch } from './sources.ts';

/** Stable JSON: two-space indent and a final newline, so the same input gives byte-identical files. */
export const stableJson = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * Write every dataset file to `outDir`; returns the names written.
 * @param dataset the built dataset
 * @param outDir where to write
 * @param batches the imported batches content/sources.yml records (for sources.json)
 */
export function writeDatasets(dataset: Dataset, outDir: string, batches: Batch[] = []): string[] {
  mkdirSync(outDir, { recursive: true });
  const files: Record<string, string> = {
    'postings.json': stableJson(dataset),
    'postings.csv': postingsCsv(dataset),
    'posting_skills.csv': postingSkillsCsv(dataset),
    'aggregates.json': stableJson(buildAggregates(dataset)),
    'sources.json': stableJson(buildSourceSummary(dataset, batches)),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(outDir, name), body);
  return Object.keys(files);
}
