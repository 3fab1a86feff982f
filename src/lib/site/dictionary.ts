/** The data dictionary shown on /data/: every column of the CSV downloads, in words. */

/** One column: its name and what it holds. */
export interface Column {
  name: string;
  about: string;
}

/** postings.csv: one row per posting. */
export const POSTINGS_COLUMNS: Column[] = [
  { name: 'id', about: '`<company>/<slug>`: the posting file’s path without `.md`; also its page, /postings/<id>/.' },
  { name: 'title', about: 'Job title, from front matter (or read from the text for imported postings).' },
  { name: 'company', about: 'Company name, with known aliases merged (content/taxonomy/companies.yml).' },
  { name: 'level', about: 'intern, junior, mid, senior, lead, staff, senior-staff, principal, distinguished, manager or director; empty when the title (or the text, about this role) names none.' },
  { name: 'role_family', about: 'ml-engineer, research-scientist, applied-scientist, data-scientist, ml-platform, ai-engineer, data-engineer, software-engineer or other.' },
  { name: 'is_ml_role', about: 'true when the role is an ML role; only these are charted.' },
  { name: 'excluded', about: 'Why the charts leave the posting out (empty when charted).' },
  { name: 'pay_min', about: 'Lowest base pay figure stated, in the posting’s currency and period (the envelope of all ranges).' },
  { name: 'pay_max', about: 'Highest base pay figure stated; empty for an open range (“150k+”). Equal to pay_min for a single figure.' },
  { name: 'pay_currency', about: 'ISO 4217 currency code of the stated pay.' },
  { name: 'pay_period', about: 'year, month, biweekly, week, day or hour.' },
  { name: 'pay_annual_min', about: 'pay_min annualised (× 1, 12, 26, 52, 260 or 2,080 by period), in the posting’s currency.' },
  { name: 'pay_annual_max', about: 'pay_max annualised, in the posting’s currency.' },
  { name: 'pay_annual_min_usd', about: 'pay_annual_min in US dollars at the rate in content/rates.yml in force on the posting’s date; empty when no rate is known.' },
  { name: 'pay_annual_max_usd', about: 'pay_annual_max in US dollars, likewise.' },
  { name: 'pay_evidence', about: 'The exact text the pay was read from.' },
  { name: 'remote_policy', about: 'remote (can be done fully remotely), hybrid (regular office days), onsite (no remote option); empty when the text states no arrangement.' },
  { name: 'remote_region', about: 'Where a remote role may be done: a country, or North America, Europe, EU, LATAM, APAC, worldwide.' },
  { name: 'office_days_per_year_min', about: 'Office days a year, low end, when a cadence is stated (“1–2 times a quarter” → 4).' },
  { name: 'office_days_per_year_max', about: 'Office days a year, high end (“1–2 times a quarter” → 8).' },
  { name: 'locations', about: 'Locations named for the role, separated by “; ”.' },
  { name: 'posted', about: 'Date posted (YYYY-MM-DD), from front matter or the text.' },
  { name: 'captured', about: 'Date the text was copied (YYYY-MM-DD), when known.' },
  { name: 'skills', about: 'Skill ids named, separated by “; ” (see posting_skills.csv for the evidence).' },
  { name: 'url', about: 'Where the posting was found, when recorded.' },
  { name: 'overridden', about: 'Fields set by front-matter corrections instead of extraction, separated by “; ”.' },
];

/** posting_skills.csv: one row per (posting, skill). */
export const POSTING_SKILLS_COLUMNS: Column[] = [
  { name: 'posting_id', about: 'The posting’s id (see postings.csv).' },
  { name: 'skill_id', about: 'The skill’s id in content/taxonomy/skills.yml; its page is /skills/<skill_id>/.' },
  { name: 'skill_label', about: 'The skill’s name.' },
  { name: 'skill_group', about: 'The skill’s group (language, framework, method, infra …).' },
  { name: 'is_ml_role', about: 'Whether the posting is an ML role (only those count in skill demand).' },
  { name: 'date', about: 'The posting’s date: posted, else captured.' },
  { name: 'evidence', about: 'The text that named the skill.' },
];
