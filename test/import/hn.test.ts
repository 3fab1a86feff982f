import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { parse } from 'yaml';
import { listFiles } from '../../src/lib/posting/collection.ts';
import { mlTitle, splitRoles, threadMonth } from '../../src/lib/import/hn.ts';
import { hasShared } from '../helpers/shared.ts';
import { tempContent } from '../posting/helpers.ts';
import { mirror, runImport, sendJson } from './helpers.ts';

const frontMatter = (dir: string, rel: string) => parse(readFileSync(join(dir, rel), 'utf8').split('\n---\n')[0]!.replace(/^---\n/, '')) as Record<string, unknown>;

describe('HN threads and titles (made-up strings)', () => {
  it('knows a "Who is hiring?" title and its month, and nothing else', () => {
    expect(threadMonth('Ask HN: Who is hiring? (June 2019)')).toBe('2019-06');
    expect(threadMonth('Ask HN: Who wants to be hired? (June 2019)')).toBeNull();
    expect(threadMonth('Ask HN: Freelancer? Seeking freelancer? (June 2019)')).toBeNull();
  });

  it('splits a list of roles, sharing a noun and keeping level words and slashes with their role', () => {
    expect(splitRoles('Backend Engineer, ML Engineer, Designer')).toEqual(['Backend Engineer', 'ML Engineer', 'Designer']);
    expect(splitRoles('AI, Data and Product Engineers')).toEqual(['AI Engineers', 'Data Engineers', 'Product Engineers']);
    expect(splitRoles('Senior and Staff ML Engineers')).toEqual(['Senior / Staff ML Engineers']);
    expect(splitRoles('Software / AI Engineer')).toEqual(['Software / AI Engineer']);
    expect(splitRoles('Software Engineer, Machine Learning')).toEqual(['Software Engineer, Machine Learning']);
    expect(splitRoles('Platform Engineers (Go, Rust, and Kubernetes)')).toEqual(['Platform Engineers (Go, Rust, and Kubernetes)']);
  });

  it('titles a post that names several roles by its ML role(s) only', () => {
    const text = 'We train deep learning models and ship LLM features.';
    expect(mlTitle('Backend Engineer, ML Engineer, Designer', text)).toBe('ML Engineer');
    expect(mlTitle('Senior ML Engineer', text)).toBe('Senior ML Engineer');
    expect(mlTitle('Frontend Engineer, Designer', text)).toBeNull();
    // Roles listed on their own lines when the first line names none.
    expect(mlTitle(null, `Acme | Remote\n\nOpen roles:\n- Senior Backend Engineer (Go)\n- Machine Learning Engineer - Search\n${text}`)).toBe('Machine Learning Engineer');
    expect(mlTitle(null, `Etsy-like shop is hiring multiple Machine Learning Engineers in Toronto. ${text}`)).toBe('Machine Learning Engineers');
  });
});

describe.runIf(hasShared('HN importer tests', 'hn', 'v0'))('npm run import -- hn, against ../shared/hn on 127.0.0.1', () => {
  let server: Server;
  let api = '';
  const requested: string[] = [];
  beforeAll(async () => {
    ({ server, origin: api } = await mirror((path, res) => {
      requested.push(path);
      // The live account also posts "Who wants to be hired?": the list below mixes one in with two real threads.
      if (path === '/v0/user/whoishiring.json') return sendJson(res, 200, { id: 'whoishiring', submitted: [47975571, 999000001, 20083795] }), true;
      if (path === '/v0/item/999000001.json') return sendJson(res, 200, { id: 999000001, type: 'story', title: 'Ask HN: Who wants to be hired? (May 2026)', kids: [999000002] }), true;
      return false;
    }));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('--thread writes the ML posts of May 2026 with their HN link and day, and a second run writes nothing', async () => {
    const { postings } = tempContent();
    const first = await runImport(['hn', '--thread', '47975571', '--api', api, '--content', postings, '--captured', 'none']);
    expect(first.code, first.stderr).toBe(0);
    const files = listFiles(postings);
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const rel of files) {
      const fm = frontMatter(postings, rel);
      expect(fm.url).toMatch(/^https:\/\/news\.ycombinator\.com\/item\?id=\d+$/);
      expect(String(fm.posted)).toMatch(/^2026-05-\d\d$/);
      expect(fm.origin).toBe('hn');
      expect(fm.captured).toBeUndefined();
    }
    expect(first.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(`^import hn: 285 posts read: ${files.length} written to .*, \\d+ skipped \\(\\d+ not ML roles`));
    expect(first.stdout).toMatch(/\| company \| ML postings \| pay in text \| pay by board \| remote \| hybrid \| onsite \|/);

    const again = await runImport(['hn', '--thread', '47975571', '--api', api, '--content', postings, '--captured', 'none']);
    expect(again.code).toBe(0);
    expect(listFiles(postings)).toEqual(files);
    expect(again.stdout).toMatch(/: 0 written to .*\d+ duplicates/);
  });

  it('--month finds the month’s thread through whoishiring and dates posts without `time` by the month alone', async () => {
    const { postings } = tempContent();
    const r = await runImport(['hn', '--month', '2019-06', '--api', api, '--content', postings, '--captured', 'none']);
    expect(r.code, r.stderr).toBe(0);
    const files = listFiles(postings);
    expect(files.length).toBeGreaterThan(10);
    for (const rel of files) expect(frontMatter(postings, rel).posted).toBe('2019-06');
    expect(requested).toContain('/v0/item/20083795.json');
  });

  it('--all imports every "Who is hiring?" thread listed and never one of the other threads', async () => {
    const { postings } = tempContent();
    const r = await runImport(['hn', '--all', '--api', api, '--content', postings, '--captured', 'none']);
    expect(r.code, r.stderr).toBe(0);
    const months = new Set(listFiles(postings).map((rel) => String(frontMatter(postings, rel).posted).slice(0, 7)));
    expect([...months].sort()).toEqual(['2019-06', '2026-05']);
    expect(requested).not.toContain('/v0/item/999000002.json');
  });

  it('reports an unreadable item by name, goes on with the rest, and exits non-zero', async () => {
    const { server: s2, origin } = await mirror((path, res) => {
      if (path === '/v0/item/47975574.json') return sendJson(res, 200, '{"id": 47975574, "text": '), true;
      return false;
    });
    try {
      const { postings } = tempContent();
      const r = await runImport(['hn', '--thread', '47975571', '--api', origin, '--content', postings, '--captured', 'none']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/hn item 47975574: failed: .*47975574\.json: the answer is not JSON/);
      expect(readdirSync(postings).length).toBeGreaterThan(10);
    } finally {
      await new Promise<void>((r) => s2.close(() => r()));
    }
  });
});
