import { sharedPath } from '../../src/lib/eval/corpus.ts';

/**
 * Whether a suite that reads ../shared can run. Absent on someone's fresh clone: skip with a one-line notice.
 * Under CI=true it must run, so its absence is an error there.
 */
export function hasShared(what: string, ...parts: string[]): boolean {
  if (sharedPath(...parts)) return true;
  if (process.env.CI === 'true') throw new Error(`../shared/${parts.join('/')} is missing, and CI=true requires ${what} to run`);
  console.warn(`skipping ${what}: ../shared/${parts.join('/')} is not beside this checkout`);
  return false;
}
