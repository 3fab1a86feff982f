/** Helpers for the importers' tests: a mirror of the recorded APIs on 127.0.0.1, and the import command run async. */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import { startMirror, type Intercept } from '../../src/lib/import/mirror.ts';
import { ROOT } from '../posting/helpers.ts';

export const SHARED = resolve(ROOT, '../shared');
export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

/** A mirror of ../shared/hn, ../shared/boards/ashby and the Greenhouse and Lever fixtures; `intercept` answers some paths itself. */
export async function mirror(intercept?: Intercept) {
  return startMirror({ hn: join(SHARED, 'hn'), ashby: join(SHARED, 'boards/ashby'), greenhouse: join(FIXTURES, 'greenhouse'), lever: join(FIXTURES, 'lever') }, 0, intercept);
}

/** Answer with JSON (as text/plain, as a static mirror would). */
export const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'Content-Type': 'text/plain', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));

/** Run `npm run import -- …` (scripts/import.ts, run by this Node) without blocking this process, so an in-process mirror can answer. */
export function runImport(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, INIT_CWD: ROOT, FORCE_COLOR: '0', ...env }, timeout: 300_000, maxBuffer: 64 * 1024 * 1024,
    }, (error, stdout, stderr) => done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }));
  });
}
