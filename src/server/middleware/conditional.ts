// Middleware factory: answers 304 Not Modified when a GET/HEAD response's ETag or Last-Modified validates.
import type { MiddlewareHandler } from 'hono';

/** Headers a 304 keeps (RFC 9110 §15.4.5). */
export const KEPT_ON_304 = ['etag', 'last-modified', 'vary', 'cache-control', 'content-location', 'link', 'access-control-allow-origin'];

function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const weakless = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => weakless(t) === weakless(etag));
}

/**
 * Whether a request's validators match a representation's (If-None-Match wins over
 * If-Modified-Since, RFC 9110 §13.2.2). Pure, so the response cache can use it without a Response.
 *
 * @example
 * isNotModified('"a"', null, '"a"', null) // true
 */
export function isNotModified(ifNoneMatch: string | null | undefined, ifModifiedSince: string | null | undefined, etag: string | null, lastModified: string | null): boolean {
  if (ifNoneMatch != null) return etag !== null && etagMatches(ifNoneMatch, etag);
  if (ifModifiedSince == null || lastModified === null) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && Date.parse(lastModified) <= since;
}

/**
 * Converts 200 responses to 304 when the request's validators match (If-None-Match wins over
 * If-Modified-Since). Routes set ETag/Last-Modified; this only compares them.
 *
 * @example
 * app.use('*', conditional());
 */
export function conditional(): MiddlewareHandler {
  return async (c, next) => {
    // Only touch c.res when the request is conditional: reading it takes @hono/node-server off its fast path.
    const inm = c.req.header('if-none-match');
    const ims = c.req.header('if-modified-since');
    if (inm === undefined && ims === undefined) return next();
    await next();
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
    if (!isNotModified(inm, ims, c.res.headers.get('etag'), c.res.headers.get('last-modified'))) return;
    const headers = new Headers();
    for (const name of KEPT_ON_304) {
      const value = c.res.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    c.res = new Response(null, { status: 304, headers });
  };
}
