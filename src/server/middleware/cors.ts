// Middleware factory: CORS for a public read-only service (`*`), cheap on the hot path.
import type { MiddlewareHandler } from 'hono';

export interface CorsOptions {
  /** Response headers scripts may read (beyond the CORS-safelisted ones). */
  exposeHeaders?: string[];
  /** Seconds a browser may cache a preflight answer. */
  maxAge?: number;
  /** More headers for every answer except a preflight's (one middleware instead of two). */
  headers?: Record<string, string>;
}

/**
 * Sets `Access-Control-Allow-Origin: *` with `c.header()` before the handler runs, so the
 * response object is never materialized just to add headers (Hono's cors() reads `c.res`,
 * which makes @hono/node-server leave its fast path); answers preflight requests with 204.
 *
 * @example
 * app.use('*', cors({ exposeHeaders: ['ETag'] }));
 */
export function cors(options: CorsOptions = {}): MiddlewareHandler {
  const expose = (options.exposeHeaders ?? []).join(', ');
  const maxAge = String(options.maxAge ?? 86_400);
  const more = Object.entries(options.headers ?? {});
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, HEAD, POST, OPTIONS',
        'Access-Control-Allow-Headers': c.req.header('access-control-request-headers') ?? 'Content-Type, Accept',
        'Access-Control-Max-Age': maxAge,
      });
    }
    c.header('Access-Control-Allow-Origin', '*');
    if (expose) c.header('Access-Control-Expose-Headers', expose);
    for (const [name, value] of more) c.header(name, value);
    await next();
  };
}
