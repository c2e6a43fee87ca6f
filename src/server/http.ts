// Small HTTP helpers shared by the routes: errors with headers, strong ETags, HTTP dates.
import { createHash } from 'node:crypto';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * An HTTPException whose response is a plain-text message (and optional extra headers);
 * `app.onError` sends it as it is.
 *
 * @example
 * throw httpError(503, 'too busy', { 'Retry-After': '1' });
 */
export function httpError(status: ContentfulStatusCode, message: string, headers: Record<string, string> = {}): HTTPException {
  const res = new Response(`${message}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers },
  });
  return new HTTPException(status, { res, message });
}

/** A strong ETag from the representation's bytes. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** RFC 9110 IMF-fixdate, as Last-Modified wants it. */
export const httpDate = (d: Date): string => d.toUTCString();

/** Whether an Accept-Encoding header allows gzip (listed, or via `*`, with q > 0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let star: number | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = q;
    else if (coding === '*') star = q;
  }
  return (gzip ?? star ?? 0) > 0;
}
