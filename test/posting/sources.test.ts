import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { companyOf, readSources } from '../../src/lib/sources.ts';
import { runCheck } from '../../src/lib/posting/run-check.ts';
import { ROOT, put, tempContent } from './helpers.ts';

describe('content/sources.yml', () => {
  it('the repository’s file is valid and names each board’s company', () => {
    const { sources, problems } = readSources(join(ROOT, 'content/sources.yml'));
    expect(problems).toEqual([]);
    expect(sources!.boards.length).toBeGreaterThan(0);
    expect(companyOf(sources, 'ashby', 'elevenlabs')).toBe('ElevenLabs');
    expect(companyOf(sources, 'lever', 'elevenlabs')).toBeNull();
  });

  it('makes check fail with the line of a board that lacks its company, an unknown origin, or a board listed twice', () => {
    const { root, postings } = tempContent();
    put(root, 'sources.yml', 'hn: true\nboards:\n  - { origin: ashby, board: acme, company: Acme }\n  - { origin: workday, board: x, company: X }\n  - { origin: lever, board: y }\n  - { origin: ashby, board: ACME, company: Acme }\n');
    const { problems } = readSources(join(root, 'sources.yml'));
    expect(problems.map((p) => p.line)).toEqual([4, 5]);
    expect(problems[0]!.message).toMatch(/`boards\.1\.origin`/);
    put(root, 'sources.yml', 'boards:\n  - { origin: ashby, board: acme, company: Acme }\n  - { origin: ashby, board: ACME, company: Acme }\n');
    const outcome = runCheck(postings, root, root);
    expect(outcome.failed).toBe(true);
    expect(outcome.report).toMatch(/sources\.yml[\s\S]*3:1[\s\S]*listed twice/);
    expect(outcome.summary).toMatch(/content\/sources\.yml: 1 error/);
  });
});
