/**
 * A helper thread of the data step: loads the taxonomy, then claims chunks of the files (parallel.ts) until none are
 * left, and for each reads, checks and extracts its files exactly as the calling thread would ({@link answer}), answering
 * with their outcomes in order, each with the file's text and cache key.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadContext } from '../taxonomy.ts';
import { answer } from './collection.ts';
import { chunk, claim, type HelperData } from './parallel.ts';

const { contentRoot, files, claimed } = workerData as HelperData;
const ctx = loadContext(contentRoot);
const counter = new Int32Array(claimed);
for (let c = claim(counter, files.length); c !== -1; c = claim(counter, files.length)) {
  const { from, to } = chunk(c, files.length);
  parentPort!.postMessage([c, files.slice(from, to).map((f) => answer(f.rel, f.path, ctx))]);
}
