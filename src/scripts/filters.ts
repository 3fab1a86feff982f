/**
 * Chart filters in the browser. The build-time SVG is the baseline; this script shows the filter forms, keeps the
 * reader's choice in the URL (so a link shares it, the back button steps through it and a reload restores it),
 * fetches the small pre-aggregated count tables only once a filter is used, and redraws the charts in place with
 * the same layout code the build uses.
 */
import {
  FILTER_KEYS, MAX_COMPARED, comparedSeries, cubeSlice, filterQuery, isEmptyFilter, parseFamily, parseFilter, parseSkills, skillsQuery, sliceSeries,
  type ChartFilter,
} from '../lib/dataset/filter.ts';
import type { FilterCube, SkillMonths } from '../lib/dataset/compare.ts';
import type { ShareSeries, TimeAxis } from '../lib/dataset/over-time.ts';
import { layoutShareTrend } from '../components/charts/share-trend.prepare.ts';
import { esc, renderShareTrend } from '../components/charts/share-trend.render.ts';
import { layoutBars } from '../components/charts/bars.prepare.ts';
import { percent } from '../lib/site/format.ts';

const cache = new Map<string, Promise<unknown>>();
const getJson = <T>(url: string): Promise<T> => {
  if (!cache.has(url)) cache.set(url, fetch(url).then((r) => { if (!r.ok) throw new Error(`${url}: ${r.status}`); return r.json(); }));
  return cache.get(url) as Promise<T>;
};

/** Each redrawn element's build-time markup, to put back when the filter is cleared. */
const originals = new WeakMap<Element, string>();
const remember = (el: Element) => { if (!originals.has(el)) originals.set(el, el.innerHTML); };
const restore = (el: Element | null) => { if (el && originals.has(el)) el.innerHTML = originals.get(el)!; };

const legendCount = (s: ShareSeries | undefined) => (s ? `${s.k} of ${s.n}` : '');

/** Redraw a share-trend figure's body (legend + wide and narrow SVG). */
function drawTrend(fig: Element | null, input: { axis: TimeAxis; series: ShareSeries[] }, title: string): void {
  const body = fig?.querySelector('.chart-body');
  if (!fig || !body) return;
  remember(body);
  fig.classList.add('filtered');
  const wide = layoutShareTrend(input, { width: 720, height: 300 });
  const narrow = layoutShareTrend(input, { width: 360, height: 240 });
  if (!wide || !narrow) {
    const reason = input.series.find((s) => !s.drawn)?.reason ?? 'no dated postings match';
    body.innerHTML = `<p class="empty">Not enough data for a trend with this filter: ${esc(reason)}.</p>`;
    return;
  }
  const legend = wide.lines.map((l) => `<li><span class="swatch" style="background:${esc(l.colour)}"></span>${esc(l.label)} <span class="muted">${legendCount(input.series.find((s) => s.key === l.key))}</span></li>`).join('');
  const hidden = input.series.filter((s) => !s.drawn);
  body.innerHTML = `<ul class="legend">${legend}</ul>` + renderShareTrend(wide, { label: title, cls: 'wide' }) + renderShareTrend(narrow, { label: title, cls: 'narrow' })
    + (hidden.length ? `<p class="small muted not-drawn">Not drawn, too few dated postings: ${hidden.map((s) => `${esc(s.label)} (n = ${s.n})`).join(', ')}.</p>` : '');
}

/** Update a bar chart's bars, axis, values and table in place. */
function drawBars(fig: Element | null, data: { key: string; share: number; n: number }[], note: string): void {
  if (!fig) return;
  for (const el of fig.querySelectorAll('svg, tbody, .note')) remember(el);
  fig.classList.add('filtered');
  const noteEl = fig.querySelector('.note');
  if (noteEl) noteEl.textContent = note;
  for (const svg of fig.querySelectorAll('svg')) {
    const width = svg.viewBox.baseVal.width;
    const firstLabel = svg.querySelector('.bar-label');
    if (!firstLabel) continue;
    const labelWidth = Number(firstLabel.getAttribute('x')) + 8;
    const L = layoutBars(data.map((d) => ({ ...d, label: d.key })), { width, labelWidth });
    const axis = svg.querySelector('g.axis');
    if (axis) axis.innerHTML = L.ticks.map((t) => `<g><line x1="${t.x}" x2="${t.x}" y1="14" y2="${L.height - 4}" class="grid"></line><text x="${t.x}" y="10" text-anchor="middle">${esc(t.label)}</text></g>`).join('');
    for (const b of L.bars) {
      const g = svg.querySelector(`g.bar[data-key="${CSS.escape(b.key)}"]`);
      if (!g) continue;
      g.querySelector('rect')?.setAttribute('width', String(Math.max(b.width, b.n > 0 ? 1 : 0)));
      const value = g.querySelector('.bar-value');
      if (value) { value.setAttribute('x', String(L.labelWidth + b.width + 6)); value.textContent = b.value; }
    }
  }
  for (const d of data) {
    const cells = fig.querySelectorAll(`tr[data-key="${CSS.escape(d.key)}"] td`);
    if (cells[0]) cells[0].textContent = String(d.n);
    if (cells[1]) cells[1].textContent = percent(d.share);
  }
}

function restoreAll(ids: string[]): void {
  for (const id of ids) {
    const fig = document.getElementById(id);
    if (!fig) continue;
    fig.classList.remove('filtered');
    for (const el of fig.querySelectorAll('.chart-body, svg, tbody, .note')) restore(el);
  }
}

const readForm = (form: HTMLFormElement): ChartFilter => {
  const f: ChartFilter = {};
  for (const k of FILTER_KEYS) {
    const v = (form.elements.namedItem(k) as HTMLSelectElement | null)?.value;
    if (v) f[k] = v;
  }
  return f;
};
const writeForm = (form: HTMLFormElement, f: ChartFilter) => {
  for (const k of FILTER_KEYS) {
    const el = form.elements.namedItem(k) as HTMLSelectElement | null;
    if (el) el.value = f[k] ?? '';
  }
};
const optionText = (form: HTMLFormElement, name: string, value: string | undefined) =>
  value ? (form.querySelector(`select[name="${name}"] option[value="${CSS.escape(value)}"]`)?.textContent ?? value) : null;

/** Set up the family / level / region / date filters on this page, if it has them. */
async function setupChartFilters(form: HTMLFormElement): Promise<void> {
  const targets = (form.dataset.targets ?? '').split(' ').filter(Boolean);
  const status = form.querySelector('.filter-status');
  form.hidden = false;
  const apply = async (f: ChartFilter) => {
    if (isEmptyFilter(f)) {
      restoreAll(targets);
      if (status) status.textContent = '';
      return;
    }
    const cube = await getJson<FilterCube>(form.dataset.cube!);
    const slice = cubeSlice(cube, f);
    const words = [optionText(form, 'family', f.family), optionText(form, 'level', f.level), optionText(form, 'region', f.region), optionText(form, 'policy', f.policy),
      f.from || f.to ? `${optionText(form, 'from', f.from) ?? 'first month'} to ${optionText(form, 'to', f.to) ?? 'latest month'}` : null].filter(Boolean).join(' · ');
    const label = words || 'Filtered';
    const series = sliceSeries(cube, slice, label);
    if (targets.includes('remote-mix')) {
      drawBars(document.getElementById('remote-mix'), cube.dims.policy.map((p) => ({ key: p, n: slice.policy[p] ?? 0, share: slice.n ? (slice.policy[p] ?? 0) / slice.n : 0 })),
        `share of ${slice.n} ML postings (${label}).`);
    }
    if (targets.includes('remote-trend')) drawTrend(document.getElementById('remote-trend'), { axis: slice.axis, series: [series.remote] }, `Share that can be done fully remotely, ${label}`);
    if (targets.includes('pay-disclosure')) drawTrend(document.getElementById('pay-disclosure'), { axis: slice.axis, series: [series.text, series.board] }, `Share stating pay, ${label}`);
    if (status) status.textContent = `Showing ${slice.n} ML postings: ${label}. The outlined charts follow the filter; the CSV downloads cover every ML posting.`;
  };
  const fromUrl = () => { getJson<FilterCube>(form.dataset.cube!).then((cube) => { const f = parseFilter(location.search, cube); writeForm(form, f); return apply(f); }).catch(report); };
  form.addEventListener('change', () => {
    const f = readForm(form);
    history.pushState(null, '', (filterQuery(f, location.search) || location.pathname) + location.hash);
    apply(f).catch(report);
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    writeForm(form, {});
    history.pushState(null, '', (filterQuery({}, location.search) || location.pathname) + location.hash);
    apply({}).catch(report);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('popstate', fromUrl);
  if (FILTER_KEYS.some((k) => new URLSearchParams(location.search).has(k))) fromUrl();

  function report(err: unknown) {
    if (status) status.textContent = `The filter could not load its data (${String(err)}).`;
  }
}

/** Set up the "compare up to five skills" picker (and its family choice), if the page has it. */
function setupSkillCompare(form: HTMLFormElement): void {
  const fig = document.getElementById(form.dataset.target ?? '');
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="skill"]')];
  const familySelect = form.querySelector<HTMLSelectElement>('select[name="family"]');
  /** A skill chosen by link (/skills/?skills=…) that the picker does not offer gets its own checkbox. */
  const ensureBox = (id: string, label: string) => {
    if (boxes.some((b) => b.value === id)) return;
    const wrap = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox'; box.name = 'skill'; box.value = id;
    wrap.append(box, ` ${label}`);
    form.querySelector('.checks')?.prepend(wrap);
    boxes.unshift(box);
  };
  const status = form.querySelector('.filter-status');
  form.hidden = false;
  const limit = () => {
    const n = boxes.filter((b) => b.checked).length;
    for (const b of boxes) b.disabled = !b.checked && n >= MAX_COMPARED;
  };
  const apply = async (ids: string[], family: string | undefined) => {
    for (const b of boxes) b.checked = ids.includes(b.value);
    if (familySelect) familySelect.value = family ?? '';
    limit();
    if (ids.length === 0 && family === undefined) {
      fig?.classList.remove('filtered');
      restore(fig?.querySelector('.chart-body') ?? null);
      if (status) status.textContent = '';
      return;
    }
    const sm = await getJson<SkillMonths>(form.dataset.table!);
    // A family alone: its view of the skills the chart shows by default (the most named).
    const chosen = ids.length ? ids : sm.skills.slice(0, MAX_COMPARED).map((s) => s.id);
    const input = comparedSeries(sm, chosen, sm.thresholds, family);
    const who = family ? (familySelect?.selectedOptions[0]?.textContent ?? family) : 'all ML roles';
    drawTrend(fig, input, `Skills compared, ${who}: ${input.series.map((s) => s.label).join(', ')}`);
    if (status) status.textContent = `Comparing ${input.series.map((s) => s.label).join(', ')} among ${who}.`;
  };
  const fromUrl = () => getJson<SkillMonths>(form.dataset.table!)
    .then((sm) => {
      const ids = parseSkills(location.search, sm.skills.map((s) => s.id));
      for (const id of ids) ensureBox(id, sm.skills.find((s) => s.id === id)!.label);
      return apply(ids, parseFamily(location.search, sm));
    })
    .catch(() => undefined);
  const push = (ids: string[], family: string) => {
    const q = new URLSearchParams(skillsQuery(ids, location.search).slice(1));
    if (family) q.set('family', family); else q.delete('family');
    const s = q.toString().replace(/%2C/g, ',');
    history.pushState(null, '', (s ? `?${s}` : location.pathname) + location.hash);
  };
  form.addEventListener('change', () => {
    const ids = boxes.filter((b) => b.checked).map((b) => b.value).slice(0, MAX_COMPARED);
    const family = familySelect?.value ?? '';
    push(ids, family);
    apply(ids, family || undefined).catch(() => undefined);
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    push([], '');
    apply([], undefined).catch(() => undefined);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('popstate', fromUrl);
  if (/[?&](skills|family)=/.test(location.search)) fromUrl();
}

/** Find this page's filter forms and wire them up. */
export function initFilters(): void {
  // Idempotent: every component that holds a form may call this.
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-filters]:not([data-ready])')) { form.dataset.ready = ''; void setupChartFilters(form); }
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-skill-compare]:not([data-ready])')) { form.dataset.ready = ''; setupSkillCompare(form); }
}
