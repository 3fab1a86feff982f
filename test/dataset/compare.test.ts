import { describe, expect, test } from 'vitest';
import { THRESHOLDS } from '../../src/lib/dataset/aggregates.ts';
import { COMPARE_THRESHOLDS, coSkills, payByFamilyRegion, skillMonths, familyComparison, filterCube, payByFamilyLevel, remoteShareTrend, skillChanges, payDisclosureTrend } from '../../src/lib/dataset/compare.ts';
import { familyLabel, paySourceOf, regionOf } from '../../src/lib/dataset/families.ts';
import { comparedSeries, cubeSlice, filterQuery, parseFamily, parseFilter, parseSkills, skillsQuery } from '../../src/lib/dataset/filter.ts';
import { isPartialMonth, shareSeries, timeAxis } from '../../src/lib/dataset/over-time.ts';
import { quartiles, wilson } from '../../src/lib/dataset/stats.ts';
import type { PostingRow } from '../../src/lib/dataset/types.ts';
import { dataset, pay, row, sampleDataset, skill } from '../site/fixture-dataset.ts';

const t = { minPerMonth: 20, minMonths: 3 };

describe('statistics', () => {
  test('a share carries its 95% Wilson interval, which stays inside 0–100% even at the edges', () => {
    const w = wilson(5, 10);
    expect(w.share).toBe(0.5);
    expect(w.lo).toBeCloseTo(0.2366, 3);
    expect(w.hi).toBeCloseTo(0.7634, 3);
    expect(wilson(0, 8).lo).toBe(0);
    expect(wilson(8, 8).hi).toBe(1);
    expect(wilson(1, 1).lo).toBeGreaterThan(0.2);
  });

  test('quartiles of pay figures', () => {
    expect(quartiles([100, 200, 300, 400, 500])).toEqual({ q1: 200, median: 300, q3: 400 });
    expect(quartiles([])).toBeNull();
  });
});

describe('shares over time', () => {
  test('a month below the threshold is a gap (null), never 0%', () => {
    const s = shareSeries('x', 'X', [30, 5, 30, 30], [15, 5, 15, 15], t);
    expect(s.points.map((p) => p.share)).toEqual([0.5, null, 0.5, 0.5]);
  });

  test('a month with no postings has no rolling share even when its neighbours do', () => {
    const s = shareSeries('x', 'X', [30, 0, 30], [15, 0, 15], t);
    expect(s.points[1]!.rolling).toBeNull();
    expect(s.points[2]!.rolling).toBe(0.5);
    expect(s.points[2]!.rollingN).toBe(60);
  });

  test('the 3-month rolling share pools the counts of this month and the two before', () => {
    const s = shareSeries('x', 'X', [10, 10, 10, 10], [0, 10, 5, 5], t);
    expect(s.points[0]!.rolling).toBeNull(); // 10 postings pooled: under 20
    expect(s.points[2]!.rolling).toBeCloseTo(15 / 30);
    expect(s.points[3]!.rolling).toBeCloseTo(20 / 30);
    expect(s.points[3]!.rollingLo).toBeLessThan(s.points[3]!.rolling!);
  });

  test('a series with too few usable months is not drawn, and says why', () => {
    const s = shareSeries('x', 'X', [30, 0, 0, 0], [3, 0, 0, 0], t);
    expect(s.drawn).toBe(false);
    expect(s.reason).toMatch(/1 month .* needs 3/);
  });

  test('the axis runs over every calendar month, gaps included, and flags a partial last month', () => {
    const a = timeAxis(['2024-11', '2025-02', '2024-11'], '2025-02-10');
    expect(a.months).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(a.lastPartial).toBe(true);
    expect(timeAxis(['2025-02'], '2025-02-28').lastPartial).toBe(false);
    expect(isPartialMonth('2024-02-29')).toBe(false);
  });
});

describe('role families compared', () => {
  const rows: PostingRow[] = [
    ...Array.from({ length: 6 }, (_, i) => row({ id: `a/mle-${i}`, roleFamily: 'ml-engineer', pay: pay(100000 + i * 10000, 150000 + i * 10000), remote: i < 3 ? { policy: 'remote', region: null, regions: [], officeDaysPerYear: null, evidence: [], rule: 't' } : null, skills: [skill('python')] })),
    row({ id: 'b/ai-1', roleFamily: 'ai-engineer' as PostingRow['roleFamily'], skills: [skill('llms')] }),
  ];
  const fams = familyComparison(dataset(rows));

  test('all six ML families are listed, AI engineer among them, each with its n', () => {
    expect(fams.map((f) => f.label)).toEqual(['ML engineer', 'Research scientist', 'Applied scientist', 'Data scientist', 'ML platform', 'AI engineer']);
    expect(fams.map((f) => f.n)).toEqual([6, 0, 0, 0, 0, 1]);
    expect(familyLabel('ai-engineer')).toBe('AI engineer');
  });

  test('remote share with its interval, median pay band and top skills with counts', () => {
    const mle = fams[0]!;
    expect(mle.remote.k).toBe(3);
    expect(mle.remote.share).toBe(0.5);
    expect(mle.remote.lo).toBeLessThan(0.5);
    expect(mle.pay.low?.median).toBe(125000);
    expect(mle.pay.high?.median).toBe(175000);
    expect(mle.skills).toEqual([{ id: 'python', label: 'Python', n: 6, share: 1 }]);
    expect(fams[5]!.skills[0]!.id).toBe('llms');
  });

  test(`pay groups get quartiles only from ${THRESHOLDS.medianMinPostings} postings stating pay, and count board pay apart`, () => {
    const few = rows.slice(0, THRESHOLDS.medianMinPostings - 1).map((r) => ({ ...r, level: 'staff' as const }));
    const board = { ...rows[5]!, id: 'a/board', level: 'staff' as const, paySource: 'board' } as PostingRow;
    const groups = payByFamilyLevel(dataset([...few, board]));
    const staff = groups.find((g) => g.key === 'ml-engineer:staff')!;
    expect(staff.n).toBe(THRESHOLDS.medianMinPostings);
    expect(staff.low).not.toBeNull();
    expect(staff.sources).toEqual({ text: THRESHOLDS.medianMinPostings - 1, board: 1, 'front-matter': 0 });
    const thin = payByFamilyLevel(dataset(few)).find((g) => g.key === 'ml-engineer:staff')!;
    expect(thin.low).toBeNull();
  });

  test('a row without a paySource column counts as pay from the text when it has pay', () => {
    expect(paySourceOf(row({ id: 'a/1', pay: pay(1, 2) }))).toBe('text');
    expect(paySourceOf(row({ id: 'a/2' }))).toBeNull();
    expect(paySourceOf({ ...row({ id: 'a/3', pay: pay(1, 2) }), paySource: 'board' } as PostingRow)).toBe('board');
  });

  test('region: where a remote role may be done, else the country of the first location', () => {
    expect(regionOf(row({ id: 'a/1', locations: ['San Francisco, CA, US'] }))).toBe('US');
    expect(regionOf(row({ id: 'a/2', locations: ['Berlin, DE'], remote: { policy: 'remote', region: 'Europe', regions: ['Europe'], officeDaysPerYear: null, evidence: [], rule: 't' } }))).toBe('Europe');
  });
});

describe('trends by family and rising skills', () => {
  const month = (m: string, i: number, over: Partial<PostingRow> = {}) => row({ id: `c/${m}-${i}`, posted: `${m}-${String((i % 27) + 1).padStart(2, '0')}`, ...over });
  const build = (perMonth: number, skillFor: (m: number, i: number) => string[]) => {
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
    return dataset(months.flatMap((m, mi) => Array.from({ length: perMonth }, (_, i) => month(m, i, {
      skills: skillFor(mi, i).map((s) => skill(s)),
      remote: i % 2 ? { policy: 'remote', region: null, regions: [], officeDaysPerYear: null, evidence: [], rule: 't' } : null,
      roleFamily: i % 3 ? 'ml-engineer' : 'data-scientist',
    }))));
  };

  test('remote share over time is given for all ML roles and for each family', () => {
    const d = build(24, () => []);
    const trend = remoteShareTrend(d);
    expect(trend.series.map((s) => s.key)).toEqual(['all', 'ml-engineer', 'research-scientist', 'applied-scientist', 'data-scientist', 'ml-platform', 'ai-engineer']);
    expect(trend.series[0]!.drawn).toBe(true);
    expect(trend.series[0]!.points.at(-1)!.share).toBe(0.5);
    expect(trend.series[2]!.drawn).toBe(false);
  });

  test('pay disclosure counts pay stated in the text and by the job board apart', () => {
    const d = build(24, () => []);
    d.postings.forEach((r, i) => { if (i % 4 === 0) Object.assign(r, { pay: pay(1, 2), paySource: 'text' }); if (i % 4 === 1) Object.assign(r, { pay: pay(1, 2), paySource: 'board' }); });
    const trend = payDisclosureTrend(d);
    const text = trend.series.find((s) => s.key === 'all:text')!, board = trend.series.find((s) => s.key === 'all:board')!;
    expect(text.k).toBe(36);
    expect(board.k).toBe(36);
  });

  test('rising and falling skills compare the latest three months with the three before, with both counts', () => {
    const d = build(30, (m, i) => [...(m >= 3 && i < 15 ? ['pytorch'] : []), ...(m < 3 && i < 15 ? ['spark'] : []), ...(i === 0 && m === 5 ? ['rare'] : [])]);
    const c = skillChanges(d);
    expect(c.enough).toBe(true);
    expect(c.after).toEqual({ from: '2025-04', to: '2025-06', n: 90 });
    expect(c.rising[0]).toMatchObject({ id: 'pytorch', before: { k: 0, n: 90 }, after: { k: 45, n: 90 } });
    expect(c.falling[0]!.id).toBe('spark');
    // Named once: under the minimum, not listed.
    expect([...c.rising, ...c.falling].some((x) => x.id === 'rare')).toBe(false);
  });

  test(`no rising or falling list when a period has fewer than ${COMPARE_THRESHOLDS.changeMinPeriod} postings`, () => {
    const c = skillChanges(build(5, () => ['python']));
    expect(c.enough).toBe(false);
    expect(c.reason).toMatch(/at least 30/);
  });

  test('skills named together with a skill, with their share of its postings', () => {
    const d = dataset([
      row({ id: 'a/1', skills: [skill('python'), skill('pytorch')] }),
      row({ id: 'a/2', skills: [skill('python'), skill('pytorch'), skill('spark')] }),
      row({ id: 'a/3', skills: [skill('spark')] }),
    ]);
    expect(coSkills(d, 'python')).toEqual([{ id: 'pytorch', label: 'Pytorch', n: 2, share: 1 }, { id: 'spark', label: 'Spark', n: 1, share: 0.5 }]);
  });
});

describe('filters read count tables, never rows', () => {
  const d = sampleDataset();
  const cube = filterCube(d);

  test('the table holds counts that add up to the ML postings, and no posting text or id', () => {
    expect(cube.cells.reduce((a, c) => a + c[6], 0)).toBe(d.counts.ml);
    expect(JSON.stringify(cube)).not.toMatch(/role-\d|Machine Learning Engineer/);
  });

  test('a filtered slice counts what a reader would count by hand', () => {
    const s = cubeSlice(cube, { level: 'senior' });
    const ml = d.postings.filter((r) => r.excluded === null && r.level === 'senior');
    expect(s.n).toBe(ml.length);
    expect(s.policy.remote).toBe(ml.filter((r) => r.remote?.policy === 'remote').length);
    expect(cubeSlice(cube, { level: 'senior', policy: 'hybrid' }).n).toBe(ml.filter((r) => r.remote?.policy === 'hybrid').length);
    const ranged = cubeSlice(cube, { from: '2026-02', to: '2026-03' });
    expect(ranged.axis.months).toEqual(['2026-02', '2026-03']);
    expect(ranged.n).toBe(d.postings.filter((r) => r.excluded === null && /^2026-0[23]/.test(r.posted ?? '')).length);
    expect(ranged.axis.lastPartial).toBe(false);
  });

  test('a filter survives the URL round trip; values the data does not know are dropped', () => {
    const f = { family: 'ml-engineer', level: 'senior', policy: 'remote', from: '2026-02' };
    expect(parseFilter(filterQuery(f), cube)).toEqual(f);
    expect(parseFilter('?family=astronaut&level=senior', cube)).toEqual({ level: 'senior' });
    expect(filterQuery({}, 'skills=python')).toBe('?skills=python');
  });

  test('at most five skills are compared, known ones only, in the order chosen', () => {
    const known = ['a', 'b', 'c', 'd', 'e', 'f'];
    expect(parseSkills('?skills=f,a,zzz,b,a,c,d,e', known)).toEqual(['f', 'a', 'b', 'c', 'd']);
    expect(skillsQuery(['python', 'pytorch'])).toBe('?skills=python,pytorch');
    expect(skillsQuery([], 'family=ml-engineer')).toBe('?family=ml-engineer');
  });

  test('a skill compared within one family counts only that family, from the same table', () => {
    const rows = ['2026-01', '2026-02', '2026-03'].flatMap((m) => Array.from({ length: 40 }, (_, i) => row({
      id: `f/${m}-${i}`, posted: `${m}-02`, roleFamily: i < 20 ? 'ml-engineer' : 'data-scientist',
      skills: i < 20 ? [skill('pytorch')] : i < 25 ? [skill('pytorch')] : [skill('sql')],
    })));
    const sm = skillMonths(dataset(rows));
    const all = comparedSeries(sm, ['pytorch'], t).series[0]!;
    const ds = comparedSeries(sm, ['pytorch'], t, 'data-scientist').series[0]!;
    expect(all.points.at(-1)!.share).toBe(25 / 40);
    expect(ds.points.at(-1)!.share).toBe(5 / 20);
    expect(parseFamily('?family=data-scientist', sm)).toBe('data-scientist');
    expect(parseFamily('?family=research-scientist', sm)).toBeUndefined();
  });
});

describe('pay by family and region', () => {
  test('each family then its regions, most postings first, "region not stated" last', () => {
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => row({ id: `a/us-${i}`, locations: ['New York, NY, US'], pay: pay(150000 + i * 1000, 200000) })),
      ...Array.from({ length: 2 }, (_, i) => row({ id: `a/de-${i}`, locations: ['Berlin, DE'], pay: pay(90000, 110000) })),
      row({ id: 'a/none', pay: pay(100000, 120000) }),
    ];
    const groups = payByFamilyRegion(dataset(rows));
    expect(groups.map((g) => [g.sub ?? g.label, g.n])).toEqual([['ML engineer', 8], ['US', 5], ['DE', 2], ['Region not stated', 1]]);
    expect(groups[1]!.low).not.toBeNull();
    expect(groups[2]!.low).toBeNull();
  });
});
