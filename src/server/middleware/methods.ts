// Middleware factory: 405 with Allow for methods the read-only service does not support, 501 for methods it does not know, 204 with Allow for a plain OPTIONS.
import type { MiddlewareHandler } from 'hono';
import { SERVER_METHODS } from '../request-target.js';

export interface MethodsOptions {
  /** Paths that also accept POST (the SPARQL endpoint). */
  postPaths?: readonly string[];
}

const READ = ['GET', 'HEAD', 'OPTIONS'];
/**
 * Methods this server knows (RFC 9110 §9, and PATCH) without allowing them everywhere: 405. Any
 * other (WebDAV's PROPFIND, QUERY, PURGE: Node's parser reads many) is one it does not
 * recognise: 501 (§15.6.2). CONNECT never gets here (the Node server answers it 501).
 */
const KNOWN = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH']);

/**
 * Answers a request whose method the target does not support with 405, an `Allow` header and a
 * one-line message, and a plain OPTIONS (one that is not a CORS preflight: mount this inside
 * cors(), which answers those) with 204 and `Allow`. Every path allows GET, HEAD and OPTIONS;
 * `postPaths` allow POST too. The service is read-only, so this holds for paths that do not
 * exist as well: their GET is what answers 404.
 *
 * @example
 * app.use('*', methods({ postPaths: ['/sparql'] }));
 */
export function methods(options: MethodsOptions = {}): MiddlewareHandler {
  const post = new Set(options.postPaths ?? []);
  const readOnly = READ.join(', ');
  const withPost = [...READ.slice(0, 2), 'POST', 'OPTIONS'].join(', ');
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    if (!KNOWN.has(method)) return c.body(`unknown method ${method}; this server implements ${SERVER_METHODS}\n`, 501, { 'Content-Type': 'text/plain; charset=utf-8' });
    const postable = post.has(c.req.path);
    if (method === 'POST' && postable) return next();
    const allow = postable ? withPost : readOnly;
    if (method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
    return c.body(`${method} is not allowed here; allowed: ${allow}\n`, 405, { Allow: allow, 'Content-Type': 'text/plain; charset=utf-8' });
  };
}
