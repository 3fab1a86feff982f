/**
 * `node scripts/search.ts [DIST]` (the last step of `npm run build`): the search index, dist/pagefind/, built with
 * Pagefind's Node API from one record per posting (its fields; src/lib/site/search.ts) rather than by crawling every
 * page of dist/, which at 100,000 postings held 11.6 GB. Reads the dataset where the site did ($SITE_DATA_DIR, else
 * public/data); `BASE_PATH` prefixes the result links as it does the site's.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import type { Dataset } from '../src/lib/dataset/types.ts';
import { dataDir } from '../src/lib/site/data.ts';
import { searchRecord } from '../src/lib/site/search.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const base = process.env.BASE_PATH || '/';
const fail = (what: string, errors: string[]) => {
  console.error(`search: ${what}: ${errors.join('; ')}`);
  process.exit(1);
};

const { postings } = JSON.parse(readFileSync(resolve(dataDir(), 'postings.json'), 'utf8')) as Dataset;
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) fail('could not start Pagefind', errors);
// A few records in flight keep Pagefind's service busy without queueing 100,000 messages at once.
let next = 0;
const worker = async () => {
  while (next < postings.length) {
    const added = await index!.addCustomRecord(searchRecord(postings[next++]!, base));
    if (added.errors.length) fail('a record was refused', added.errors);
  }
};
await Promise.all(Array.from({ length: 8 }, worker));
const written = await index!.writeFiles({ outputPath: resolve(dist, 'pagefind') });
if (written.errors.length) fail('writing the index', written.errors);
await pagefind.close();
console.log(`search: ${postings.length} postings indexed (their fields, not their texts) → ${resolve(dist, 'pagefind')}`);
