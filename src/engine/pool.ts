// A fixed pool of worker threads, each holding the dataset, with a bounded queue and a hard per-query timeout.
import { Worker } from 'node:worker_threads';
import { EngineError, type QueryJob, type QueryOutcome, type WorkerInit, type WorkerReply } from './types.js';

export interface PoolOptions {
  /** The TypeScript worker module (e.g. new URL('./oxigraph-worker.ts', import.meta.url)). */
  module: URL;
  datasetPath: string;
  /** Base IRI for graph answers (see WorkerInit); default: the manifest's. */
  base?: string;
  size: number;
  /** Queries allowed to wait for a free worker; beyond this the pool answers 'busy'. */
  maxQueue: number;
  /** Wall-clock limit per query; on expiry the worker is terminated and replaced. */
  timeoutMs: number;
}

interface Pending {
  job: QueryJob;
  resolve: (o: QueryOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current?: { id: number; pending: Pending; timer: NodeJS.Timeout };
}

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/**
 * The error for a query that broke its worker's engine (a WebAssembly trap, a stack overflow):
 * the query may well be legal SPARQL, so this is a server failure (500), not a client error.
 */
const engineFault = (cause: string): EngineError =>
  new EngineError('crash', `the query engine failed on this query (${cause}); it has been restarted`);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly firstReady: Promise<void>;
  private settleReady!: { resolve: () => void; reject: (e: Error) => void };

  constructor(private readonly options: PoolOptions) {
    this.firstReady = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.firstReady.catch(() => undefined); // observed by ready(); avoid an unhandled rejection
    // One worker first, the rest once it is ready: on a small machine the first one then loads
    // the dataset without competing for cores, and the service can answer sooner.
    this.slots.push(this.spawn());
    this.firstReady.then(
      () => {
        if (!this.closed) for (let i = 1; i < options.size; i++) this.slots.push(this.spawn());
      },
      () => undefined, // the first worker could not load the dataset: more would fail the same way
    );
  }

  /** Resolves when at least one worker has loaded the dataset; rejects if loading failed. */
  ready(): Promise<void> {
    return this.firstReady;
  }

  /** Runs a job on a free worker, queues it, or rejects with EngineError('busy'). */
  run(job: QueryJob): Promise<QueryOutcome> {
    if (this.closed) return Promise.reject(new EngineError('closed', 'the engine is shutting down'));
    return new Promise((resolve, reject) => {
      const pending = { job, resolve, reject };
      const slot = this.slots.find((s) => s.ready && !s.current);
      if (slot) this.dispatch(slot, pending);
      else if (this.queue.length < this.options.maxQueue) this.queue.push(pending);
      else reject(new EngineError('busy', 'too many concurrent queries; retry shortly'));
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new EngineError('closed', 'the engine is shutting down'));
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => this.retire(s, new EngineError('closed', 'the engine is shutting down'))));
  }

  private spawn(): Slot {
    const init: WorkerInit = { module: this.options.module.href, datasetPath: this.options.datasetPath, base: this.options.base };
    const worker = new Worker(BOOT, { workerData: init });
    const slot: Slot = { worker, ready: false };
    worker.on('message', (msg: WorkerReply) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onFailure(slot, err.message));
    worker.on('exit', (code) => this.onFailure(slot, `worker exited with code ${code}`));
    return slot;
  }

  private onMessage(slot: Slot, msg: WorkerReply): void {
    if ('ready' in msg) {
      if (!msg.ready) return this.settleReady.reject(new Error(`dataset failed to load: ${msg.error}`));
      slot.ready = true;
      this.settleReady.resolve();
      return this.drain(slot);
    }
    const current = slot.current;
    if (!current || current.id !== msg.id) return;
    if (!msg.ok && msg.kind === 'crash') return this.replace(slot, engineFault(msg.message));
    clearTimeout(current.timer);
    slot.current = undefined;
    if (msg.ok) current.pending.resolve(msg.outcome);
    else current.pending.reject(new EngineError(msg.kind, msg.message));
    this.drain(slot);
  }

  private onFailure(slot: Slot, message: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced (terminated on purpose)
    const error = new EngineError('crash', `the query engine failed: ${message}`);
    if (slot.ready || slot.current) return this.replace(slot, error);
    // It failed while loading: respawning would loop, so drop the slot instead.
    this.settleReady.reject(new Error(`worker failed to start: ${message}`));
    this.slots.splice(index, 1);
    void this.retire(slot, error);
    if (this.slots.length === 0) for (const p of this.queue.splice(0)) p.reject(error);
  }

  private dispatch(slot: Slot, pending: Pending): void {
    const id = this.nextId++;
    const timer = setTimeout(() => this.onTimeout(slot, id), this.options.timeoutMs);
    slot.current = { id, pending, timer };
    slot.worker.postMessage({ id, job: pending.job });
  }

  private onTimeout(slot: Slot, id: number): void {
    if (slot.current?.id !== id) return;
    const seconds = this.options.timeoutMs / 1000;
    this.replace(slot, new EngineError('timeout', `query timed out after ${seconds} s and was cancelled`));
  }

  /**
   * Terminates a worker (which really stops a running query, or discards an engine a query
   * broke) and starts a fresh one in its place; the fresh one takes the next queued job once it
   * has loaded the dataset.
   */
  private replace(slot: Slot, reason: EngineError): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    void this.retire(slot, reason);
    if (!this.closed) this.slots[index] = this.spawn();
  }

  private async retire(slot: Slot, reason: EngineError): Promise<void> {
    slot.ready = false;
    if (slot.current) {
      clearTimeout(slot.current.timer);
      slot.current.pending.reject(reason);
      slot.current = undefined;
    }
    slot.worker.removeAllListeners();
    slot.worker.on('error', () => undefined);
    await slot.worker.terminate();
  }

  private drain(slot: Slot): void {
    const next = this.queue.shift();
    if (next) this.dispatch(slot, next);
  }
}
