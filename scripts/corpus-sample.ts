/**
 * `npm run corpus-sample -- --out DIR [--limit N] [--corpus hn-2026.jsonl]`: write posting files generated from a
 * real-postings corpus in ../shared/corpus (read at run time) into DIR, which must be outside this repository.
 * Then: `npm run data -- --content DIR --out /tmp/corpus-data` (or `CONTENT_DIR=DIR npm run build`).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { parseArgs } from 'node:util';
import { readCorpus, sharedPath } from '../src/lib/eval/corpus.ts';
import { sampleFiles, type CorpusPosting } from '../src/lib/dataset/sample.ts';
import { canonicalCompany } from '../src/lib/extract/company.ts';
import { loadContext } from '../src/lib/taxonomy.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    limit: { type: 'string' },
    corpus: { type: 'string', default: 'hn-2026.jsonl' },
    clean: { type: 'boolean', default: false },
  },
});
const fail = (msg: string): never => {
  console.error(`corpus-sample: ${msg}`);
  process.exit(1);
};
if (!values.out) fail('--out DIR is required (a folder outside the repository, e.g. /tmp/corpus-content)');
const cwd = process.env.INIT_CWD ?? process.cwd();
const out = resolve(cwd, values.out!);
const repo = resolve(import.meta.dirname, '..');
const rel = relative(repo, out);
if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) fail(`${out} is inside the repository; corpus text must never be written there`);
const limit = values.limit === undefined ? undefined : Number(values.limit);
if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) fail(`--limit must be a positive whole number, not “${values.limit}”`);
if (!sharedPath('corpus', values.corpus!)) fail(`../shared/corpus/${values.corpus} is not beside this checkout`);
if (existsSync(out) && readdirSync(out).length > 0) {
  if (!values.clean) fail(`${out} is not empty; pass --clean to replace its contents`);
  rmSync(out, { recursive: true, force: true });
}

const { companies } = loadContext(join(repo, 'content'));
const files = sampleFiles(readCorpus(values.corpus!) as CorpusPosting[], { limit, canonical: (c) => canonicalCompany(c, companies) });
for (const f of files) {
  const path = join(out, f.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.content);
}
console.log(`corpus-sample: ${files.length} posting files from ${values.corpus} → ${out}`);
