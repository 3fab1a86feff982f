/**
 * "Report a wrong field": a link that opens the repository's "Wrong field" issue form
 * (.github/ISSUE_TEMPLATE/wrong-field.yml) prefilled with the posting, its file, the field and what the site shows.
 */

/** The fields a reader can report, with the issue form's dropdown option for each (same words as the form). */
export const REPORT_FIELDS = {
  title: 'title or company', company: 'title or company', level: 'level', role: 'role (ML or not)', pay: 'pay',
  remote: 'remote policy', locations: 'locations', dates: 'posted or captured date', skills: 'skills',
} as const;
export type ReportField = keyof typeof REPORT_FIELDS;

/**
 * The repository's address: `REPO_URL`, else GitHub Actions' `GITHUB_REPOSITORY`, else the project's home.
 * @param env the environment to read (default: process.env)
 */
export function repoUrl(env: Record<string, string | undefined> = process.env): string {
  if (env.REPO_URL) return env.REPO_URL.replace(/\/+$/, '');
  if (env.GITHUB_REPOSITORY) return `https://github.com/${env.GITHUB_REPOSITORY}`;
  return 'https://github.com/ml-roles-atlas/ml-roles-atlas';
}

/**
 * The new-issue link for one field of one posting.
 * @param repo the repository's address
 * @param posting the posting's id and file
 * @param field which field
 * @param shown what the site shows for it, in words
 */
export function reportUrl(repo: string, posting: { id: string; file: string }, field: ReportField, shown: string): string {
  const q = new URLSearchParams({
    template: 'wrong-field.yml',
    title: `Wrong field: ${posting.id} (${REPORT_FIELDS[field]})`,
    posting: `${posting.id} (file: ${posting.file})`,
    field: REPORT_FIELDS[field],
    shown: shown.slice(0, 300),
  });
  return `${repo}/issues/new?${q.toString()}`;
}
