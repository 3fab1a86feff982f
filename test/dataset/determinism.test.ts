import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, postingFile, postingText, put } from '../posting/helpers.ts';

/** Companies whose order differs by locale: Danish sorts "Aa" after "Z", Swedish "Ä" after "Z", and case ties. */
const COMPANIES = ['Aalborg Vision', 'Zeta Labs', 'Ängel AI', 'apple orchard', 'Apple Orchard ML', 'Øresund Robotics', 'Oslo AI'];

describe('same input, same bytes, on every machine', () => {
  it('builds byte-identical datasets under two locales and from two working directories', () => {
    const content = mkdtempSync(join(tmpdir(), 'atlas-locale-'));
    COMPANIES.forEach((c, i) => {
      const slug = c.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/\s+/g, '-');
      put(content, `${slug}/ml-engineer.md`, postingFile({ title: `ML Engineer ${c}`, company: c, posted: `2025-0${1 + (i % 9)}-02` }, postingText(c)));
    });
    const run = (lang: string, cwd: string) => {
      const out = mkdtempSync(join(tmpdir(), 'atlas-locale-out-'));
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/data.ts'), '--content', content, '--out', out, '--no-cache', '--quiet'], {
        cwd, encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: lang, INIT_CWD: cwd },
      });
      expect(r.status, r.stderr).toBe(0);
      return Object.fromEntries(readdirSync(out, { recursive: true, encoding: 'utf8' }).sort().filter((f) => statSync(join(out, f)).isFile()).map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    };
    const a = run('C.UTF-8', ROOT);
    const b = run('da_DK.UTF-8', tmpdir());
    expect(Object.keys(a)).toContain('postings.json');
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name]);
    // The source of each posting reads as DESIGN.md writes it, whatever the working directory.
    const sources = (JSON.parse(a['postings.json']!) as { postings: { source: string }[] }).postings.map((p) => p.source);
    expect(sources.every((s) => /^content\/postings\/[a-z0-9-]+\/ml-engineer\.md$/.test(s))).toBe(true);
  });
});

describe('sorting text', () => {
  it('never uses the machine’s locale: no localeCompare in the code, compareText (src/lib/collate.ts) instead', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const f = join(dir, name);
        if (statSync(f).isDirectory()) walk(f);
        else if (/\.(ts|astro)$/.test(name) && /\.localeCompare\(/.test(readFileSync(f, 'utf8'))) offenders.push(f.slice(ROOT.length + 1));
      }
    };
    walk(join(ROOT, 'src'));
    walk(join(ROOT, 'scripts'));
    expect(offenders).toEqual([]);
  });
});
