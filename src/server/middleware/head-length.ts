// Middleware: a HEAD answer says the Content-Length its GET would send, also where the body is made in full by a route.
import type { MiddlewareHandler } from 'hono';

/**
 * Gives a HEAD answer the `Content-Length` of the body the same GET would send (RFC 9110 §9.3.2:
 * HEAD answers with the header fields of GET), where the route did not set one: @hono/node-server
 * counts a GET's fixed body itself, but Hono answers HEAD with no body at all, so answers built
 * in full (robots.txt, errors, redirects) lost the length. The body read here is dropped anyway.
 *
 * @example
 * app.use('*', headLength());
 */
export function headLength(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // 204 never carries one, and a 304's would have to be its 200's (RFC 9110 §8.6).
    if (c.req.method !== 'HEAD' || c.res.headers.has('content-length') || c.res.status === 204 || c.res.status === 304) return;
    const bytes = c.res.body ? (await c.res.arrayBuffer()).byteLength : 0;
    c.res.headers.set('Content-Length', String(bytes));
  };
}
