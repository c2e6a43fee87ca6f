// Middleware: byte ranges (RFC 9110 §14) of answers whose route says `Accept-Ranges: bytes` (the dumps), so a cut-off download can resume.
import type { MiddlewareHandler } from 'hono';
import { parseHttpDate } from '../http.js';

/** One satisfiable range, first and last byte inclusive. */
export interface ByteRange {
  first: number;
  last: number;
}

/**
 * What a `Range` header asks of a representation of `length` bytes (RFC 9110 §14.1.2): one range,
 * `'unsatisfiable'` (416), or `undefined` when it is to be ignored and the whole answer sent:
 * another unit, a syntax error, or more than one range (§14.2 lets a server ignore any Range; one
 * resumed download asks for one).
 *
 * @example
 * rangeOf('bytes=0-99', 1000) // { first: 0, last: 99 }
 * rangeOf('bytes=-100', 1000) // { first: 900, last: 999 }
 * rangeOf('bytes=1000-', 1000) // 'unsatisfiable'
 * rangeOf('bytes=0-1,5-9', 1000) // undefined
 */
export function rangeOf(header: string, length: number): ByteRange | 'unsatisfiable' | undefined {
  const m = /^\s*bytes\s*=\s*(?:(\d+)-(\d*)|-(\d+))\s*$/i.exec(header);
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const suffix = Number(m[3]);
    return suffix === 0 || length === 0 ? 'unsatisfiable' : { first: Math.max(0, length - suffix), last: length - 1 };
  }
  const first = Number(m[1]);
  const last = m[2] === '' ? Infinity : Number(m[2]);
  if (last < first) return undefined; // invalid (§14.1.1), so ignored
  if (first >= length) return 'unsatisfiable';
  return { first, last: Math.min(last, length - 1) };
}

/**
 * Whether an `If-Range` holds (RFC 9110 §13.1.5): a strong entity tag equal to the ETag, or an
 * HTTP date equal to Last-Modified. If not, the Range is ignored and the whole answer sent.
 */
export function ifRangeHolds(ifRange: string | undefined, etag: string | null, lastModified: string | null): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"')) return etag !== null && value === etag;
  if (value.startsWith('W/')) return false;
  const date = parseHttpDate(value);
  return date !== undefined && lastModified !== null && date === parseHttpDate(lastModified);
}

/**
 * Answers a GET with a `Range` header with 206 and that part of the body, or 416 with
 * `Content-Range: bytes *\/<length>` when no byte of it exists, where the 200 it replaces says
 * `Accept-Ranges: bytes` and the `If-Range`, if any, holds. The range is of the bytes sent, so
 * of the gzip body when the answer is gzip-coded (its ETag says so). Mount it outermost: it
 * slices what the preconditions, the cache and CORS have made, and the cache's Node fast path
 * leaves requests with a Range to it.
 *
 * @example
 * app.use('*', byteRanges());
 */
export function byteRanges(): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('range');
    if (header === undefined || c.req.method !== 'GET') return next();
    await next();
    const res = c.res;
    if (res.status !== 200 || res.headers.get('accept-ranges') !== 'bytes') return;
    if (!ifRangeHolds(c.req.header('if-range'), res.headers.get('etag'), res.headers.get('last-modified'))) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    const range = rangeOf(header, body.byteLength);
    if (range === undefined) return;
    const headers = new Headers(res.headers);
    if (range === 'unsatisfiable') {
      const message = `the range ${JSON.stringify(header)} asks for no byte of this file, which has ${body.byteLength} bytes (the first is byte 0)\n`;
      headers.set('Content-Range', `bytes */${body.byteLength}`);
      headers.set('Content-Type', 'text/plain; charset=utf-8');
      headers.set('Content-Length', String(Buffer.byteLength(message)));
      // not the file, and not to be stored as if it were (RFC 9111 §3.3)
      for (const name of ['content-encoding', 'content-disposition', 'cache-control']) headers.delete(name);
      c.res = undefined;
      c.res = new Response(message, { status: 416, headers });
      return;
    }
    headers.set('Content-Range', `bytes ${range.first}-${range.last}/${body.byteLength}`);
    headers.set('Content-Length', String(range.last - range.first + 1));
    c.res = undefined;
    c.res = new Response(body.subarray(range.first, range.last + 1), { status: 206, headers });
  };
}
