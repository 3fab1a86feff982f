import { describe, expect, it } from 'vitest';
import { postingFile, postingText, put, runScript, tempContent } from '../posting/helpers.ts';

describe('npm run check', () => {
  it('exits 0 on good postings, printing one line that accounts for every file', () => {
    const { postings } = tempContent();
    put(postings, 'acme-robotics/ml-engineer.md', postingFile({ title: 'ML Engineer', company: 'Acme Robotics' }, postingText('vision')));
    const r = runScript('check.ts', ['--content', postings]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^check: 1 file read: 1 ok, 0 with warnings, 0 with errors/);
  });

  it('exits 1 on errors, naming the file, line:column and rule', () => {
    const { postings } = tempContent();
    put(postings, 'acme-robotics/ml-engineer.md', postingFile({ title: 'ML Engineer', company: 'Acme Robotics', remote: 'sometimes' }, postingText('vision')));
    const r = runScript('check.ts', ['--content', postings]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/acme-robotics\/ml-engineer\.md\n\s*4:1 +error +`remote` must be one of: remote, hybrid, onsite.* +schema +atlas/);
    expect(r.out).toMatch(/1 with errors \(1 error, 0 warnings\)/);
  });

  it('honours CONTENT_DIR when no --content is given', () => {
    const { postings } = tempContent();
    put(postings, 'loose.md', postingFile({ title: 'ML Engineer', company: 'Acme Robotics' }, 'text\n'));
    const r = runScript('check.ts', [], undefined, { CONTENT_DIR: postings });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not in a company folder/);
  });

  it('exits 1 with a clear line when the folder does not exist', () => {
    const r = runScript('check.ts', ['--content', '/nonexistent/postings']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/check: no postings folder at/);
  });
});
