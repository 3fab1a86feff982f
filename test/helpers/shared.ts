import { sharedPath } from '../../src/lib/eval/corpus.ts';

/**
 * Whether a suite that reads ../shared can run. Absent on someone's fresh clone: skip with a one-line notice.
 * Under CI=true it must run, so its absence is an error there, unless ATLAS_SHARED_OPTIONAL=true says this CI
 * never has ../shared (GitHub Actions: the corpora are not published with the repository).
 * @param what the suite, for the notice
 * @param parts the path under ../shared the suite reads
 */
export function hasShared(what: string, ...parts: string[]): boolean {
  if (sharedPath(...parts)) return true;
  if (process.env.CI === 'true' && process.env.ATLAS_SHARED_OPTIONAL !== 'true') {
    throw new Error(`../shared/${parts.join('/')} is missing, and CI=true requires ${what} to run`);
  }
  console.warn(`skipping ${what}: ../shared/${parts.join('/')} is not beside this checkout`);
  return false;
}
