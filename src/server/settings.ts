// Server settings: defaults, and how each is read from the environment (PORT, BASE, ENGINE, limits).
import { DEFAULT_MAX_CHAIN } from '../engine/chain.js';
import type { EngineName } from '../engine/types.js';

/** Limits of the SPARQL endpoint; each has an environment variable (see README, "Limits"). */
export interface Limits {
  /** Wall-clock limit per query; the worker running it is terminated. QUERY_TIMEOUT_MS */
  timeoutMs: number;
  /** Longest query text in characters (414 on GET, 413 on POST). MAX_QUERY_LENGTH */
  maxQueryLength: number;
  /** Deepest nesting of braces, parentheses and brackets. MAX_QUERY_DEPTH */
  maxQueryDepth: number;
  /** Longest chain of operators, patterns and nesting in one query (see engine/chain.ts). MAX_QUERY_CHAIN */
  maxQueryChain: number;
  /** Most solutions (SELECT) or triples (CONSTRUCT/DESCRIBE) in one answer; 0 = unlimited. MAX_ROWS */
  maxRows: number;
  /** Worker threads evaluating queries. WORKERS */
  workers: number;
  /** Queries waiting for a worker before new ones get 503 + Retry-After. MAX_QUEUE */
  maxQueue: number;
  /** Largest accepted request body in bytes. MAX_BODY_BYTES */
  maxBodyBytes: number;
  /** Cached query answers, by count and by total size. CACHE_ENTRIES, CACHE_BYTES */
  cacheEntries: number;
  cacheBytes: number;
  /** Resident memory of the process (MiB) above which a running query is cancelled: the one whose worker holds the memory, or else the longest-running. MEMORY_LIMIT_MB */
  memoryLimitMb: number;
  /** How long (ms) an answer under way may go without the client taking any of it before the connection is closed; 0 = never. STALL_TIMEOUT_MS */
  stallTimeoutMs: number;
  /** Answers waiting to be sent, over all connections (MiB), above which the connections whose clients read slowest are closed; 0 = no bound. MAX_UNSENT_MB */
  maxUnsentMb: number;
}

export interface Settings {
  port: number;
  /** Base IRI of the dataset's resources; defaults to the one the dataset was built with. */
  base?: string;
  engine: EngineName;
  distDir: string;
  limits: Limits;
}

export const DEFAULT_LIMITS: Limits = {
  timeoutMs: 10_000,
  maxQueryLength: 20_000,
  maxQueryDepth: 64,
  maxQueryChain: DEFAULT_MAX_CHAIN,
  maxRows: 100_000,
  workers: 2,
  maxQueue: 32,
  maxBodyBytes: 64 * 1024,
  cacheEntries: 1_000,
  cacheBytes: 64 * 1024 * 1024,
  memoryLimitMb: 2048,
  stallTimeoutMs: 60_000,
  maxUnsentMb: 512,
};

/**
 * The engine options these limits set (what `createEngine` takes besides the engine and the data).
 *
 * @example
 * createEngine({ engine: 'oxigraph', distDir: 'dist', ...engineLimits(DEFAULT_LIMITS) })
 */
export const engineLimits = (limits: Limits) => ({
  workers: limits.workers,
  maxQueue: limits.maxQueue,
  timeoutMs: limits.timeoutMs,
  memoryLimitBytes: limits.memoryLimitMb * 1024 * 1024,
});

/**
 * The Node server's `maxHeaderSize` (request line plus headers, in bytes) for these limits: room
 * for a GET whose query is `maxQueryLength` characters of ASCII even if every one is
 * percent-encoded (3 bytes each), plus 16 KiB for the rest of the URL and the headers (Node's
 * own default). So every such query reaches the length check and its 414; a longer request line
 * gets 431 (with a message). With the defaults: 76 384 bytes, about the POST body limit.
 *
 * @example
 * maxHeaderBytes(DEFAULT_LIMITS) // 76384
 */
export const maxHeaderBytes = (limits: Pick<Limits, 'maxQueryLength'>): number => 3 * limits.maxQueryLength + 16 * 1024;

const ENV_NAMES: Record<keyof Limits, string> = {
  timeoutMs: 'QUERY_TIMEOUT_MS',
  maxQueryLength: 'MAX_QUERY_LENGTH',
  maxQueryDepth: 'MAX_QUERY_DEPTH',
  maxQueryChain: 'MAX_QUERY_CHAIN',
  maxRows: 'MAX_ROWS',
  workers: 'WORKERS',
  maxQueue: 'MAX_QUEUE',
  maxBodyBytes: 'MAX_BODY_BYTES',
  cacheEntries: 'CACHE_ENTRIES',
  cacheBytes: 'CACHE_BYTES',
  memoryLimitMb: 'MEMORY_LIMIT_MB',
  stallTimeoutMs: 'STALL_TIMEOUT_MS',
  maxUnsentMb: 'MAX_UNSENT_MB',
};

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

/**
 * Reads the settings from environment variables, failing fast on malformed values.
 *
 * @example
 * settingsFromEnv({ PORT: '8080', ENGINE: 'comunica' }).engine // 'comunica'
 */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const engine = env.ENGINE ?? 'oxigraph';
  if (engine !== 'oxigraph' && engine !== 'comunica') throw new Error(`ENGINE must be oxigraph or comunica, got "${engine}"`);
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(ENV_NAMES) as Array<keyof Limits>) limits[key] = integer(env, ENV_NAMES[key], limits[key]);
  return {
    port: integer(env, 'PORT', 3000),
    base: env.BASE || undefined,
    engine,
    distDir: env.DIST_DIR || 'dist',
    limits,
  };
}
