import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAggregates } from './aggregates.ts';
import { postingSkillsCsv, postingsCsv } from './build.ts';
import { chartCsvs } from './chart-csv.ts';
import { buildAtlas, filterCube, skillMonths } from './compare.ts';
import type { Dataset } from './types.ts';
import { buildSourceSummary, type Batch } from './sources.ts';

/** Stable JSON: two-space indent and a final newline, so the same input gives byte-identical files. */
export const stableJson = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * Write every dataset file to `outDir` (chart CSVs under charts/, the filters' count tables under filters/); returns
 * the names written.
 * @param dataset the built dataset
 * @param outDir where to write
 * @param batches the imported batches content/sources.yml records (for sources.json)
 */
export function writeDatasets(dataset: Dataset, outDir: string, batches: Batch[] = []): string[] {
  mkdirSync(join(outDir, 'charts'), { recursive: true });
  mkdirSync(join(outDir, 'filters'), { recursive: true });
  const aggregates = buildAggregates(dataset);
  const atlas = buildAtlas(dataset);
  const files: Record<string, string> = {
    'postings.json': stableJson(dataset),
    'postings.csv': postingsCsv(dataset),
    'posting_skills.csv': postingSkillsCsv(dataset),
    'aggregates.json': stableJson({ ...aggregates, ...atlas }),
    'sources.json': stableJson(buildSourceSummary(dataset, batches)),
    // Read by the browser when a filter needs them: compact (no indent), counts only.
    'filters/cube.json': JSON.stringify(filterCube(dataset)) + '\n',
    'filters/skill-months.json': JSON.stringify(skillMonths(dataset)) + '\n',
    ...Object.fromEntries(Object.entries(chartCsvs(aggregates, atlas)).map(([name, body]) => [`charts/${name}`, body])),
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(join(outDir, name), body);
  return Object.keys(files);
}
