import { describe, expect, test } from 'vitest';
import { THRESHOLDS, payBands, remoteMix, skillDemand } from '../../src/lib/dataset/aggregates.ts';
import { layoutPay, OPEN_RUN } from '../../src/components/charts/pay.prepare.ts';
import { layoutBars } from '../../src/components/charts/bars.prepare.ts';
import PayBandsChart from '../../src/components/charts/PayBandsChart.astro';
import BarChart from '../../src/components/charts/BarChart.astro';
import ShareTrendChart from '../../src/components/charts/ShareTrendChart.astro';
import PayGroupsChart from '../../src/components/charts/PayGroupsChart.astro';
import FamilyComparison from '../../src/components/charts/FamilyComparison.astro';
import { familyComparison, payByFamilyLevel, remoteShareTrend, skillShareTrend } from '../../src/lib/dataset/compare.ts';
import { dataset, pay, row, sampleDataset } from '../site/fixture-dataset.ts';
import { render } from './render.ts';

describe('pay bands layout', () => {
  const d = dataset([
    row({ id: 'a/range', level: 'senior', pay: pay(100000, 200000) }),
    row({ id: 'a/open', level: 'senior', pay: pay(150000, null) }),
    row({ id: 'a/single', level: 'staff', pay: pay(180000, 180000) }),
  ]);
  const L = layoutPay(payBands(d), { width: 600 });
  const byId = Object.fromEntries(L.marks.map((m) => [m.id, m]));

  test('a range spans min to max, an open range runs a fixed length past its min, a single figure is a point', () => {
    expect(byId['a/range']!.x2).toBeGreaterThan(byId['a/range']!.x1);
    expect(byId['a/open']!.x2 - byId['a/open']!.x1).toBe(OPEN_RUN);
    expect(byId['a/single']!.x2).toBe(byId['a/single']!.x1);
  });

  test('higher pay sits further right, and every mark stays inside the viewBox', () => {
    expect(byId['a/single']!.x1).toBeGreaterThan(byId['a/range']!.x1);
    for (const m of L.marks) expect(Math.max(m.x1, m.x2)).toBeLessThanOrEqual(L.width);
  });

  test('groups stack top to bottom in level order and each names its n', () => {
    expect(L.groups.map((g) => [g.label, g.n])).toEqual([['Senior', 2], ['Staff', 1]]);
    expect(L.groups[1]!.y0).toBeGreaterThan(L.groups[0]!.y1);
  });

  test('each mark describes itself in words (for screen readers and hover)', () => {
    expect(byId['a/open']!.label).toBe('Machine Learning Engineer, Acme: $150k or more a year');
  });
});

describe('bars layout', () => {
  test('the largest share gets the widest bar and labels carry share and count', () => {
    const L = layoutBars([{ key: 'a', label: 'A', share: 0.5, n: 5 }, { key: 'b', label: 'B', share: 0.25, n: 2 }]);
    expect(L.bars[0]!.width).toBeCloseTo(L.bars[1]!.width * 2);
    expect(L.bars.map((b) => b.value)).toEqual(['50% (5)', '25% (2)']);
  });
});

describe('chart snapshots (fixed data)', () => {
  const d = sampleDataset();

  test('pay bands', async () => {
    const html = await render(PayBandsChart, { pay: payBands(d), medianMin: THRESHOLDS.medianMinPostings });
    expect(html).toContain('role="img"');
    await expect(html).toMatchFileSnapshot('__snapshots__/pay-bands.html');
  });

  test('remote mix bars', async () => {
    const r = remoteMix(d);
    const html = await render(BarChart, {
      data: r.mix.map((m) => ({ key: m.policy, label: m.policy, share: m.share, n: m.n })),
      title: 'Work arrangement', note: `n = ${r.n}`, labelHeading: 'Policy',
    });
    await expect(html).toMatchFileSnapshot('__snapshots__/remote-mix.html');
  });

  test('skill demand bars', async () => {
    const s = skillDemand(d);
    const html = await render(BarChart, {
      data: s.skills.map((k) => ({ key: k.id, label: k.label, share: k.share, n: k.n, href: `/skills/${k.id}/` })),
      title: 'Skills named', note: `n = ${s.n}`, labelHeading: 'Skill',
    });
    await expect(html).toMatchFileSnapshot('__snapshots__/skill-demand.html');
  });

  test('skill shares over time (rolling lines, bands, partial month)', async () => {
    const html = await render(ShareTrendChart, { trend: skillShareTrend(d, { top: 3 }), title: 'Skills over time', what: 'share naming each', minPerMonth: 20, minMonths: 3, csv: '/data/charts/skill-trend.csv' });
    expect(html).toContain('class="band"');
    expect(html).toContain('Download these numbers (CSV)');
    await expect(html).toMatchFileSnapshot('__snapshots__/share-trend.html');
  });

  test('remote share by family: families with too few postings are named, not drawn', async () => {
    const html = await render(ShareTrendChart, { trend: remoteShareTrend(d), title: 'Remote', what: 'share remote', minPerMonth: 20, minMonths: 3 });
    expect(html).toMatch(/Not drawn, too few dated postings: Research scientist \(n = 0\)/);
  });

  test('pay by family and level', async () => {
    const html = await render(PayGroupsChart, { groups: payByFamilyLevel(d), title: 'Pay by family and level', medianMin: THRESHOLDS.medianMinPostings });
    expect(html).toContain('box-high');
    await expect(html).toMatchFileSnapshot('__snapshots__/pay-groups.html');
  });

  test('families compared', async () => {
    const html = await render(FamilyComparison, { families: familyComparison(d), medianMin: THRESHOLDS.medianMinPostings });
    for (const label of ['ML engineer', 'Research scientist', 'AI engineer']) expect(html).toContain(label);
    await expect(html).toMatchFileSnapshot('__snapshots__/families.html');
  });

  test('a thin dataset says "not enough data for a trend" instead of drawing a line', async () => {
    const html = await render(ShareTrendChart, { trend: skillShareTrend(dataset([row({ id: 'a/1', posted: '2026-01-01', skills: [{ id: 'python', label: 'Python', group: 'language', evidence: 'Python' }] })])), title: 'Skills over time', what: 'share naming each', minPerMonth: 20, minMonths: 3 });
    expect(html).toContain('Not enough data for a trend');
    expect(html).not.toContain('<path');
  });

  test('posting text in a chart is escaped, never markup', async () => {
    const evil = dataset([row({ id: 'a/x', title: '<script>alert(1)</script>', pay: pay(100000, 120000) })]);
    const html = await render(PayBandsChart, { pay: payBands(evil), medianMin: 5 });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});
