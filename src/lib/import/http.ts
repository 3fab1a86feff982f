/**
 * The importers' HTTP client: native fetch with a timeout per request, retries with exponential backoff on 429 and
 * 5xx (and on network errors and timeouts), honouring `Retry-After`, and at most a few requests in flight. JSON is
 * parsed whatever Content-Type the server (or a static mirror) sends.
 */
import pLimit from 'p-limit';
import pRetry, { AbortError } from 'p-retry';

/** Names the project and where to reach it, as API etiquette asks. */
export const USER_AGENT = 'ml-roles-atlas-importer/0.1 (+https://github.com/ml-roles-atlas/ml-roles-atlas)';

/** A request that failed for good: the URL, and why in words a person can act on. */
export class FetchError extends Error {
  readonly url: string;
  readonly reason: string;
  /** The HTTP status, when the server answered. */
  readonly status: number | null;

  constructor(url: string, reason: string, status: number | null = null) {
    super(`${url}: ${reason}`);
    this.url = url;
    this.reason = reason;
    this.status = status;
    this.name = 'FetchError';
  }
}

/** How the client behaves; the defaults suit public job-board APIs. */
export interface ClientOptions {
  /** Milliseconds before one request is given up (default 20 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 4). */
  retries?: number;
  /** First backoff delay in ms, doubled each retry (default 500). */
  minDelayMs?: number;
  /** The longest wait a `Retry-After` may ask for before the client gives up on it (default 60 s). */
  maxRetryAfterMs?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  /** The fetch to use (tests may pass their own). */
  fetch?: typeof fetch;
}

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const s = header.trim();
  if (/^\d+(?:\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const at = Date.parse(s);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

class RetryableError extends Error {
  readonly failure: FetchError;
  readonly waitMs: number | null;

  constructor(failure: FetchError, waitMs: number | null) {
    super(failure.message);
    this.failure = failure;
    this.waitMs = waitMs;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A JSON client bound to a set of options: `getJson(url)` resolves to the parsed body or rejects with a FetchError. */
export interface JsonClient {
  getJson<T = unknown>(url: string): Promise<T>;
}

/**
 * Make a JSON client. A 404 or another 4xx fails at once (it will not get better); 429, 5xx, a timeout or a network
 * error is retried with backoff, waiting at least as long as `Retry-After` says.
 */
export function jsonClient(options: ClientOptions = {}): JsonClient {
  const { timeoutMs = 20_000, retries = 4, minDelayMs = 500, maxRetryAfterMs = 60_000, concurrency = 4 } = options;
  const doFetch = options.fetch ?? fetch;
  const limit = pLimit(concurrency);

  const attempt = async (url: string) => {
    let response: Response;
    let body: string;
    try {
      response = await doFetch(url, {
        headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      const e = error as Error;
      const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      const reason = timedOut ? `no answer within ${timeoutMs / 1000} s` : `network error: ${cause?.code ?? cause?.message ?? e.message}`;
      throw new RetryableError(new FetchError(url, reason), null);
    }
    if (response.status === 429 || response.status >= 500) {
      const wait = retryAfterMs(response.headers.get('retry-after'));
      const failure = new FetchError(url, `HTTP ${response.status} ${response.statusText}`.trim(), response.status);
      if (wait !== null && wait > maxRetryAfterMs) throw new AbortError(failure);
      throw new RetryableError(failure, wait);
    }
    if (!response.ok) {
      const what = response.status === 404 ? 'not found (HTTP 404): check the board or item name' : `HTTP ${response.status} ${response.statusText}`.trim();
      throw new AbortError(new FetchError(url, what, response.status));
    }
    try {
      return JSON.parse(body) as unknown;
    } catch (error) {
      throw new AbortError(new FetchError(url, `the answer is not JSON (${(error as Error).message})`, response.status));
    }
  };

  const getJson = <T>(url: string): Promise<T> =>
    limit(async () => {
      try {
        return (await pRetry(() => attempt(url), {
          retries,
          minTimeout: minDelayMs,
          factor: 2,
          randomize: true,
          onFailedAttempt: async ({ error, retryDelay, retriesLeft }) => {
            // Honour Retry-After: wait out whatever it asks for beyond the backoff p-retry is about to wait.
            if (retriesLeft > 0 && error instanceof RetryableError && error.waitMs !== null && error.waitMs > retryDelay) await sleep(error.waitMs - retryDelay);
          },
        })) as T;
      } catch (error) {
        if (error instanceof RetryableError) throw new FetchError(error.failure.url, `${error.failure.reason} (after ${retries + 1} attempts)`, error.failure.status);
        if (error instanceof FetchError) throw error;
        throw new FetchError(url, (error as Error).message);
      }
    });
  return { getJson };
}

/**
 * A documented endpoint with its origin replaced by `api` (a mirror laid out like the API), path and query unchanged.
 * @param documented the endpoint, e.g. `https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true`
 * @param api an origin such as `http://127.0.0.1:8080`, or undefined for the real one
 */
export function withOrigin(documented: string, api: string | undefined): string {
  if (!api) return documented;
  const base = new URL(api);
  const u = new URL(documented);
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${u.pathname}${u.search}`;
}
