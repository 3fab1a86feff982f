import type { Found } from './found.ts';
import type { RoleFamily } from './types.ts';

/** PLACEHOLDER. */
export function extractRole(_title: string | null, _text: string): Found<{ roleFamily: RoleFamily; isMlRole: boolean }> | null {
  return null;
}
