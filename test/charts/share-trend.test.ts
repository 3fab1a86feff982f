import { describe, expect, test } from 'vitest';
import { scaleUtc } from 'd3';
import { labelWidth, layoutShareTrend, timeTicks, type TimeTick } from '../../src/components/charts/share-trend.prepare.ts';
import { renderShareTrend } from '../../src/components/charts/share-trend.render.ts';
import { layoutPayGroups } from '../../src/components/charts/pay-groups.prepare.ts';
import { payByFamilyLevel } from '../../src/lib/dataset/compare.ts';
import { monthRange, shareSeries, withMonths, type TimeAxis } from '../../src/lib/dataset/over-time.ts';
import { dataset, pay, row } from '../site/fixture-dataset.ts';

const extent = (t: TimeTick) => {
  const w = labelWidth(t.label);
  return t.anchor === 'start' ? [t.x, t.x + w] : t.anchor === 'end' ? [t.x - w, t.x] : [t.x - w / 2, t.x + w / 2];
};

describe('time axis', () => {
  const spans: [string, string][] = [['2026-03', '2026-03'], ['2026-01', '2026-05'], ['2024-01', '2026-05'], ['2020-03', '2026-05'], ['2012-01', '2026-12']];
  test.each([360, 720, 1280])('at %ipx, year / quarter / month labels never overlap and stay inside the chart', (width) => {
    for (const [a, b] of spans) {
      const d0 = new Date(`${a}-01T00:00:00Z`), d1 = new Date(new Date(`${b}-01T00:00:00Z`).getTime() + 31 * 864e5);
      const x = scaleUtc().domain([d0, d1]).range([44, width - 12]);
      const ticks = timeTicks(x, d0, d1, width);
      expect(ticks.length, `${a}..${b}`).toBeGreaterThan(0);
      for (let i = 1; i < ticks.length; i++) expect(extent(ticks[i]!)[0]! - extent(ticks[i - 1]!)[1]!, `${a}..${b} ${ticks[i]!.label}`).toBeGreaterThan(0);
      for (const t of ticks) {
        expect(extent(t)[0]).toBeGreaterThanOrEqual(0);
        expect(extent(t)[1]).toBeLessThanOrEqual(width);
      }
    }
  });

  test('a few months are labelled by month, years by year; a year boundary names the year', () => {
    const lab = (a: string, b: string, width: number) => {
      const d0 = new Date(`${a}-01T00:00:00Z`), d1 = new Date(`${b}-01T00:00:00Z`);
      return timeTicks(scaleUtc().domain([d0, d1]).range([44, width - 12]), d0, d1, width).map((t) => t.label);
    };
    expect(lab('2025-11', '2026-04', 720)).toEqual(['Nov', 'Dec', '2026', 'Feb', 'Mar', 'Apr']);
    expect(lab('2018-01', '2026-01', 360)).not.toContain('Q2');
    expect(lab('2018-01', '2026-01', 360).every((l) => /^\d{4}$/.test(l))).toBe(true);
  });
});

describe('share trend layout', () => {
  const months = monthRange('2025-01', '2025-06');
  const axis: TimeAxis = { months, lastPartial: true, asOf: '2025-06-10' };
  const s = withMonths(shareSeries('py', 'Python', [30, 30, 0, 30, 30, 30], [10, 12, 0, 15, 15, 9], { minPerMonth: 20, minMonths: 3 }), axis);

  test('the line breaks at a month without postings instead of dropping to zero', () => {
    const L = layoutShareTrend({ axis, series: [s] }, { width: 720 })!;
    expect(L.lines[0]!.d.match(/M/g)!.length).toBe(2);
    expect(L.lines[0]!.points.every((p) => p.y < L.plot.bottom)).toBe(true);
  });

  test('the partial last month is shaded and its point marked partial', () => {
    const L = layoutShareTrend({ axis, series: [s] }, { width: 720 })!;
    expect(L.partial).not.toBeNull();
    expect(L.lines[0]!.points.at(-1)!.partial).toBe(true);
    expect(L.lines[0]!.points.at(-1)!.title).toMatch(/partial month/);
    expect(renderShareTrend(L, { label: 'x', cls: 'wide' })).toContain('partial-point');
  });

  test('a series without enough data draws nothing', () => {
    const thin = withMonths(shareSeries('x', 'X', [5, 5, 5, 5, 5, 5], [1, 1, 1, 1, 1, 1], { minPerMonth: 20, minMonths: 3 }), axis);
    expect(layoutShareTrend({ axis, series: [thin] })).toBeNull();
  });

  test('labels from the data are escaped in the SVG', () => {
    const evil = { ...s, label: '<script>x</script>' };
    const svg = renderShareTrend(layoutShareTrend({ axis, series: [evil] })!, { label: '<b>', cls: 'wide' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
  });
});

describe('pay groups layout', () => {
  test('only groups with enough postings are drawn; the high ends sit right of the low ends', () => {
    const rows = Array.from({ length: 6 }, (_, i) => row({ id: `a/${i}`, level: 'senior', pay: pay(100000 + i * 5000, 160000 + i * 5000) }));
    const groups = payByFamilyLevel(dataset([...rows, row({ id: 'b/1', roleFamily: 'data-scientist', pay: pay(90000, 100000) })]));
    const L = layoutPayGroups(groups, { width: 720 });
    expect(L.rows.map((r) => r.key)).toEqual(['all', 'ml-engineer', 'ml-engineer:senior']);
    for (const r of L.rows) expect(r.high!.xm).toBeGreaterThan(r.low.xm);
    expect(L.rows[2]!.short).toBe('Senior');
  });
});
