/**
 * The dataset a built site was made from, for the built-site and browser checks: $SITE_DATA_DIR/postings.json when the
 * site was built from another data folder, else the published dist/data/postings.json.gz, unpacked (so reading it is
 * itself a check that the download unpacks to the dataset).
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { POSTINGS_GZ } from '../../src/lib/site/publish.ts';

export function builtDataset(dist: string): Dataset {
  if (process.env.SITE_DATA_DIR) return JSON.parse(readFileSync(join(process.env.SITE_DATA_DIR, 'postings.json'), 'utf8')) as Dataset;
  const gz = join(dist, 'data', POSTINGS_GZ);
  if (!existsSync(gz)) throw new Error(`${gz} is missing: the build publishes postings.json gzipped (src/lib/site/publish.ts)`);
  return JSON.parse(gunzipSync(readFileSync(gz)).toString('utf8')) as Dataset;
}
