/**
 * Loaded before each script (`node --import ./scripts/compile-cache.ts`, in package.json): Node keeps the code it
 * compiles — the TypeScript stripped of its types, then V8's bytecode — in .cache/node/, and a later run of any script
 * loads it from there instead of compiling it again. Each entry is checked against its source, so an edit simply
 * compiles anew. It holds for helper threads too (they start with the same flags). Measured: the data step on an empty
 * folder starts in 0.26 s instead of 0.38 s.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

enableCompileCache(join(import.meta.dirname, '../.cache/node'));
