/**
 * Build-time data loading for pages: the datasets the data step wrote to public/data/.
 * Pages call these; they compute nothing themselves (numbers come from src/lib/dataset).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Aggregates } from '../dataset/aggregates.ts';
import type { Atlas, FilterCube, SkillMonths } from '../dataset/compare.ts';
import type { Dataset } from '../dataset/types.ts';
import type { SourceSummary } from '../dataset/sources.ts';
import { companyDetails, skillDetails, type CompanyDetail, type SkillDetail } from '../dataset/detail.ts';

/** Where the datasets are read from: `$SITE_DATA_DIR` when set, else public/data under the working directory. */
export const dataDir = (): string => resolve(process.env.SITE_DATA_DIR ?? join(process.cwd(), 'public/data'));

const cache = new Map<string, unknown>();

/** Read and parse one JSON file of the data folder once per build, with a message that says what to run when missing. */
function readJson<T>(name: string): T {
  const path = join(dataDir(), name);
  if (!cache.has(path)) {
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run data\` before building the site`);
    cache.set(path, JSON.parse(readFileSync(path, 'utf8')) as T);
  }
  return cache.get(path) as T;
}

/** The size in bytes of a file of the data folder as the data step wrote it ("postings.csv"), or null when absent. */
export const dataFileSize = (name: string): number | null => {
  const path = join(dataDir(), name);
  return existsSync(path) ? statSync(path).size : null;
};

/** public/data/postings.json. */
export const loadDataset = (): Dataset => readJson<Dataset>('postings.json');

/** public/data/aggregates.json: the site's aggregates and the comparison and trend numbers beside them. */
export const loadAggregates = (): Aggregates & Atlas => readJson<Aggregates & Atlas>('aggregates.json');

/** public/data/filters/cube.json: counts by family × level × region × arrangement × pay source × month (filter options come from it). */
export const loadFilterCube = (): FilterCube => readJson<FilterCube>('filters/cube.json');

/** public/data/filters/skill-months.json: per skill, ML postings naming it each month (the skill comparison's choices). */
export const loadSkillMonths = (): SkillMonths => readJson<SkillMonths>('filters/skill-months.json');

let skillCache: SkillDetail[] | undefined;
let companyCache: CompanyDetail[] | undefined;

/** Every skill's detail (its page and its CSVs share one computation per build). */
export const loadSkillDetails = (): SkillDetail[] => (skillCache ??= skillDetails(loadDataset()));

/** Every company's detail (its page and its CSVs share one computation per build). */
export const loadCompanyDetails = (): CompanyDetail[] => (companyCache ??= companyDetails(loadDataset()));

/** public/data/sources.json: where the postings come from, per origin and year, and text/board disagreements. */
export const loadSources = (): SourceSummary => readJson<SourceSummary>('sources.json');

/** Where the data step left the posting texts: $ATLAS_TEXT_DIR, else .cache/site under the working directory. */
export const textDir = (): string => resolve(process.env.ATLAS_TEXT_DIR ?? join(process.cwd(), '.cache/site'));

let texts: Map<string, { text: string; removed: { reason: string; text: string }[] }> | undefined;

/**
 * A posting's cleaned text and the chrome set aside from it, for its page; null for a posting whose page does not show
 * its text (older than the newest TEXT_PAGES_MAX). Read line by line from posting-texts.jsonl, once per build.
 */
export function loadPostingText(id: string): { text: string; removed: { reason: string; text: string }[] } | null {
  if (!texts) {
    const path = join(textDir(), 'posting-texts.jsonl');
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run data\` before building the site`);
    texts = new Map();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line) continue;
      const t = JSON.parse(line) as { id: string; text: string; removed: { reason: string; text: string }[] };
      texts.set(t.id, { text: t.text, removed: t.removed });
    }
  }
  return texts.get(id) ?? null;
}
