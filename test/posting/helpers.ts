/** Shared helpers for posting and command tests: temp content folders and made-up postings (never corpus text). */
import { hasShared } from '../helpers/shared.ts';
import { mkdtempSync, mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CORPUS = resolve(ROOT, '../shared/corpus');

/** A small fixed taxonomy and rates, so tests do not move when content/taxonomy grows. */
export const TAXONOMY = {
  'taxonomy/skills.yml': 'skills:\n  - id: python\n    label: Python\n    group: language\n    synonyms: [Python]\n  - id: pytorch\n    label: PyTorch\n    group: framework\n    synonyms: [PyTorch]\n',
  'taxonomy/companies.yml': 'companies:\n  - name: Pinterest\n    aliases: [Pinterest Inc]\n  - name: Acme Robotics\n    aliases: [Acme]\n',
  'rates.yml': 'source: test\nrates:\n  - date: 2024-01-01\n    perUsd: { EUR: 0.9, GBP: 0.8 }\n',
};

/** A fresh temp folder holding `postings/` and the fixed taxonomy ({@link TAXONOMY}); returns both paths. */
export function tempContent(): { root: string; postings: string } {
  const root = mkdtempSync(join(tmpdir(), 'atlas-'));
  const postings = join(root, 'postings');
  mkdirSync(postings, { recursive: true });
  for (const [rel, text] of Object.entries(TAXONOMY)) put(root, rel, text);
  return { root, postings };
}

/** Write a file (string or bytes) under a folder, making parent folders. */
export function put(dir: string, rel: string, content: string | Buffer): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

/** A made-up posting text, different for each `seed`, long enough for similarity to mean something. */
export function postingText(seed: string, extra = ''): string {
  return [
    `Acme Robotics is hiring for its ${seed} team.`,
    `Your work is training perception models for ${seed} that run on our warehouse fleet, rolling them out,`,
    `and measure what they change. The team owns training pipelines, evaluation and the serving stack for ${seed}.`,
    'Requirements: 5+ years building ML systems in Python and PyTorch; experience with distributed training.',
    'Location: Austin, TX. This role is hybrid, three days a week in the office.',
    'Pay for this job: $180,000 - $220,000 base per year.',
    extra,
  ].join('\n') + '\n';
}

/** A posting file: front matter from `fm` (values written as given) then `body`. */
export function postingFile(fm: Record<string, string>, body: string): string {
  return `---\n${Object.entries(fm).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
}

/** Run a script of scripts/ as npm does (Node runs the TypeScript); returns exit code, stdout and stderr. */
export function runScript(script: string, args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT, input: input ?? '', encoding: 'utf8', env: { ...process.env, INIT_CWD: ROOT, FORCE_COLOR: '0', ...env }, timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, out: r.stdout + r.stderr };
}

/** True when ../shared/corpus is there; prints a one-line notice (and fails under CI=true) when it is not. */
export function corpusAvailable(file: string): boolean {
  return hasShared('corpus tests', 'corpus', file);
}

/** The lines of a JSON Lines corpus file, read at run time. */
export function corpusLines(file: string): string[] {
  return readFileSync(join(CORPUS, file), 'utf8').split('\n').filter((l) => l.trim());
}
