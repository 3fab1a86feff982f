import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../posting/helpers.ts';

type Step = { uses?: string; run?: string; with?: Record<string, string>; env?: Record<string, string> };
type Workflow = { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: Step[]; permissions?: Record<string, string> }> };
const load = (name: string) => {
  const text = readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
  return { text, wf: parse(text) as Workflow };
};
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps);
const runs = (wf: Workflow) => steps(wf).map((s) => s.run ?? '').join('\n');

describe('pull-request workflow', () => {
  const { text, wf } = load('pr.yml');
  it('runs on pull_request with a read-only token', () => {
    expect(Object.keys(wf.on)).toEqual(['pull_request']);
    expect(text.replace(/#.*$/gm, '')).not.toMatch(/pull_request_target/);
    expect(wf.permissions).toEqual({ contents: 'read' });
  });
  it('sets up Node from .nvmrc, installs with npm ci, then checks, tests, builds and writes the summary', () => {
    expect(steps(wf).find((s) => s.uses?.startsWith('actions/setup-node'))?.with?.['node-version-file']).toBe('.nvmrc');
    const all = runs(wf);
    expect(all).not.toMatch(/npm install\b/);
    for (const cmd of ['npm ci', 'npm run check', 'npm test', 'npm run build', 'pr-summary']) expect(all).toContain(cmd);
  });
});

describe('deploy workflow', () => {
  const { wf } = load('deploy.yml');
  it('deploys on push to main with Pages permissions only where needed', () => {
    expect((wf.on.push as { branches: string[] }).branches).toEqual(['main']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
  it('builds with SITE_URL and BASE_PATH from configure-pages and publishes dist', () => {
    const build = steps(wf).find((s) => s.run === 'npm run build');
    expect(build?.env).toEqual({ SITE_URL: '${{ steps.pages.outputs.origin }}', BASE_PATH: '${{ steps.pages.outputs.base_path }}' });
    const uses = steps(wf).map((s) => s.uses?.split('@')[0]);
    for (const a of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']) expect(uses).toContain(a);
    expect(runs(wf)).toMatch(/npm ci\b/);
    expect(runs(wf)).not.toMatch(/npm install\b/);
  });
});

describe('data-step cache in CI', () => {
  it('restores and saves .cache/atlas in the pull-request and deploy workflows', () => {
    for (const name of ['pr.yml', 'deploy.yml']) {
      const cache = steps(load(name).wf).find((s) => s.uses?.startsWith('actions/cache'));
      expect(cache?.with?.path, name).toBe('.cache/atlas');
      expect(cache?.with?.['restore-keys'], name).toBe('atlas-data-');
    }
  });
});

describe('refresh workflow', () => {
  const { text, wf } = load('refresh.yml');
  it('runs weekly and by hand only, never on pull_request_target, with just the permissions it needs', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(text.replace(/#.*$/gm, '')).not.toMatch(/pull_request_target/);
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
  });
  it('imports every source with npm ci’s install, checks, and opens a pull request whose body is the PR summary', () => {
    const all = runs(wf);
    expect(all).toMatch(/npm ci\b/);
    expect(all).not.toMatch(/npm install\b/);
    expect(all).toMatch(/npm run --silent import -- sources/);
    expect(all).toMatch(/npm run check/);
    expect(all).toMatch(/pr-summary -- --base HEAD --worktree/);
    const pr = steps(wf).find((s) => s.uses?.startsWith('peter-evans/create-pull-request'));
    expect(pr?.with?.['body-path']).toMatch(/pr-body\.md$/);
    expect(pr?.with?.['add-paths']).toBe('content/postings');
  });
});
