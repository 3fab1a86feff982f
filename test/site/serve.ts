/** A tiny static file server for a built dist/ (directory URLs → index.html), for built-site checks and screenshots. */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml',
  '.json': 'application/json', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml', '.wasm': 'application/wasm',
};

/**
 * Serve `root` on 127.0.0.1 at a free port; resolves to the server and its origin.
 * @param base the site's base path (BASE_PATH): a request under it is served from `root` as a host would
 */
export function serve(root: string, base: string = '/'): Promise<{ server: Server; origin: string }> {
  const prefix = base.replace(/\/?$/, '/');
  const server = createServer((req, res) => {
    let url = new URL(req.url ?? '/', 'http://x').pathname;
    if (prefix !== '/' && url.startsWith(prefix)) url = '/' + url.slice(prefix.length);
    const path = normalize(decodeURIComponent(url)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end(existsSync(join(root, '404.html')) ? readFileSync(join(root, '404.html')) : 'not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    ok({ server, origin: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` });
  }));
}
