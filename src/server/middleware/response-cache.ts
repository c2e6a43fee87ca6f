// Middleware factory: a bounded cache of fully materialised GET responses (compressed where the client allows), answered before routing.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { LruCache } from '../cache.js';
import { CODINGS, compress, MIN_COMPRESSED_BODY, variantTag } from '../../compression.js';
import { preferredEncoding } from '../http.js';
import { evaluate, hasPreconditions, KEPT_ON_304, replacement, type Outcome, type Preconditions } from './conditional.js';

export interface ResponseCacheOptions {
  /** Most cached representations. */
  maxEntries: number;
  /** Most bytes of cached bodies in total; a single body may use at most an eighth of it. */
  maxBytes: number;
  /**
   * Request headers that are part of the key. A response whose `Vary` names any other header
   * (or `*`) is never cached. Lower case.
   */
  keyHeaders?: readonly string[];
}

/** One representation, ready to write: body bytes and header objects built once. */
interface Entry {
  body: Uint8Array<ArrayBuffer>;
  /** Every header of the 200, Content-Length included (so no writer has to compute it). */
  headers: Record<string, string>;
  /** The headers a 304 for this representation carries. */
  notModified: Record<string, string>;
  /** `headers` and `notModified` as flat [name, value, …] lists for `ServerResponse.writeHead`. */
  flatHeaders: string[];
  flatNotModified: string[];
  etag: string | null;
  lastModified: string | null;
}

export interface ResponseCache {
  /** Outermost middleware: answers hits, and stores cacheable 200 answers to GET requests. */
  middleware: MiddlewareHandler;
  /**
   * Answers a GET from the cache synchronously, or returns undefined. Put it in front of
   * `app.fetch` so a hit skips routing and middleware entirely (and @hono/node-server can write
   * the Buffer body and the plain header object directly).
   */
  match(req: Request, incoming?: { headers: IncomingHttpHeaders }): Response | undefined;
  /**
   * The Node fast path: writes a hit (200 or 304) straight to `res` and returns true, without
   * building a Request or a Response; returns false (having written nothing) on a miss, or for
   * anything but a GET with an origin-form target (`/…`) and a Host @hono/node-server takes as it
   * is. The key is the raw target; on a miss the middleware stores the answer under that key.
   * Same bytes as `match()` answered through @hono/node-server (apart from the Date header).
   */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Whether `serve()` looked `req` up and missed: then `send()` may answer it. */
  missed(req: IncomingMessage): boolean;
  /**
   * For a Node handler that answers a request `serve()` missed without Hono (the SPARQL query
   * path): stores the 200 answer under the key `serve()` built, compressed and with the same
   * headers as `middleware` would store it (`headers`: lower-case names), and writes it to `res`
   * (200, or 304 when the request's validators match). An answer that may not be stored is
   * written as it is.
   */
  send(req: IncomingMessage, res: ServerResponse, headers: Record<string, string>, body: Uint8Array<ArrayBuffer>): void;
  readonly size: number;
}

const DEFAULT_KEY_HEADERS = ['accept', 'accept-encoding', 'accept-language'];

/** Responses whose body bytes the route already holds (see `withBytes`). */
const knownBytes = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/**
 * Tells the response cache that `res`'s body is exactly `bytes` (which nobody will modify), so
 * storing it needs no read of the body stream and no copy. Returns `res`.
 *
 * @example
 * return withBytes(c.body(bytes, 200, headers), bytes);
 */
export function withBytes(res: Response, bytes: Uint8Array<ArrayBuffer>): Response {
  knownBytes.set(res, bytes);
  return res;
}

/** `/path?query` of an absolute request URL. */
const target = (url: string): string => url.slice(url.indexOf('/', url.indexOf('//') + 2));

// Hosts that @hono/node-server accepts as they are (its buildUrl()); `serve()` leaves any other
// Host to the Hono path, which may refuse it (400).
const VERBATIM_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;

type HeaderOf = (name: string) => string | null | undefined;

/** Whether a 200 answer with these headers may be stored: validators, nothing private, Vary covered by the key. */
function cacheable(status: number, header: (name: string) => string | null | undefined, keyHeaders: readonly string[]): boolean {
  if (status !== 200 || !header('etag') || header('set-cookie') != null) return false;
  if (/no-store|private/i.test(header('cache-control') ?? '')) return false;
  const vary = header('vary');
  if (!vary) return true;
  return vary.split(',').every((name) => keyHeaders.includes(name.trim().toLowerCase()));
}

/** Media types (parameters aside) that compress well: text, and the RDF and JSON/XML syntaxes. */
const COMPRESSIBLE = /^text\/|json|xml|turtle|trig|n-triples|n-quads|javascript|svg|csv/;

/** Whether an identity body with these headers is worth compressing, and may be (no `no-transform`). */
function compressible(headers: Record<string, string>, size: number): boolean {
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    size >= MIN_COMPRESSED_BODY &&
    headers['content-encoding'] === undefined &&
    COMPRESSIBLE.test(type) &&
    !/no-transform/i.test(headers['cache-control'] ?? '')
  );
}

/** A Vary value with `name` added unless already listed. */
function withVary(vary: string | undefined, name: string): string {
  if (!vary) return name;
  const listed = vary.split(',').some((n) => n.trim().toLowerCase() === name.toLowerCase());
  return listed ? vary : `${vary}, ${name}`;
}

/**
 * The body to send for a request with this Accept-Encoding, adjusting `headers` (lower-case
 * names) to match: a compressible body gets `Vary: Accept-Encoding` whatever is chosen, and, if
 * the client prefers br or gzip and the coded body is smaller, `Content-Encoding` and its own
 * ETag. Anything else is returned unchanged.
 */
function negotiateCoding(headers: Record<string, string>, body: Uint8Array<ArrayBuffer>, acceptEncoding: string | null | undefined): Uint8Array<ArrayBuffer> {
  if (!compressible(headers, body.byteLength)) return body;
  headers.vary = withVary(headers.vary, 'Accept-Encoding');
  const coding = preferredEncoding(acceptEncoding ?? undefined, CODINGS);
  if (!coding) return body;
  const coded = compress(body, coding);
  if (coded.byteLength >= body.byteLength) return body;
  headers['content-encoding'] = coding;
  if (headers.etag) headers.etag = variantTag(headers.etag, coding);
  return coded;
}

/** `headers` as a flat [name, value, …] list. */
function flat(headers: Record<string, string>): string[] {
  const list: string[] = [];
  for (const name in headers) list.push(name, headers[name]!);
  return list;
}

/** A response's headers as a plain object with lower-case names, Content-Length left out. */
function headersOf(res: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'content-length') headers[name] = value;
  });
  return headers;
}

/** `headers` with lower-case names in sorted order, as a Response's headers iterate (so both producers store the same entry). */
function sortedHeaders(headers: Record<string, string>): Record<string, string> {
  const named = Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value] as const);
  return Object.fromEntries(named.filter(([name]) => name !== 'content-length').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function entryOf(headers: Record<string, string>, body: Uint8Array<ArrayBuffer>): Entry {
  headers['content-length'] = String(body.byteLength);
  const notModified: Record<string, string> = {};
  for (const name of KEPT_ON_304) if (headers[name] !== undefined) notModified[name] = headers[name];
  return {
    body,
    headers,
    notModified,
    flatHeaders: flat(headers),
    flatNotModified: flat(notModified),
    etag: headers.etag ?? null,
    lastModified: headers['last-modified'] ?? null,
  };
}

/**
 * Creates the cache. The dataset is immutable, so a representation never goes stale while the
 * process lives; the key is the request target (path and query, so `?format=` and `?lang=` are
 * in it) plus the `keyHeaders` values (`Accept`, `Accept-Encoding`, `Accept-Language`). Only GET
 * responses with status 200 and an ETag are stored: never errors, never POST.
 * Conditional requests are answered from the stored validators (304, or 412 for a failed
 * If-Match or If-Unmodified-Since; see conditional.ts).
 *
 * When `Accept-Encoding` is a key header, a stored body of at least 1 KiB with a textual type,
 * no Content-Encoding and no `Cache-Control: no-transform` is compressed once, when stored, to
 * the coding the request prefers (br, else gzip; identity if neither): the entry, and the answer
 * to the request that filled it, is that variant, with its own ETag (`"…-br"`, `"…-gzip"`) and
 * `Accept-Encoding` added to Vary (on the identity variant too). A body too large to store (over
 * an eighth of `maxBytes`) is sent as it is, identity and Vary unchanged: it would otherwise be
 * compressed again on every request. A HEAD request gets the headers of its GET (the middleware
 * looks it up and fills it as that GET; `serve()` and `match()` leave HEAD to it). Hits and fills
 * answer conditional requests against the stored variant. Mount conditional() outside this middleware, not inside:
 * inside, on a miss, it sees only the identity ETag, and a validator that matches that one
 * (If-Modified-Since, or the identity ETag) would get an identity 304 and nothing stored.
 *
 * @example
 * const cache = responseCache({ maxEntries: 2000, maxBytes: 32 << 20 });
 * app.use('*', cache.middleware);
 * serve({ fetch: (req, env) => cache.match(req, env?.incoming) ?? app.fetch(req, env) });
 */
export function responseCache(options: ResponseCacheOptions): ResponseCache {
  const keyHeaders = options.keyHeaders ?? DEFAULT_KEY_HEADERS;
  const maxBody = options.maxBytes / 8;
  // Compressing makes the representation vary by Accept-Encoding: only allowed if the key does.
  const mayCompress = keyHeaders.includes('accept-encoding');
  const entries = new LruCache<Entry>(options.maxEntries, options.maxBytes, (e) => e.body.byteLength + 512);
  /** Requests `serve()` looked up and missed, with their key: `match()` and the middleware need not build it again. */
  const missed = new WeakMap<object, string>();

  const keyOf = (url: string, header: HeaderOf): string => {
    let key = target(url);
    for (const name of keyHeaders) key += `\n${header(name) ?? ''}`;
    return key;
  };

  const preconditionsOf = (header: HeaderOf): Preconditions => ({
    ifMatch: header('if-match'),
    ifNoneMatch: header('if-none-match'),
    ifModifiedSince: header('if-modified-since'),
    ifUnmodifiedSince: header('if-unmodified-since'),
  });

  /** 200, or 304/412 as the request's preconditions say against the stored variant's validators. */
  const outcomeOf = (entry: Entry, pre: Preconditions): Outcome => (hasPreconditions(pre) ? evaluate(pre, entry.etag, entry.lastModified) : 200);

  const answer = (entry: Entry, header: HeaderOf): Response => {
    const pre = preconditionsOf(header);
    const outcome = outcomeOf(entry, pre);
    if (outcome === 200) return new Response(entry.body, { status: 200, headers: entry.headers });
    if (outcome === 304) return new Response(null, { status: 304, headers: entry.notModified });
    const failed = replacement(412, pre, (name) => entry.headers[name]);
    return new Response(failed.body, { status: 412, headers: failed.headers });
  };

  /** The entry for a cacheable 200 answer (compressed as the request allows), stored if it fits. */
  const keep = (key: string, headers: Record<string, string>, body: Uint8Array<ArrayBuffer>, header: HeaderOf): Entry => {
    const fits = body.byteLength <= maxBody;
    const entry = entryOf(headers, fits && mayCompress ? negotiateCoding(headers, body, header('accept-encoding')) : body);
    if (fits) entries.set(key, entry);
    return entry;
  };

  const store = async (c: Context, key: string, header: HeaderOf): Promise<void> => {
    const res = c.res;
    if (!cacheable(res.status, (name) => res.headers.get(name), keyHeaders)) return;
    const body = knownBytes.get(res) ?? new Uint8Array(await res.arrayBuffer());
    const entry = keep(key, headersOf(res), body, header);
    // The body was consumed: answer with the stored variant, exactly as a later hit would (304
    // when the request's validators match that variant).
    c.res = undefined;
    c.res = answer(entry, header);
  };

  /** Writes an entry to a Node response: 200, or 304/412 as the request's preconditions say (the same bytes as `answer`). */
  const write = (entry: Entry, req: IncomingMessage, res: ServerResponse): void => {
    const pre = preconditionsOf((name) => req.headers[name] as string | undefined);
    const outcome = outcomeOf(entry, pre);
    if (outcome === 200) {
      res.writeHead(200, entry.flatHeaders);
      res.end(entry.body);
    } else if (outcome === 304) {
      res.writeHead(304, entry.flatNotModified);
      res.end();
    } else {
      const failed = replacement(412, pre, (name) => entry.headers[name]);
      res.writeHead(412, flat(failed.headers));
      res.end(req.method === 'HEAD' ? undefined : failed.body);
    }
  };

  return {
    get size() {
      return entries.size;
    },
    match(req, incoming) {
      // a Range is answered by byteRanges() in the app, from the entry the middleware finds
      if (req.method !== 'GET' || (incoming && missed.has(incoming)) || req.headers.has('range')) return undefined;
      const header: HeaderOf = incoming ? (name) => incoming.headers[name] as string | undefined : (name) => req.headers.get(name);
      const entry = entries.get(keyOf(req.url, header));
      return entry && answer(entry, header);
    },
    serve(req, res) {
      const url = req.url;
      const headers = req.headers;
      const host = headers.host;
      if (req.method !== 'GET' || url === undefined || host === undefined || !VERBATIM_HOST.test(host) || headers.range !== undefined) return false;
      // The raw request target is the key: the middleware stores a miss under the key built here,
      // so no URL parsing is needed (a target Hono would normalise is just cached as sent; one it
      // refuses never gets an entry).
      if (url.charCodeAt(0) !== 47 /* / */) return false;
      let key = url;
      for (const name of keyHeaders) key += `\n${(headers[name] as string | undefined) ?? ''}`;
      const entry = entries.get(key);
      if (!entry) {
        missed.set(req, key);
        return false;
      }
      write(entry, req, res);
      return true;
    },
    missed: (req) => missed.has(req),
    send(req, res, headers, body) {
      const key = missed.get(req);
      const sorted = sortedHeaders(headers);
      if (key === undefined || req.method !== 'GET' || !cacheable(200, (name) => sorted[name], keyHeaders)) {
        res.writeHead(200, flat({ ...sorted, 'content-length': String(body.byteLength) }));
        res.end(body);
        return;
      }
      write(keep(key, sorted, body, (name) => req.headers[name] as string | undefined), req, res);
    },
    middleware: async (c, next) => {
      // HEAD is looked up and filled as the GET it mirrors (Hono drops the body afterwards), so its
      // headers are the GET's: coding, Vary, ETag and Content-Length included.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
      const header: HeaderOf = (name) => c.req.header(name);
      const incoming = (c.env as { incoming?: object } | undefined)?.incoming;
      const key = (incoming && missed.get(incoming)) ?? keyOf(c.req.url, header);
      const hit = entries.get(key);
      if (hit) return answer(hit, header);
      await next();
      await store(c, key, header);
    },
  };
}
