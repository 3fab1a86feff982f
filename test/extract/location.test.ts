import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/lib/extract/clean.ts';
import { extractLocations, normalisePlace, parsePlace, placesIn } from '../../src/lib/extract/location.ts';
import { sharedPath } from '../../src/lib/eval/corpus.ts';
import { hasShared } from '../helpers/shared.ts';

const locs = (t: string) => extractLocations(t).locations;

describe('place phrases are normalised', () => {
  it.each([
    ['San Francisco, CA - USA', 'San Francisco, CA, US'],
    ['Kirkland, WA', 'Kirkland, WA, US'],
    ['Austin, Texas', 'Austin, TX, US'],
    ['Cologne, Germany', 'Cologne, Germany'],
    ['Boston', 'Boston, MA, US'],
    ['NYC', 'New York, NY, US'],
    ['United States', 'US'],
    ['Latin America', 'LATAM'],
  ])('%s → %s', (raw, want) => expect(parsePlace(raw)).toBe(want));

  it('reads places and remote regions out of one header field', () => {
    expect(placesIn('Boston or Remote (US)')).toEqual(['Boston, MA, US', 'Remote, US']);
    expect(placesIn('Onsite (Burlingame, CA)')).toEqual(['Burlingame, CA, US']);
    expect(placesIn('Remote (Germany/UK)')).toEqual(['Remote, Germany', 'Remote, UK']);
  });

  it('is not fooled by words that are not places', () => {
    expect(parsePlace('Full-time')).toBeNull();
    expect(parsePlace('Machine Learning Engineer')).toBeNull();
  });
});

describe('locations of a posting', () => {
  it('reads an HN header', () => {
    expect(locs('Brightpath Labs | Test Engineer | Denver or Remote (US) | Full-time\n\nWe check sensors.')).toEqual(['Denver, CO, US', 'Remote, US']);
  });

  it('reads a "Job Location:" field with its value on the next line', () => {
    expect(locs('Data Scientist\n\nprofile Job Location:\n\nSeattle, WA - USA\n\nMonthly Salary: Not Disclosed')).toEqual(['Seattle, WA, US']);
  });

  it('reads a short line of places separated by bullets', () => {
    expect(locs('Logo\n\n$150,000 - $200,000\nNov 5, 2025\nNew York, NY, US • Remote, US\nApply Now')).toEqual(['New York, NY, US', 'Remote, US']);
  });

  it('reads "US based applicants only"', () => {
    expect(locs('Benefits are listed here.US based applicants only150,000 USD')).toEqual(['US']);
  });

  it('ignores place names in prose and in a job board\'s "Similar Jobs" list (set aside by cleaning)', () => {
    const text = 'We are a team spread across Paris and Tokyo.\nThis role can be situated anywhere in the country.\nSimilar Jobs\nStaff Engineer\nOtter\nMountain View, CA • Remote\n';
    expect(locs(clean(text).text)).toEqual([]);
  });

  it('keeps every evidence span inside the text', () => {
    const text = 'Brightpath Labs | Test Engineer | Denver or Remote (US) | Full-time';
    for (const e of extractLocations(text).evidence) expect(text).toContain(e);
  });
});

describe('the seeds (../shared/seeds)', () => {
  const dir = sharedPath('seeds');
  const run = hasShared('location seed checks', 'seeds') && dir;
  it.runIf(run)('finds the locations expected.json lists', () => {
    const expected = JSON.parse(readFileSync(join(dir!, 'expected.json'), 'utf8')).postings as Record<string, { locations: string[] }>;
    for (const [file, e] of Object.entries(expected)) {
      expect(locs(clean(readFileSync(join(dir!, file), 'utf8')).text), file).toEqual(e.locations);
    }
  });
});

describe('places in job-board header lines', () => {
  it.each([
    ['a header with middle dots', 'Ramp · New York, NY · Hybrid\n\nWe build finance tools.', ['New York, NY, US']],
    ['a bare "City, ST" line under the title', 'Senior ML Engineer\nGlobex\nNew York, NY\n\nWe build.', ['New York, NY, US']],
    ['a bare "City, Country" line', 'Data Scientist\nGlobex\nLondon, UK\nFull-time', ['London, UK']],
    ['"Remote - Country"', 'Platform Engineer\nRemote - Canada\n\nAbout us', ['Remote, Canada']],
    ['"Remote - A or B"', 'Platform Engineer\nRemote - US or Canada\n\nAbout us', ['Remote, US', 'Remote, Canada']],
    ['a "Location" heading with its value below', 'Data Engineer\n\nLocation\nToronto, ON, Canada\n\nAbout the role', ['Toronto, Canada']],
  ])('%s', (_why, text, want) => expect(locs(clean(text).text)).toEqual(want));

  it('takes no greeting or sign-off written like a place', () => {
    expect(locs('Hello, World\nWe build.')).toEqual([]);
    expect(locs('Engineer\nThanks, Team')).toEqual([]);
  });
});

describe('corrections are written in the same normal form as extraction', () => {
  it.each([
    ['Toronto, ON, Canada', 'Toronto, Canada'],
    ['Toronto, Canada', 'Toronto, Canada'],
    ['San Francisco, California', 'San Francisco, CA, US'],
    ['Remote - US', 'Remote, US'],
    ['Remote, US', 'Remote, US'],
    ['Atlantis Station 4', 'Atlantis Station 4'],
  ])('%s → %s', (written, want) => expect(normalisePlace(written)).toBe(want));
});

describe('a locations correction in front matter', () => {
  it('comes out in the normal form, so it counts with extracted places', async () => {
    const { extractPosting } = await import('../../src/lib/extract/index.ts');
    const { loadContext } = await import('../../src/lib/taxonomy.ts');
    const x = extractPosting({
      text: 'We build.', source: null, id: null,
      frontMatter: { title: 'Data Engineer', company: 'Globex', locations: ['Toronto, ON, Canada', 'Toronto, Canada', 'Remote - US'] },
    }, loadContext()).extraction;
    expect(x.locations).toEqual(['Toronto, Canada', 'Remote, US']);
    expect(x.overridden).toContain('locations');
  });
});
