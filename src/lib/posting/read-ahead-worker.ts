/**
 * The helper thread of read-ahead.ts: lists the folder, then reads and hashes its files in listing order, sending them
 * a batch at a time in one buffer, transferred. A file it cannot read is sent without bytes: the calling thread reads
 * it again and reports what is wrong as it would have.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { entryKey } from './cache.ts';
import { listFiles } from './files.ts';
import type { AheadMessage } from './read-ahead.ts';

/** Files a batch at most, and bytes: small enough that the calling thread starts soon, large enough to be few. */
const BATCH_FILES = 512;
const BATCH_BYTES = 4 << 20;

const { dir } = workerData as { dir: string };
const rels = listFiles(dir);
const send = (m: AheadMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);
send({ rels });
for (let from = 0; from < rels.length; ) {
  const keys: (string | null)[] = [], parts: Buffer[] = [];
  let size = 0;
  for (let i = from; i < rels.length && keys.length < BATCH_FILES && size < BATCH_BYTES; i++) {
    let bytes: Buffer | null = null;
    try {
      bytes = readFileSync(join(dir, rels[i]!));
    } catch {
      // read again, and reported, by the calling thread
    }
    keys.push(bytes && entryKey(rels[i]!, bytes));
    parts.push(bytes ?? Buffer.alloc(0));
    size += bytes?.length ?? 0;
  }
  const all = Buffer.concat(parts, size);
  const ends = new Uint32Array(parts.length);
  let end = 0;
  parts.forEach((p, k) => (ends[k] = end += p.length));
  // A buffer of its own, whole, so that it can be transferred (small ones may sit in a shared pool).
  const bytes = all.byteOffset === 0 && all.byteLength === all.buffer.byteLength ? all.buffer as ArrayBuffer : all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  send({ from, keys, ends, bytes }, [bytes]);
  from += keys.length;
}
send({ done: true });
