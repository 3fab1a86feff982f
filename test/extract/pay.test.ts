import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/lib/extract/clean.ts';
import { extractPay, findPay, mentionsPay } from '../../src/lib/extract/pay.ts';
import { extractPosting } from '../../src/lib/extract/index.ts';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { corpusRows } from './fixtures/corpus.ts';

const ctx = loadContext();
const pay = (raw: string, date: string | null = '2025-06-01') => extractPay(clean(raw).text, ctx.rates, date);
const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('pay fixtures (test/extract/fixtures/pay-*/)', () => {
  const cases = readdirSync(FIXTURES).filter((d) => d.startsWith('pay-'));
  it.each(cases)('%s', (name) => {
    const input = readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'output.json'), 'utf8'));
    const cleaned = clean(input).text;
    const got = extractPay(cleaned, ctx.rates, '2025-06-01');
    if (expected === null) return expect(got).toBeNull();
    expect(got).not.toBeNull();
    const { extrasKinds, ...fields } = expected;
    expect(got).toMatchObject(fields);
    if (extrasKinds) expect(got!.extras.map((e) => e.kind).sort()).toEqual([...extrasKinds].sort());
    expect(cleaned).toContain(got!.evidence);
    for (const r of got!.ranges) expect(cleaned).toContain(r.evidence);
    for (const e of got!.extras) expect(cleaned).toContain(e.evidence);
  });
});

describe('pay', () => {
  it('reads the seed postings the way a careful reader does', () => {
    const seed = (f: string) => pay(readFileSync(join('content/postings/pinterest', f), 'utf8').replace(/^---[^]*?---\n/, ''), null);
    expect(seed('staff-machine-learning-engineer-content-quality-signals.md')).toBeNull();
    expect(seed('sr-staff-machine-learning-engineer-content-ecosystem.md')).toBeNull();
    expect(seed('staff-machine-learning-engineer.md')).toBeNull();
    expect(seed('principal-machine-learning-engineer-trust-safety.md')).toMatchObject({
      min: 249900, max: 480238, currency: 'USD', period: 'year', evidence: '$249,900 - $480,238',
    });
    expect(seed('machine-learning-engineer-ads-ranking.md')).toMatchObject({
      min: 222000, max: 327000, currency: 'USD', period: 'year', evidence: '222,000—327,000 USD',
    });
  });

  it('annualises by period and converts to USD with the rate in force on the posting date', () => {
    const hourly = pay('Pay: $50 - $60 per hour')!;
    expect([hourly.annualMin, hourly.annualMax]).toEqual([104000, 124800]);
    const monthly = pay('Salary: €5,000 per month')!;
    expect(monthly.annualMin).toBe(60000);
    expect(monthly.annualMinUsd).toBeGreaterThan(60000); // a euro is worth more than a dollar in 2025
    const biweekly = pay('Pay: $3,000 - $3,500 bi-weekly')!;
    expect(biweekly).toMatchObject({ period: 'biweekly', annualMin: 78000, annualMax: 91000 });
    expect(pay('Salary: $120,000 - $150,000')!.annualMinUsd).toBe(120000);
  });

  it('reads an annualised equivalent as yearly pay, whatever unit the sentence names first', () => {
    expect(pay('Interns are paid an hourly rate equivalent to an annualized range of $98,000-117,000.')).toMatchObject({ min: 98000, max: 117000, period: 'year' });
    expect(pay('Contractors are paid weekly; the annualised equivalent is £61,000 - £70,000.')).toMatchObject({ min: 61000, max: 70000, currency: 'GBP', period: 'year' });
  });

  it('infers the period from the size of the figures when none is written', () => {
    expect(pay('Salary range: $120,000 - $150,000')!.period).toBe('year');
    expect(pay('Pay range: $25 - $32')!.period).toBe('hour');
  });

  it('keeps bonus, OTE, equity and sign-on out of base pay', () => {
    const p = pay('Total rewards: $118K to $136K + 12% target bonus + equity')!;
    expect([p.min, p.max]).toEqual([118000, 136000]);
    expect(p.extras.map((e) => e.kind).sort()).toEqual(['bonus', 'equity']);
    expect(pay('Expected compensation sits at $145,000-$170,000 OTE.')).toBeNull();
    expect(pay('Base Salary: $47,250On Target Earnings: $79,000+ (No Cap)')).toMatchObject({ min: 47250, max: 47250 });
  });

  it('never takes funding, valuations, revenue, benefits, headcounts or years for pay', () => {
    for (const t of [
      'Last spring we closed a $120M Series D round (valuing us at $2.1 Billion).',
      'Candidates get $250 for the take-home project since your time matters.',
      '401(k) plan with an employer match (up to $4,500).',
      'Learning budget: course fees repaid up to $3K/year',
      'Home Internet Stipend – $30 per paycheck allowance',
      'We support 8,000 clinics and 1,200,000 patients since 2014.',
      'Strong TS in 100k-line monorepos.',
      'a scheduled raise up to $98K base salary',
      'Competitive salary and great benefits.',
    ]) expect(pay(t), t).toBeNull();
  });

  it('takes a benefit named after its figure, a duration or a bracketed OTE for no base pay', () => {
    expect(pay('Benefits:\n - A $1K monthly stipend for lunches\n - Health insurance')).toBeNull();
    expect(pay('Interview process:\n 1. Intro chat (20–30 min) with the team')).toBeNull();
    const ote = extractPay(clean('Comp range: $85k - $105k (OTE) + equity').text, ctx.rates, null);
    expect(ote).toBeNull();
    // A stipend that opens its line is an intern's pay; a bracket saying "base" keeps the figure base pay.
    expect(pay('Stipend: $2,400 per month')).toMatchObject({ min: 2400, period: 'month' });
    expect(pay('Salary: $128k (base) + equity')).toMatchObject({ min: 128000, max: 128000 });
  });

  it('takes the range named base over total or expected compensation beside it', () => {
    expect(pay('Compensation and perks\n - Expected annual compensation range: $151,000-178,500 USD\n - Base salary $137,000-162,000 USD\n - Up to 10% bonus'))
      .toMatchObject({ min: 137000, max: 162000 });
    expect(pay('That means a $92,000-$112,000 base, equity and uncapped commission, for an expected total compensation of up to ~$240,000.'))
      .toMatchObject({ min: 92000, max: 112000 });
    // Ranges by place that each name base keep their envelope.
    expect(pay('Base salary: NYC $150k - $180k; Denver $130k - $160k')).toMatchObject({ min: 130000, max: 180000 });
  });

  it('reads "up to" and lakh figures', () => {
    expect(pay('Backend Developer | Winnipeg, Canada (Onsite) | Up to $125k CAD + Stock Options')).toMatchObject({
      min: 125000, max: 125000, currency: 'CAD', rule: 'single-up-to',
    });
    expect(pay('CTC: ₹25 - 35 LPA')).toMatchObject({ min: 2500000, max: 3500000, currency: 'INR', period: 'year' });
  });

  it('gives no pay for "Not Disclosed" but mentionsPay names the sentence', () => {
    const t = clean('At Northwind we value openness. To be upfront with candidates, we are publishing the base salary band for this job. The job is also eligible for equity.').text;
    expect(extractPay(t, ctx.rates, null)).toBeNull();
    expect(mentionsPay(t)).toBe('To be upfront with candidates, we are publishing the base salary band for this job.');
    expect(mentionsPay('Role: Sales lead\nComp range: shared on the first call')).toBe('Comp range: shared on the first call');
    expect(mentionsPay('Pay: depends on experience')).toBe('Pay: depends on experience');
    expect(mentionsPay('Fixed Rate: agreed per project')).toBe('Fixed Rate: agreed per project');
    expect(mentionsPay('Vergütung: nach Vereinbarung')).toBe('Vergütung: nach Vereinbarung');
    expect(mentionsPay('This is a salaried position with equity.')).toBe('This is a salaried position with equity.');
    expect(mentionsPay('We offer a competitive salary and benefits.')).toBeNull();
    expect(mentionsPay('We build search.')).toBeNull();
  });
});

describe('pay in header fields and under prose', () => {
  it('reads a header field on its own, whatever the other fields say', () => {
    const p = pay('Lumenfold (Series B) | Staff Backend Engineer | Austin - hybrid | Full-time | $172k-$214k base + equity | https://jobs.example.com/lf/42');
    expect(p).toMatchObject({ min: 172000, max: 214000, currency: 'USD', period: 'year' });
    expect(p?.extras.map((e) => e.kind)).toContain('equity');
  });

  it('reads a bare salary-sized range that fills a header field', () => {
    expect(pay('Orbitly | https://orbitly.example | Senior Data Engineer, Growth | Denver or Chicago | 140-185k\n\nWe build tools.'))
      .toMatchObject({ min: 140000, max: 185000, currency: 'USD', period: 'year' });
  });

  it('takes no period from the words of a paragraph above the figure', () => {
    const text = 'We are a small team where engineers own whole areas and ship to customers daily, and we would like to hear from people who have done this before.\n\n$168k–$231k. Remote (US).';
    expect(pay(text)).toMatchObject({ min: 168000, max: 231000, period: 'year' });
  });
});

describe('pay on the Glassdoor corpus (no labels: robustness)', () => {
  const gd = corpusRows('glassdoor-2020.jsonl');

  it.skipIf(!gd)('finds no pay in nearly all Glassdoor postings (their text has no salary)', () => {
    const withPay = gd!.filter((r) => pay(r.text, null)).length;
    expect(withPay / gd!.length).toBeLessThanOrEqual(0.03);
  });
});

describe('pay in the forms of hiring threads (invented text)', () => {
  const range = (t: string) => { const p = pay(t); return p && [p.min, p.max, p.currency, p.period]; };

  it('reads a bare range in brackets as a header field', () => {
    expect(range('Quillmark | Backend Engineers | Full-time | ONSITE | Austin, TX | [165 - 195K]\n\nWe make ledgers.'))
      .toEqual([165000, 195000, 'USD', 'year']);
  });

  it('reads a salary-sized currency range after a role on a long bullet line', () => {
    const p = pay('Open roles:\n\n• Senior Platform Developer ($118-190k USD): TypeScript, Postgres and Terraform on a small team that ships weekly, with a four-day week.');
    expect(p).toMatchObject({ min: 118000, max: 190000, currency: 'USD', period: 'year' });
    expect(p!.ranges[0]!.qualifier).toBe('Senior Platform Developer');
    expect(range('* Data Engineer (Python, Spark, Airflow, dbt, Snowflake, Kafka, AWS) - $128-$149k — https://jobs.example.org/data-eng/#a1b2c3')).toEqual([128000, 149000, 'USD', 'year']);
  });

  it('reads "about" tildes: on the currency (€~) and as a range dash ($150~165k)', () => {
    expect(range('Ledgerline | REMOTE (EU only) or HYBRID Lisbon | €~48k-€~69k | https://ledgerline.example/')).toEqual([48000, 69000, 'EUR', 'year']);
    expect(range('* Senior Engineer, Mobile - $152~168k - Kotlin, Swift, GraphQL - https://careers.example.com/jobs/123-abc')).toEqual([152000, 168000, 'USD', 'year']);
    const p = pay('* Senior Engineer, Ingest - $141~166k + 10% bonus - Go, Kubernetes, BigQuery - https://careers.example.com/jobs/9');
    expect(p).toMatchObject({ min: 141000, max: 166000 });
    expect(p!.extras.map((e) => e.kind)).toContain('bonus');
  });

  it('reads bare k ranges that fill a field of their own, with an extra after them', () => {
    expect(range('Principal Designer | Remote (anywhere) | 52-94k + equity\n\nWe are Tidewell, building billing tools.')).toEqual([52000, 94000, 'USD', 'year']);
    expect(range('Tidewell | FULL-TIME | ONSITE | Founding Backend Engineer | 65k-105k + Equity\n\nAbout the company: we are a team of four building tools for clinics and labs.')).toEqual([65000, 105000, 'USD', 'year']);
    expect(range('Brightpath - Founding Mobile Engineer – Remote (US) – 175-240k\n\nWe teach reading to children who struggle with it.')).toEqual([175000, 240000, 'USD', 'year']);
  });

  it('reads lakh ranges written with L and an intern stipend per month', () => {
    expect(pay('Site Reliability | Pune (Hybrid) | Full-time\n\nComp: ₹35–55L + ESOPs (flexible)')).toMatchObject({
      min: 3500000, max: 5500000, currency: 'INR', period: 'year',
    });
    expect(pay('Design Intern (Android)\n\nStipend\n₹38,000 per month, plus a laptop')).toMatchObject({
      min: 38000, max: 38000, currency: 'INR', period: 'month',
    });
    // "L" beside no rupee is no lakh; a stipend named after a benefit is no pay.
    expect(pay('Our robot lifts 40-60L tanks every day in the warehouse we run for clients.')).toBeNull();
    expect(pay('Perks: a home office stipend of $2,000 per year and a learning stipend of $1,500 per year.')).toBeNull();
  });

  it('reads an open figure followed by equity, and "£X+ cash/equity" in a header', () => {
    const p = pay('Wavelet | Founding Engineers | NYC | Onsite\n\nWe raised a $5m seed last month. Looking for founding engineers who like hard problems. $190k+, significant equity. Write to the founders.');
    expect(p).toMatchObject({ min: 190000, max: null, currency: 'USD' });
    expect(p!.extras.map((e) => e.kind)).toContain('equity');
    expect(pay('Lead Data Engineer | Manchester, UK | Hybrid (2 days/week in office) | £120k+ cash/equity')).toMatchObject({
      min: 120000, max: null, currency: 'GBP', period: 'year',
    });
  });

  it('keeps each level of "ranges by level" with its own qualifier and the envelope in min/max', () => {
    const p = pay('Senior: $170,000 - $195,000, Staff $195,000 - $228,000')!;
    expect([p.min, p.max]).toEqual([170000, 228000]);
    expect(p.ranges.map((r) => [r.qualifier, r.min, r.max])).toEqual([['Senior', 170000, 195000], ['Staff', 195000, 228000]]);
  });

  it('reads job-board lines where a percent range after the salary is equity', () => {
    const board = 'Lumen Ledger Revenue Operations Platform for Finance Teams Backend Engineer (with an appetite for data) $185K - $240K • 0.20% - 0.45% • Seattle, WA, US Job type Full-time Role Engineering';
    const p = pay(board)!;
    expect(p).toMatchObject({ min: 185000, max: 240000, currency: 'USD', period: 'year' });
    expect(p.extras).toContainEqual({ kind: 'equity', evidence: '0.20% - 0.45%' });
    expect(range('Growth Marketing Austin, TX, US $110K - $170K 0.25% - 0.60% Any (new grads ok) Apply Now › Growth')).toEqual([110000, 170000, 'USD', 'year']);
    const yc = pay('Kestrel (YC S24): Founding Infra Engineer – $190K-$255K and 0.4-0.9% equity')!;
    expect([yc.min, yc.max]).toEqual([190000, 255000]);
    expect(yc.extras.map((e) => e.kind)).toContain('equity');
    expect(range('$140K – $205K • Offers Equity • $10k relocation bonus (if needed)')).toEqual([140000, 205000, 'USD', 'year']);
  });

  it('reads a currency code written against the figure ("CHF70k–CHF95k") but not ids like "W23"', () => {
    expect(range('Content Lead. 3–5 years.\n\nCHF70k–CHF95k\n\nemail jobs@example.ch')).toEqual([70000, 95000, 'CHF', 'year']);
    expect(pay('Acme (YC W23) is hiring: 20 engineers on H100 clusters.')).toBeNull();
  });

  it('applies a currency code written before or after a range to both ends, never defaulting to USD', () => {
    for (const [t, currency] of [
      ['Base salary: $131,000 - $176,000 CAD', 'CAD'],
      ['Base salary: $131k - $176k CAD per year', 'CAD'],
      ['Base salary: $131,000 - $176,000 AUD + super', 'AUD'],
      ['Base salary: CAD $131,000 - $176,000', 'CAD'],
      ['Base salary: AUD $131,000 - $176,000', 'AUD'],
      ['Base salary: C$131,000 - $176,000', 'CAD'],
      ['Base salary: $131,000 - $176,000 (NZD)', 'NZD'],
    ] as const) expect(range(t), t).toEqual([131000, 176000, currency, 'year']);
    // Two different written currencies are two figures, not one range.
    expect(pay('Base salary: $131,000 - £176,000')?.currency).not.toBe('GBP');
  });

  it('takes no envelope of loose ranges that disagree, and says why in the trace', () => {
    const list = 'Backend Engineer | Remote | $100k - $150k\nSupport Agent | Boston | $40k - $55k\nDesigner | NYC | $90k - $120k';
    expect(pay(list)).toBeNull();
    const declined = findPay(clean(list).text, ctx.rates, null).declined;
    expect(declined?.rule).toMatch(/^pay-declined:3-ranges-disagree$/);
    const x = extractPosting({ text: `Acme | Data Engineer | Remote\n\nWe build data pipelines.\n\n${list}`, source: null, id: null }, ctx).extraction;
    expect(x.pay).toBeNull();
    expect(x.trace).toContainEqual({ field: 'pay', rule: declined!.rule, evidence: '$100k - $150k' });
    // The posting's own statement (a pay word, or a level or place written against the range) wins over loose ranges.
    expect(range(`Base salary: $131,000 - $160,000\n\n${list}`)).toEqual([131000, 160000, 'USD', 'year']);
    expect(range('Senior: $150k - $180k\nStaff: $180k - $220k')).toEqual([150000, 220000, 'USD', 'year']);
    // Loose ranges that agree (one holds the other, or they share an end) still give the envelope.
    expect(range('Engineer | Remote | $62,500 - $101,500\nEngineer | Remote | $62,500 - $78,100')).toEqual([62500, 101500, 'USD', 'year']);
  });

  it('of ranges that disagree, takes the one on the line naming the posting\'s title (a post listing several roles)', () => {
    const post = 'Acme | SF | Full-time\n\nWe\'re hiring:\n  - Staff Software Engineer (Elixir) | $200K-$250K\n  - Senior Software Engineer (React) | $150K-$220K\n  - Senior/Staff Machine Learning Engineer | $190K-$260K';
    const text = clean(post).text;
    const own = findPay(text, ctx.rates, null, 'Senior/Staff Machine Learning Engineer').pay;
    expect([own?.min, own?.max]).toEqual([190000, 260000]);
    expect(own?.ranges[0]?.qualifier).toBe('Senior/Staff Machine Learning Engineer');
    // Without a title, or with one no line names, the envelope is still nobody's pay.
    expect(findPay(text, ctx.rates, null).pay).toBeNull();
    expect(findPay(text, ctx.rates, null, 'Research Scientist').pay).toBeNull();
    // Front matter's title is the one used for a posting file.
    const x = extractPosting({ text: post, source: null, id: null, frontMatter: { title: 'Senior Software Engineer (React)', company: 'Acme' } as never }, ctx).extraction;
    expect([x.pay?.min, x.pay?.max]).toEqual([150000, 220000]);
  });

  it('of ranges written against several roles, takes the one on the line naming the title, but keeps levels and places', () => {
    const post = 'Open roles:\n- Senior Machine Learning Engineer ($164,996 - $189,650): https://example.org/1\n- Software Engineer, Backend ($138,938 - $159,699): https://example.org/2\n- Software Engineer, Fullstack - Experience & Engagement ($122,846 - $141,202): https://example.org/3\n- Senior Product Designer ($114,649 - $131,781): https://example.org/4';
    const text = clean(post).text;
    expect(findPay(text, ctx.rates, null, 'Senior Machine Learning Engineer').pay).toMatchObject({ min: 164996, max: 189650 });
    // Without the title, the roles' ranges are still read as before (each is the employer's statement for a role).
    expect(findPay(text, ctx.rates, null).pay).toMatchObject({ min: 114649, max: 189650 });
    // A level or a place against a range is the same role's pay: the envelope stays.
    const levels = 'Senior Machine Learning Engineer | Remote\nSenior: $150k - $180k\nStaff: $180k - $220k';
    expect(findPay(clean(levels).text, ctx.rates, null, 'Senior Machine Learning Engineer').pay).toMatchObject({ min: 150000, max: 220000 });
  });

  it('reads an open bare figure that fills a header field', () => {
    expect(pay('- Senior Backend Engineer | Equity | 95k+ (based on experience) + quarterly bonus')).toMatchObject({ min: 95000, max: null });
    expect(range('In return, you get\n - 140k-190k cash salary + equity\n - Free lunch')).toEqual([140000, 190000, 'USD', 'year']);
  });

  it('still ignores funding, revenue and benefit figures in these forms', () => {
    for (const t of [
      'Perks:\n - 8 to 11 company paid holidays (by country)\n - Home office budget',
      'Team: 40-60 engineers paid to work on hard problems',
      'Orchard | Remote | We grew ARR of $150k-$300k per customer last year in the enterprise tier, serving 12 hospitals.',
      'We raised $200k+, with funding from angels and a pre-seed fund that backs developer tools in Europe and the US.',
      'Customers typically spend $80k - $120k per year with us on usage-based pricing across their whole fleet of devices.',
      'Benefits: 401k match, $2,000 learning stipend, $1,000 home office budget, 25 days of holiday and private health insurance.',
      'Serving 100k+ users in 40 countries | Remote | https://example.com/jobs/42',
    ]) expect(pay(t), t).toBeNull();
  });
});
