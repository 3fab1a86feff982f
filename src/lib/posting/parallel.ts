/**
 * Per-file work of the data step spread over worker threads (node:worker_threads), one contiguous share of the
 * files each, so a cold run uses every core. The outcomes come back in the files' order: the output is the serial
 * run's, byte for byte.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileOutcome } from './collection.ts';

/** Below this many files a worker's start-up costs more than it saves: the work stays on the main thread. */
export const MIN_FILES_PER_WORKER = 400;

/** How many workers suit `n` files: one per core, each with at least {@link MIN_FILES_PER_WORKER} files. */
export function workersFor(n: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(n / MIN_FILES_PER_WORKER)));
}

/**
 * A `compute` for loadCollectionCached that runs on worker threads.
 * @param contentRoot the folder holding taxonomy/ and rates.yml (each worker loads it)
 * @param workers how many threads (default: {@link workersFor} the number of files)
 */
export function inWorkers(contentRoot: string, workers?: number) {
  return async (files: { rel: string; path: string }[]): Promise<FileOutcome[]> => {
    const n = workers ?? workersFor(files.length);
    const size = Math.ceil(files.length / n);
    const shares = Array.from({ length: n }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((s) => s.length);
    const parts = await Promise.all(shares.map((share) => new Promise<FileOutcome[]>((resolve, reject) => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { contentRoot, files: share } });
      worker.once('message', (outcomes: FileOutcome[]) => {
        resolve(outcomes);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => { if (code !== 0) reject(new Error(`a data-step worker stopped with code ${code}`)); });
    })));
    return parts.flat();
  };
}
