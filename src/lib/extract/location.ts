/**
 * Locations a posting is for, normalised to "City, ST, US", "City, Country", "Remote, <place>" or a bare
 * country/region ("US"). Read only from structured forms: header fields (HN "Company | Role | Place"),
 * "Location:" fields, short lines listing places ("San Francisco, CA, US • Remote, US"), and "US based
 * applicants only". Place names in prose or in job-board chrome ("Similar Jobs" lists) are not locations.
 *
 * Also exports the small gazetteer and place parser that remote.ts and title.ts share.
 */

import { topHeaderLines, topLines } from './header.ts';

/** US state and territory codes → names. */
export const US_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa',
  KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan',
  MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio',
  OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia',
  WI: 'Wisconsin', WY: 'Wyoming', DC: 'District of Columbia', PR: 'Puerto Rico',
};
const STATE_BY_NAME = new Map(Object.entries(US_STATES).map(([code, name]) => [name.toLowerCase(), code]));

/** Country and region names (lowercase alias → normalised name). Regions use DESIGN.md's names. */
const PLACE_ALIASES: Record<string, string> = {
  us: 'US', usa: 'US', 'u.s.': 'US', 'u.s': 'US', 'u.s.a.': 'US', 'u.s.a': 'US', 'united states': 'US',
  'united states of america': 'US', america: 'US',
  uk: 'UK', 'u.k.': 'UK', 'united kingdom': 'UK', 'great britain': 'UK', britain: 'UK', england: 'UK',
  canada: 'Canada', germany: 'Germany', france: 'France', netherlands: 'Netherlands', 'the netherlands': 'Netherlands',
  holland: 'Netherlands', spain: 'Spain', portugal: 'Portugal', italy: 'Italy', ireland: 'Ireland', poland: 'Poland',
  sweden: 'Sweden', norway: 'Norway', denmark: 'Denmark', finland: 'Finland', switzerland: 'Switzerland',
  austria: 'Austria', belgium: 'Belgium', 'czech republic': 'Czechia', czechia: 'Czechia', romania: 'Romania',
  ukraine: 'Ukraine', estonia: 'Estonia', lithuania: 'Lithuania', latvia: 'Latvia', greece: 'Greece',
  hungary: 'Hungary', serbia: 'Serbia', croatia: 'Croatia', bulgaria: 'Bulgaria', slovakia: 'Slovakia',
  slovenia: 'Slovenia', luxembourg: 'Luxembourg', iceland: 'Iceland', israel: 'Israel', india: 'India',
  singapore: 'Singapore', japan: 'Japan', china: 'China', 'hong kong': 'Hong Kong', taiwan: 'Taiwan',
  'south korea': 'South Korea', korea: 'South Korea', australia: 'Australia', 'new zealand': 'New Zealand',
  brazil: 'Brazil', mexico: 'Mexico', argentina: 'Argentina', colombia: 'Colombia', chile: 'Chile', peru: 'Peru',
  uruguay: 'Uruguay', 'costa rica': 'Costa Rica', uae: 'UAE', 'united arab emirates': 'UAE',
  'saudi arabia': 'Saudi Arabia', turkey: 'Turkey', 'south africa': 'South Africa', nigeria: 'Nigeria',
  kenya: 'Kenya', egypt: 'Egypt', philippines: 'Philippines', vietnam: 'Vietnam', indonesia: 'Indonesia',
  malaysia: 'Malaysia', thailand: 'Thailand', pakistan: 'Pakistan',
  // Regions (DESIGN.md: North America, Europe, EU, LATAM, APAC, worldwide).
  eu: 'EU', 'european union': 'EU', europe: 'Europe', european: 'Europe', emea: 'Europe', cet: 'Europe',
  'north america': 'North America', 'north american': 'North America', latam: 'LATAM', 'latin america': 'LATAM',
  'south america': 'LATAM', apac: 'APAC', 'asia pacific': 'APAC', 'asia-pacific': 'APAC', asia: 'APAC',
  worldwide: 'worldwide', anywhere: 'worldwide', global: 'worldwide', globally: 'worldwide',
  'anywhere in the world': 'worldwide',
};

/** Well-known cities that postings name without a state or country (lowercase → normalised). */
const CITIES: Record<string, string> = {
  'san francisco': 'San Francisco, CA, US', sf: 'San Francisco, CA, US', 'new york': 'New York, NY, US',
  'new york city': 'New York, NY, US', nyc: 'New York, NY, US', seattle: 'Seattle, WA, US', boston: 'Boston, MA, US',
  austin: 'Austin, TX, US', 'los angeles': 'Los Angeles, CA, US', chicago: 'Chicago, IL, US', denver: 'Denver, CO, US',
  'palo alto': 'Palo Alto, CA, US', 'mountain view': 'Mountain View, CA, US', 'san jose': 'San Jose, CA, US',
  sunnyvale: 'Sunnyvale, CA, US', 'menlo park': 'Menlo Park, CA, US', 'redwood city': 'Redwood City, CA, US',
  'san mateo': 'San Mateo, CA, US', oakland: 'Oakland, CA, US', berkeley: 'Berkeley, CA, US',
  'san diego': 'San Diego, CA, US', bellevue: 'Bellevue, WA, US', atlanta: 'Atlanta, GA, US', miami: 'Miami, FL, US',
  pittsburgh: 'Pittsburgh, PA, US', philadelphia: 'Philadelphia, PA, US', 'washington dc': 'Washington, DC, US',
  'washington, dc': 'Washington, DC, US', 'washington d.c.': 'Washington, DC, US', dallas: 'Dallas, TX, US',
  houston: 'Houston, TX, US', boulder: 'Boulder, CO, US', 'salt lake city': 'Salt Lake City, UT, US',
  london: 'London, UK', paris: 'Paris, France', berlin: 'Berlin, Germany', munich: 'Munich, Germany',
  hamburg: 'Hamburg, Germany', cologne: 'Cologne, Germany', amsterdam: 'Amsterdam, Netherlands',
  toronto: 'Toronto, Canada', vancouver: 'Vancouver, Canada', montreal: 'Montreal, Canada', dublin: 'Dublin, Ireland',
  zurich: 'Zurich, Switzerland', 'tel aviv': 'Tel Aviv, Israel', bangalore: 'Bangalore, India',
  bengaluru: 'Bangalore, India', tokyo: 'Tokyo, Japan', sydney: 'Sydney, Australia', madrid: 'Madrid, Spain',
  barcelona: 'Barcelona, Spain', lisbon: 'Lisbon, Portugal', stockholm: 'Stockholm, Sweden',
  copenhagen: 'Copenhagen, Denmark', helsinki: 'Helsinki, Finland', oslo: 'Oslo, Norway', warsaw: 'Warsaw, Poland',
  prague: 'Prague, Czechia', vienna: 'Vienna, Austria',
};

/** Every RegExp this module uses (checked for ReDoS by test/extract/redos.test.ts). */
// Lookups take words from postings: "constructor" or "toString" must find nothing, not Object.prototype's members.
for (const table of [US_STATES, PLACE_ALIASES, CITIES]) Object.setPrototypeOf(table, null);

export const PATTERNS = {
  /** Headings after which a job board lists other postings. */
  /** One line that is a "Job Location: X", "Location - X", "LOCATION: X" field (the value may be on the next line). */
  locationField: /^[ \t]{0,4}(?:[^\s:]{1,20}[ \t])?(?:job[ \t]{1,4})?(?:locations?|office|based in)[ \t]{0,4}(?:[:\-–]([^\n]{0,200}))?$/i,
  /** A header field that is pay, a link or a count, never a place. */
  notPlaceField: /https?:|\$|€|£|(?<!\d)\d{2,9}k\b/i,
  /** A whole line that reads as a place: "City, ST", "City, Country", "Remote - Canada", "Remote, US". */
  placeLine: /^(?:remote[ \t]{0,2}[-–—:,][ \t]{0,2}[A-Z][A-Za-z. ]{1,30}|[A-Z][A-Za-z.'-]{0,30}(?:[ \t][A-Z][A-Za-z.'-]{0,30}){0,3},[ \t]?[A-Z][A-Za-z. ]{1,29}(?:,[ \t]?[A-Z][A-Za-z. ]{1,29})?)$/i,
  /** "Remote - Canada", "Remote: EU": a remote role's place after a separator. */
  remoteDash: /^[ \t]{0,4}remote[ \t]{0,2}[-–—:,][ \t]{0,2}([^\n]{2,60})$/i,
  /** "US based applicants only", "U.S.-based candidates". */
  basedOnly: /\b(US|U\.S\.|USA|United States|UK|Canada|EU)[ -]?based[ \t]{1,4}(?:applicants|candidates|employees|residents)(?:[ \t]{1,4}only)?/gi,
  /** A segment that is "City, ST" with optional country. */
  cityState: /^([A-Z][A-Za-z.'-]{0,30}(?:[ \t][A-Z][A-Za-z.'-]{0,30}){0,3}),?[ \t]{1,4}([A-Z]{2})(?:[ \t]{0,4}[,-][ \t]{0,4}(?:US|USA|United States))?$/,
  /** "City, Country". */
  cityCountry: /^([A-Z][A-Za-z.'-]{0,30}(?:[ \t][A-Z][A-Za-z.'-]{0,30}){0,3}),[ \t]?([A-Za-z][A-Za-z. ]{1,29})$/,
  /** Separators between the parts of a header or place line. */
  separators: /[|•·;]|\s[-–—]\s|\s\+\s|\/|\bor\b|\band\b|&/i,
  /** Words about work arrangement or contract that may sit beside a place. */
  fillers: /\b(?:remote(?:ly)?|hybrid|on[- ]?site|in[- ]person|in[- ]office|full[- ]?time|part[- ]?time|contract|only|friendly|based|time[ \t]?zones?|timezones?|hours|overlap|preferred|okay|ok)\b/gi,
};

/** How many non-empty lines from the top a line that is only a place may stand (job boards print it under the title). */
const PLACE_LINE_TOP = 12;

/** Trim any of `lead` characters from the start and any of `tail` from the end (no regex: no backtracking). */
export function trimChars(s: string, lead: string, tail = lead): string {
  let a = 0, b = s.length;
  while (a < b && lead.includes(s[a]!)) a++;
  while (b > a && tail.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** Normalise a country or region name ("United States" → "US", "Latin America" → "LATAM"); null if unknown. */
export function normaliseRegion(name: string): string | null {
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/-friendly$/, '');
  return PLACE_ALIASES[key] ?? PLACE_ALIASES[key.replace(/\.$/, '')] ?? null;
}

/**
 * Parse one place phrase ("Boston", "Kirkland, WA", "San Francisco, CA - USA", "Cologne, Germany", "US")
 * to its normalised form, or null when it is not a place we can name.
 */
export function parsePlace(raw: string): string | null {
  const s = trimChars(raw.replace(/\s+/g, ' '), ' ,.:;–—-', ' ,:;–—-').replace(/^the /i, '');
  if (!s || s.length > 60) return null;
  const city = CITIES[s.toLowerCase()];
  if (city) return city;
  const region = normaliseRegion(s);
  if (region) return region;
  const cs = PATTERNS.cityState.exec(s);
  if (cs && US_STATES[cs[2]!]) return `${cs[1]}, ${cs[2]}, US`;
  const cc = PATTERNS.cityCountry.exec(s);
  if (cc) {
    const country = normaliseRegion(cc[2]!);
    const state = STATE_BY_NAME.get(cc[2]!.trim().toLowerCase());
    if (state) return `${cc[1]}, ${state}, US`;
    if (country === 'US') {
      const known = CITIES[cc[1]!.toLowerCase()];
      return known ?? null;
    }
    if (country && !['EU', 'Europe', 'North America', 'LATAM', 'APAC', 'worldwide'].includes(country)) return `${cc[1]}, ${country}`;
    const known = CITIES[cc[1]!.toLowerCase()];
    if (known) return known;
  }
  // "City, ST, US" / "City, Country, extra" with a third part.
  const parts = s.split(',').map((p) => p.trim());
  if (parts.length === 3) {
    const two = parsePlace(`${parts[0]}, ${parts[1]}`);
    if (two && (two.endsWith(', US') ? normaliseRegion(parts[2]!) === 'US' : true)) return two;
  }
  return null;
}

/**
 * Places named in one header segment or field value. "Boston or Remote (US)" → Boston, MA, US and Remote, US;
 * "Onsite (Burlingame, CA)" → Burlingame, CA, US; "Remote (Germany/UK)" → Remote, Germany and Remote, UK.
 */
export function placesIn(segment: string): readonly string[] {
  let found = PLACES_IN.get(segment);
  if (!found) {
    if (PLACES_IN.size >= PLACES_IN_MAX) PLACES_IN.clear();
    PLACES_IN.set(segment, (found = placesInUncached(segment)));
  }
  return found;
}

/**
 * Segments already read, and their places: the same few ("Remote", "New York, NY", "San Francisco, CA · Hybrid") come
 * back in posting after posting. Emptied when full, so it never holds more than a bounded number.
 */
const PLACES_IN = new Map<string, readonly string[]>();
const PLACES_IN_MAX = 20_000;

function placesInUncached(segment: string): string[] {
  const out: string[] = [];
  const add = (p: string | null) => { if (p && !out.includes(p)) out.push(p); };
  // "Remote - Canada", "Remote: US or Canada": every place after the dash is where the remote role may be done.
  const remoteDash = PATTERNS.remoteDash.exec(segment);
  if (remoteDash) {
    for (const piece of splitPlaces(remoteDash[1]!)) {
      const place = parsePlace(piece.replace(PATTERNS.fillers, ' '));
      if (place) add(place.includes(',') ? place : `Remote, ${place}`);
    }
    if (out.length) return out;
  }
  // Pull out parentheticals: "(US)" after Remote qualifies the remote part; "(Burlingame, CA)" is a place.
  const parens: { text: string; afterRemote: boolean }[] = [];
  const outer = segment.replace(/\(([^()]{1,80})\)/g, (_m, inner: string, offset: number) => {
    parens.push({ text: inner, afterRemote: /\bremote\W*$/i.test(segment.slice(0, offset)) });
    return ' ; ';
  });
  const remoteOuter = /\bremote\b/i.test(outer);
  const whole = parsePlace(outer.replace(/ ; /g, ' ').replace(PATTERNS.fillers, ' '));
  if (whole && whole.includes(',')) add(whole);
  else
  for (const piece of splitPlaces(outer)) {
    const isRemote = /\bremote\b/i.test(piece);
    const place = parsePlace(piece.replace(PATTERNS.fillers, ' '));
    if (!place) continue;
    add(isRemote && !place.includes(',') ? `Remote, ${place}` : place);
  }
  for (const p of parens) {
    for (const piece of splitPlaces(p.text)) {
      const place = parsePlace(piece.replace(PATTERNS.fillers, ' '));
      if (!place) continue;
      add((p.afterRemote || (remoteOuter && !outer.replace(/\bremote\b/gi, '').trim().match(/[A-Za-z]{3,}/))) && !place.includes(',') ? `Remote, ${place}` : place);
    }
  }
  return out;
}

/** Split a place list on "/", " or ", "&", "•", "|", ";" — but keep "City, ST" and "City, Country" together. */
function splitPlaces(s: string): string[] {
  const pieces = s.split(/[|•·;/&+]|\s[-–—]\s|\bor\b|\band\b/i).map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (const p of pieces) {
    if (parsePlace(p.replace(PATTERNS.fillers, ' '))) { out.push(p); continue; }
    // "Spain, UK" or "TX, NC, CO": a comma list of countries/states.
    const commas = p.split(',').map((x) => x.trim()).filter(Boolean);
    if (commas.length > 1 && commas.every((c) => normaliseRegion(c.replace(PATTERNS.fillers, ' ')) || US_STATES[c])) {
      for (const c of commas) out.push(US_STATES[c] ? `${US_STATES[c]}` : c);
    } else out.push(p);
  }
  return out;
}

/**
 * A place as written in a correction ("Toronto, ON, Canada", "remote - us") in the one normal form extraction
 * writes ("Toronto, Canada", "Remote, US"); kept as written when it names no place we know.
 */
export function normalisePlace(place: string): string {
  const found = placesIn(place);
  return found.length === 1 ? found[0]! : place.trim();
}

/**
 * Find the locations a posting is for.
 * @param text cleaned posting text
 * @returns normalised locations (in the order found, no repeats) and the spans they came from
 */
export function extractLocations(text: string): { locations: string[]; evidence: string[] } {
  const own = text;
  const locations: string[] = [];
  const evidence: string[] = [];
  const take = (places: readonly string[], span: string) => {
    let used = false;
    for (const p of places) if (!locations.includes(p)) { locations.push(p); used = true; }
    if (used && !evidence.includes(span)) evidence.push(span);
  };

  // 1. The header line ("Acme | Role | Boston or Remote (US)", "Ramp · New York, NY · Hybrid"): its place fields.
  const header = topHeaderLines(own)[0];
  if (header) {
    for (const field of header.fields) {
      if (field.length > 80 || PATTERNS.notPlaceField.test(field)) continue;
      take(placesIn(field), field);
    }
  }

  // 2. A line near the top that is only a place, as job boards print it under the title ("New York, NY",
  // "London, UK", "Remote - Canada").
  for (const line of topLines(own, PLACE_LINE_TOP)) {
    if (line.length <= 60 && PATTERNS.placeLine.test(line)) take(placesIn(line), line);
  }

  // 3. "Location:" fields, or a "Location" heading; the value may be on the next non-empty line.
  const lines = own.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = PATTERNS.locationField.exec(lines[i]!);
    if (!m) continue;
    let value = (m[1] ?? '').trim();
    if (!value) {
      let j = i + 1;
      while (j < lines.length && !lines[j]!.trim()) j++;
      value = (lines[j] ?? '').trim();
    }
    if (value && value.length <= 120) take(placesIn(value), value);
  }

  // 4. Short lines that are only places ("San Francisco, CA, US • Remote, US").
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.length > 100 || !/[•|·]/.test(line)) continue;
    const segs = line.split(/\s*[•|·]\s*/).filter(Boolean);
    const parsed = segs.map((s) => placesIn(s));
    if (parsed.filter((p) => p.length).length * 2 >= segs.length) take(parsed.flat(), line);
  }

  // 5. "US based applicants only" (only texts that say "based" can).
  if (/based/i.test(own)) for (const m of own.matchAll(PATTERNS.basedOnly)) {
    const r = normaliseRegion(m[1]!);
    if (r) take([r], m[0]);
  }
  return { locations, evidence };
}
