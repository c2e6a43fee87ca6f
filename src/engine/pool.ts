// A fixed pool of worker threads, each holding the dataset, with a bounded queue, a hard per-query timeout and a memory ceiling.
import { Worker } from 'node:worker_threads';
import { EngineError, type QueryJob, type QueryOutcome, type Withdrawal, type WorkerInit, type WorkerReply } from './types.js';
import { anonymousMappings, newSpans, residentIn, type Span } from './worker-memory.js';

export interface PoolOptions {
  /** The worker module: TypeScript (started through tsx, e.g. new URL('./oxigraph-worker.ts', import.meta.url)) or compiled JavaScript (started as it is). */
  module: URL;
  datasetPath: string;
  /** Base IRI for graph answers (see WorkerInit); default: the manifest's. */
  base?: string;
  size: number;
  /** Queries allowed to wait for a free worker; beyond this the pool answers 'busy'. */
  maxQueue: number;
  /** Wall-clock limit per query; on expiry the worker is terminated and replaced. */
  timeoutMs: number;
  /**
   * Longest a job may wait for a free worker before it is answered 'busy'; default `timeoutMs`
   * plus 10 s, room for a query to time out and its worker to be replaced (which reloads the
   * dataset: 0.5–2 s here).
   */
  maxWaitMs?: number;
  /**
   * Resident memory of the whole process above which a running query is cancelled (its worker
   * terminated and replaced): the one whose worker holds the memory, or else the longest-running
   * (see `checkMemory`); default 2 GiB. Oxigraph's WebAssembly
   * memory only grows: a small query can ask for gigabytes, and only ending the worker gives them back.
   */
  memoryLimitBytes?: number;
  /** Growth of a worker's engine memory over what it had after loading the dataset that makes the pool replace it once its query is answered; default 256 MiB. */
  recycleBytes?: number;
  /**
   * After a fresh worker failed to start (its dataset or module gone, no memory), how long until
   * the next one is tried; doubled after each failure in a row, up to 30 s; default 1 s.
   */
  restartDelayMs?: number;
  /**
   * Where the pool reports what an operator must know, one line each, stamped with the time: a
   * worker that failed to start, a query cancelled (timeout, memory, client gone) or that broke
   * its engine, with the start of its text, a worker recycled, and queries refused because the
   * queue was full (at most one line per REFUSAL_LOG_MS); default console.error.
   */
  log?: (line: string) => void;
}

interface Pending {
  job: QueryJob;
  resolve: (o: QueryOutcome) => void;
  reject: (e: Error) => void;
  /** Tells when the client has gone (see Withdrawal): while queued, and once the job has run ABANDON_AFTER_MS. */
  withdrawal?: Withdrawal;
  /** While queued: the timer that gives up waiting, and the abort listener that withdraws the job. */
  waiting?: { timer: NodeJS.Timeout; signal?: AbortSignal; onAbort: () => void };
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The engine memory (WebAssembly and other external bytes) the worker reported once it had loaded the dataset. */
  baseline?: number;
  current?: Running;
  /**
   * The worker's own mappings of the process (its WebAssembly memory and the rest it mapped as it
   * started; see worker-memory.ts), found as the anonymous mappings that were new when it had loaded;
   * unknown where smaps is not readable, or when another worker started at the same time.
   */
  spans?: Span[];
  /**
   * Resident bytes in `spans` beyond the engine memory the worker reports (its WebAssembly memory and
   * the rest it mapped), read once it had loaded: with the engine memory it last reported at rest, it
   * gives what the query it now runs has added.
   */
  overhead?: number;
  /** The engine memory the worker reported with its last answer (or once it had loaded): what it holds between queries. */
  atRest?: number;
  /** While it starts: the anonymous mappings before it did, and whether another worker started meanwhile. */
  starting?: { before?: Span[]; alongside: boolean };
}

interface Running {
  id: number;
  pending: Pending;
  timer: NodeJS.Timeout;
  started: number;
  /** Set once the job has run ABANDON_AFTER_MS (see watchAbandon): the client's signal, listened to. */
  abandon?: { signal: AbortSignal; onAbort: () => void };
}

/** How often the memory ceiling and abandoned queries are checked while a query runs. */
const CHECK_MS = 50;
/** After cancelling a query over the ceiling, how long to let its worker's memory go before cancelling another. */
const MEMORY_SETTLE_MS = 1_000;
const MiB = 1024 * 1024;
/** Queue refusals come in bursts: the first is logged at once, the rest of the burst counted in one line this much later. */
const REFUSAL_LOG_MS = 10_000;
/** How much of a query's text a log line quotes. */
const LOGGED_QUERY_CHARS = 200;

/**
 * A query's text for a log line: as a JSON string (one line, its line breaks visible: a `#`
 * comment ends at one), cut at LOGGED_QUERY_CHARS characters.
 */
const quoted = (query: string): string =>
  query.length > LOGGED_QUERY_CHARS ? `${JSON.stringify(query.slice(0, LOGGED_QUERY_CHARS))}… (${query.length} characters)` : JSON.stringify(query);
/**
 * How long a query runs before its client's going away cancels it: a fresh worker takes about
 * 0.5 s to load the dataset (471–584 ms measured), so a query likely to end sooner is left to end.
 */
const ABANDON_AFTER_MS = 1_000;

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/** The running slot that started first. */
const oldest = (running: readonly Slot[]): Slot => running.reduce((a, b) => (b.current!.started < a.current!.started ? b : a));

/** How much more a worker must hold than the oldest query's for its query to be cancelled first. */
const HEAVIER_BY = 64 * 1024 * 1024;

/**
 * The running slot whose query has added the most resident memory (what its worker's mappings hold
 * now, beyond what the worker held at rest before it), if every running worker's mappings are known
 * and that query has added HEAVIER_BY more than the oldest query (else, as with queries alike, the
 * oldest query is the one to cancel). Counted from rest, not in all: a worker keeps what earlier
 * queries made it grow (up to `recycleBytes`), and its next query is not to blame for that (found by a
 * review).
 */
function heaviest(running: readonly Slot[]): Slot | undefined {
  const mappings = running.length > 1 && running.every((s) => s.spans) ? anonymousMappings() : undefined;
  if (!mappings) return undefined;
  const added = new Map(running.map((slot) => [slot, residentIn(mappings, slot.spans!) - slot.overhead! - slot.atRest!]));
  const [top, bytes] = [...added].reduce((a, b) => (b[1] > a[1] ? b : a));
  return bytes - added.get(oldest(running))! > HEAVIER_BY ? top : undefined;
}

/** The signal of a withdrawal, made now if it is made on demand. */
const signalOf = (withdrawal: Withdrawal | undefined): AbortSignal | undefined => (typeof withdrawal === 'function' ? withdrawal() : withdrawal);

/**
 * The error for a query that broke its worker's engine (a WebAssembly trap, a stack overflow):
 * the query may well be legal SPARQL, so this is a server failure (500), not a client error. A
 * `hint` (see WorkerReply) follows as a sentence of its own.
 */
const engineFault = (cause: string, hint?: string): EngineError =>
  new EngineError('crash', `the query engine failed on this query (${cause}); it has been restarted${hint ? `. ${hint}` : ''}`);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private readonly firstReady: Promise<void>;
  private settleReady!: { resolve: () => void; reject: (e: Error) => void };

  /** The options' defaults, resolved once. */
  private readonly maxWaitMs: number;
  private readonly memoryLimitBytes: number;
  private readonly recycleBytes: number;
  private readonly restartDelayMs: number;
  private readonly log: (line: string) => void;
  /** Whether a worker has ever loaded the dataset: a worker failing to start before is the service failing to start. */
  private started = false;
  /** Fresh workers that failed to start since one last did. */
  private failures = 0;
  /** While the pool waits to try a fresh worker after one failed to start: when it will. */
  private retryAt: number | undefined;
  private readonly retries = new Set<NodeJS.Timeout>();
  /** Workers of the pool's size not started yet: each starts once the one before has loaded (or a retry has). */
  private toStart: number;

  constructor(private readonly options: PoolOptions) {
    this.maxWaitMs = options.maxWaitMs ?? options.timeoutMs + 10_000;
    this.memoryLimitBytes = options.memoryLimitBytes ?? 2048 * MiB;
    this.recycleBytes = options.recycleBytes ?? 256 * MiB;
    this.restartDelayMs = options.restartDelayMs ?? 1_000;
    const log = options.log ?? ((line) => console.error(line));
    this.log = (line) => log(`${new Date().toISOString()} ${line}`);
    this.firstReady = new Promise((resolve, reject) => (this.settleReady = { resolve, reject }));
    this.firstReady.catch(() => undefined); // observed by ready(); avoid an unhandled rejection
    // One worker at a time, each once the one before is ready (see onMessage): on a small machine the
    // first one then loads the dataset without competing for cores, and the service can answer sooner;
    // and a worker that starts alone can tell its own memory mappings (see Slot.spans). Until
    // 2026-12-06 the rest started together, once the first was ready.
    this.toStart = options.size - 1;
    this.slots.push(this.spawn());
  }

  /** Resolves when at least one worker has loaded the dataset; rejects if loading failed. */
  ready(): Promise<void> {
    return this.firstReady;
  }

  /**
   * Runs a job on a free worker or queues it; rejects with EngineError('busy') when the queue is
   * full or the job has waited `maxWaitMs`, with 'aborted' when `signal` aborts while it waits
   * (a client that went away), and at once with 'unavailable' while no worker runs because a
   * fresh one failed to start. A running job is cancelled (its worker replaced) if its client
   * has gone once it has run ABANDON_AFTER_MS (see watchAbandon); else its timeout bounds it.
   */
  run(job: QueryJob, signal?: Withdrawal): Promise<QueryOutcome> {
    if (this.closed) return Promise.reject(new EngineError('closed', 'the engine is shutting down'));
    if (this.slots.length === 0 && this.retryAt !== undefined) return Promise.reject(this.unavailable());
    if (typeof signal === 'object' && signal.aborted) return Promise.reject(new EngineError('aborted', 'the request was withdrawn'));
    return new Promise((resolve, reject) => {
      const pending: Pending = { job, resolve, reject, withdrawal: signal };
      const slot = this.slots.find((s) => s.ready && !s.current);
      if (slot) this.dispatch(slot, pending);
      else if (this.queue.length < this.options.maxQueue) this.enqueue(pending);
      else {
        this.refused(`all ${this.slots.length} workers busy and all ${this.options.maxQueue} queue places taken (WORKERS, MAX_QUEUE)`);
        reject(new EngineError('busy', 'too many concurrent queries; retry shortly', this.secondsToFreeWorker()));
      }
    });
  }

  private enqueue(pending: Pending): void {
    const signal = signalOf(pending.withdrawal);
    const wait = this.maxWaitMs;
    const withdraw = (error: EngineError) => {
      const index = this.queue.indexOf(pending);
      if (index < 0) return;
      this.queue.splice(index, 1);
      this.unwait(pending);
      pending.reject(error);
    };
    const timer = setTimeout(() => {
      this.refused(`no worker became free within ${wait / 1000} s (QUERY_TIMEOUT_MS + 10 s)`);
      withdraw(new EngineError('busy', `no query worker became free within ${wait / 1000} s; retry shortly`, this.secondsToFreeWorker()));
    }, wait);
    const onAbort = () => withdraw(new EngineError('aborted', 'the request was withdrawn'));
    pending.waiting = { timer, signal, onAbort };
    this.queue.push(pending);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  }

  /**
   * Within how many seconds a worker is free at the latest, for a client told 'busy' (its
   * Retry-After): when the running query nearest its timeout reaches it, plus a second for the
   * fresh worker to load the dataset. Sooner if a query ends by itself, but never later, so a
   * client that waits this long is not refused again by the same queries; 1 if a worker is
   * loading (it is free within about that).
   */
  private secondsToFreeWorker(): number {
    const now = performance.now();
    let soonest = Infinity;
    for (const slot of this.slots) {
      if (!slot.current) return 1;
      soonest = Math.min(soonest, this.options.timeoutMs - (now - slot.current.started));
    }
    return soonest === Infinity ? 1 : Math.max(1, Math.ceil(Math.max(0, soonest) / 1000) + 1);
  }

  /** Refusals since the last line about them, and the timer that writes the next. */
  private refusals = 0;
  private refusalTimer: NodeJS.Timeout | undefined;

  /** Logs a refusal for a full queue or a wait too long: the first of a burst at once, the rest counted (see REFUSAL_LOG_MS). */
  private refused(why: string): void {
    if (this.refusalTimer) {
      this.refusals++;
      return;
    }
    this.log(`query refused: ${why}`);
    const flush = () => {
      if (this.refusals === 0) return void (this.refusalTimer = undefined);
      this.log(`${this.refusals} more queries refused in the last ${REFUSAL_LOG_MS / 1000} s: workers busy`);
      this.refusals = 0;
      this.refusalTimer = setTimeout(flush, REFUSAL_LOG_MS);
      this.refusalTimer.unref();
    };
    this.refusalTimer = setTimeout(flush, REFUSAL_LOG_MS);
    this.refusalTimer.unref();
  }

  private unwait(pending: Pending): void {
    if (!pending.waiting) return;
    clearTimeout(pending.waiting.timer);
    pending.waiting.signal?.removeEventListener('abort', pending.waiting.onAbort);
    pending.waiting = undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) {
      this.unwait(p);
      p.reject(new EngineError('closed', 'the engine is shutting down'));
    }
    this.stopWatch();
    clearTimeout(this.refusalTimer);
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => this.retire(s, new EngineError('closed', 'the engine is shutting down'))));
  }

  /** Workers started so far, replacements included (for tests and monitoring). */
  workersStarted = 0;

  /** Workers loading the dataset: a worker that starts alongside another cannot tell its mappings from the other's. */
  private readonly spawning = new Set<Slot>();

  /** Starts a worker; `freed`: the mappings of the worker it replaces, which may be reused. */
  private spawn(freed: readonly Span[] = []): Slot {
    this.workersStarted++;
    const init: WorkerInit = { module: this.options.module.href, datasetPath: this.options.datasetPath, base: this.options.base };
    // read before the thread exists, so that nothing it maps is taken for another's (found by a review)
    const before = anonymousMappings()?.filter((m) => !freed.some((f) => m.start < f.end && f.start < m.end));
    // TypeScript needs tsx registered in the worker first; compiled JavaScript starts at once (about 0.4 s sooner).
    const worker = this.options.module.pathname.endsWith('.ts') ? new Worker(BOOT, { workerData: init }) : new Worker(this.options.module, { workerData: init });
    const slot: Slot = { worker, ready: false, starting: { before, alongside: this.spawning.size > 0 } };
    for (const other of this.spawning) other.starting!.alongside = true;
    this.spawning.add(slot);
    worker.on('message', (msg: WorkerReply) => this.onMessage(slot, msg));
    worker.on('error', (err) => this.onFailure(slot, err.message));
    worker.on('exit', (code) => this.onFailure(slot, `worker exited with code ${code}`));
    return slot;
  }

  private onMessage(slot: Slot, msg: WorkerReply): void {
    if ('ready' in msg) {
      if (!msg.ready) return this.failedToStart(slot, `dataset failed to load: ${msg.error}`);
      slot.ready = true;
      slot.baseline = slot.atRest = msg.memory;
      this.claimMappings(slot);
      this.started = true;
      this.failures = 0;
      this.retryAt = undefined;
      this.settleReady.resolve();
      if (this.toStart > 0 && !this.closed) {
        this.toStart--;
        this.slots.push(this.spawn());
      }
      return this.drain(slot);
    }
    const current = slot.current;
    if (!current || current.id !== msg.id) return;
    if (msg.memory !== undefined) slot.atRest = msg.memory;
    if (!msg.ok && msg.kind === 'crash') return this.replace(slot, engineFault(msg.message, msg.hint), msg.panic);
    this.finished(current);
    slot.current = undefined;
    if (msg.ok) current.pending.resolve(msg.outcome);
    else current.pending.reject(new EngineError(msg.kind, msg.message));
    // The engine's memory never shrinks: a worker that grew much is replaced, which frees it.
    if (msg.memory !== undefined && slot.baseline !== undefined && msg.memory - slot.baseline > this.recycleBytes) {
      this.log(`query worker recycled: its engine memory grew by ${Math.round((msg.memory - slot.baseline) / MiB)} MiB answering: ${quoted(current.pending.job.query)}`);
      return this.replace(slot, new EngineError('closed', 'worker recycled'));
    }
    this.drain(slot);
  }

  /** Notes the worker's own mappings, once it has loaded (see Slot.spans). */
  private claimMappings(slot: Slot): void {
    const { before, alongside } = slot.starting ?? { alongside: true };
    this.spawning.delete(slot);
    slot.starting = undefined;
    const after = alongside || !before ? undefined : anonymousMappings();
    const spans = after && newSpans(before!, after);
    if (!spans?.length || slot.atRest === undefined) return;
    slot.spans = spans;
    slot.overhead = residentIn(after!, spans) - slot.atRest;
  }

  private onFailure(slot: Slot, message: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced (terminated on purpose)
    if (slot.ready || slot.current) return this.replace(slot, new EngineError('crash', `the query engine failed: ${message}`));
    this.failedToStart(slot, message);
  }

  /**
   * A worker failed while loading. Before any has started, the service cannot start. After, the
   * slot is dropped and a fresh worker is tried later (respawning at once could loop), which is
   * logged; while no worker runs, queued and new jobs are answered 'unavailable' at once.
   */
  private failedToStart(slot: Slot, message: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    void this.retire(slot, new EngineError('crash', `the query engine failed: ${message}`));
    if (!this.started) {
      this.settleReady.reject(new Error(`worker failed to start: ${message}`));
      if (this.slots.length === 0) this.rejectQueue(new EngineError('crash', `the query engine failed: ${message}`));
      return;
    }
    const delay = Math.min(30_000, this.restartDelayMs * 2 ** this.failures++);
    this.retryAt = performance.now() + delay;
    this.log(`query worker failed to start: ${message}; trying again in ${delay / 1000} s`);
    const timer = setTimeout(() => {
      this.retries.delete(timer);
      if (!this.closed) this.slots.push(this.spawn());
    }, delay);
    this.retries.add(timer);
    if (this.slots.length === 0) this.rejectQueue(this.unavailable());
  }

  /**
   * The answer while no worker runs, and when the next is tried. Why the last one failed (a file
   * path, say) is logged for the operator, not told to clients.
   */
  private unavailable(): EngineError {
    const seconds = Math.max(0, Math.ceil((this.retryAt! - performance.now()) / 1000));
    // Retry-After: when the fresh worker is tried, plus a second for it to load the dataset.
    return new EngineError('unavailable', `no query worker is running: a fresh one failed to start; it is tried again in ${seconds} s`, seconds + 1);
  }

  private rejectQueue(error: EngineError): void {
    for (const p of this.queue.splice(0)) {
      this.unwait(p);
      p.reject(error);
    }
  }

  private dispatch(slot: Slot, pending: Pending): void {
    this.unwait(pending);
    const id = this.nextId++;
    const timer = setTimeout(() => this.onTimeout(slot, id), this.options.timeoutMs);
    slot.current = { id, pending, timer, started: performance.now() };
    slot.worker.postMessage({ id, job: pending.job });
    this.watch();
  }

  private watchdog: NodeJS.Timeout | undefined;

  /** Checks abandoned queries and the memory ceiling every CHECK_MS while any query runs. */
  private watch(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      this.checkAbandoned();
      this.checkMemory();
    }, CHECK_MS);
    this.watchdog.unref();
  }

  private stopWatch(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }

  /** When the last query was cancelled for memory. */
  private cancelledForMemory = -Infinity;

  /**
   * Over the ceiling, cancels the query whose worker holds the most memory, read from the process's
   * mappings (see Slot.spans): a query that asks for gigabytes, not another client's query that
   * happens to run beside it (an audit, 2026-12-06, had a 1 KB query get a 3 s query cancelled that
   * way). Where a running worker's mappings are not known, the query that has run longest (a query
   * that needs gigabytes runs for seconds, most others for milliseconds). Then, if the process is
   * still over it once that worker's memory has had MEMORY_SETTLE_MS to go, the next. Before
   * 2026-12-04, one such query cancelled every other running one too.
   */
  private checkMemory(): void {
    const running = this.slots.filter((s) => s.current);
    if (running.length === 0) return this.stopWatch();
    const limit = this.memoryLimitBytes;
    if (process.memoryUsage.rss() <= limit || performance.now() - this.cancelledForMemory < MEMORY_SETTLE_MS) return;
    this.cancelledForMemory = performance.now();
    this.replace(heaviest(running) ?? oldest(running), new EngineError('memory', `the query was cancelled: the server's memory passed its limit of ${Math.round(limit / MiB)} MiB (MEMORY_LIMIT_MB)`));
  }

  /** Starts watching the client of each job that has just run ABANDON_AFTER_MS (see watchAbandon). */
  private checkAbandoned(): void {
    const now = performance.now();
    for (const slot of [...this.slots]) {
      const current = slot.current;
      if (current?.pending.withdrawal && !current.abandon && now - current.started >= ABANDON_AFTER_MS) this.watchAbandon(slot, current);
    }
  }

  /**
   * A query has run ABANDON_AFTER_MS: if its client has gone (every client, for a shared
   * evaluation), or once it goes, the worker is terminated and replaced, so an abandoned query
   * holds a worker no longer than that, instead of until its timeout.
   */
  private watchAbandon(slot: Slot, current: Running): void {
    const signal = signalOf(current.pending.withdrawal)!;
    const onAbort = () => {
      if (slot.current === current) this.replace(slot, new EngineError('aborted', 'the request was withdrawn'));
    };
    current.abandon = { signal, onAbort };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
  }

  /** Ends a running job's timer and listener (it answered, or its worker is retired). */
  private finished(current: Running): void {
    clearTimeout(current.timer);
    current.abandon?.signal.removeEventListener('abort', current.abandon.onAbort);
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
  private replace(slot: Slot, reason: EngineError, panic?: string): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    const current = slot.current;
    if (current) {
      const seconds = ((performance.now() - current.started) / 1000).toFixed(1);
      const why = panic ? `${reason.message} [${panic}]` : reason.message;
      this.log(`query worker replaced after ${seconds} s (${reason.kind}): ${why}; query: ${quoted(current.pending.job.query)}`);
    } else if (reason.kind === 'crash') this.log(`query worker replaced: ${reason.message}`);
    void this.retire(slot, reason);
    if (!this.closed) this.slots[index] = this.spawn(slot.spans);
  }

  private async retire(slot: Slot, reason: EngineError): Promise<void> {
    slot.ready = false;
    this.spawning.delete(slot);
    if (slot.current) {
      this.finished(slot.current);
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

  /** How many jobs wait for a worker (for tests and monitoring). */
  get queued(): number {
    return this.queue.length;
  }
}
