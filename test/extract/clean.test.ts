import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clean, repairMojibake, stripHtml, unglue } from '../../src/lib/extract/clean.ts';

const body = (f: string) => readFileSync(`content/postings/pinterest/${f}`, 'utf8').replace(/^---[^]*?---\n/, '');

describe('clean', () => {
  it('repairs UTF-8 that was read as Windows-1252', () => {
    expect(repairMojibake('222,000â€”327,000 USD')).toBe('222,000—327,000 USD');
    expect(repairMojibake('weâ€™re hiring in MontrÃ©al, Â£60k')).toBe('we’re hiring in Montréal, £60k');
    expect(repairMojibake('â€œquotedâ€\u009d')).toBe('“quoted”');
  });

  it('leaves genuine accented text alone', () => {
    for (const t of ['Café in Zürich, São Paulo', 'Ångström naïve façade', 'déjà vu — “fine”']) expect(repairMojibake(t)).toBe(t);
  });

  it('turns HTML into text: block tags break lines, other tags go, entities decode, scripts vanish', () => {
    expect(stripHtml('<p>Salary: $100k&ndash;$120k</p><ul><li>Python &amp; <b>SQL</b></li></ul>'))
      .toBe('\nSalary: $100k–$120k\n\n\nPython & SQL\n\n');
    expect(stripHtml('Hi<script>alert(1)</script> there<br/>now')).toBe('Hi\n there\nnow');
    expect(stripHtml('&lt;img src=x onerror=alert(1)&gt;text')).toBe('text');
    expect(stripHtml('Experience: <5 years, a < b > c')).toBe('Experience: <5 years, a < b > c');
  });

  it('separates words glued at line joins', () => {
    expect(unglue('US based applicants only222,000—327,000 USDOur Commitment')).toBe('US based applicants only 222,000—327,000 USD Our Commitment');
    expect(unglue('can be found here.US based')).toBe('can be found here. US based');
    expect(unglue('Remote$239K - $342K')).toBe('Remote $239K - $342K');
    expect(unglue('mp3 h264 web3 e.g. Node.js')).toBe('mp3 h264 web3 e.g. Node.js');
  });

  it("sets aside a 'Similar Jobs' list and the job-board chrome after it (seed 000)", () => {
    const c = clean(body('staff-machine-learning-engineer-content-quality-signals.md'));
    expect(c.text).not.toContain('$');
    expect(c.text).not.toContain('Browse all AI jobs');
    expect(c.text).toContain('In an effort to provide greater transparency, we are sharing the base salary range');
    expect(c.text).toContain('Jan 27, 2026');
    const other = c.removed.find((r) => r.reason === 'other-postings')!;
    expect(other.text).toContain('$189K - $390K');
    expect(other.text).toContain('Looking for something different?');
  });

  it('drops navigation buttons but keeps the posting (seeds 001 and 003)', () => {
    const c = clean(body('sr-staff-machine-learning-engineer-content-ecosystem.md'));
    for (const nav of ['Not Interested', 'Bookmark', 'Report This Job', 'View Profile View Profile']) {
      expect(c.removed).toContainEqual({ reason: 'navigation', text: nav });
    }
    expect(c.text).toContain('Monthly Salary: Not Disclosed');
    const c3 = clean(body('principal-machine-learning-engineer-trust-safety.md'));
    expect(c3.text).not.toMatch(/^Apply Now$/m);
    expect(c3.text).toContain('$249,900 - $480,238');
  });

  it('sets aside a list of other jobs that has no heading: cards with a place, a pay range and an age', () => {
    const cards = [
      'Platform Engineer\nNorthwind\nAustin, TX\n$118K - $152K\n2 weeks ago',
      'Analytics Lead\nGlobex\nRemote\n$90K - $125K\n5 days ago',
      'Staff Data Engineer\nInitrode\nSeattle, WA\n$205K - $250K\n1 month ago',
    ];
    const c = clean(`Senior Data Scientist\nAcme · Denver, CO\nPosted 3 days ago\n\nYou will build forecasting models.\n\n${cards.join('\n')}`);
    expect(c.text).toBe('Senior Data Scientist\nAcme · Denver, CO\nPosted 3 days ago\n\nYou will build forecasting models.');
    expect(c.removed).toEqual([{ reason: 'other-postings', text: cards.join('\n') }]);
    // One card per line works the same; the posting's own single age stamp is never a list.
    const oneLine = clean('Intro.\n\nData Engineer · Globex · Austin, TX · $110K–$140K · 3d ago\nML Engineer · Hooli · Remote · $150K–$190K · 1w ago');
    expect(oneLine.text).toBe('Intro.');
    expect(clean('Staff ML Engineer\nPosted 2 weeks ago\n\nBuild models.').removed).toEqual([]);
  });

  it('ends a chrome block at a heading of the posting itself', () => {
    const c = clean('Intro\nRelated jobs\nData Scientist · Acme · $150K\nResponsibilities\nBuild models.');
    expect(c.text).toBe('Intro\nResponsibilities\nBuild models.');
    expect(c.removed).toEqual([{ reason: 'other-postings', text: 'Related jobs\nData Scientist · Acme · $150K' }]);
  });

  it('does not take sentences for chrome headings', () => {
    const t = 'More roles will open soon as we grow the team.\nWe use Python.';
    expect(clean(t).text).toBe(t);
  });

  it('drops cookie banners and job-alert lines', () => {
    const c = clean('We use cookies to improve your experience.\nBuild ML systems.\nGet the latest AI jobs delivered to your inbox.');
    expect(c.text).toBe('Build ML systems.');
    expect(c.removed.map((r) => r.reason)).toEqual(['cookies', 'job-alerts']);
  });
});
