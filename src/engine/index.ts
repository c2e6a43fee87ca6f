// Creates the configured SPARQL engine: Oxigraph (default) or Comunica, each in a worker-thread pool.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { WorkerPool } from './pool.js';
import type { Engine, EngineName, QueryJob, Withdrawal } from './types.js';

export * from './types.js';

export interface EngineOptions {
  engine: EngineName;
  /** The built dataset directory (holds dataset.nq). */
  distDir: string;
  /** Base IRI of the dataset's resources, if not the one it was built for (graph answers use it). */
  base?: string;
  /** Worker threads; defaults to the number of CPUs (at least 1, at most 4). */
  workers?: number;
  /** Queries allowed to wait when every worker is busy. */
  maxQueue?: number;
  timeoutMs?: number;
  /** Resident memory (bytes) above which running queries are cancelled; see PoolOptions. */
  memoryLimitBytes?: number;
}

/**
 * The worker modules: TypeScript beside this file when it runs from src/ (under tsx), or the
 * compiled entry points beside the chunk it was compiled into (`npm start` runs .build/server/).
 */
const EXT = import.meta.url.endsWith('.ts') ? 'ts' : 'mjs';
const workerModule = (engine: EngineName): URL => new URL(`./${engine}-worker.${EXT}`, import.meta.url);

/**
 * Starts an engine whose workers each load `dataset.nq` from `distDir`.
 *
 * @example
 * const engine = createEngine({ engine: 'oxigraph', distDir: 'dist' });
 * await engine.ready();
 * const { body, etag } = await engine.query({ query: 'ASK {}', form: 'ASK', format: 'json', maxRows: 0 }); // body: UTF-8 bytes
 */
export function createEngine(options: EngineOptions): Engine {
  const pool = new WorkerPool({
    module: workerModule(options.engine),
    datasetPath: join(options.distDir, 'dataset.nq'),
    base: options.base,
    size: options.workers ?? Math.min(4, Math.max(1, availableParallelism())),
    maxQueue: options.maxQueue ?? 32,
    timeoutMs: options.timeoutMs ?? 10_000,
    memoryLimitBytes: options.memoryLimitBytes,
  });
  return {
    name: options.engine,
    ready: () => pool.ready(),
    query: (job: QueryJob, signal?: Withdrawal) => pool.run(job, signal),
    close: () => pool.close(),
  };
}
