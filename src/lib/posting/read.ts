import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parseDocument, isMap, isScalar, type Document } from 'yaml';
import { VFile } from 'vfile';
import type { Root } from 'mdast';
import type { Point } from 'unist';
import { frontMatterSchema, type FrontMatter } from './schema.ts';

/** A posting file read and validated; `frontMatter` is null when it had errors (see `file.messages`). */
export interface PostingFile {
  /** The file, carrying every message (errors are `fatal: true`). */
  file: VFile;
  frontMatter: FrontMatter | null;
  /** The posting text exactly as pasted, after the front matter. */
  body: string;
  /** 1-based line where the body starts in the file. */
  bodyLine: number;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Record an error on the file, with a rule id in the `source:rule` form vfile-reporter prints. */
export function fail(file: VFile, reason: string, place: Point | undefined, rule: string): void {
  note(file, reason, place, rule, 'atlas', true);
}

/**
 * Add a message to a file. vfile's messages are Errors, and V8 records where each Error was made, which vfile-message
 * then drops (its `stack` is empty): for the repost warnings of a large collection that was most of a message's cost.
 */
export function note(file: VFile, reason: string, place: Point | undefined, rule: string | undefined, source: string | undefined, fatal: boolean): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    file.message(reason, { place, ruleId: rule, source }).fatal = fatal;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * Read a posting: split off the YAML front matter ({@link splitFrontMatter}: remark-frontmatter's grammar, with
 * positions), parse it with `yaml` (whose errors carry line and column; a plain mapping is read directly, see
 * {@link plainMapping}) and validate it with the zod schema.
 * Text that does not start with `---` is a plain-text posting: no front matter, all body.
 * @param value the file's contents
 * @param path the file's path, for messages
 * @param requireFrontMatter when true (files under content/), a missing front matter is an error
 */
export function readPosting(value: string, path: string, requireFrontMatter = true): PostingFile {
  const file = new VFile({ path, value });
  const split = splitFrontMatter(value);
  if (!split) {
    if (requireFrontMatter) {
      fail(file, 'missing front matter: a posting file starts with a `---` block holding at least `title` and `company`', { line: 1, column: 1 }, 'front-matter');
    }
    return { file, frontMatter: null, body: value, bodyLine: 1 };
  }
  const frontMatter = parseFrontMatter(file, split.yaml, split.yamlLine);
  return { file, frontMatter, body: value.slice(split.bodyStart), bodyLine: split.bodyLine };
}

/** Where a file's front matter is: its YAML, the YAML's first line, and where the body starts (offset and line). */
export interface FrontMatterSplit {
  yaml: string;
  yamlLine: number;
  bodyStart: number;
  bodyLine: number;
}

/** The plain form of a front matter: `---`, the YAML's lines, `---`, each line ended by LF and nothing else. */
const PLAIN_HEAD = /^---\n(?:[^\r\0]*\n)?---\n$/;

/**
 * Split off a file's front matter as remark-frontmatter does (micromark-extension-frontmatter's grammar: a `---`
 * fence on the first line, the YAML's lines, the first `---` fence line after it; spaces or tabs may follow a fence;
 * any line ending), or null when it has none.
 *
 * The plain form ({@link PLAIN_HEAD}: LF line endings, bare fences, no NUL, which micromark would replace) is split
 * here, where the answer is plain to see; anything else is parsed by remark. Both give the same split (a test checks
 * them against each other on generated heads and on every posting file): remark's set-up on each call cost 0.7 s of a
 * 5 s data step on 10,000 files, and nearly every file is in the plain form.
 * @param viaRemark parse with remark whatever the form (for that test)
 */
export function splitFrontMatter(value: string, viaRemark = false): FrontMatterSplit | null {
  // The body is not Markdown: remark sees only the front matter block (same positions), not a 100 KB posting.
  const head = frontMatterHead(value);
  if (!head) return null;
  if (!viaRemark && PLAIN_HEAD.test(head)) {
    // The YAML is what lies between the fences' lines; the body starts after the closing fence's line.
    let lines = 0;
    for (let i = head.indexOf('\n'); i !== -1; i = head.indexOf('\n', i + 1)) lines++;
    return { yaml: head.slice(4, Math.max(4, head.length - 5)), yamlLine: 2, bodyStart: head.length, bodyLine: lines + 1 };
  }
  const tree = parser.parse(head) as Root;
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (!yamlNode?.position) return null;
  const end = yamlNode.position.end;
  // The body starts after the closing `---` and its line break.
  let bodyStart = end.offset ?? value.length;
  if (value[bodyStart] === '\r') bodyStart++;
  if (value[bodyStart] === '\n') bodyStart++;
  // The YAML starts on the line after the opening `---`.
  return { yaml: yamlNode.value, yamlLine: yamlNode.position.start.line + 1, bodyStart, bodyLine: end.line + 1 };
}

/**
 * The part of a file remark-frontmatter needs: the opening `---` line through the closing fence's line. A file that
 * does not open with a fence has no front matter at all (an empty head); one whose fence never closes is given whole.
 */
export function frontMatterHead(value: string): string {
  if (!/^---[ \t]*\r?\n/.test(value)) return '';
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/g;
  close.lastIndex = 3;
  const m = close.exec(value);
  return m ? value.slice(0, m.index + m[0].length) : value;
}

/**
 * A line of the plain mapping: a lowercase key, `: `, and a value in one of two forms whose text is the value itself:
 * plain (opening with a letter or digit) or double-quoted without escapes. Neither holds a character that YAML
 * treats specially anywhere in a line (control characters, line separators, a byte-order mark).
 */
const PLAIN_LINE = /^([a-z][a-z0-9_]*): (?:([A-Za-z0-9][^\0-\x1f\x7f-\x9f\u2028\u2029\ufeff]*)|"([^"\\\0-\x1f\x7f-\x9f\u2028\u2029\ufeff]*)")$/;
/** What a plain value may not hold: a comment (" #"), a mapping (": ", or a colon at its end), blanks at its end. */
const PLAIN_HAZARD = / #|: |:$|\s$/;
/** Plain values YAML's core schema reads as something other than text: booleans, null, numbers (yaml's own tests). */
const NOT_TEXT = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/**
 * The front matter as `yaml` reads it, when it is a plain mapping: every line a distinct lowercase key (no word YAML
 * reads as null or a boolean) and a text value in a form whose text is plain to see ({@link PLAIN_LINE}); null for
 * anything else (lists, nesting, comments, blank lines, other quoting, values YAML reads as numbers or booleans),
 * which `yaml` reads instead. Most heads are plain, and `yaml` takes about 40 µs a head (a test compares the two on
 * generated heads and every posting file).
 */
export function plainMapping(source: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const line of source.split('\n')) {
    const m = PLAIN_LINE.exec(line);
    if (!m || seen.has(m[1]!) || NOT_TEXT.test(m[1]!)) return null;
    const plain = m[2];
    if (plain !== undefined && (PLAIN_HAZARD.test(plain) || NOT_TEXT.test(plain))) return null;
    seen.add(m[1]!);
    out[m[1]!] = plain ?? m[3]!;
  }
  return out;
}

function parseFrontMatter(file: VFile, source: string, firstLine: number): FrontMatter | null {
  // A plain mapping that passes the schema needs nothing else; any problem is found and placed through `yaml`.
  const plain = plainMapping(source);
  const quick = plain && frontMatterSchema.safeParse(plain, { reportInput: true });
  if (quick?.success) return quick.data;
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const pos = error.linePos?.[0];
      const place = pos ? { line: firstLine + pos.line - 1, column: pos.col } : { line: firstLine, column: 1 };
      fail(file, `malformed YAML in front matter: ${yamlReason(error.message)}`, place, 'yaml');
    }
    return null;
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail(file, 'front matter must be a YAML mapping of `key: value` lines', { line: firstLine, column: 1 }, 'front-matter');
    return null;
  }
  const result = frontMatterSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keyPath = issue.path.map(String);
    // An unknown key is located at the key itself, not at the mapping that holds it.
    const at = issue.code === 'unrecognized_keys' ? [...keyPath, issue.keys[0]!] : keyPath;
    const place = locate(doc, source, at, firstLine);
    fail(file, describeIssue(issue, keyPath), place, 'schema');
  }
  return null;
}

/**
 * The `yaml` library's message as a sentence for a contributor: its own "at line 1, column 8:" is dropped (the message
 * already carries the file's line and column), and the usual cause gets a hint.
 */
export function yamlReason(message: string): string {
  const first = message.split('\n')[0]!.replace(/\s*at line \d+, column \d+:?\s*$/, '').replace(/[:\s]+$/, '');
  if (/nested mappings are not allowed in compact mappings|mapping values are not allowed|implicit keys need to be on a single line/i.test(first)) {
    return `${first}: a value that contains a colon must be quoted, e.g. title: "Staff ML Engineer: Search"`;
  }
  if (/map keys must be unique/i.test(first)) return `${first}: a field is written twice; keep one`;
  return first;
}

/** Turn a zod issue into a sentence a contributor can act on, listing allowed values. */
function describeIssue(issue: import('zod').core.$ZodIssue, keyPath: string[]): string {
  const field = keyPath.length ? `\`${keyPath.join('.')}\`` : 'front matter';
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} in ${field}; allowed: ${allowedKeys(keyPath).join(', ')}`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return `${field} is required`;
      if (issue.expected === 'number' && typeof issue.input === 'string') {
        const n = figure(issue.input);
        return `${field} must be a number, not text ${JSON.stringify(issue.input)}${n !== null ? `: write ${n}` : ''}`;
      }
      return `${field} must be ${issue.expected === 'string' ? 'text' : `a ${issue.expected}`}, not ${describeValue(issue.input)}`;
    case 'invalid_union':
      return `${field} must be one of: ${unionHint(keyPath)}`;
    default:
      return `${field} ${issue.message}`;
  }
}

/** The number a contributor meant by "150k", "$150,000" or "1.2M", or null. */
function figure(text: string): number | null {
  const m = /^\s*[$€£]?\s*(\d+(?:[.,]\d+)*)\s*([kKmM])?\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  return Number.isFinite(n) ? Math.round(n * (m[2] ? (/k/i.test(m[2]) ? 1e3 : 1e6) : 1)) : null;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'a mapping' : `${typeof v} ${JSON.stringify(v)}`;
}

function allowedKeys(keyPath: string[]): string[] {
  if (keyPath.length === 0) return Object.keys(frontMatterSchema.shape);
  if (keyPath[0] === 'pay') return ['min', 'max', 'currency', 'period'];
  if (keyPath[0] === 'remote') return ['policy', 'region', 'officeDaysPerYear'];
  return [];
}

function unionHint(keyPath: string[]): string {
  if (keyPath[0] === 'remote') return 'remote, hybrid, onsite, or a mapping with `policy` (and optional `region`, `officeDaysPerYear`)';
  return 'an allowed value';
}

/** Find the line and column of a key in the YAML, falling back to its parent, then to the block's start. */
function locate(doc: Document, source: string, keyPath: string[], firstLine: number): Point {
  for (let depth = keyPath.length; depth > 0; depth--) {
    const node = doc.getIn(keyPath.slice(0, depth), true);
    const parent = depth > 1 ? doc.getIn(keyPath.slice(0, depth - 1), true) : doc.contents;
    let range: [number, number, number] | undefined | null;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === keyPath[depth - 1]);
      if (pair && isScalar(pair.key)) range = pair.key.range;
    }
    range ??= (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return pointAt(source, range[0], firstLine);
  }
  return { line: firstLine, column: 1 };
}

function pointAt(source: string, offset: number, firstLine: number): Point {
  const before = source.slice(0, offset);
  const lines = before.split('\n');
  return { line: firstLine + lines.length - 1, column: (lines.at(-1)?.length ?? 0) + 1 };
}
