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
 * The new-issue link for one field of one posting, or for the posting as a whole (no field: the issue form asks which).
 * @param repo the repository's address
 * @param posting the posting's id and file
 * @param field which field; omitted on the lean pages of older postings, which carry one link instead of eight
 * @param shown what the site shows for it, in words
 */
export function reportUrl(repo: string, posting: { id: string; file: string }, field?: ReportField, shown?: string): string {
  const q = new URLSearchParams({
    template: 'wrong-field.yml',
    title: `Wrong field: ${posting.id}${field ? ` (${REPORT_FIELDS[field]})` : ''}`,
    posting: `${posting.id} (file: ${posting.file})`,
    ...(field ? { field: REPORT_FIELDS[field] } : {}),
    ...(shown !== undefined ? { shown: shown.slice(0, 300) } : {}),
  });
  return `${repo}/issues/new?${q.toString()}`;
}

/** The fields a reader picks from on a posting page's report form, in page order, with the words the page uses. */
export const REPORT_CHOICES: [ReportField, string][] = [
  ['pay', 'pay'], ['remote', 'work arrangement'], ['level', 'level'], ['role', 'role'], ['locations', 'locations'],
  ['dates', 'dates'], ['skills', 'skills'], ['title', 'title or company'],
];

/**
 * The report form of a posting page that shows the text: a GET form to the same new-issue address, prefilled with the
 * posting and its file, the field picked on the page (one form in place of eight prefilled links, 4 KB a page).
 * @returns the form's action and its hidden inputs, in order
 */
export function reportForm(repo: string, posting: { id: string; file: string }): { action: string; hidden: [string, string][] } {
  return {
    action: `${repo}/issues/new`,
    hidden: [['template', 'wrong-field.yml'], ['title', `Wrong field: ${posting.id}`], ['posting', `${posting.id} (file: ${posting.file})`]],
  };
}
