// Turns an exception from a query evaluation into a worker reply, telling apart query errors and engine faults (which need a fresh worker).
import { readableSyntaxError } from './syntax-message.js';
import { EngineError, type WorkerReply } from './types.js';

/**
 * Whether an exception may have left the worker unusable. A WebAssembly trap (RuntimeError:
 * "memory access out of bounds" when Oxigraph's recursive parser overflows its shadow stack,
 * "unreachable" on a Rust panic) or a stack overflow (RangeError) unwinds through WASM frames
 * without restoring the instance's stack pointer or releasing its borrows: every later call on
 * that instance may then fail the same way. Query errors that Oxigraph or Comunica report are
 * plain `Error`s, returned normally, and leave nothing behind.
 *
 * @example
 * isEngineFault(new WebAssembly.RuntimeError('memory access out of bounds')) // true
 * isEngineFault(new Error('error at 1:8: expected …')) // false
 */
export function isEngineFault(e: unknown): boolean {
  return e instanceof WebAssembly.RuntimeError || e instanceof RangeError;
}

/**
 * Whether JavaScript refused to make a string or buffer as long as the answer: Comunica's worker
 * builds its answer as one string, and V8 caps a string at about 2^29 characters. The answer is
 * too large; the worker is fine (no WebAssembly frame was unwound), so this is no engine fault.
 *
 * @example
 * isTooLarge(new RangeError('Invalid string length')) // true
 * isTooLarge(new RangeError('Maximum call stack size exceeded')) // false
 */
export function isTooLarge(e: unknown): boolean {
  return e instanceof RangeError && /^(Invalid string length|Array buffer allocation failed|Invalid typed array length)/.test(e.message);
}

/**
 * The reply for a failed job: an EngineError keeps its kind, an answer too large to build becomes
 * 'rows' (like one over the row limit, the client's to narrow), an engine fault becomes 'crash'
 * (the pool then replaces the worker), a message `isSyntax` recognises becomes 'syntax', and
 * anything else 'query'. A syntax error's message is rewritten for people here, in the worker,
 * against the `query` the engine read (see readableSyntaxError): a second parser reads it, so a
 * long query's cost stays off the main thread and within the query's timeout. Without a `query`
 * (a capped text, see withRowCap, whose syntax error the service asks again of the client's own
 * text) the message is left as it is.
 *
 * @example
 * failureReply(7, new Error('error at 1:29: expected OPTIONAL'), isSyntax, 'SELECT * { ?s ?p ?o ?x ?y ?z }')
 * // { id: 7, ok: false, kind: 'syntax', message: 'error at 1:21: expected "}" but found "?x" (is a "." missing before it?)' }
 */
export function failureReply(id: number, e: unknown, isSyntax: (message: string) => boolean, query: string | undefined): Extract<WorkerReply, { ok: false }> {
  const readable = (message: string) => (query === undefined ? message : readableSyntaxError(message, query));
  if (e instanceof EngineError) return { id, ok: false, kind: e.kind, message: e.kind === 'syntax' ? readable(e.message) : e.message };
  const message = e instanceof Error ? e.message : String(e);
  if (isTooLarge(e)) return { id, ok: false, kind: 'rows', message: `the answer is too large to build (${message}): ask for less, with a LIMIT or without the longest values` };
  if (isEngineFault(e)) return { id, ok: false, kind: 'crash', message: `${(e as Error).name}: ${message}` };
  if (isSyntax(message)) return { id, ok: false, kind: 'syntax', message: readable(message) };
  return { id, ok: false, kind: 'query', message };
}
