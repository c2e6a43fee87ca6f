// Middleware factory: evaluates a request's preconditions against the response's validators (RFC 9110 §13): 412, 304 or the 200.
import type { MiddlewareHandler } from 'hono';
import { parseHttpDate } from '../http.js';

/** Headers a 304 keeps (RFC 9110 §15.4.5), and the CORS ones, so a script on another origin can read its ETag. */
export const KEPT_ON_304 = ['etag', 'last-modified', 'vary', 'cache-control', 'content-location', 'link', 'access-control-allow-origin', 'access-control-expose-headers'];

/** Headers a 412 keeps from the 200 it replaces: the current validators, so the client can see what changed, and CORS. */
const KEPT_ON_412 = ['etag', 'last-modified', 'vary', 'access-control-allow-origin', 'access-control-expose-headers', 'x-content-type-options'];

/** The precondition headers of a request (RFC 9110 §13.1), as sent; absent ones undefined or null. */
export interface Preconditions {
  ifMatch?: string | null;
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
  ifUnmodifiedSince?: string | null;
}

/** What evaluating the preconditions of a GET/HEAD against a 200 gives. */
export type Outcome = 200 | 304 | 412;

const opaque = (t: string) => t.trim().replace(/^W\//, '');

/** If-None-Match: weak comparison (RFC 9110 §8.8.3.2). */
function weakMatch(list: string, etag: string): boolean {
  return list.trim() === '*' || list.split(',').some((t) => opaque(t) === opaque(etag));
}

/** If-Match: strong comparison, so a weak tag on either side never matches; `*` matches any current representation. */
function strongMatch(list: string, etag: string | null): boolean {
  if (list.trim() === '*') return true;
  if (etag === null || etag.startsWith('W/')) return false;
  return list.split(',').some((t) => t.trim() === etag);
}

/** Whether `lastModified` is later than the HTTP date `since`; undefined if either is missing or not a date. */
function modifiedSince(since: string | null | undefined, lastModified: string | null): boolean | undefined {
  if (since == null || lastModified === null) return undefined;
  const [date, modified] = [parseHttpDate(since), parseHttpDate(lastModified)];
  return date === undefined || modified === undefined ? undefined : modified > date;
}

/**
 * Evaluates a request's preconditions against the validators of the 200 it would get, in RFC
 * 9110 §13.2.2 order: If-Match (412 unless it matches; `*` matches), else If-Unmodified-Since
 * (412 if modified since; ignored without Last-Modified or with a bad date), then If-None-Match
 * (if it matches: 304 for GET and HEAD, 412 for any other method, §13.1.2), else, for GET and
 * HEAD only (§13.1.3), If-Modified-Since (304 unless modified since). Pure, so the response
 * cache answers its hits the same way without a Response.
 *
 * @example
 * evaluate({ ifMatch: '"b"', ifNoneMatch: '"a"' }, '"a"', null) // 412
 * evaluate({ ifNoneMatch: '"a"' }, '"a"', null) // 304
 * evaluate({ ifNoneMatch: '"a"' }, '"a"', null, 'POST') // 412
 */
export function evaluate(pre: Preconditions, etag: string | null, lastModified: string | null, method = 'GET'): Outcome {
  const read = method === 'GET' || method === 'HEAD';
  if (pre.ifMatch != null) {
    if (!strongMatch(pre.ifMatch, etag)) return 412;
  } else if (modifiedSince(pre.ifUnmodifiedSince, lastModified) === true) return 412;
  if (pre.ifNoneMatch != null) return etag !== null && weakMatch(pre.ifNoneMatch, etag) ? (read ? 304 : 412) : 200;
  return read && modifiedSince(pre.ifModifiedSince, lastModified) === false ? 304 : 200;
}

/** Whether a request carries any precondition header. */
export const hasPreconditions = (pre: Preconditions): boolean =>
  pre.ifMatch != null || pre.ifNoneMatch != null || pre.ifModifiedSince != null || pre.ifUnmodifiedSince != null;

/** The body of a 412: which precondition failed (If-None-Match only fails so on methods other than GET and HEAD). */
function preconditionFailed(pre: Preconditions, etag: string | null | undefined, lastModified: string | null | undefined): string {
  if (pre.ifMatch != null && !strongMatch(pre.ifMatch, etag ?? null)) return 'precondition failed: If-Match does not match the current ETag\n';
  if (pre.ifMatch == null && modifiedSince(pre.ifUnmodifiedSince, lastModified ?? null) === true) return 'precondition failed: Last-Modified is later than If-Unmodified-Since\n';
  return 'precondition failed: If-None-Match matches the current ETag (only GET and HEAD are answered with 304 Not Modified)\n';
}

/**
 * The status, headers (lower-case names, sorted, Content-Length included) and body of the answer
 * that replaces a 200 with these headers when its preconditions give 304 or 412, so the
 * middleware and the response cache's Node writer send the same bytes.
 */
export function replacement(outcome: 304 | 412, pre: Preconditions, header: (name: string) => string | null | undefined): { headers: Record<string, string>; body: string } {
  const headers: Record<string, string> = {};
  const body = outcome === 412 ? preconditionFailed(pre, header('etag'), header('last-modified')) : '';
  if (outcome === 412) {
    headers['content-type'] = 'text/plain; charset=utf-8';
    headers['content-length'] = String(Buffer.byteLength(body));
  }
  for (const name of outcome === 304 ? KEPT_ON_304 : KEPT_ON_412) {
    const value = header(name);
    if (value != null) headers[name] = value;
  }
  return { headers: Object.fromEntries(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), body };
}

/**
 * Replaces 200 answers with 412 or 304 as the request's preconditions say (see `evaluate`).
 * Routes set ETag/Last-Modified; this only compares them. Any other status is left alone (RFC
 * 9110 §13.2.1: preconditions are ignored when the answer would not be 2xx). A POST query's
 * answer is its selected representation: a client that already holds it (If-None-Match) gets
 * 412, since a POST cannot be answered 304; evaluating after the query is harmless, as queries
 * change nothing.
 *
 * @example
 * app.use('*', conditional());
 */
export function conditional(): MiddlewareHandler {
  return async (c, next) => {
    // Only touch c.res when the request is conditional: reading it takes @hono/node-server off its fast path.
    const pre: Preconditions = {
      ifMatch: c.req.header('if-match'),
      ifNoneMatch: c.req.header('if-none-match'),
      ifModifiedSince: c.req.header('if-modified-since'),
      ifUnmodifiedSince: c.req.header('if-unmodified-since'),
    };
    if (!hasPreconditions(pre)) return next();
    await next();
    if (c.res.status !== 200) return;
    const outcome = evaluate(pre, c.res.headers.get('etag'), c.res.headers.get('last-modified'), c.req.method);
    if (outcome === 200) return;
    const { headers, body } = replacement(outcome, pre, (name) => c.res.headers.get(name));
    c.res = undefined;
    c.res = new Response(outcome === 304 ? null : body, { status: outcome, headers });
  };
}
