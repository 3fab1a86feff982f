import type { Pay } from './types.ts';
import type { Rates } from '../taxonomy.ts';

/** PLACEHOLDER. */
export function extractPay(_text: string, _rates: Rates, _date: string | null): Pay | null {
  return null;
}
