/**
 * A worker thread of the data step's cold run: loads the taxonomy, waits for its share of the files, then reads,
 * checks and extracts them with {@link processFile}, exactly as the main thread would, and posts the outcomes back in
 * order, in their stored form as JSON text (without the texts the main thread has already read).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadContext } from '../taxonomy.ts';
import { fileText, packOutcome, processFile } from './collection.ts';

const { contentRoot } = workerData as { contentRoot: string };
const ctx = loadContext(contentRoot);
parentPort!.once('message', (files: { rel: string; path: string }[]) => {
  parentPort!.postMessage(files.map((f) => {
    const bytes = readFileSync(f.path);
    return JSON.stringify(packOutcome(processFile(f.rel, bytes, ctx), fileText(bytes)));
  }));
});
