import { readdirSync, statSync } from 'node:fs';
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
