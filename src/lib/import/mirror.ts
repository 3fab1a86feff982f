/**
 * A static mirror of the job-board APIs on 127.0.0.1, serving recorded responses laid out like the APIs, so the
 * importers' real HTTP client runs against it (`--api http://127.0.0.1:PORT`). Used to import the recordings in
 * ../shared (scripts/mirror.ts) and by the importers' tests.
 *
 * Routes: `/v0/<path>` → `<hn>/v0/<path>` (Hacker News); `/posting-api/job-board/<board>` → `<ashby>/<board>.json`
 * (the board name as it appears in the path, percent-encoding kept, as the recording names its files);
 * `/v1/boards/…` → `<greenhouse>/…` and `/v0/postings/<site>` → `<lever>/<site>.json` for fixtures laid out the same
 * way. Everything is served as `text/plain`, as some mirrors do: clients must parse JSON whatever the Content-Type.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';

/** Folders holding each API's recorded responses (any may be left out). */
export interface MirrorFolders {
  /** Holds `v0/item/<id>.json` and `v0/user/<name>.json`. */
  hn?: string | undefined;
  /** Holds `<board>.json`. */
  ashby?: string | undefined;
  /** Holds `<board>/jobs.json` (the list with content) and `<board>/jobs/<id>.json`. */
  greenhouse?: string | undefined;
  /** Holds `<site>.json`. */
  lever?: string | undefined;
}

/** A hook that may answer a request itself (tests use it for 429s, timeouts and malformed answers); return true when it did. */
export type Intercept = (path: string, res: import('node:http').ServerResponse) => boolean;

/** The file a request path maps to, or null when no route matches. Never leaves the folder it maps into. */
export function mirrorFile(folders: MirrorFolders, rawPath: string): string | null {
  const path = rawPath.split('?')[0]!;
  const inside = (root: string | undefined, rel: string) => {
    if (!root || rel.split('/').some((s) => s === '..' || s === '')) return null;
    const file = normalize(join(root, rel));
    return file.startsWith(normalize(root) + sep) ? file : null;
  };
  let m: RegExpExecArray | null;
  if ((m = /^\/v0\/(item\/\d+\.json|user\/[\w-]+\.json)$/.exec(path))) return inside(folders.hn, `v0/${m[1]}`);
  if ((m = /^\/posting-api\/job-board\/([^/]+)$/.exec(path))) return inside(folders.ashby, `${m[1]}.json`);
  if ((m = /^\/v1\/boards\/([^/]+)\/jobs$/.exec(path))) return inside(folders.greenhouse, `${m[1]}/jobs.json`);
  if ((m = /^\/v1\/boards\/([^/]+)\/jobs\/(\d+)$/.exec(path))) return inside(folders.greenhouse, `${m[1]}/jobs/${m[2]}.json`);
  if ((m = /^\/v0\/postings\/([^/]+)$/.exec(path))) return inside(folders.lever, `${m[1]}.json`);
  return null;
}

/**
 * Start the mirror on 127.0.0.1.
 * @param folders where each API's recordings are
 * @param port the port (0: any free one)
 * @param intercept answers some requests itself (tests)
 * @returns the server and its origin, e.g. `http://127.0.0.1:41234`
 */
export async function startMirror(folders: MirrorFolders, port = 0, intercept?: Intercept): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (intercept?.(path, res)) return;
    const file = mirrorFile(folders, path);
    if (req.method !== 'GET' || !file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { server, origin: `http://127.0.0.1:${actual}` };
}
