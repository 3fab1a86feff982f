import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postingText, put, runScript, tempContent } from '../posting/helpers.ts';
import { runCheck } from '../../src/lib/posting/run-check.ts';

const flags = (postings: string, more: string[] = []) => ['--content', postings, '--title', 'Staff ML Engineer, Vision', '--company', 'Vector Labs', '--captured', '2026-02-01', ...more];

describe('npm run add', () => {
  it('writes <company-slug>/<slug>.md with front matter and the text exactly as pasted, then passes check', () => {
    const { root, postings } = tempContent();
    // Mojibake, CRLF line ends, trailing spaces and markup-looking text all stay byte for byte.
    const text = 'Weâ€™re hiring!\r\n# Not a heading   \r\n<b>Pay</b>: $180,000 - $220,000\r\n---\nend';
    const r = runScript('add.ts', flags(postings, ['--url', 'https://jobs.example.com/1']), text);
    expect(r.code).toBe(0);
    const path = join(postings, 'vector-labs/staff-ml-engineer-vision.md');
    const written = readFileSync(path, 'utf8');
    expect(written.endsWith(`---\n${text}`)).toBe(true);
    expect(written).toMatch(/^---\ntitle: Staff ML Engineer, Vision\ncompany: Vector Labs\ncaptured: 2026-02-01\nurl: https:\/\/jobs\.example\.com\/1\n---\n/);
    expect(r.stdout).toMatch(/what the site will show:\n\s+title +Staff ML Engineer, Vision\n\s+company +Vector Labs/);
    expect(r.stdout).toMatch(/\s+captured +2026-02-01/);
    expect(r.stdout).toMatch(/needs a human eye:/);
    expect(runCheck(postings, root, root).failed).toBe(false);
  });

  it('writes the company under its canonical name and folder (aliases folded)', () => {
    const { postings } = tempContent();
    const r = runScript('add.ts', ['--content', postings, '--title', 'Data Scientist', '--company', 'Pinterest Inc', '--captured', '2026-02-01'], postingText('ads'));
    expect(r.code).toBe(0);
    expect(readFileSync(join(postings, 'pinterest/data-scientist.md'), 'utf8')).toMatch(/\ncompany: Pinterest\n/);
  });

  it('refuses to overwrite an existing file', () => {
    const { postings } = tempContent();
    put(postings, 'vector-labs/staff-ml-engineer-vision.md', 'keep me');
    const r = runScript('add.ts', flags(postings), postingText('speech'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/vector-labs\/staff-ml-engineer-vision\.md already exists, with another posting; refusing to overwrite it/);
    expect(readFileSync(join(postings, 'vector-labs/staff-ml-engineer-vision.md'), 'utf8')).toBe('keep me');
  });

  it('refuses a duplicate of a posting already there, naming it', () => {
    const { postings } = tempContent();
    expect(runScript('add.ts', flags(postings), postingText('vision')).code).toBe(0);
    const r = runScript('add.ts', flags(postings, ['--slug', 'again']), postingText('vision'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to add a duplicate of vector-labs\/staff-ml-engineer-vision \(same company and title/);
    expect(existsSync(join(postings, 'vector-labs/again.md'))).toBe(false);
  });

  it('names every missing field in one message', () => {
    const { postings } = tempContent();
    const r = runScript('add.ts', ['--content', postings, '--captured', '2026-02-01'], 'we build things\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no title and no company: .*give --title and --company/);
  });

  it('says a posting added twice is a duplicate, not a file name already taken', () => {
    const { postings } = tempContent();
    expect(runScript('add.ts', flags(postings), postingText('vision')).code).toBe(0);
    const r = runScript('add.ts', flags(postings), postingText('vision'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/refusing to add a duplicate of vector-labs\/staff-ml-engineer-vision/);
    expect(r.stderr).not.toMatch(/already exists/);
  });

  it('reads --file, and --dry-run writes nothing', () => {
    const { root, postings } = tempContent();
    const file = put(root, 'pasted.txt', postingText('lidar'));
    const r = runScript('add.ts', [...flags(postings), '--file', file, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/would write .*vector-labs\/staff-ml-engineer-vision\.md/);
    expect(existsSync(join(postings, 'vector-labs'))).toBe(false);
  });

  it('without a terminal, names the flag to give when the title cannot be found', () => {
    const { postings } = tempContent();
    const r = runScript('add.ts', ['--content', postings, '--company', 'Acme'], 'zzz qqq\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no title: .*give --title/);
  });

  it('rejects bad flag values with a message naming the flag', () => {
    const { postings } = tempContent();
    const r = runScript('add.ts', flags(postings, ['--posted', '5 Jan 2026', '--slug', 'Bad Slug']), postingText('x'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--posted "5 Jan 2026" is not a date written YYYY-MM-DD; --slug "Bad Slug" is not lowercase kebab-case/);
  });

  it('refuses empty input', () => {
    const { postings } = tempContent();
    const r = runScript('add.ts', flags(postings), '  \n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the posting text is empty/);
  });
});
