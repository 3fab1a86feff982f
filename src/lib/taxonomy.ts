import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** One skill of content/taxonomy/skills.yml. */
export const skillSchema = z
  .object({
    /** Stable kebab-case id, used in URLs (/skills/<id>/) and datasets. */
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case'),
    /** How the site names it. */
    label: z.string().min(1),
    /** framework, language, data, method, infra, tool, domain … */
    group: z.string().min(1),
    /** Words or phrases that name it in a posting (matched whole-word, case-insensitive unless written with capitals and `caseSensitive`). */
    synonyms: z.array(z.string().min(1)).default([]),
    /** Match synonyms case-sensitively ("Go", "R"). */
    caseSensitive: z.boolean().default(false),
    /** Contexts that must not count: phrases around a match that mean something else ("spark joy", "let go"). */
    guards: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Skill = z.output<typeof skillSchema>;

export const skillsFileSchema = z.object({ skills: z.array(skillSchema) }).strict();

/** content/taxonomy/companies.yml: canonical name → aliases. */
export const companiesFileSchema = z
  .object({
    companies: z.array(
      z.object({ name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) }).strict(),
    ),
  })
  .strict();
export type Companies = z.output<typeof companiesFileSchema>['companies'];

/** content/rates.yml: units of currency per 1 USD, by date from which the rate applies. */
export const ratesFileSchema = z
  .object({
    source: z.string().min(1),
    rates: z.array(
      z
        .object({
          /** The date from which these rates are in force (YYYY-MM-DD). */
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          /** ISO 4217 code → units per 1 USD. */
          perUsd: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
        })
        .strict(),
    ),
  })
  .strict();
export type Rates = z.output<typeof ratesFileSchema>['rates'];

/** Everything extraction reads besides the posting itself. */
export interface ExtractContext {
  skills: Skill[];
  companies: Companies;
  rates: Rates;
}

function loadYaml<T extends z.ZodType>(path: string, schema: T): z.output<T> {
  const data: unknown = parse(readFileSync(path, 'utf8'));
  const result = schema.safeParse(data);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${path}: ${detail}`);
  }
  return result.data;
}

/** Load taxonomy and rates from a content folder (default `content/`). Throws naming the file on bad data. */
export function loadContext(contentRoot = 'content'): ExtractContext {
  return {
    skills: loadYaml(join(contentRoot, 'taxonomy/skills.yml'), skillsFileSchema).skills,
    companies: loadYaml(join(contentRoot, 'taxonomy/companies.yml'), companiesFileSchema).companies,
    rates: loadYaml(join(contentRoot, 'rates.yml'), ratesFileSchema).rates,
  };
}
