/**
 * Per-file work of the data step spread over worker threads (node:worker_threads), one contiguous share of the
 * files each, so a cold run uses every core. The outcomes come back in the files' order: the output is the serial
 * run's, byte for byte. Workers can be started before the files are known (`prepare`), so that loading their code
 * overlaps the main thread reading and hashing the files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BulkCompute } from './collection.ts';

/** Below this many files a worker's start-up costs more than it saves: the work stays on the main thread. */
export const MIN_FILES_PER_WORKER = 400;

/** How many workers suit `n` files: one per core, each with at least {@link MIN_FILES_PER_WORKER} files. */
export function workersFor(n: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(n / MIN_FILES_PER_WORKER)));
}

/** A started worker: it loads the code and the taxonomy, then waits for its share of files. */
function spawn(contentRoot: string): { worker: Worker; run: (files: { rel: string; path: string }[]) => Promise<string[]> } {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: { contentRoot } });
  let failed: Error | null = null;
  const failures: ((e: Error) => void)[] = [];
  const fail = (e: Error) => { failed ??= e; for (const f of failures) f(e); };
  worker.once('error', fail);
  worker.once('exit', (code) => { if (code !== 0) fail(new Error(`a data-step worker stopped with code ${code}`)); });
  // An idle worker must not keep the process alive if the files turn out to be few.
  worker.unref();
  const run = (files: { rel: string; path: string }[]) => new Promise<string[]>((resolve, reject) => {
    if (failed) return reject(failed);
    failures.push(reject);
    worker.ref();
    worker.once('message', (outcomes: string[]) => {
      resolve(outcomes);
      void worker.terminate();
    });
    worker.postMessage(files);
  });
  return { worker, run };
}

/**
 * A {@link BulkCompute} on worker threads.
 * @param contentRoot the folder holding taxonomy/ and rates.yml (each worker loads it)
 * @param workers how many threads (default: {@link workersFor} the number of files)
 */
export function inWorkers(contentRoot: string, workers?: number): BulkCompute {
  let pool: ReturnType<typeof spawn>[] = [];
  return {
    prepare(expected) {
      const n = workers ?? workersFor(expected);
      if (n > 1 && !pool.length) pool = Array.from({ length: n }, () => spawn(contentRoot));
    },
    run(files) {
      const n = workers ?? workersFor(files.length);
      // One thread's worth of files (a warm run's few changed ones) is done faster where it is than in a new thread.
      if (n === 1 && workers === undefined) {
        for (const p of pool) void p.worker.terminate();
        pool = [];
        return null;
      }
      while (pool.length < n) pool.push(spawn(contentRoot));
      for (const p of pool.splice(n)) void p.worker.terminate();
      const size = Math.ceil(files.length / n);
      const shares = pool.map((_, i) => files.slice(i * size, (i + 1) * size));
      const started = pool;
      pool = [];
      return Promise.all(started.map((p, i) => (shares[i]!.length ? p.run(shares[i]!) : (void p.worker.terminate(), Promise.resolve<string[]>([]))))).then((parts) => parts.flat());
    },
  };
}
