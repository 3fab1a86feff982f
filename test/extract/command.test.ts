import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/** The keys of the extract contract, in the order DESIGN.md prints them. */
const CONTRACT = ['source', 'id', 'title', 'company', 'level', 'roleFamily', 'isMlRole', 'pay', 'remote', 'locations', 'posted', 'captured', 'skills', 'overridden'];

const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['scripts/extract.ts', ...args], { cwd: root, input, encoding: 'utf8' });

describe('the extract command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-extract-'));
  const txt = join(dir, 'posting.txt');
  writeFileSync(txt, 'Senior Machine Learning Engineer\nAcme\nWe are hiring.\n');
  mkdirSync(join(dir, 'acme'));
  const md = join(dir, 'acme', 'senior-mle.md');
  writeFileSync(md, '---\ntitle: Senior Machine Learning Engineer\ncompany: Acme\nlevel: staff\n---\nWe are hiring.\n');

  it('prints one JSON line per input in the contract shape, nothing else', () => {
    const r = run([txt, md]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l));
    for (const o of [a, b]) expect(Object.keys(o).slice(0, CONTRACT.length)).toEqual(CONTRACT);
    expect(a.id).toBeNull();
    expect(b.id).toBe('acme/senior-mle');
    expect(b.title).toBe('Senior Machine Learning Engineer');
    expect(b.level).toBe('staff');
    expect(b.overridden).toEqual(['level']);
  });

  it('prints remote.region as a string (the first region named) and every region in remote.regions', () => {
    const o = JSON.parse(run(['-'], 'Fernwerk | Data Engineer | Remote (Germany/UK) | Full-time\n\nWe build.').stdout);
    expect(o.remote).toMatchObject({ policy: 'remote', region: 'Germany', regions: ['Germany', 'UK'] });
    expect(typeof o.remote.region).toBe('string');
  });

  it('reads stdin as a posting file when it starts with ---, else as plain text', () => {
    const r = run(['-'], '---\ntitle: ML Engineer\ncompany: Acme\n---\nhello');
    const o = JSON.parse(r.stdout);
    expect(o).toMatchObject({ source: '-', id: null, title: 'ML Engineer', company: 'Acme' });
  });

  it('reports an unreadable input on its line, goes on, and exits non-zero', () => {
    const bad = join(dir, 'bad.md');
    writeFileSync(bad, '---\ntitle: T\ncompany: C\nsalary: lots\n---\nx');
    const r = run([join(dir, 'missing.txt'), bad, txt]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({ source: join(dir, 'missing.txt'), error: 'no such file' });
    expect(lines[1].error).toMatch(/^4:1: unknown field `salary`/);
    expect(lines[2].error).toBeUndefined();
  });
});
