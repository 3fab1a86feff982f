/**
 * A helper thread of the data step: loads the taxonomy, then claims chunks of the files (parallel.ts) until none are
 * left, and for each reads, checks and extracts its files with {@link processFile}, exactly as the calling thread
 * would, answering with their outcomes in order, in their stored form as JSON text (without the texts the calling
 * thread reads itself).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadContext } from '../taxonomy.ts';
import { fileText, packOutcome, processFile } from './collection.ts';
import { CHUNK_FILES, claim, type HelperData } from './parallel.ts';

const { contentRoot, files, claimed } = workerData as HelperData;
const ctx = loadContext(contentRoot);
const counter = new Int32Array(claimed);
for (let c = claim(counter, files.length); c !== -1; c = claim(counter, files.length)) {
  parentPort!.postMessage([c, files.slice(c * CHUNK_FILES, (c + 1) * CHUNK_FILES).map((f) => {
    const bytes = readFileSync(f.path);
    return JSON.stringify(packOutcome(processFile(f.rel, bytes, ctx), fileText(bytes)));
  })]);
}
