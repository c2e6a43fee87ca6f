// Turns a worker's serialized result into what crosses to the main thread: UTF-8 bytes, compressed if asked (transferred), and their ETag.
import { createHash } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import { compress, MIN_COMPRESSED_BODY, variantTag, type ContentCoding } from '../compression.js';
import { failureReply } from './fault.js';
import { formatByKey } from './formats.js';
import { xmlSafe } from './xml.js';
import type { Evaluation, QueryJob, QueryOutcome, WorkerReply } from './types.js';

const encoder = new TextEncoder();

/**
 * The strong ETag of a query answer: the SHA-1 (base64url) of its media type, a line feed and
 * its UTF-8 bytes. The media type is part of it because two formats can give identical bytes
 * (a CONSTRUCT result as Turtle and as TriG, or as N-Triples and as N-Quads): with a tag of
 * the bytes alone, a client revalidating its Turtle copy while asking for TriG would get a 304
 * and keep Turtle under a TriG request. Coded variants add `-br`/`-gzip` (see `variantTag`).
 *
 * @example
 * answerTag('text/turtle', bytes) !== answerTag('application/trig', bytes) // true
 */
export function answerTag(mediaType: string, bytes: Uint8Array): string {
  return `"${createHash('sha1').update(`${mediaType}\n`).update(bytes).digest('base64url')}"`;
}

/**
 * Encodes the result text once, in the worker, and digests the bytes there with the media type
 * (`answerTag`); with a `coding`, compresses an answer of at least MIN_COMPRESSED_BODY bytes
 * when that makes it smaller, with the variant's ETag (the same rules and tags as the response
 * cache). The main thread then neither copies, hashes nor compresses.
 *
 * @example
 * encodeOutcome({ body: '{"boolean":true}' }, 'application/sparql-results+json').etag // '"…"'
 */
export function encodeOutcome({ body, rows }: Evaluation, mediaType: string, coding?: ContentCoding): QueryOutcome {
  const bytes = encoder.encode(body) as Uint8Array<ArrayBuffer>;
  const etag = answerTag(mediaType, bytes);
  const compressible = bytes.byteLength >= MIN_COMPRESSED_BODY;
  if (coding && compressible) {
    const coded = compress(bytes, coding);
    if (coded.byteLength < bytes.byteLength) return { body: coded, etag: variantTag(etag, coding), coding, compressible, rows };
  }
  return { body: bytes, etag, compressible, rows };
}

/** Posts a successful reply for `job`, transferring the body's buffer instead of cloning it. */
export function postOutcome(port: MessagePort, id: number, evaluation: Evaluation, job: Pick<QueryJob, 'format' | 'coding'>): void {
  const outcome = encodeOutcome(evaluation, formatByKey(job.format).mediaType, job.coding);
  port.postMessage({ id, ok: true, outcome, memory: engineMemory() } satisfies WorkerReply, [outcome.body.buffer]);
}

/**
 * Answers job `id` in a worker: its evaluation (an XML answer made safe, see `xmlSafe`) or its
 * failure (see `failureReply`; `faultHint` reads the query's text for what the engine is known to
 * fail on), with the worker's engine memory. Both engines' workers end a job here.
 *
 * @example
 * port.on('message', ({ id, job }) => void settle(port, id, job, () => evaluate(store, job), isSyntax));
 */
export async function settle(
  port: MessagePort,
  id: number,
  job: Pick<QueryJob, 'format' | 'coding' | 'query' | 'capped'>,
  evaluate: () => Evaluation | Promise<Evaluation>,
  isSyntax: (message: string) => boolean,
  faultHint?: (query: string) => string | undefined,
): Promise<void> {
  let evaluation: Evaluation;
  try {
    evaluation = xmlSafe(await evaluate(), job.format);
  } catch (e) {
    const reply = failureReply(id, e, isSyntax, job.capped ? undefined : job.query);
    const hint = reply.kind === 'crash' ? faultHint?.(job.query) : undefined;
    const panic = reply.kind === 'crash' ? takePanic() : undefined;
    port.postMessage({ ...reply, ...(hint ? { hint } : {}), ...(panic ? { panic } : {}), memory: engineMemory() } satisfies WorkerReply);
    return;
  }
  postOutcome(port, id, evaluation, job);
}

let lastPanic: string | undefined;

/**
 * Keeps a Rust panic's report from this thread's stderr: Oxigraph's WebAssembly prints it there
 * (location, message, then a JavaScript stack of its glue code) before it traps, with no time
 * and no query. Its first lines are kept instead, and `settle` hands them with the crash to the
 * pool, which logs them on one line with the query (see WorkerPool). Anything else printed
 * passes as before.
 *
 * @example
 * capturePanics(); // then a trap's reply carries panic: 'panicked at lib/spareval/src/dataset.rs:350:27: internal error: entered unreachable code'
 */
export function capturePanics(): void {
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first] = args;
    if (typeof first === 'string' && first.startsWith('panicked at ')) {
      lastPanic = first.split('\n\nStack:')[0]!.replace(/\s*\n\s*/g, ' ').trim();
      return;
    }
    print(...args);
  };
}

/** The panic reported since the last call, if any (see capturePanics). */
function takePanic(): string | undefined {
  const panic = lastPanic;
  lastPanic = undefined;
  return panic;
}

/**
 * This thread's memory outside the JavaScript heap: mostly the engine's WebAssembly memory,
 * which grows with a query's needs and never shrinks. Workers report it with every reply, so the
 * pool can replace one that grew.
 *
 * @example
 * engineMemory() // e.g. 182_321_152 after loading the dataset
 */
export const engineMemory = (): number => getHeapStatistics().external_memory;
