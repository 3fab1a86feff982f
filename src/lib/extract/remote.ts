import type { Remote } from './types.ts';

/** PLACEHOLDER. */
export function extractRemote(_text: string): Remote | null {
  return null;
}
