import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/lib/extract/clean.ts';
import fc from 'fast-check';
import { compileSkill, extractSkills, guardSpans, matchAt } from '../../src/lib/extract/skills.ts';
import { skillFound } from '../../src/lib/eval/score.ts';
import { sharedPath } from '../../src/lib/eval/corpus.ts';
import { loadContext, skillSchema } from '../../src/lib/taxonomy.ts';
import { hasShared } from '../helpers/shared.ts';
import { corpusRows } from './fixtures/corpus.ts';

const { skills } = loadContext();
const ids = (text: string) => extractSkills(text, skills).map((s) => s.id);

describe('the taxonomy', () => {
  it('covers 60–120 skills with unique ids', () => {
    expect(skills.length).toBeGreaterThanOrEqual(60);
    expect(skills.length).toBeLessThanOrEqual(120);
    expect(new Set(skills.map((s) => s.id)).size).toBe(skills.length);
  });
});

describe('matching', () => {
  it('finds frameworks, languages and methods as whole words', () => {
    expect(ids('Strong Python and PyTorch / TensorFlow; SQL; A/B testing and causal inference.')).toEqual(
      expect.arrayContaining(['python', 'pytorch', 'tensorflow', 'sql', 'ab-testing', 'causal-inference']));
  });

  it('lets a hyphen, a space or nothing join a synonym\'s words, and allows plurals', () => {
    expect(ids('few shot prompting')).toContain('few-shot-learning');
    expect(ids('multi objective tradeoffs')).toContain('multi-objective-optimization');
    expect(ids('experience with LLMs and GPUs')).toEqual(expect.arrayContaining(['llm', 'gpu']));
  });

  it('tells Go the language from "go"', () => {
    expect(ids('Backend in Go and Rust.')).toEqual(expect.arrayContaining(['go', 'rust']));
    expect(ids('You will go beyond the brief, let go of old habits, and work on the go.')).not.toContain('go');
    expect(ids('Prevent rust on the pipes.')).not.toContain('rust');
  });

  it('tells R the language from R&D and (R)', () => {
    expect(ids('Analyses in R or Python.')).toContain('r');
    expect(ids('Our R&D team uses Python(R) daily.')).not.toContain('r');
  });

  it('tells Spark from "spark joy"', () => {
    expect(ids('Pipelines on Spark and Airflow.')).toEqual(expect.arrayContaining(['spark', 'airflow']));
    expect(ids('Ideas that spark joy and spark curiosity.')).not.toContain('spark');
  });

  it('does not count using LLM tools as an LLM skill', () => {
    expect(ids('Familiarity with LLM-powered productivity tools for documentation search.')).not.toContain('llm');
    expect(ids('Experience fine-tuning large language models.')).toContain('llm');
  });

  it('cites a synonym of the skill it names: compression methods are not model serving', () => {
    const hits = extractSkills('We apply knowledge distillation and quantization to ship smaller models.', skills);
    expect(hits.map((h) => h.id)).toContain('model-compression');
    expect(hits.map((h) => h.id)).not.toContain('model-serving');
    expect(hits.find((h) => h.id === 'model-compression')?.evidence).toBe('knowledge distillation');
  });

  it('takes no product surface or field of study written as a name in a list of names', () => {
    expect(ids('These signals power relevance for Homefeed, Search, Related Pins and Ads.')).not.toContain('search');
    expect(ids('M.S. or PhD degree in Computer Science, Statistics or a related field.')).not.toContain('statistics');
    // The same words as the candidate's skills, beside other skills or in lowercase, still count.
    expect(ids('Experience with Python, Statistics, and Machine Learning.')).toContain('statistics');
    expect(ids('You will build search and ranking for our marketplace.')).toContain('search');
    expect(ids('Search, Ranking and Recommendations: 5+ years.')).toContain('search');
  });

  it('takes no team named in a parenthesised list of teams the role works with', () => {
    expect(ids('Partner closely with cross-functional teams (Product, Data Science, Trust & Safety, Ads Infra) to ship.')).not.toContain('trust-and-safety');
    expect(ids('Work with partners (Search and Content Moderation) on launches.')).not.toContain('search');
    // The same words as the work itself, or as the team the candidate joins, still count.
    expect(ids('You will fight abuse: experience in Trust & Safety or content moderation (required).')).toContain('trust-and-safety');
    expect(ids('As an investigator in our Genomics team, you will analyse sequencing data.')).toContain('bioinformatics');
    expect(ids('Build models (Search ranking, ads) for our teams.')).toContain('search');
  });

  it('ignores skills named only in a "Similar Jobs" list, which cleaning sets aside', () => {
    expect(ids(clean('We use Python.\nSimilar Jobs\nKafka Engineer\nAcme\n').text)).toEqual(['python']);
  });

  it('finds synonyms that open with letters outside ASCII, and keeps them apart from ASCII look-alikes', () => {
    // Keys of ASCII letters and keys of other letters are numbered in different ranges (skills.ts keyOf).
    const own = (['ñu framework', 'über index', 'nu stack'] as const).map((syn, i) => skillSchema.parse({ id: `s${i}`, label: syn, group: 'tool', synonyms: [syn] }));
    const found = (text: string) => extractSkills(text, own).map((s) => s.evidence);
    expect(found('We use the Ñu framework and an Über-Index daily.')).toEqual(['Ñu framework', 'Über-Index']);
    expect(found('A nu stack, a new framework, an uber index.')).toEqual(['nu stack']);
    expect(found('Señu framework is not one.')).toEqual([]);
  });

  it('lists skills in taxonomy order, once each, with the matched span as evidence', () => {
    const text = 'SQL, then Python, then python again.';
    const hits = extractSkills(text, skills);
    expect(hits.map((h) => h.id)).toEqual(['python', 'sql']);
    for (const h of hits) expect(text).toContain(h.evidence);
  });
});

describe('word ends', () => {
  // Neighbours where ASCII and Unicode word classes could part ways: ASCII word characters and punctuation, letters
  // whose case folds to ASCII ("ſ", the Kelvin sign), a mark that folds to a letter (U+0345), letters and digits of
  // other scripts, a circled letter (a symbol with cases), a Roman numeral, a non-breaking space, curly quotes, dashes,
  // an emoji (a surrogate pair) and lone surrogates.
  const neighbours = [
    'a', 'Z', '0', '_', '+', '#', ' ', '-', '.', '(', '\n', 'ſ', '\u212a', '\u0345', 'é', 'İ', 'ß', '中', '\u0663', '\u24b6',
    '\u2160', '\u00a0', '’', '–', '😀', '\ud83d', '\ude00', '\u0301',
  ];
  const word = fc.string({ unit: fc.constantFrom(...neighbours), maxLength: 3 });
  const synonym = fc.record({ skill: fc.nat(skills.length - 1), k: fc.nat(), upper: fc.boolean(), gap: fc.constantFrom(' ', '-', ''), plural: fc.constantFrom('', 's', 'es') })
    .map(({ skill, k, upper, gap, plural }) => {
      const syns = skills[skill]!.synonyms;
      const syn = syns[k % syns.length]!.replace(/[ \t-]+/g, gap) + plural;
      return { skill, text: upper ? syn.toUpperCase() : syn };
    });

  it('are found the same with ASCII neighbours checked first as with the Unicode classes alone', () => {
    const matchers = skills.map(compileSkill);
    fc.assert(fc.property(word, synonym, word, synonym, word, (a, s, b, t, c) => {
      const text = a + s.text + b + t.text + c;
      for (const i of [s.skill, t.skill]) {
        const m = matchers[i]!;
        for (let pos = 0; pos <= text.length; pos++) {
          m.sticky.lastIndex = pos;
          const expected = m.sticky.exec(text)?.[0] ?? null;
          expect(matchAt(m, text, pos)?.[0] ?? null).toBe(expected);
        }
      }
    }), { numRuns: 3000 });
  });

  it('of guard phrases are found the same with ASCII neighbours checked first as with the Unicode classes alone', () => {
    const guarded = skills.filter((s) => s.guards.length).map(compileSkill);
    expect(guarded.length).toBeGreaterThan(5);
    const phrase = fc.record({ skill: fc.nat(guarded.length - 1), k: fc.nat(), upper: fc.boolean() }).map(({ skill, k, upper }) => {
      const { guards } = guarded[skill]!.skill;
      const g = guards[k % guards.length]!;
      return { skill, text: upper ? g.toUpperCase() : g };
    });
    fc.assert(fc.property(word, phrase, word, phrase, word, (a, g, b, h, c) => {
      const text = a + g.text + b + h.text + c;
      for (const i of [g.skill, h.skill]) {
        const m = guarded[i]!;
        expect(guardSpans(m, text)).toEqual([...text.matchAll(m.guard!)].map((x) => [x.index, x.index + x[0].length]));
      }
    }), { numRuns: 3000 });
  });
});

describe('the seeds (../shared/seeds)', () => {
  const dir = sharedPath('seeds');
  const run = hasShared('skill seed checks', 'seeds') && dir;
  it.runIf(run)('finds at least 80% of each seed\'s expected skills', () => {
    const expected = JSON.parse(readFileSync(join(dir!, 'expected.json'), 'utf8')).postings as Record<string, { skills: string[] }>;
    for (const [file, e] of Object.entries(expected)) {
      const got = extractSkills(clean(readFileSync(join(dir!, file), 'utf8')).text, skills);
      const found = e.skills.filter((id) => skillFound(id, got)).length;
      expect(found / e.skills.length, file).toBeGreaterThanOrEqual(0.8);
    }
  });
});
