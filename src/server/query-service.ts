// Answers one SPARQL protocol request: pre-checks, local-graph policy, format choice, cache, engine.
import { CODINGS, type ContentCoding } from '../compression.js';
import { analyseQuery, QueryRefusal, withoutDatasetClauses, withRowCap } from '../engine/analyse.js';
import { findFormat, formatsFor, formatsNamed, type QueryForm, type ResultFormat, ALL_FORMATS } from '../engine/formats.js';
import { EngineError, type Engine, type QueryJob } from '../engine/types.js';
import { isAbsoluteIri } from '../engine/iri.js';
import { LruCache } from './cache.js';
import { negotiate } from './conneg.js';
import { clip, formatNotFor, httpError, notAcceptable, preferredEncoding, unknownFormat } from './http.js';
import type { Limits } from './settings.js';
import { readablePrecheckError } from '../engine/syntax-message.js';

/** The protocol parameters of a query request (SPARQL 1.1 Protocol §2.1). */
export interface ProtocolRequest {
  query: string;
  defaultGraphs: string[];
  namedGraphs: string[];
  /**
   * How to learn that the client went away: a signal, made only if the query has to wait for a
   * worker (most never do); a query still waiting is dropped when every client asking for it is gone.
   */
  signal?: () => AbortSignal | undefined;
}

export interface QueryAnswer {
  /** The serialized result, UTF-8, compressed in `coding` if that is set. */
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  etag: string;
  coding?: ContentCoding;
  /** Whether the answer is long enough to be compressed: then it varies by Accept-Encoding. */
  compressible: boolean;
  /** Whether the query calls NOW, RAND, UUID or STRUUID: evaluated for each request, and never stored. */
  volatile?: true;
}

/** Answers a protocol request for a client's Accept, `?format=` and Accept-Encoding. */
export type QueryService = (req: ProtocolRequest, accept: string | undefined, format?: string, acceptEncoding?: string) => Promise<QueryAnswer>;

/** Why ASK has no CSV or TSV answer: W3C defines those formats for SELECT results only. */
const ASK_TABLES = ' (the W3C\'s CSV and TSV result formats are defined for SELECT results only)';

/**
 * Picks the result format from `?format=` (if given: 400 if it names none for this query form,
 * saying so when it is a format of another form) or the Accept header (406 if none fits).
 */
export function chooseFormat(formats: readonly ResultFormat[], accept: string | undefined, format: string | undefined, form: QueryForm): ResultFormat {
  const chosen = format
    ? findFormat(formats, format)
    : findFormat(formats, negotiate(accept, formats.flatMap((f) => [f.mediaType, ...f.aliases])) ?? '');
  if (chosen) return chosen;
  if (format !== undefined) {
    const known = formatsNamed(ALL_FORMATS, format)[0];
    if (!known || formatsNamed(formats, format).length > 1) throw unknownFormat(format, formats);
    throw formatNotFor(format, `${form} answers${form === 'ASK' && (known.key === 'csv' || known.key === 'tsv') ? ASK_TABLES : ''}`, formats);
  }
  const offered = formats.map((f) => f.mediaType).join(', ');
  const why = form === 'ASK' && /csv|tab-separated/i.test(accept ?? '') ? ASK_TABLES : '';
  throw notAcceptable(`cannot answer this ${form} query as ${clip(accept ?? '')}${why}; available: ${offered}`);
}

/**
 * FROM / FROM NAMED and default-graph-uri / named-graph-uri may only name graphs of this
 * dataset: the endpoint never fetches anything, and a silent empty graph would mislead.
 */
function checkGraphs(iris: string[], graphs: Set<string>): void {
  const unknown = iris.filter((iri) => !graphs.has(iri));
  if (unknown.length === 0) return;
  const list = [...graphs].map((g) => `<${g}>`).join(' ');
  // A value that is no absolute IRI (`default-graph-uri=my graph`) is said to be none, rather than written as one.
  const what = isAbsoluteIri(unknown[0]!) ? `<${unknown[0]}> is not a graph of this dataset (nothing is fetched from the web)` : `${JSON.stringify(unknown[0])} is no absolute IRI, so it names no graph (a graph is named by its full IRI)`;
  throw httpError(400, `${what}; named graphs: ${list}`);
}

const REFUSAL_STATUS = { update: 400, service: 400, depth: 400, chain: 400, empty: 400, syntax: 400 } as const;

/** Maps an engine failure to the HTTP error the client sees (a syntax error's message is already rewritten for people, in the worker). */
export function engineHttpError(e: EngineError) {
  switch (e.kind) {
    case 'syntax':
      return httpError(400, `syntax error: ${e.message}`);
    case 'query':
    case 'rows':
      return httpError(400, e.message);
    case 'format':
      return notAcceptable(e.message);
    case 'timeout':
    case 'aborted':
      return httpError(503, e.message);
    case 'memory':
      // Passing: the query using the memory was cancelled and its worker replaced. (A timeout gets no Retry-After: the same query would time out again.)
      return httpError(503, e.message, { 'Retry-After': '5' });
    case 'busy':
    case 'closed':
      // When a worker can be free at the latest (see WorkerPool.secondsToFreeWorker): a fixed 1 s had clients retry against a queue that drains a query per timeout.
      return httpError(503, e.message, { 'Retry-After': String(e.retryAfter ?? 1) });
    case 'unavailable':
      // No query worker runs: a fresh one failed to start, and the next is tried within seconds (when, the pool says).
      return httpError(503, e.message, { 'Retry-After': String(e.retryAfter ?? 5) });
    default:
      return httpError(500, e.message);
  }
}

/**
 * The clients waiting for one evaluation that identical requests in flight share. It is withdrawn
 * (if it still waits for a worker) only when every one of them has gone; their signals are asked
 * for only then, when the engine asks for the evaluation's own (see `Withdrawal`).
 */
interface Waiters {
  clients: Array<() => AbortSignal | undefined>;
  /** Made when the engine has to queue the evaluation: aborted once every client has gone. */
  controller?: AbortController;
  gone: number;
  /** A client that cannot tell when it goes: the evaluation is never withdrawn. */
  kept: boolean;
  /**
   * The listeners `watch` added to the clients' signals, removed once the evaluation is settled
   * (see `settle`). A signal can outlive its request: undici holds the one given to `new Request()`
   * until that Request is collected, and a listener reaches the request through these waiters, so
   * left in place it kept every queued POST query's request and body alive. (The `signal` option
   * of addEventListener does not help: Node files its remover in a WeakMap keyed by the same
   * signal, with the same effect.)
   */
  listening: Array<[AbortSignal, () => void]>;
}

const NO_SIGNAL = (): undefined => undefined;

/** Counts `client` in once the evaluation has a signal of its own. */
function watch(waiters: Waiters, client: () => AbortSignal | undefined): void {
  const signal = client();
  if (!signal) {
    waiters.kept = true;
    return;
  }
  const leave = () => {
    if (++waiters.gone === waiters.clients.length && !waiters.kept) waiters.controller!.abort();
  };
  if (signal.aborted) leave();
  else {
    signal.addEventListener('abort', leave, { once: true });
    waiters.listening.push([signal, leave]);
  }
}

/** Removes the listeners `watch` added: the evaluation is settled, and no client can withdraw it any more. */
function settle(waiters: Waiters): void {
  for (const [signal, leave] of waiters.listening) signal.removeEventListener('abort', leave);
  waiters.listening.length = 0;
}

/** The evaluation's signal, made on the engine's first request for it. */
function signalOf(waiters: Waiters): AbortSignal {
  if (!waiters.controller) {
    waiters.controller = new AbortController();
    for (const client of waiters.clients) watch(waiters, client);
  }
  return waiters.controller.signal;
}

/** One more client waits for the evaluation. */
function join(waiters: Waiters, client: () => AbortSignal | undefined): void {
  waiters.clients.push(client);
  if (waiters.controller) watch(waiters, client);
}

/**
 * Builds the function that answers protocol requests, with a bounded cache of answers and
 * coalescing of identical queries in flight (the dataset is immutable, so both are safe).
 * Relative IRIs in a query without BASE resolve against `base` (the service's own IRI, SPARQL 1.1
 * Protocol §2.3), in the checks of its FROM clauses and in the engine alike.
 *
 * @example
 * const answer = createQueryService(engine, new Set(['https://…/graph/x']), DEFAULT_LIMITS, 'https://…/sparql');
 * const { body, contentType, etag } = await answer({ query: 'ASK {}', defaultGraphs: [], namedGraphs: [] }, 'application/json'); // body: UTF-8 bytes
 */
export function createQueryService(engine: Engine, graphs: Set<string>, limits: Limits, base?: string): QueryService {
  // One answer may use at most an eighth of the budget (as in the response cache), so that a
  // single huge answer cannot push every other one out.
  const maxAnswer = limits.cacheBytes / 8;
  const cache = new LruCache<QueryAnswer>(limits.cacheEntries, limits.cacheBytes, (a) => a.body.byteLength);
  const inFlight = new Map<string, { answer: Promise<QueryAnswer>; waiters: Waiters }>();

  /**
   * Evaluates `job`, or, when it is capped (see withRowCap), its capped text; a syntax error in
   * that is the error of the text the client sent, so that text is evaluated for its message,
   * whose positions and quoted lines are then the client's own.
   */
  const evaluate = async (job: QueryJob, format: ResultFormat, signal: () => AbortSignal, capped?: string): Promise<QueryAnswer> => {
    try {
      // The worker encoded (and compressed) the body and computed its ETag: nothing here copies, hashes or compresses it.
      const { body, etag, coding, compressible } = await engine.query(capped === undefined ? job : { ...job, query: capped, capped: true }, signal);
      return { body, contentType: `${format.mediaType}; charset=utf-8`, etag, compressible, ...(coding ? { coding } : {}) };
    } catch (e) {
      if (capped !== undefined && e instanceof EngineError && e.kind === 'syntax') return evaluate(job, format, signal);
      throw e instanceof EngineError ? engineHttpError(e) : e;
    }
  };

  /** Negotiated formats by query form, `?format=` and Accept (a few distinct values in practice); bounded. */
  const formats = new Map<string, ResultFormat>();
  const formatFor = (form: QueryForm, accept: string | undefined, formatParam: string | undefined): ResultFormat => {
    const key = `${form}\n${formatParam ?? ''}\n${accept ?? '\u0000'}`;
    let format = formats.get(key);
    if (!format) {
      format = chooseFormat(formatsFor(form), accept, formatParam, form); // throws 400 or 406: never memoised
      if (formats.size >= 256) formats.clear();
      formats.set(key, format);
    }
    return format;
  };

  /**
   * The raw request → the key of its answer in `cache`, so a cached repeat skips analysis and
   * negotiation too. It holds keys, never answers: an answer `cache` has dropped is freed, and
   * memory stays within CACHE_BYTES (keys counted) for both maps.
   */
  const byRequest = new LruCache<string>(limits.cacheEntries, limits.cacheBytes, (key) => 2 * key.length);

  const answer = async (...[req, accept, formatParam, acceptEncoding]: Parameters<QueryService>): Promise<{ key: string; result: QueryAnswer }> => {
    let analysis;
    try {
      analysis = analyseQuery(req.query, limits.maxQueryDepth, limits.maxQueryChain, base);
    } catch (e) {
      if (e instanceof QueryRefusal) {
        throw httpError(REFUSAL_STATUS[e.kind], e.kind === 'syntax' ? `syntax error: ${readablePrecheckError(e, req.query)}` : e.message);
      }
      throw e;
    }
    // The protocol's graphs replace the query's FROM / FROM NAMED (SPARQL 1.1 Protocol §2.1.4), so only the
    // graphs in use are checked; the engine gets them as lists, each graph once (a merge is a set).
    const protocolDataset = req.defaultGraphs.length + req.namedGraphs.length > 0;
    const [defaults, named] = protocolDataset ? [req.defaultGraphs, req.namedGraphs] : [analysis.from, analysis.fromNamed];
    checkGraphs([...defaults, ...named], graphs);
    const format = formatFor(analysis.form, accept, formatParam);
    const job: QueryJob = {
      defaultGraphs: [...new Set(defaults)],
      namedGraphs: [...new Set(named)],
      query: analysis.datasetClauses.length > 0 ? withoutDatasetClauses(req.query, analysis.datasetClauses) : req.query,
      form: analysis.form,
      format: format.key,
      maxRows: limits.maxRows,
    };
    const coding = preferredEncoding(acceptEncoding, CODINGS);
    if (coding) job.coding = coding;
    if (base !== undefined) job.base = base;
    const key = JSON.stringify([req.query, format.key, coding ?? '', req.defaultGraphs, req.namedGraphs]);
    // A query calling NOW(), RAND() or UUID() is its own execution at each request: neither kept nor shared.
    const volatile = analysis.volatile === true;
    const hit = volatile ? undefined : cache.get(key);
    if (hit) return { key, result: hit };
    const client = req.signal ?? NO_SIGNAL;
    const shared = volatile ? undefined : inFlight.get(key);
    if (shared) {
      join(shared.waiters, client);
      return { key, result: await shared.answer };
    }
    const waiters: Waiters = { clients: [], gone: 0, kept: false, listening: [] };
    const evaluation = { answer: evaluate(job, format, () => signalOf(waiters), withRowCap(job.query, analysis, job.maxRows)), waiters };
    if (!volatile) inFlight.set(key, evaluation);
    join(waiters, client);
    try {
      const result = await evaluation.answer;
      if (volatile) return { key, result: { ...result, volatile: true } };
      if (result.body.byteLength <= maxAnswer) cache.set(key, result);
      return { key, result };
    } finally {
      if (!volatile) inFlight.delete(key);
      settle(waiters);
    }
  };

  return async (req, accept, formatParam, acceptEncoding) => {
    const raw = JSON.stringify([req.query, accept ?? '', formatParam ?? '', acceptEncoding ?? '', req.defaultGraphs, req.namedGraphs]);
    const known = byRequest.get(raw);
    const hit = known === undefined ? undefined : cache.get(known);
    if (hit) return hit;
    const { key, result } = await answer(req, accept, formatParam, acceptEncoding);
    if (!result.volatile) byRequest.set(raw, key);
    return result;
  };
}
