// The query-engine interface shared by the Oxigraph and Comunica engines and the worker protocol they speak.
import type { ContentCoding } from '../compression.js';
import type { FormatKey, QueryForm } from './formats.js';

export type EngineName = 'oxigraph' | 'comunica';

/** One query, already analysed and negotiated: the engine only evaluates and serializes. */
export interface QueryJob {
  query: string;
  form: QueryForm;
  format: FormatKey;
  /**
   * The default graph's graphs: the protocol's `default-graph-uri` values, or else the query's FROM
   * clauses (taken out of `query`), each once. With neither list given, the default graph is the union.
   */
  defaultGraphs?: string[];
  /** The named graphs: `named-graph-uri` values, or else the query's FROM NAMED clauses, each once. */
  namedGraphs?: string[];
  /** Maximum solutions (SELECT) or triples (CONSTRUCT/DESCRIBE); 0 means unlimited. */
  maxRows: number;
  /**
   * The query carries a LIMIT of `maxRows + 1` (see withRowCap): a result over the limit has
   * that many solutions, not its own count.
   */
  capped?: true;
  /** The content coding the client prefers; the worker compresses an answer worth it. */
  coding?: ContentCoding;
  /**
   * The IRI that relative IRIs in the query resolve against when it has no BASE: the service's
   * own (SPARQL 1.1 Protocol §2.3). Without it, a relative IRI is a syntax error.
   */
  base?: string;
}

/** What a worker's evaluation produces: the serialized result as text. */
export interface Evaluation {
  body: string;
  /** Solutions or triples in the result, when the engine could count them. */
  rows?: number;
}

/**
 * A query's answer as the engine delivers it: the serialized result as UTF-8 bytes, compressed
 * when the job asked for a coding and that pays (done in the worker and transferred, not
 * copied, to the caller's thread), with their strong ETag.
 */
export interface QueryOutcome {
  body: Uint8Array<ArrayBuffer>;
  /** `answerTag()` of the media type and the UTF-8 text (so formats with identical bytes differ), suffixed `-br`/`-gzip` when coded. */
  etag: string;
  /** The coding of `body`, if compressed. */
  coding?: ContentCoding;
  /** Whether the uncompressed answer is long enough to be compressed (so it varies by Accept-Encoding). */
  compressible: boolean;
  rows?: number;
}

/** Failure classes; the HTTP layer maps each to a status code. */
export type EngineErrorKind = 'syntax' | 'query' | 'format' | 'timeout' | 'memory' | 'busy' | 'rows' | 'crash' | 'closed' | 'aborted' | 'unavailable';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    /** For 'busy' and 'unavailable': in how many seconds a worker can be free at the latest (the HTTP layer's Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/**
 * How a caller may withdraw a job that waits for a worker: an AbortSignal, or a function that
 * makes one, called only if the job has to wait (most never do, and making a signal and its
 * listeners for each query costs more than the rest of the bookkeeping).
 */
export type Withdrawal = AbortSignal | (() => AbortSignal);

/** A SPARQL engine over the built dataset (default graph = union of the named graphs). */
export interface Engine {
  readonly name: EngineName;
  /** Resolves once the engine can answer (the dataset is loaded). */
  ready(): Promise<void>;
  /** Evaluates `job`; an abort of `signal` withdraws it while it waits for a worker, and cancels it once it has run a second (rejecting with 'aborted'). */
  query(job: QueryJob, signal?: Withdrawal): Promise<QueryOutcome>;
  close(): Promise<void>;
}

/** Messages between the pool (main thread) and a worker. */
export type WorkerRequest = { id: number; job: QueryJob };
export type WorkerReply =
  | { ready: true; memory?: number }
  | { ready: false; error: string }
  | { id: number; ok: true; outcome: QueryOutcome; memory?: number }
  | {
      id: number;
      ok: false;
      kind: EngineErrorKind;
      message: string;
      /** For an engine fault ('crash'), what the query holds that the engine is known to fail on, and what to write instead. */
      hint?: string;
      /** For an engine fault, the engine's own report of it (a Rust panic's location and message), for the operator's log. */
      panic?: string;
      memory?: number;
    };

/** What every worker receives as `workerData`. */
export interface WorkerInit {
  /** URL of the TypeScript worker module that the bootstrap imports. */
  module: string;
  /** Absolute path of dataset.nq. */
  datasetPath: string;
  /** Base IRI of the dataset's resources (for prefixes and the JSON-LD context of graph answers); default: the manifest's. */
  base?: string;
}
