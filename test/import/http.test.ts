import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { FetchError, jsonClient, retryAfterMs, withOrigin } from '../../src/lib/import/http.ts';

// A server on 127.0.0.1 whose answers each test arranges by path.
let server: Server;
let origin = '';
const hits = new Map<string, number>();
const agents: string[] = [];
let inFlight = 0, maxInFlight = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '';
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    agents.push(String(req.headers['user-agent']));
    if (path === '/busy') {
      // 429 with Retry-After, then success.
      if (n === 1) return void res.writeHead(429, { 'Retry-After': '1' }).end();
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('{"ok": true}');
    }
    if (path === '/flaky') {
      if (n < 3) return void res.writeHead(503).end('down');
      return void res.writeHead(200).end('[1,2]');
    }
    if (path === '/slow') return void setTimeout(() => res.writeHead(200).end('{}'), 2_000);
    if (path === '/broken') return void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"jobs": [');
    if (path === '/gone') return void res.writeHead(404).end('no such board');
    if (path.startsWith('/many/')) {
      inFlight++; maxInFlight = Math.max(maxInFlight, inFlight);
      return void setTimeout(() => { inFlight--; res.writeHead(200).end('1'); }, 30);
    }
    res.writeHead(500).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  origin = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (o = {}) => jsonClient({ minDelayMs: 10, timeoutMs: 500, retries: 3, ...o });

describe('the importers’ HTTP client', () => {
  it('waits out a 429’s Retry-After, then succeeds; parses JSON served as text/html; names the project', async () => {
    const started = Date.now();
    expect(await client().getJson(`${origin}/busy`)).toEqual({ ok: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(hits.get('/busy')).toBe(2);
    expect(agents.every((a) => /ml-roles-atlas/.test(a))).toBe(true);
  });

  it('retries 5xx with backoff until it succeeds', async () => {
    expect(await client().getJson(`${origin}/flaky`)).toEqual([1, 2]);
    expect(hits.get('/flaky')).toBe(3);
  });

  it('gives up on a server that does not answer in time, saying so and how often it tried', async () => {
    const e = await client({ timeoutMs: 150, retries: 1 }).getJson(`${origin}/slow`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(FetchError);
    expect((e as FetchError).message).toMatch(/\/slow: no answer within 0\.15 s \(after 2 attempts\)/);
  });

  it('reports an answer that is not JSON, once, without retrying', async () => {
    const e = await client().getJson(`${origin}/broken`).catch((x: unknown) => x);
    expect((e as FetchError).message).toMatch(/\/broken: the answer is not JSON/);
    expect(hits.get('/broken')).toBe(1);
  });

  it('fails at once on a 404 (an unknown board), naming the URL', async () => {
    const e = await client().getJson(`${origin}/gone`).catch((x: unknown) => x);
    expect((e as FetchError).status).toBe(404);
    expect((e as FetchError).message).toMatch(/\/gone: not found \(HTTP 404\)/);
    expect(hits.get('/gone')).toBe(1);
  });

  it('keeps at most a few requests in flight', async () => {
    const c = client({ concurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => c.getJson(`${origin}/many/${i}`)));
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('reads Retry-After in seconds or as a date, and swaps an origin keeping path and query', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(withOrigin('https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true', 'http://127.0.0.1:9')).toBe('http://127.0.0.1:9/posting-api/job-board/acme?includeCompensation=true');
    expect(withOrigin('https://api.lever.co/v0/postings/x?mode=json', undefined)).toBe('https://api.lever.co/v0/postings/x?mode=json');
  });
});
