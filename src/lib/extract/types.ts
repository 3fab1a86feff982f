/**
 * The extract contract (shared/DESIGN.md, "Extract command"): one object per posting.
 * Other tools and checks depend on these names; extend, never rename or drop.
 */

export const LEVELS = [
  'intern', 'junior', 'mid', 'senior', 'lead', 'staff', 'senior-staff',
  'principal', 'distinguished', 'manager', 'director',
] as const;
export type Level = (typeof LEVELS)[number];

export const ROLE_FAMILIES = [
  'ml-engineer', 'research-scientist', 'applied-scientist', 'data-scientist',
  'ml-platform', 'ai-engineer', 'data-engineer', 'software-engineer', 'other',
] as const;
export type RoleFamily = (typeof ROLE_FAMILIES)[number];

export const PERIODS = ['year', 'month', 'biweekly', 'week', 'day', 'hour'] as const;
export type Period = (typeof PERIODS)[number];

/** How many of each period make a year (DESIGN.md). */
export const PERIODS_PER_YEAR: Record<Period, number> = {
  year: 1, month: 12, biweekly: 26, week: 52, day: 260, hour: 2080,
};

export const REMOTE_POLICIES = ['remote', 'hybrid', 'onsite'] as const;
export type RemotePolicy = (typeof REMOTE_POLICIES)[number];

export const EXTRA_KINDS = ['bonus', 'ote', 'equity', 'sign-on'] as const;
export type ExtraKind = (typeof EXTRA_KINDS)[number];

export interface PayRange {
  min: number;
  /** null for an open range ("USD 150k+"). */
  max: number | null;
  /** The location or level this range is for ("NYC", "Level 5"), when the text says. */
  qualifier: string | null;
  evidence: string;
}

export interface Pay {
  /** Envelope of all ranges: lowest min. */
  min: number;
  /** Envelope: highest max; null when open-ended. */
  max: number | null;
  /** ISO 4217 code. */
  currency: string;
  period: Period;
  annualMin: number;
  annualMax: number | null;
  /** null when no rate for the currency is known. */
  annualMinUsd: number | null;
  annualMaxUsd: number | null;
  evidence: string;
  rule: string;
  ranges: PayRange[];
  extras: { kind: ExtraKind; evidence: string }[];
}

export interface Remote {
  policy: RemotePolicy;
  /**
   * Where a remote role may be done: a country or North America, Europe, EU, LATAM, APAC, worldwide; null when not
   * stated. When the text names several ("Remote (Germany/UK)"), this is the first named, and `regions` has all.
   */
  region: string | null;
  /** Every region the text names for the remote role, in the order written; [] when none. `region` is `regions[0]`. */
  regions: string[];
  /** [low, high] office days a year when a cadence is stated. */
  officeDaysPerYear: [number, number] | null;
  evidence: string[];
  rule: string;
}

export interface SkillHit {
  id: string;
  label: string;
  group: string;
  evidence: string;
}

/** One field's provenance: which rule fired and the exact span of cleaned text behind it. */
export interface Trace {
  field: string;
  rule: string;
  evidence: string;
}

/** One pay range a job board states in structured form (DESIGN.md, "Imported postings"). */
export interface BoardPay {
  min: number;
  max?: number | null | undefined;
  currency: string;
  period: Period;
  label?: string | null | undefined;
}

/** What a job board states in structured form beside the text, as the importer wrote it to front matter. */
export interface BoardStatement {
  pay?: BoardPay[] | undefined;
  workplace?: RemotePolicy | undefined;
  locations?: string[] | undefined;
}

export interface Extraction {
  source: string | null;
  id: string | null;
  title: string | null;
  company: string | null;
  level: Level | null;
  roleFamily: RoleFamily | null;
  isMlRole: boolean;
  pay: Pay | null;
  remote: Remote | null;
  locations: string[];
  posted: string | null;
  captured: string | null;
  skills: SkillHit[];
  /** Fields whose value came from front matter corrections rather than extraction. */
  overridden: string[];
  /** Which importer wrote the posting file (`hn`, `ashby`, `greenhouse`, `lever`, `file`), from front matter; null otherwise. */
  origin: string | null;
  /** What the job board states in structured form, as given in front matter; null when none. `pay` stays the text's. */
  board: BoardStatement | null;
  /** Extension: provenance of every field (rule + evidence span), for the posting page and eval. */
  trace: Trace[];
}

/**
 * What the file around a posting says, already validated (a posting file's front matter): facts that win over the
 * text (title, company, dates) and corrections that win over extraction (pay, remote, level, locations). Extraction
 * takes this plain shape so it depends on no file format; src/lib/posting's FrontMatter fits it.
 */
export interface Overrides {
  title: string;
  company: string;
  /** YYYY-MM-DD. */
  captured?: string;
  /** YYYY-MM-DD (or YYYY-MM when only the month is known). */
  posted?: string;
  pay?: { min: number; max?: number | null; currency: string; period: Period } | null;
  remote?: RemotePolicy | { policy: RemotePolicy; region?: string | null; officeDaysPerYear?: readonly [number, number] | null } | null;
  level?: Level | null;
  locations?: string[];
  /** Which importer wrote the posting; passed through to the output as given. */
  origin?: string;
  /** What the job board states in structured form; passed through as given (never mixed into the text's fields). */
  board?: BoardStatement;
}
