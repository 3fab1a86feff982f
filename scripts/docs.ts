/**
 * `npm run docs -- [--check]`: write the generated lists of CONTRIBUTING.md (allowed values from the schema and
 * taxonomy, the table of checks) between their markers. With --check, write nothing and exit 1 when they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContext } from '../src/lib/taxonomy.ts';
import { fillBlocks, generatedBlocks } from '../src/lib/posting/docs.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } }, allowPositionals: false });
const root = resolve(import.meta.dirname, '..');
const path = resolve(root, 'CONTRIBUTING.md');
const doc = readFileSync(path, 'utf8');
const next = fillBlocks(doc, generatedBlocks(loadContext(resolve(root, 'content'))));
if (values.check) {
  if (next !== doc) {
    console.error('docs: CONTRIBUTING.md is stale: run `npm run docs`');
    process.exit(1);
  }
  console.log('docs: CONTRIBUTING.md is up to date');
} else if (next !== doc) {
  writeFileSync(path, next);
  console.log('docs: CONTRIBUTING.md updated');
} else console.log('docs: CONTRIBUTING.md already up to date');
