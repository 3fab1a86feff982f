import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every regular expression in src/lib/extract/*.ts must be safe from catastrophic backtracking (ReDoS):
 * posting text is untrusted. Two sources, so nothing slips through: each module's exported `PATTERNS`
 * record (whoever owns the module), and every regex literal written anywhere in the module's source.
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
      for (const [, re] of await exported(file)) all.set(`/${re.source}/${re.flags}`, re);
      for (const re of literals(file)) all.set(`/${re.source}/${re.flags}`, re);
      const unsafe: string[] = [];
      for (const [name, re] of all) {
        const r = await check(re.source, re.flags.replace(/[gy]/g, ''), { timeout: 10_000 });
        if (r.status !== 'safe') unsafe.push(`${file} ${name}: ${r.status}${r.status === 'vulnerable' ? ` (${r.complexity.type}, attack ${JSON.stringify(r.attack.pattern)})` : ''}`);
      }
      expect(unsafe).toEqual([]);
    }, 120_000);
  }
});
