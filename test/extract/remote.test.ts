import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/lib/extract/clean.ts';
import { extractCadence, extractRemote } from '../../src/lib/extract/remote.ts';
import { sharedPath } from '../../src/lib/eval/corpus.ts';
import { hasShared } from '../helpers/shared.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('remote fixtures (test/extract/fixtures/remote-*/)', () => {
  const cases = readdirSync(FIXTURES).filter((d) => d.startsWith('remote-'));
  it.each(cases)('%s', (name) => {
    const text = clean(readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8')).text;
    const expected = JSON.parse(readFileSync(join(FIXTURES, name, 'output.json'), 'utf8'));
    const got = extractRemote(text);
    if (expected === null) return expect(got).toBeNull();
    expect(got).toMatchObject(expected);
    // Every evidence span is a substring of the cleaned text, and a rule is named.
    for (const e of got!.evidence) expect(text).toContain(e);
    expect(got!.rule).not.toBe('');
  });
});

describe('office cadence', () => {
  it.each([
    ['in the office 1-2 times/quarter', [4, 8]],
    ['in the office for collaboration 1-2 times every 6 months', [2, 4]],
    ['visit the office 1 time per quarter', [4, 4]],
    ['in our office 3 days a week', [156, 156]],
    ['2 days/week onsite', [104, 104]],
    ['onsite twice a month', [24, 24]],
    ['NYC (In-Office 3-4 days)', [156, 208]],
    ['in-office MWF', [156, 156]],
  ] as const)('%s → %j days a year', (text, days) => {
    expect(extractCadence(text)?.days).toEqual(days);
  });

  it('needs an office word: "3 days a week" of part-time work is not a cadence', () => {
    expect(extractCadence('This is a part-time contract, 3 days a week.')).toBeNull();
  });

  it('treats visits less than twice a month as occasional (remote), a weekly cadence as hybrid', () => {
    expect(extractRemote('You will be in the office once a quarter.')?.policy).toBe('remote');
    expect(extractRemote('You will be in the office 2 days a week.')?.policy).toBe('hybrid');
    expect(extractRemote('You will be onsite 5 days a week.')?.policy).toBe('onsite');
  });
});

describe('remote words in other senses are not a policy', () => {
  it.each([
    'We build remote sensing products for farmers.',
    'Our product helps remote workers stay insured.',
    'Hybrid search over dense and sparse retrieval.',
    'Improve onsite engagement prediction for ads.',
  ])('%s', (text) => expect(extractRemote(text)).toBeNull());
});

describe('the seeds (../shared/seeds)', () => {
  const dir = sharedPath('seeds');
  const run = hasShared('remote seed checks', 'seeds') && dir;
  it.runIf(run)('reads each seed\'s policy, region and cadence as expected.json says', () => {
    const expected = JSON.parse(readFileSync(join(dir!, 'expected.json'), 'utf8')).postings as Record<string, { remote: { policy: string; region: string | null; officeDaysPerYear: number[] | null } | null }>;
    for (const [file, e] of Object.entries(expected)) {
      const got = extractRemote(clean(readFileSync(join(dir!, file), 'utf8')).text);
      const brief = got && { policy: got.policy, region: got.region, officeDaysPerYear: got.officeDaysPerYear };
      const want = e.remote && { policy: e.remote.policy, region: e.remote.region, officeDaysPerYear: e.remote.officeDaysPerYear };
      expect(brief, file).toEqual(want);
    }
  });
});


describe('remote region', () => {
  const remote = (t: string) => extractRemote(clean(t).text);

  it('keeps every region named, the first as `region`', () => {
    expect(remote('Fernwerk | Data Engineer | Remote (Germany/UK) | Full-time')).toMatchObject({ policy: 'remote', region: 'Germany', regions: ['Germany', 'UK'] });
    expect(remote('Fernwerk | Data Engineer | REMOTE (US, Canada, Mexico)')).toMatchObject({ region: 'US', regions: ['US', 'Canada', 'Mexico'] });
    expect(remote('Location: Remote - US or Canada')).toMatchObject({ region: 'US', regions: ['US', 'Canada'] });
  });

  it('reads the place after "work from anywhere"', () => {
    expect(remote('You can work from anywhere in the US.')).toMatchObject({ policy: 'remote', region: 'US', regions: ['US'] });
    expect(remote('Work from anywhere in the world, async by default.')).toMatchObject({ region: 'worldwide' });
    expect(remote('You can work from anywhere in the country.')).toMatchObject({ region: null, regions: [] });
  });

  it('names no region for hybrid or on-site roles', () => {
    expect(remote('Hybrid (US) | 3 days a week in the Austin office')).toMatchObject({ policy: 'hybrid', region: null, regions: [] });
  });

  it("takes no company's name for its work model as a policy", () => {
    expect(remote('We work the FlexFirst way: teams agree together where and when they meet.')).toBeNull();
  });
});

describe('remote written against its region in running text', () => {
  const remote = (t: string) => extractRemote(clean(t).text);
  const intro = 'Quillmark\nLedgers for small shops\nWe are a team of nine in three countries.\n\n';
  it.each([
    [`${intro}We are hiring a Tech Lead and an SRE to own our sync engine and billing pipeline – REMOTE LATAM - and we answer every application.`, 'LATAM'],
    [`${intro}We are hiring Senior TypeScript Engineers for the sync engine and the billing pipeline - REMOTE (US). Apply by email.`, 'US'],
    [`${intro}Open roles, each with its own page and pay band listed there:\n// Senior Backend Engineer for the sync engine and the billing pipeline (Remote Europe / LATAM) - Ruby, 5+ years`, 'Europe'],
  ])('%s → remote, %s', (text, region) => expect(remote(text)).toMatchObject({ policy: 'remote', region }));

  it('reads no policy from a link that spells remote', () => {
    expect(remote('Apply: https://careers.example.io/o/dev-100-remote-worldwide-hn')).toBeNull();
  });
});
