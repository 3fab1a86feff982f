import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/** DESIGN.md data flow goes one way: posting → extract → dataset; extraction is pure (text in, fields out). */
const LIB = join(import.meta.dirname, '../../src/lib');

/** The modules a file imports (type-only imports included), as absolute paths or bare package names. */
function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gms)].map((m) =>
    m[1]!.startsWith('.') ? resolve(dirname(file), m[1]!) : m[1]!);
}

const filesIn = (dir: string) => readdirSync(join(LIB, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(LIB, dir, f));

describe('layering of src/lib', () => {
  it('extraction reads no files and imports nothing from src/lib/posting', () => {
    const bad = filesIn('extract').flatMap((f) => importsOf(f)
      .filter((i) => i.includes('/src/lib/posting/') || /^(?:node:)?fs(?:\/promises)?$/.test(i))
      .map((i) => `${f.slice(LIB.length)} → ${i.replace(LIB, '')}`));
    expect(bad).toEqual([]);
  });

  it('no two modules of src/lib/posting import each other, directly or round a loop', () => {
    const files = filesIn('posting');
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => files.includes(i))]));
    const loops: string[] = [];
    const walk = (f: string, path: string[]) => {
      for (const next of graph.get(f) ?? []) {
        if (next === path[0]) loops.push([...path, next].map((p) => p.slice(LIB.length)).join(' → '));
        else if (!path.includes(next) && next > path[0]!) walk(next, [...path, next]);
      }
    };
    for (const f of files) walk(f, [f]);
    expect(loops).toEqual([]);
  });
});
