import { z } from 'zod';
import { LEVELS, PERIODS, REMOTE_POLICIES } from '../extract/types.ts';

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, e.g. 2026-01-27')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'is not a real calendar date');

/** A date written YYYY-MM-DD, or a month written YYYY-MM when only the month is known (an old HN post). */
const isoDateOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be a date written YYYY-MM-DD, e.g. 2026-01-27 (or a month written YYYY-MM when only the month is known)')
  .refine((s) => {
    const d = new Date(`${s.length === 7 ? `${s}-01` : s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, s.length) === s;
  }, 'is not a real calendar date');

/** Where an imported posting came from (`file` for a CSV/JSON Lines import). */
export const ORIGINS = ['hn', 'ashby', 'greenhouse', 'lever', 'file'] as const;
export type Origin = (typeof ORIGINS)[number];

/** One pay range as a job board states it in structured form (never read from the text). */
export const boardPay = z
  .object({
    min: z.number().positive(),
    /** Omitted or null when the board gives only a lower bound. */
    max: z.number().positive().nullable().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD'),
    period: z.enum(PERIODS),
    /** The board's name for the range (an Ashby tier title, a Greenhouse range title), or null. */
    label: z.string().nullable().optional(),
  })
  .strict()
  .refine((p) => p.max == null || p.min <= p.max, { message: 'pay min is greater than pay max', path: ['max'] });

/** What a job board states in structured form beside the text: the employer's own statement. */
export const boardStatement = z
  .object({
    pay: z.array(boardPay).optional(),
    /** Only where the board states it (Ashby `workplaceType` or `isRemote: true`, Lever `workplaceType`). */
    workplace: z.enum(REMOTE_POLICIES).optional(),
    locations: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();
export type BoardStatement = z.output<typeof boardStatement>;

/**
 * An allowed word, read without regard to case or to spaces for hyphens: `remote: Remote`, `level: Senior Staff`
 * mean `remote` and `senior-staff`.
 */
const word = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/[\s_]+/g, '-') : v), z.enum(values));

/** A correction of pay, written when extraction gets it wrong; wins over extraction. */
export const payCorrection = z
  .object({
    /** Lowest base pay in the range (or the single figure). */
    min: z.number().positive(),
    /** Highest base pay; omit or null for an open range ("150k+"). */
    max: z.number().positive().nullable().optional(),
    /** ISO 4217 currency code, e.g. USD, EUR, GBP. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD'),
    /** What one figure pays for. */
    period: word(PERIODS),
  })
  .strict()
  .refine((p) => p.max == null || p.min <= p.max, { message: 'pay min is greater than pay max', path: ['max'] });

/** A correction of the remote policy; a bare policy or an object with region and cadence. */
export const remoteCorrection = z.union([
  word(REMOTE_POLICIES),
  z
    .object({
      policy: word(REMOTE_POLICIES),
      /** Where a remote role may be done: a country, or North America, Europe, EU, LATAM, APAC, worldwide. */
      region: z.string().min(1).nullable().optional(),
      /** [low, high] office days a year. */
      officeDaysPerYear: z.tuple([z.number().min(0).max(366), z.number().min(0).max(366)]).nullable().optional(),
    })
    .strict(),
]);

/** The front matter of a posting file: the one source of truth (shared/DESIGN.md, "Posting file"). */
export const frontMatterSchema = z
  .object({
    /** The role's title as the employer writes it. */
    title: z.string().trim().min(1, 'must not be empty'),
    /** The employer's name; aliases are folded by content/taxonomy/companies.yml. */
    company: z.string().trim().min(1, 'must not be empty'),
    /** The date the text was copied; resolves "Posted 3 days ago". */
    captured: isoDate.optional(),
    /** The date the employer posted the role, when known from outside the text; YYYY-MM when only the month is. */
    posted: isoDateOrMonth.optional(),
    /** Where the posting was found. */
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
    /** Which importer wrote the file. */
    origin: z.enum(ORIGINS).optional(),
    /** What the job board states in structured form (pay, workplace, locations), as imported. */
    board: boardStatement.optional(),
    /** Correction: base pay. */
    pay: payCorrection.nullable().optional(),
    /** Correction: remote policy. */
    remote: remoteCorrection.nullable().optional(),
    /** Correction: level. */
    level: word(LEVELS).nullable().optional(),
    /** Correction: locations, e.g. ["San Francisco, CA, US", "Remote, US"]. */
    locations: z.array(z.string().trim().min(1)).optional(),
  })
  .strict();

export type FrontMatterInput = z.input<typeof frontMatterSchema>;
export type FrontMatter = z.output<typeof frontMatterSchema>;

/** The correction fields a contributor may set; extraction yields to them. */
export const CORRECTION_FIELDS = ['pay', 'remote', 'level', 'locations'] as const;
