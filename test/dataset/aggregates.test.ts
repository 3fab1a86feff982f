import { describe, expect, test } from 'vitest';
import {
  THRESHOLDS, buildAggregates, companies, exclusions, fieldCoverage, payBands, periods, remoteMix, skillDemand,
  skillTrends, unparsedPay,
} from '../../src/lib/dataset/aggregates.ts';
import { dataset, pay, row, sampleDataset, skill } from '../site/fixture-dataset.ts';

describe('pay bands', () => {
  test('a range, an open range and a single figure are kept as what they are, never made into one point', () => {
    const d = dataset([
      row({ id: 'a/range', level: 'senior', pay: pay(150000, 200000) }),
      row({ id: 'a/open', level: 'senior', pay: pay(150000, null) }),
      row({ id: 'a/single', level: 'senior', pay: pay(180000, 180000) }),
    ]);
    const bands = payBands(d).groups[0]!.bands;
    expect(Object.fromEntries(bands.map((b) => [b.id, [b.shape, b.minUsd, b.maxUsd]]))).toEqual({
      'a/range': ['range', 150000, 200000],
      'a/open': ['open', 150000, null],
      'a/single': ['single', 180000, 180000],
    });
  });

  test('groups follow seniority order, with "level not stated" last', () => {
    const d = dataset([
      row({ id: 'a/1', level: null, pay: pay(1, 2) }),
      row({ id: 'a/2', level: 'principal', pay: pay(1, 2) }),
      row({ id: 'a/3', level: 'junior', pay: pay(1, 2) }),
    ]);
    expect(payBands(d).groups.map((g) => g.level)).toEqual(['junior', 'principal', null]);
  });

  test(`medians appear only when a level has at least ${THRESHOLDS.medianMinPostings} postings with pay`, () => {
    const few = Array.from({ length: THRESHOLDS.medianMinPostings - 1 }, (_, i) => row({ id: `a/${i}`, level: 'staff', pay: pay(100000 + i * 10000, 200000) }));
    expect(payBands(dataset(few)).groups[0]!.medianMinUsd).toBeNull();
    const enough = [...few, row({ id: 'a/x', level: 'staff', pay: pay(300000, 400000) })];
    const g = payBands(dataset(enough)).groups[0]!;
    expect(g.medianMinUsd).toBe(120000);
    expect(g.medianMaxUsd).toBe(200000);
  });

  test('hourly and foreign pay are drawn in annual USD, with the native currency kept', () => {
    const d = dataset([
      row({ id: 'a/h', pay: pay(50, 60, { period: 'hour' }) }),
      row({ id: 'a/e', pay: pay(90000, 110000, { currency: 'EUR', usdRate: 0.9 }) }),
    ]);
    const agg = payBands(d);
    const byId = Object.fromEntries(agg.groups.flatMap((g) => g.bands).map((b) => [b.id, b]));
    expect([byId['a/h']!.minUsd, byId['a/h']!.maxUsd, byId['a/h']!.period]).toEqual([104000, 124800, 'hour']);
    expect([byId['a/e']!.minUsd, byId['a/e']!.currency]).toEqual([100000, 'EUR']);
    expect(agg.currencies).toEqual([{ currency: 'EUR', n: 1 }]);
  });

  test('counts ML postings without pay and pay in a currency with no known rate; excluded roles are left out', () => {
    const d = dataset([
      row({ id: 'a/none' }),
      row({ id: 'a/xyz', pay: pay(1000, 2000, { currency: 'XYZ', usdRate: null }) }),
      row({ id: 'a/ok', pay: pay(1000, 2000) }),
      row({ id: 'a/fe', isMlRole: false, roleFamily: 'software-engineer', excluded: 'not an ML role', pay: pay(1, 2) }),
    ]);
    expect(payBands(d)).toMatchObject({ ml: 3, n: 1, noPay: 1, noUsd: 1 });
  });
});

describe('remote mix', () => {
  test('every policy is listed, "not stated" included, with shares of ML postings', () => {
    const d = dataset([
      row({ id: 'a/1', remote: { policy: 'remote', region: 'US', regions: ['US'], officeDaysPerYear: [4, 8], evidence: [], rule: 't' } }),
      row({ id: 'a/2', remote: { policy: 'remote', region: null, regions: [], officeDaysPerYear: null, evidence: [], rule: 't' } }),
      row({ id: 'a/3', remote: { policy: 'hybrid', region: null, regions: [], officeDaysPerYear: [156, 156], evidence: [], rule: 't' } }),
      row({ id: 'a/4' }),
    ]);
    const r = remoteMix(d);
    expect(r.mix).toEqual([
      { policy: 'remote', n: 2, share: 0.5 },
      { policy: 'hybrid', n: 1, share: 0.25 },
      { policy: 'onsite', n: 0, share: 0 },
      { policy: 'not-stated', n: 1, share: 0.25 },
    ]);
    expect(r.officeDays).toEqual([{ low: 4, high: 8, n: 1 }, { low: 156, high: 156, n: 1 }]);
    expect(r.regions).toEqual([{ region: 'US', n: 1 }, { region: null, n: 1 }]);
  });

  test('an empty dataset gives zero shares, not NaN', () => {
    expect(remoteMix(dataset([])).mix.every((m) => m.share === 0)).toBe(true);
  });
});

describe('skills', () => {
  test('demand is the share of ML postings naming a skill, each posting counted once', () => {
    const d = dataset([
      row({ id: 'a/1', skills: [skill('python'), skill('python', 'Python again'), skill('spark')] }),
      row({ id: 'a/2', skills: [skill('python')] }),
      row({ id: 'a/3' }),
      row({ id: 'a/4', skills: [skill('spark')] }),
    ]);
    expect(skillDemand(d).skills.map((s) => [s.id, s.n, s.share])).toEqual([['python', 2, 0.5], ['spark', 2, 0.5]]);
  });

  test('months run from the first dated posting to the last, empty months included', () => {
    const rows = [row({ id: 'a/1', posted: '2025-11-03' }), row({ id: 'a/2', posted: '2026-01-30' }), row({ id: 'a/3', captured: '2026-01-02' })];
    expect(periods(rows)).toEqual([{ period: '2025-11', n: 1 }, { period: '2025-12', n: 0 }, { period: '2026-01', n: 2 }]);
  });

  test('too few postings a month: no trend, and the reason says why', () => {
    const d = dataset(Array.from({ length: 30 }, (_, i) => row({ id: `a/${i}`, posted: `2026-0${(i % 3) + 1}-01`, skills: [skill('python')] })));
    const t = skillTrends(d);
    expect(t.enough).toBe(false);
    expect(t.reason).toMatch(/0 months with at least 20/);
    expect(t.skills[0]!.points.every((p) => p.share === null)).toBe(true);
  });

  test('enough postings in three months: a trend with a share per month', () => {
    const rows = Array.from({ length: 60 }, (_, i) => row({ id: `a/${i}`, posted: `2026-0${(i % 3) + 1}-01`, skills: i < 20 ? [skill('python')] : [] }));
    const t = skillTrends(dataset(rows), { skillIds: ['python'] });
    expect(t.enough).toBe(true);
    expect(t.skills[0]!.points.map((p) => p.share?.toFixed(2))).toEqual(['0.35', '0.35', '0.30']);
  });
});

describe('coverage, exclusions, companies', () => {
  test('coverage counts how many postings carry each field', () => {
    const d = dataset([row({ id: 'a/1', pay: pay(1, 2), level: 'staff' }), row({ id: 'a/2', isMlRole: false, excluded: 'x', level: 'senior' })]);
    const byField = Object.fromEntries(fieldCoverage(d).map((c) => [c.field, [c.all, c.ml]]));
    expect(byField['level']).toEqual([2, 1]);
    expect(byField['pay']).toEqual([1, 1]);
    expect(byField['remote']).toEqual([0, 0]);
  });

  test('pay that was mentioned but not read is listed for /coverage/', () => {
    const d = dataset([row({ id: 'a/1', payMention: 'Compensation: DOE' }), row({ id: 'a/2', pay: pay(1, 2) })]);
    expect(unparsedPay(d)).toEqual([{ id: 'a/1', title: 'Machine Learning Engineer', company: 'Acme', mention: 'Compensation: DOE' }]);
  });

  test('exclusions are grouped by reason and companies by folder', () => {
    const d = dataset([
      row({ id: 'b/1', company: 'Beta', roleFamily: 'software-engineer', isMlRole: false, excluded: 'x' }),
      row({ id: 'b/2', company: 'Beta', roleFamily: null, isMlRole: false, excluded: 'y' }),
      row({ id: 'a/1', company: 'Acme', pay: pay(1, 2) }),
    ]);
    expect(exclusions(d)).toEqual([{ reason: 'not an ML role: software-engineer', n: 1 }, { reason: 'role could not be told', n: 1 }]);
    expect(companies(d)).toEqual([
      { slug: 'b', name: 'Beta', postings: 2, ml: 0, withPay: 0 },
      { slug: 'a', name: 'Acme', postings: 1, ml: 1, withPay: 1 },
    ]);
  });
});

test('buildAggregates is deterministic and JSON-safe', () => {
  const a = JSON.stringify(buildAggregates(sampleDataset()));
  const b = JSON.stringify(buildAggregates(sampleDataset()));
  expect(a).toBe(b);
  const agg = JSON.parse(a);
  expect(agg.counts).toMatchObject({ postings: 91, ml: 90, excluded: 1 });
  expect(agg.trends.enough).toBe(true);
});

describe('per-skill and per-company detail', async () => {
  const { skillDetails, companyDetails } = await import('../../src/lib/dataset/detail.ts');
  test('a skill page lists the postings naming it, with the span that named it; demand counts ML roles only', () => {
    const d = dataset([
      row({ id: 'a/1', skills: [skill('python', 'Python 3')] }),
      row({ id: 'a/2', skills: [skill('python', 'python'), skill('excel')], isMlRole: false, excluded: 'x' }),
    ]);
    const details = skillDetails(d);
    const py = details.find((s) => s.skill.id === 'python')!;
    expect(py.postings.map((p) => [p.row.id, p.evidence])).toEqual([['a/1', 'Python 3'], ['a/2', 'python']]);
    expect(py.skill.n).toBe(1);
    expect(py.trend.enough).toBe(false);
    expect(details.find((s) => s.skill.id === 'excel')!.skill.n).toBe(0);
  });

  test('a company page holds all its postings and counts its ML roles', () => {
    const d = dataset([row({ id: 'b/1', company: 'Beta' }), row({ id: 'b/2', company: 'Beta', isMlRole: false, excluded: 'x' }), row({ id: 'a/1' })]);
    const beta = companyDetails(d).find((c) => c.slug === 'b')!;
    expect([beta.name, beta.postings.length, beta.ml]).toEqual(['Beta', 2, 1]);
  });

  test('past 60 ranges a page draws pay as quartiles, all its ML postings then each level, never every range', async () => {
    const { drawsEachRange } = await import('../../src/lib/dataset/detail.ts');
    const rows = Array.from({ length: 70 }, (_, i) => row({ id: `big/${i}`, company: 'Big', level: i % 2 ? 'senior' : 'staff', pay: pay(100000 + i * 1000, 150000 + i * 1000) }));
    const big = companyDetails(dataset([...rows, row({ id: 'big/not-ml', company: 'Big', isMlRole: false, excluded: 'x', pay: pay(1, 2) })])).find((c) => c.slug === 'big')!;
    expect(drawsEachRange(big.pay)).toBe(false);
    expect(big.payGroups.map((g) => [g.label, g.n])).toEqual([['All levels', 70], ['senior', 35], ['staff', 35]]);
    expect(big.payGroups[0]!.low!.median).toBeGreaterThan(100000);
    const small = companyDetails(dataset(rows.slice(0, 60))).find((c) => c.slug === 'big')!;
    expect(drawsEachRange(small.pay)).toBe(true);
  });
});
