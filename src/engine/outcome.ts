// Turns a worker's serialized result into what crosses to the main thread: UTF-8 bytes, compressed if asked (transferred), and their ETag.
import { hash } from 'node:crypto';
import type { MessagePort } from 'node:worker_threads';
import { compress, MIN_COMPRESSED_BODY, variantTag, type ContentCoding } from '../compression.js';
import type { Evaluation, QueryOutcome, WorkerReply } from './types.js';

const encoder = new TextEncoder();

/**
 * Encodes the result text once, in the worker, and digests the bytes there (the same strong
 * ETag as `etagOf(text)` in server/http.ts); with a `coding`, compresses an answer of at least
 * MIN_COMPRESSED_BODY bytes when that makes it smaller, with the variant's ETag (the same rules
 * and tags as the response cache). The main thread then neither copies, hashes nor compresses.
 *
 * @example
 * encodeOutcome({ body: '{"boolean":true}' }).etag // '"…"'
 */
export function encodeOutcome({ body, rows }: Evaluation, coding?: ContentCoding): QueryOutcome {
  const bytes = encoder.encode(body) as Uint8Array<ArrayBuffer>;
  const etag = `"${hash('sha1', bytes, 'base64url')}"`;
  const compressible = bytes.byteLength >= MIN_COMPRESSED_BODY;
  if (coding && compressible) {
    const coded = compress(bytes, coding);
    if (coded.byteLength < bytes.byteLength) return { body: coded, etag: variantTag(etag, coding), coding, compressible, rows };
  }
  return { body: bytes, etag, compressible, rows };
}

/** Posts a successful reply, transferring the body's buffer instead of cloning it. */
export function postOutcome(port: MessagePort, id: number, evaluation: Evaluation, coding?: ContentCoding): void {
  const outcome = encodeOutcome(evaluation, coding);
  port.postMessage({ id, ok: true, outcome } satisfies WorkerReply, [outcome.body.buffer]);
}
