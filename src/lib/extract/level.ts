import type { Found } from './found.ts';
import type { Level } from './types.ts';

/** PLACEHOLDER. */
export function extractLevel(_title: string | null, _text: string): Found<Level> | null {
  return null;
}
