import { describe, expect, test } from 'vitest';
import { repoUrl, reportUrl } from '../../src/lib/site/report.ts';

describe('report a wrong field', () => {
  test('the link opens the "Wrong field" form prefilled with the posting, its file, the field and what the site shows', () => {
    const u = new URL(reportUrl('https://github.com/o/r', { id: 'acme/mle', file: 'acme/mle.md' }, 'pay', '$150K–$200K a year'));
    expect(u.origin + u.pathname).toBe('https://github.com/o/r/issues/new');
    expect(u.searchParams.get('template')).toBe('wrong-field.yml');
    expect(u.searchParams.get('posting')).toBe('acme/mle (file: acme/mle.md)');
    expect(u.searchParams.get('field')).toBe('pay');
    expect(u.searchParams.get('shown')).toBe('$150K–$200K a year');
  });

  test('an older posting’s single link names the posting and its file, and leaves the field to the form', () => {
    const u = new URL(reportUrl('https://github.com/o/r', { id: 'acme/mle', file: 'acme/mle.md' }));
    expect(u.searchParams.get('template')).toBe('wrong-field.yml');
    expect(u.searchParams.get('title')).toBe('Wrong field: acme/mle');
    expect(u.searchParams.get('posting')).toBe('acme/mle (file: acme/mle.md)');
    expect(u.searchParams.has('field')).toBe(false);
    expect(u.searchParams.has('shown')).toBe(false);
  });

  test('the repository comes from REPO_URL, else GitHub Actions', () => {
    expect(repoUrl({ REPO_URL: 'https://github.com/a/b/' })).toBe('https://github.com/a/b');
    expect(repoUrl({ GITHUB_REPOSITORY: 'x/y' })).toBe('https://github.com/x/y');
  });
});
