import { readdirSync, statSync, writevSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, recursively, as sorted paths relative to it (dot files skipped). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      // A symbolic link is followed, as statSync would (its type is the target's).
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && statSync(join(d, entry.name)).isDirectory());
      if (isDir) walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else out.push(`${prefix}${entry.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * Buffers written to a file a batch at a time, each batch one gathering write of up to a megabyte or
 * {@link WRITE_PARTS} buffers (a write per row would be most of the time; copying them into one buffer first was a
 * third of it).
 * @returns `write` for each buffer, `end` to write what is left
 */
export function bufferedWrites(fd: number): { write: (b: Buffer) => void; end: () => void } {
  let parts: Buffer[] = [], size = 0;
  const flush = () => {
    // libuv writes every buffer, however many writes it takes.
    if (parts.length) writevSync(fd, parts);
    parts = [];
    size = 0;
  };
  return {
    write(b) {
      if (!b.length) return;
      parts.push(b);
      size += b.length;
      if (size >= 1 << 20 || parts.length >= WRITE_PARTS) flush();
    },
    end: flush,
  };
}

/** Buffers in one gathering write at most: the usual IOV_MAX. */
const WRITE_PARTS = 1024;
