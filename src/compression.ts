// Content codings the server produces (br, gzip): when a body is worth compressing, how, and the coded variant's ETag.
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** The content codings this server can produce. */
export type ContentCoding = 'br' | 'gzip';

/** Codings offered to clients, in the server's order of preference (br is smaller at a similar cost). */
export const CODINGS: readonly ContentCoding[] = ['br', 'gzip'];

/** Smaller bodies are sent as they are: the saving would not pay for the header and the CPU. */
export const MIN_COMPRESSED_BODY = 1024;

/**
 * `body` in `coding`: brotli at quality 5, or gzip at level 6 (fast enough to run once per stored
 * representation or query answer), as an exact-size copy (a small zlib result may be a view into
 * Node's shared buffer pool).
 *
 * @example
 * compress(new TextEncoder().encode('x'.repeat(4096)), 'br').byteLength // a few bytes
 */
export function compress(body: Uint8Array, coding: ContentCoding): Uint8Array<ArrayBuffer> {
  const coded =
    coding === 'br'
      ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.byteLength } })
      : gzipSync(body, { level: 6 });
  return new Uint8Array(coded);
}

/**
 * A coded variant's strong ETag: the identity tag suffixed inside its quotes.
 *
 * @example
 * variantTag('W/"a"', 'br') // 'W/"a-br"'
 */
export const variantTag = (etag: string, coding: ContentCoding): string =>
  etag.endsWith('"') ? `${etag.slice(0, -1)}-${coding}"` : `${etag}-${coding}`;
