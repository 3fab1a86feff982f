/**
 * Small hand-made datasets for the site's tests: rows shaped like the data step's output (src/lib/dataset/types.ts),
 * written here from scratch (never corpus text).
 */
import type { Pay } from '../../src/lib/extract/types.ts';
import type { Dataset, PostingRow } from '../../src/lib/dataset/types.ts';

/** A posting row with sensible empty defaults; pass what a test cares about. */
export function row(over: Partial<PostingRow> & { id: string }): PostingRow {
  return {
    source: `content/postings/${over.id}.md`,
    title: 'Machine Learning Engineer',
    company: 'Acme',
    level: null,
    roleFamily: 'ml-engineer',
    isMlRole: true,
    pay: null,
    remote: null,
    locations: [],
    posted: null,
    captured: null,
    skills: [],
    overridden: [],
    trace: [],
    file: `${over.id}.md`,
    url: null,
    text: 'We build models.',
    removed: [],
    excluded: null,
    payMention: null,
    warnings: [],
    origin: null,
    board: null,
    paySource: over.pay ? 'text' : null,
    boardPay: null,
    payAgrees: null,
    remoteSource: over.remote ? 'text' : null,
    remoteAgrees: null,
    locationsSource: over.locations?.length ? 'text' : null,
    ...over,
  };
}

/** A yearly USD pay object (or another currency/period) from min and max. */
export function pay(min: number, max: number | null, o: { currency?: string; period?: Pay['period']; usdRate?: number | null } = {}): Pay {
  const k = { year: 1, month: 12, biweekly: 26, week: 52, day: 260, hour: 2080 }[o.period ?? 'year'];
  const rate = o.usdRate === undefined ? 1 : o.usdRate;
  const annualMin = min * k, annualMax = max === null ? null : max * k;
  const evidence = max === null ? `$${min}+` : `$${min} - $${max}`;
  return {
    min, max, currency: o.currency ?? 'USD', period: o.period ?? 'year',
    annualMin, annualMax,
    annualMinUsd: rate === null ? null : Math.round(annualMin / rate),
    annualMaxUsd: rate === null || annualMax === null ? null : Math.round(annualMax / rate),
    evidence, rule: 'test', ranges: [{ min, max, qualifier: null, evidence }], extras: [],
  };
}

/** A skill hit. */
export const skill = (id: string, evidence = id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1), group: 'tool', evidence });

/** Wrap rows into a dataset with counts and asOf worked out the way the data step does. */
export function dataset(postings: PostingRow[]): Dataset {
  const dates = postings.map((r) => r.posted ?? r.captured).filter((d): d is string => d !== null).sort();
  const ml = postings.filter((r) => r.excluded === null).length;
  return {
    asOf: dates.at(-1) ?? null,
    counts: { files: postings.length, postings: postings.length, ml, excluded: postings.length - ml, warnings: 0, errors: 0 },
    postings,
  };
}

/** A fixed mid-sized dataset that exercises every chart: levels, currencies, open ranges, remote mix, months. */
export function sampleDataset(): Dataset {
  const levels = ['senior', 'staff', 'principal', null, 'senior', 'staff', 'senior', 'mid', 'senior', 'staff'] as const;
  const rows: PostingRow[] = [];
  for (let i = 0; i < 90; i++) {
    const level = levels[i % levels.length]!;
    const month = ['2026-01', '2026-02', '2026-03', '2026-04'][i % 4]!;
    const day = String((i % 27) + 1).padStart(2, '0');
    const base = 120000 + (i % 9) * 15000;
    const p = i % 5 === 0 ? null
      : i % 11 === 0 ? pay(base, null)
      : i % 13 === 0 ? pay(base, base)
      : i % 17 === 0 ? pay(Math.round(base / 1.1), Math.round((base + 40000) / 1.1), { currency: 'EUR', usdRate: 0.9 })
      : i % 19 === 0 ? pay(90, 120, { period: 'hour' })
      : pay(base, base + 60000);
    const policy = (['remote', 'hybrid', 'onsite', null] as const)[i % 4]!;
    rows.push(row({
      id: `co-${i % 7}/role-${i}`,
      title: `${level ?? ''} Machine Learning Engineer ${i}`.trim(),
      company: `Company ${i % 7}`,
      level,
      pay: p,
      remote: policy === null ? null : {
        policy, region: policy === 'remote' ? (i % 8 === 0 ? 'US' : 'worldwide') : null,
        regions: policy === 'remote' ? [i % 8 === 0 ? 'US' : 'worldwide'] : [],
        officeDaysPerYear: policy === 'hybrid' ? [156, 156] : policy === 'remote' && i % 3 === 0 ? [4, 8] : null,
        evidence: [policy], rule: 'test',
      },
      posted: `${month}-${day}`,
      skills: [skill('python'), ...(i % 2 ? [skill('pytorch')] : []), ...(i % 3 ? [] : [skill('spark')]), ...(i % 4 === 1 ? [skill('kubernetes')] : [])],
      payMention: p === null && i % 10 === 0 ? 'Salary: competitive' : null,
    }));
  }
  rows.push(row({ id: 'co-0/frontend', title: 'Frontend Engineer', roleFamily: 'software-engineer', isMlRole: false, excluded: 'not an ML role (software-engineer)', posted: '2026-04-02' }));
  rows.sort((a, b) => (b.posted ?? '').localeCompare(a.posted ?? '') || a.id.localeCompare(b.id));
  return dataset(rows);
}
