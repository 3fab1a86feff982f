/**
 * Per-file work of the data step shared between the calling thread and helper threads (node:worker_threads), so a
 * cold run uses every core. The files are cut into chunks that each thread claims from a shared counter as soon as it
 * is free: a helper still loading its code, or on a slower core, simply claims fewer, and no thread waits for another
 * to hand it work. Each outcome lands at its file's place, so the output is the serial run's, byte for byte. Helpers
 * can start before the calling thread has loaded its own code (`prepare`), so that their start-up overlaps its own.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Answer, BulkCompute } from './collection.ts';

/**
 * Below this many files per thread a helper costs more than it saves: it takes about half a second to load, and it
 * warms up its own compiled code (the first thousand files go at half the speed of later ones). Measured cold on 2
 * cores: 1,000 files are faster on one thread (1.8 s against 2.0 s with a helper), 2,000 and 3,000 take the same,
 * 5,000 and 10,000 gain (3.9 against 4.2 s, 6.0 against 7.1 s).
 */
export const MIN_FILES_PER_THREAD = 1500;

/** Files in a chunk: enough that messages are few, few enough that the threads finish within a few milliseconds. */
export const CHUNK_FILES = 32;

/**
 * How many helper threads suit `n` files: one per core beside the calling thread's, as long as each thread (the
 * calling one included) has at least {@link MIN_FILES_PER_THREAD} files.
 */
export function helpersFor(n: number, cores = availableParallelism()): number {
  return Math.max(0, Math.min(cores, Math.floor(n / MIN_FILES_PER_THREAD)) - 1);
}

type Files = { rel: string; path: string }[];

/** What a helper is given: the files, and the counter of chunks claimed, shared by every thread. */
export interface HelperData {
  contentRoot: string;
  files: Files;
  claimed: SharedArrayBuffer;
}

/** The files of chunk `c` of `files`: indexes `from` (included) to `to` (excluded). */
export function chunk(c: number, files: number): { from: number; to: number } {
  return { from: c * CHUNK_FILES, to: Math.min(files, (c + 1) * CHUNK_FILES) };
}

/** The next chunk nobody has claimed, claimed; or -1 when all are. */
export function claim(claimed: Int32Array, files: number): number {
  const c = Atomics.add(claimed, 0, 1);
  return c * CHUNK_FILES < files ? c : -1;
}

/**
 * One run's files shared between helper threads, started at once, and the calling thread once it calls
 * {@link finish}. A helper (worker.ts) claims chunks until none are left and answers each with its outcomes.
 */
class Sharing {
  private readonly claimed: Int32Array;
  private readonly chunks: number;
  private readonly workers: Worker[];
  private done = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  /** Answers that came before {@link finish} said where they go. */
  private early: [number, Answer[]][] = [];
  private answered: ((i: number, answer: Answer) => void) | null = null;
  readonly files: Files;

  constructor(files: Files, contentRoot: string, helpers: number) {
    this.files = files;
    const shared = new SharedArrayBuffer(4);
    this.claimed = new Int32Array(shared);
    this.chunks = Math.ceil(files.length / CHUNK_FILES);
    const data: HelperData = { contentRoot, files, claimed: shared };
    this.workers = Array.from({ length: helpers }, () => {
      const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: data });
      worker.on('message', ([c, outcomes]: [number, Answer[]]) => {
        if (this.answered) this.deliver(c, outcomes);
        else this.early.push([c, outcomes]);
      });
      worker.once('error', (e) => this.fail(e));
      worker.once('exit', (code) => { if (code !== 0) this.fail(new Error(`a data-step worker stopped with code ${code}`)); });
      // A helper must not keep the process alive on its own (if this thread fails before it finishes, say).
      worker.unref();
      return worker;
    });
  }

  /** Whether these are the files this sharing was made for (the same paths in the same order). */
  isFor(files: Files): boolean {
    return files.length === this.files.length && files.every((f, i) => f.path === this.files[i]!.path && f.rel === this.files[i]!.rel);
  }

  private deliver(c: number, outcomes: Answer[]): void {
    const { from } = chunk(c, this.files.length);
    outcomes.forEach((a, k) => this.answered!(from + k, a));
    this.done++;
    this.wake?.();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake?.();
  }

  /**
   * Claim chunks on the calling thread with `local` until none are left (unless `helpOut` is false and there are
   * helpers to do it all), then wait for the helpers' last answers.
   */
  async finish(local: (i: number) => void, answered: (i: number, answer: Answer) => void, helpOut = true): Promise<void> {
    this.answered = answered;
    for (const [c, outcomes] of this.early) this.deliver(c, outcomes);
    this.early = [];
    for (const w of this.workers) w.ref();
    const mine = () => (helpOut || !this.workers.length ? claim(this.claimed, this.files.length) : -1);
    for (let c = mine(); c !== -1 && !this.failure; c = mine()) {
      const { from, to } = chunk(c, this.files.length);
      for (let i = from; i < to; i++) local(i);
      this.done++;
      // Let the helpers' answers in between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    while (this.done < this.chunks && !this.failure) await new Promise<void>((resolve) => (this.wake = resolve));
    if (this.failure) throw this.failure;
  }

  stop(): void {
    for (const w of this.workers) void w.terminate();
  }
}

/** How {@link inWorkers} shares the work. */
export interface ShareOptions {
  /** How many helper threads (default: {@link helpersFor} the number of files). */
  helpers?: number;
  /** Whether the calling thread takes chunks too (default true; false leaves them all to the helpers, if any). */
  callerHelps?: boolean;
}

/**
 * A {@link BulkCompute} that shares the files between the calling thread and helper threads.
 * @param contentRoot the folder holding taxonomy/ and rates.yml (each helper loads it)
 */
export function inWorkers(contentRoot: string, options: ShareOptions = {}): BulkCompute {
  let prepared: Sharing | null = null;
  const begin = (files: Files) => new Sharing(files, contentRoot, options.helpers ?? helpersFor(files.length));
  return {
    prepare(files) {
      prepared ??= begin(files);
    },
    async run(files, local, answered) {
      // The files prepared are the files to run (the caller listed them once); anything else starts afresh.
      let s = prepared;
      prepared = null;
      if (s && !s.isFor(files)) {
        s.stop();
        s = null;
      }
      s ??= begin(files);
      try {
        await s.finish(local, answered, options.callerHelps ?? true);
      } finally {
        s.stop();
      }
    },
  };
}
