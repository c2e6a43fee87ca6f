// Middleware factory: a GET/HEAD whose path is not in RFC 3986 normal form is redirected (301) to the normal form.
import type { MiddlewareHandler } from 'hono';
import { httpError } from '../http.js';
import { normalPath, onThisSite } from '../uri-path.js';

/** A `%` that does not start a percent-encoding (`%` HEXDIG HEXDIG, RFC 3986 §2.1). */
const BROKEN_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/**
 * One canonical URL per resource. A path with a percent-encoded unreserved character (`%2e` for
 * `.`) or lower-case hex digits is the same URI as its normal form (RFC 3986 §6.2.2.2), so it gets
 * 301 to that form (query kept) instead of a duplicate 200: `/lkp/2016/4.4.3%2ettl` →
 * `/lkp/2016/4.4.3.ttl`. Encoded reserved characters are not touched: `%2F` is data, not a
 * segment delimiter, so `/lkp%2F2016%2F4.4.3` reaches the routes as one segment and answers 404.
 * Hono's router decodes paths before matching, so without this a page would answer under every
 * spelling. Only GET and HEAD (a redirected POST would lose its body). A path with a `%` that
 * starts no percent-encoding (`/a%ZZ`) is no URI: 400 for any method.
 *
 * @example
 * app.use('*', canonicalPath());
 */
export function canonicalPath(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const query = url.indexOf('?', start);
    const path = query < 0 ? url.slice(start) : url.slice(start, query);
    if (!path.includes('%')) return next();
    if (BROKEN_ESCAPE.test(path)) throw httpError(400, 'the path has a "%" that is not followed by two hexadecimal digits (RFC 3986 §2.1: write a "%" in a path as %25)');
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const normal = normalPath(path);
    if (normal === path) return next();
    const location = onThisSite(normal) + (query < 0 ? '' : url.slice(query));
    return c.body(`moved permanently to ${location}\n`, 301, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' });
  };
}
