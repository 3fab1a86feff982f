import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { compareRows, postingsCsv, postingSkillsCsv } from '../../src/lib/dataset/build.ts';
import type { Dataset, PostingRow } from '../../src/lib/dataset/types.ts';

function row(over: Partial<PostingRow>): PostingRow {
  return {
    source: null, id: 'acme/x', title: 'ML Engineer', company: 'Acme', level: null, roleFamily: 'ml-engineer', isMlRole: true,
    pay: null, remote: null, locations: [], posted: null, captured: null, skills: [], overridden: [], trace: [],
    file: 'acme/x.md', url: null, text: '', removed: [], excluded: null, payMention: null, warnings: [], origin: null, board: null,
    paySource: null, boardPay: null, payAgrees: null, remoteSource: null, remoteAgrees: null, locationsSource: null, ...over,
  };
}

const dataset = (postings: PostingRow[]): Dataset => ({ asOf: null, counts: { files: postings.length, postings: postings.length, ml: postings.length, excluded: 0, warnings: 0, errors: 0 }, postings });

describe('dataset tables', () => {
  it('orders newest first by posted, else captured, undated last, ties by id', () => {
    const rows = [
      row({ id: 'b/undated' }),
      row({ id: 'a/old', posted: '2025-01-01' }),
      row({ id: 'c/captured', captured: '2026-02-01' }),
      row({ id: 'a/new', posted: '2026-03-01' }),
      row({ id: 'a/undated' }),
    ].sort(compareRows);
    expect(rows.map((r) => r.id)).toEqual(['a/new', 'c/captured', 'a/old', 'a/undated', 'b/undated']);
  });

  it('escapes cells a spreadsheet would run as a formula', () => {
    const csv = postingsCsv(dataset([row({ title: '=HYPERLINK("http://evil")', company: '+cmd' })]));
    const [parsed] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(parsed!.title).toBe(`'=HYPERLINK("http://evil")`);
    expect(parsed!.company).toBe(`'+cmd`);
  });

  it('keeps pay as a range with currency and period, and locations and skills as lists', () => {
    const pay = { min: 60000, max: 80000, currency: 'GBP', period: 'year' as const, annualMin: 60000, annualMax: 80000, annualMinUsd: 75949, annualMaxUsd: 101266, evidence: '£60k–£80k', rule: 'r', ranges: [], extras: [] };
    const csv = postingsCsv(dataset([row({ pay, locations: ['London, UK', 'Remote, UK'], skills: [{ id: 'python', label: 'Python', group: 'language', evidence: 'Python' }, { id: 'sql', label: 'SQL', group: 'language', evidence: 'SQL' }] })]));
    const [p] = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(p).toMatchObject({ pay_min: '60000', pay_max: '80000', pay_currency: 'GBP', pay_period: 'year', pay_annual_max_usd: '101266', locations: 'London, UK; Remote, UK', skills: 'python; sql' });
  });

  it('writes skills in long format, one row per posting and skill, with the evidence', () => {
    const csv = postingSkillsCsv(dataset([row({ posted: '2026-01-02', skills: [{ id: 'pytorch', label: 'PyTorch', group: 'framework', evidence: 'PyTorch' }] })]));
    expect(csv).toBe('posting_id,skill_id,skill_label,skill_group,is_ml_role,date,evidence\nacme/x,pytorch,PyTorch,framework,true,2026-01-02,PyTorch\n');
  });
});
