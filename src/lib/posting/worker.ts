/**
 * A worker thread of the data step's cold run: reads, checks and extracts its share of the files with
 * {@link processFile}, exactly as the main thread would, and posts the outcomes back in order.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadContext } from '../taxonomy.ts';
import { processFile } from './collection.ts';

const { contentRoot, files } = workerData as { contentRoot: string; files: { rel: string; path: string }[] };
const ctx = loadContext(contentRoot);
parentPort!.postMessage(files.map((f) => processFile(f.rel, readFileSync(f.path), ctx)));
