import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';

/**
 * Every regular expression in src/lib/extract/*.ts must be safe from catastrophic backtracking (ReDoS):
 * posting text is untrusted. Four sources, so nothing slips through: each module's exported `PATTERNS`
 * record (whoever owns the module), every regex literal written anywhere in the module's source, the matchers
 * built from content/taxonomy/*.yml (a contributor's new synonym or guard), and every RegExp constructed at
 * run time while extracting real and invented postings.
 */
const DIR = join(import.meta.dirname, '../../src/lib/extract');
const modules = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

function literals(file: string): RegExp[] {
  const src = readFileSync(join(DIR, file), 'utf8');
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, src);
  const out: RegExp[] = [];
  let prev = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    // A slash where an expression starts is a regex literal: let the scanner re-read it as one.
    const exprStart = [ts.SyntaxKind.OpenParenToken, ts.SyntaxKind.CommaToken, ts.SyntaxKind.ColonToken,
      ts.SyntaxKind.EqualsToken, ts.SyntaxKind.OpenBracketToken, ts.SyntaxKind.ReturnKeyword,
      ts.SyntaxKind.BarBarToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.ExclamationToken,
      ts.SyntaxKind.QuestionToken, ts.SyntaxKind.OpenBraceToken, ts.SyntaxKind.SemicolonToken,
      ts.SyntaxKind.QuestionQuestionToken].includes(prev);
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && exprStart) kind = scanner.reScanSlashToken();
    if (kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = scanner.getTokenText();
      const end = text.lastIndexOf('/');
      out.push(new RegExp(text.slice(1, end), text.slice(end + 1)));
    }
    if (kind !== ts.SyntaxKind.WhitespaceTrivia && kind !== ts.SyntaxKind.NewLineTrivia
      && kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) prev = kind;
  }
  return out;
}

/** recheck's verdict on each regex that is not safe, as a readable line. */
async function unsafeOf(res: Iterable<[string, RegExp]>): Promise<string[]> {
  const unsafe: string[] = [];
  for (const [name, re] of res) {
    const flags = re.flags.replace(/[gy]/g, '');
    // A fixed seed: recheck's fuzzer is random, and a verdict that changes from run to run is no check.
    let r = await check(re.source, flags, { timeout: 10_000, randomSeed: 0 });
    // On a busy machine (the suite runs in parallel) recheck may run out of time ("unknown"), or fall back to its
    // fuzzer, which can call a merely slow run polynomial: once more, with time to finish. A real ReDoS fails twice.
    if (r.status !== 'safe') r = await check(re.source, flags, { timeout: 60_000, randomSeed: 1 });
    if (r.status !== 'safe') unsafe.push(`${name}: ${r.status}${r.status === 'vulnerable' ? ` (${r.complexity.type}, attack ${JSON.stringify(r.attack.pattern)})` : ''}`);
  }
  return unsafe;
}

async function exported(file: string): Promise<[string, RegExp][]> {
  const mod = await import(join(DIR, file));
  const patterns = mod.PATTERNS as Record<string, unknown> | undefined;
  if (!patterns) return [];
  return Object.entries(patterns).filter((e): e is [string, RegExp] => e[1] instanceof RegExp);
}

describe('ReDoS: every regex in src/lib/extract is safe (recheck)', () => {
  it('finds regexes to check in the modules E1 owns', async () => {
    for (const f of ['clean.ts', 'pay.ts', 'dates.ts']) expect((await exported(f)).length, f).toBeGreaterThan(0);
  });

  for (const file of modules) {
    it(`${file}`, async () => {
      const all = new Map<string, RegExp>();
      for (const [, re] of await exported(file)) all.set(`${file} /${re.source}/${re.flags}`, re);
      for (const re of literals(file)) all.set(`${file} /${re.source}/${re.flags}`, re);
      expect(await unsafeOf(all)).toEqual([]);
    }, 240_000);
  }
});

describe('ReDoS: regexes built from data and at run time are safe too', () => {
  it('every skill matcher and guard built from content/taxonomy/skills.yml', async () => {
    const { compileSkill } = await import('../../src/lib/extract/skills.ts');
    const { loadContext } = await import('../../src/lib/taxonomy.ts');
    const built = new Map<string, RegExp>();
    for (const skill of loadContext().skills) {
      const { re, guard } = compileSkill(skill);
      built.set(`skill ${skill.id}`, re);
      if (guard) built.set(`skill ${skill.id} guards`, guard);
    }
    expect(built.size).toBeGreaterThan(50);
    expect(await unsafeOf(built)).toEqual([]);
  }, 300_000);

  it('every RegExp constructed while extracting postings', async () => {
    // Count each `new RegExp(...)` made from here on: modules are imported afresh below, so their own
    // module-level patterns are seen as well as any built inside a function call.
    const seen = new Map<string, RegExp>();
    const Native = globalThis.RegExp;
    globalThis.RegExp = new Proxy(Native, {
      construct(target, args, newTarget) {
        const re = Reflect.construct(target, args, newTarget) as RegExp;
        // Only ours: the frame that called `new RegExp` is in src/lib (a library's own regexes are its business).
        const caller = new Error().stack?.split('\n')[2] ?? '';
        if (caller.includes('/src/lib/')) seen.set(`${caller.trim()} /${re.source}/${re.flags}`, re);
        return re;
      },
    });
    try {
      vi.resetModules();
      const { extractPosting } = await import('../../src/lib/extract/index.ts');
      const { loadContext } = await import('../../src/lib/taxonomy.ts');
      const ctx = loadContext();
      const texts = [
        'Acme AI | Senior ML Engineer | Remote (US) | $150k - $190k CAD + equity\n\nWe train PyTorch models. 2 days a week in office.',
        'Member of Technical Staff: Inference\nNorthwind Labs\nSan Francisco, CA · Hybrid\n\nBase salary: €90.000 - €110.000 per year.',
        ...readdirSync(join(import.meta.dirname, '../../content/postings'), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.md'))
          .map((f) => readFileSync(join(import.meta.dirname, '../../content/postings', f), 'utf8').replace(/^---[^]*?---\n/, '')),
      ];
      for (const text of texts) extractPosting({ text, source: null, id: null }, ctx);
    } finally {
      globalThis.RegExp = Native;
    }
    expect(seen.size).toBeGreaterThan(0);
    expect(await unsafeOf(seen)).toEqual([]);
  }, 300_000);
});
