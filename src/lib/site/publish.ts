/**
 * What the built site publishes of the data folder, beside what the data step wrote. postings.json is the one large
 * file (267 MB at 100,000 postings, most of it the per-field trace and indentation): the site publishes it gzipped
 * (postings.json.gz, a fraction of that), so the whole site fits GitHub Pages' 1 GB. The CSVs, aggregates and chart
 * files are published as written. The data step's own output (public/data/postings.json) is left as it is.
 */
import { createReadStream, createWriteStream, existsSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';

/** The dataset as the site publishes it, under /data/. */
export const POSTINGS_GZ = 'postings.json.gz';

/**
 * Replace `<dataDir>/postings.json` by `postings.json.gz` (streamed, never held whole; gzip level 9, no name or time in
 * the header, so the same file gives the same bytes). Does nothing when there is no postings.json.
 * @param dataDir the built site's data folder (dist/data)
 * @returns the sizes in bytes, or null when there was nothing to do
 */
export async function gzipPostings(dataDir: string): Promise<{ json: number; gz: number } | null> {
  const src = join(dataDir, 'postings.json');
  if (!existsSync(src)) return null;
  const dst = join(dataDir, POSTINGS_GZ);
  await pipeline(createReadStream(src), createGzip({ level: constants.Z_BEST_COMPRESSION }), createWriteStream(dst));
  const sizes = { json: statSync(src).size, gz: statSync(dst).size };
  unlinkSync(src);
  return sizes;
}
