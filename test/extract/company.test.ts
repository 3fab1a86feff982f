import { describe, expect, it } from 'vitest';
import { canonicalCompany } from '../../src/lib/extract/company.ts';
import { loadContext } from '../../src/lib/taxonomy.ts';

const { companies } = loadContext();

describe('canonicalCompany', () => {
  it('folds aliases to the canonical name, ignoring case and spaces around', () => {
    expect(canonicalCompany('Paypal', companies)).toBe('PayPal');
    expect(canonicalCompany('  PINTEREST, INC. ', companies)).toBe('Pinterest');
    expect(canonicalCompany('Google DeepMind', companies)).toBe('Google');
    expect(canonicalCompany('Twitter', companies)).toBe('X');
  });

  it('keeps a name it does not know, trimmed', () => {
    expect(canonicalCompany(' Guided Clinical Solutions ', companies)).toBe('Guided Clinical Solutions');
  });

  it('has no alias claimed by two companies', () => {
    const seen = new Map<string, string>();
    for (const c of companies) {
      for (const a of [c.name, ...c.aliases]) {
        const k = a.toLowerCase();
        expect(seen.get(k) ?? c.name, `${a} is listed under ${seen.get(k)} and ${c.name}`).toBe(c.name);
        seen.set(k, c.name);
      }
    }
  });
});
