import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/lib/extract/clean.ts';
import { canonicalCompany } from '../../src/lib/extract/company.ts';
import { extractCompanyName, extractTitle } from '../../src/lib/extract/title.ts';
import { sharedPath } from '../../src/lib/eval/corpus.ts';
import { loadContext } from '../../src/lib/taxonomy.ts';
import { hasShared } from '../helpers/shared.ts';

const title = (t: string) => extractTitle(t)?.value ?? null;
const company = (t: string) => extractCompanyName(t)?.value ?? null;

describe('title from the text', () => {
  it.each([
    ['HN header: the field with a role word', 'Helixa Bio | Senior Data Engineer | Pittsburgh or Remote (US) | Contract\n\nWe model proteins.', 'Senior Data Engineer'],
    ['HN header with the place first', 'Hamburg, Germany | Fernwerk | Platform Engineer | Part-time | 60 - 90k EUR\n\nHello.', 'Platform Engineer'],
    ['dash-separated header', 'Globex - Founding Engineer (AI) - Remote - $80k + Equity\n\nWe build.', 'Founding Engineer (AI)'],
    ['a title line at the top', 'Staff Data Scientist, Marketplace\nPosted 3 days ago\nAbout Globex:\nWe sell things.', 'Staff Data Scientist, Marketplace'],
    ['a title among job-board chrome', 'Job Board\nLogo\n\nPrincipal Research Scientist, Speech\n\nInitech\n\n$200,000 - $250,000', 'Principal Research Scientist, Speech'],
    ['"The … will" in prose', 'Initech builds tools. The Senior Applied Scientist will own forecasting models.', 'Senior Applied Scientist'],
    ['an AI lab title line with a comma', 'Member of Technical Staff, Pretraining\n\nNorthwind Labs\n\nWe train models.', 'Member of Technical Staff, Pretraining'],
    ['an AI lab title line with a colon', 'Member of Technical Staff: Inference\nNorthwind Labs\nYou will serve models.', 'Member of Technical Staff: Inference'],
    ['an AI lab title line with no punctuation', 'Member of the Technical Staff\nNorthwind Labs\nYou will serve models.', 'Member of the Technical Staff'],
    ['an AI lab title in a header', 'Northwind Labs | Member of Technical Staff | San Francisco | Onsite\n\nWe train models.', 'Member of Technical Staff'],
    ['"is looking for a …" in prose', 'Initech is looking for a Principal Data Engineer to lead our lakehouse work.', 'Principal Data Engineer'],
  ])('%s', (_why, text, want) => expect(title(text)).toBe(want));

  it('returns null when the text names no title', () => {
    expect(title('About Initech:\nWe make staplers. In this role you will improve ranking.\nWhat you will do:\n- Build models')).toBeNull();
  });

  it('does not take a URL or a contact line as a title', () => {
    expect(title('Contact: https://example.com/careers/developer-platform\nReply here: jane@example.com')).toBeNull();
  });
});

describe('company from the text', () => {
  it.each([
    ['HN header first field, URL in parentheses dropped', 'Tallyho (https://tallyho.dev) | Staff Frontend Engineer | Seattle', 'Tallyho'],
    ['HN header whose first field is a role', 'GTM Engineer | Quizzly\n\nTYPE: Full-time', 'Quizzly'],
    ['HN header with the place first', 'Hamburg, Germany | Fernwerk | Platform Engineer | Part-time', 'Fernwerk'],
    ['a line of its own after the title', 'Staff Data Scientist, Marketplace\n\nGlobex\n\nNot Interested', 'Globex'],
    ['"COMPANY:" field', 'COMPANY: Campfire Events\n\nROLE: Marketing Manager', 'Campfire Events'],
    ['"About <Company>:" heading', 'We build for creators.\nAbout Globex:\nGlobex makes things.', 'Globex'],
    ['"At <Company>, we"', 'Our mission matters. At Initech, we believe in staplers.', 'Initech'],
    ['"<Company> is hiring"', 'Hey HN! Air Widget Intelligence (https://example.com) is hiring in Boston.', 'Air Widget Intelligence'],
    ['"<Company> is a …"', 'Globex is a platform that inspires planning.', 'Globex'],
  ])('%s', (_why, text, want) => expect(company(text)).toBe(want));
});

describe('canonicalCompany folds aliases through companies.yml', () => {
  const { companies } = loadContext();
  it.each([['Paypal', 'PayPal'], ['pinterest, inc.', 'Pinterest'], ['Facebook', 'Meta'], ['Nvidia', 'NVIDIA'], ['Unknown Co ', 'Unknown Co']])(
    '%s → %s', (raw, want) => expect(canonicalCompany(raw, companies)).toBe(want));
});

describe('the seeds (../shared/seeds)', () => {
  const dir = sharedPath('seeds');
  const run = hasShared('title seed checks', 'seeds') && dir;
  it.runIf(run)('finds each seed\'s title (null for 004) and company from the raw text', () => {
    const expected = JSON.parse(readFileSync(join(dir!, 'expected.json'), 'utf8')).postings as Record<string, { title: string | null; company: string }>;
    for (const [file, e] of Object.entries(expected)) {
      const text = clean(readFileSync(join(dir!, file), 'utf8')).text;
      expect(title(text), file).toBe(e.title);
      expect(company(text), file).toBe(e.company);
    }
  });
});

describe('title: a hiring sentence on its own line', () => {
  it('takes the role named after "is hiring a", not the whole sentence', () => {
    expect(extractTitle('Quarrybird is hiring a Growth & Partnerships Lead\n\nWe sell software to quarries.')?.value).toBe('Growth & Partnerships Lead');
  });
});

describe('company: header fields that look like something else', () => {
  it('takes a name that starts with a pay word ("Equity …") and never a figure split from a pay field', () => {
    expect(company('Equity Harbor | Lead ML Engineer | Cleveland, OH or REMOTE | Full-time | 150 - 180k\n\nWe are hiring.')).toBe('Equity Harbor');
    expect(company('Role: ML Engineer | 120 - 150k | Remote\n\nWe are hiring.')).not.toBe('120');
    expect(company('Acme Robotics | ML Engineer | Remote | Salary + Equity\n\nWe are hiring.')).toBe('Acme Robotics');
  });
});

describe('title and company: first lines that are not headers', () => {
  it('reads the company from "<Company> (YC W24) Is Hiring"', () => {
    expect(extractCompanyName('Lanternfish Labs (YC S23) Is Hiring\n\nWe build ledgers.')?.value).toBe('Lanternfish Labs');
  });

  it('takes no sentence for a title, and the company before a pitch', () => {
    const text = 'Quillworks (quillworks.io) - we are rebuilding the way shops and their founders talk to customers.\n\nJoin us.';
    expect(extractTitle(text)).toBeNull();
    expect(extractCompanyName(text)?.value).toBe('Quillworks');
  });
});

describe('company: openings announced in prose, and a web address', () => {
  it.each([
    ['"<Company> has open roles" in the middle of a sentence', "I'm hiring a designer, and Lumenfold has several open roles.", 'Lumenfold'],
    ['a multi-word name with a count of openings', 'Acme Robotics has 3 open positions in Austin.', 'Acme Robotics'],
    ['a brand pair gives its first name', 'Quarry/Stonecut has openings on every team.', 'Quarry'],
    ['a company written as its web address after "at"', "We're hiring writers who code at Tidewell.io\n\nhttps://example.com/apply", 'Tidewell'],
    ['another address form', 'Apply at Brightpath.com before June.', 'Brightpath'],
  ])('%s', (_why, text, want) => expect(extractCompanyName(text)?.value).toBe(want));

  it('takes no lowercase word or sentence end for a name', () => {
    expect(extractCompanyName('our team has open roles for engineers.')).toBeNull();
    expect(extractCompanyName('we build tools. It has openings soon.')).toBeNull();
  });
});
