// Middleware factory: answers 304 Not Modified when a GET/HEAD response's ETag or Last-Modified validates.
import type { MiddlewareHandler } from 'hono';

/** Headers a 304 keeps (RFC 9110 §15.4.5). */
const KEPT = ['etag', 'last-modified', 'vary', 'cache-control', 'content-location', 'link', 'access-control-allow-origin'];

function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const weakless = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => weakless(t) === weakless(etag));
}

function notModified(req: Request, res: Response): boolean {
  const etag = res.headers.get('etag');
  const inm = req.headers.get('if-none-match');
  if (inm !== null) return etag !== null && etagMatches(inm, etag);
  const ims = req.headers.get('if-modified-since');
  const lm = res.headers.get('last-modified');
  if (ims === null || lm === null) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && Date.parse(lm) <= since;
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
    if (!c.req.header('if-none-match') && !c.req.header('if-modified-since')) return next();
    await next();
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
    if (!notModified(c.req.raw, c.res)) return;
    const headers = new Headers();
    for (const name of KEPT) {
      const value = c.res.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    c.res = new Response(null, { status: 304, headers });
  };
}
