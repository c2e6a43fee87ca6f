// Turns a worker's serialized result into what crosses to the main thread: UTF-8 bytes (transferred) and their ETag.
import { hash } from 'node:crypto';
import type { MessagePort } from 'node:worker_threads';
import type { Evaluation, QueryOutcome, WorkerReply } from './types.js';

const encoder = new TextEncoder();

/**
 * Encodes the result text once, in the worker, and digests the bytes there (the same strong
 * ETag as `etagOf(text)` in server/http.ts), so the main thread neither copies nor hashes it.
 *
 * @example
 * encodeOutcome({ body: '{"boolean":true}' }).etag // '"…"'
 */
export function encodeOutcome({ body, rows }: Evaluation): QueryOutcome {
  const bytes = encoder.encode(body) as Uint8Array<ArrayBuffer>;
  return { body: bytes, etag: `"${hash('sha1', bytes, 'base64url')}"`, rows };
}

/** Posts a successful reply, transferring the body's buffer instead of cloning it. */
export function postOutcome(port: MessagePort, id: number, evaluation: Evaluation): void {
  const outcome = encodeOutcome(evaluation);
  port.postMessage({ id, ok: true, outcome } satisfies WorkerReply, [outcome.body.buffer]);
}
