// The query service's caches stay within CACHE_BYTES, keys included, and answer repeats without the engine.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EngineError, type Engine, type QueryJob, type QueryOutcome } from '../engine/types.js';
import { createQueryService, engineHttpError } from './query-service.js';
import { DEFAULT_LIMITS } from './settings.js';

/** An engine whose every answer is `size` bytes; counts the queries it evaluated. */
function fakeEngine(size: number): Engine & { evaluated: number } {
  const engine = {
    name: 'oxigraph' as const,
    evaluated: 0,
    ready: async () => undefined,
    close: async () => undefined,
    query: async (_job: QueryJob): Promise<QueryOutcome> => {
      engine.evaluated++;
      return { body: new Uint8Array(size), etag: `"${engine.evaluated}"`, compressible: false };
    },
  };
  return engine;
}

const request = (query: string) => ({ query, defaultGraphs: [], namedGraphs: [] });
const JSON_RESULTS = 'application/sparql-results+json';

describe('createQueryService', () => {
  it('answers a repeat from its cache', async () => {
    const engine = fakeEngine(100);
    const answer = createQueryService(engine, new Set(), DEFAULT_LIMITS);
    await answer(request('ASK {}'), JSON_RESULTS);
    await answer(request('ASK {}'), JSON_RESULTS);
    expect(engine.evaluated).toBe(1);
  });

  it('keeps no answer the answer cache has dropped: a repeat of an early query is evaluated again', async () => {
    // Before, the index of raw requests kept every answer (counted as one byte each), so memory
    // grew with every distinct large answer and an early query was answered from there forever.
    const engine = fakeEngine(400_000);
    const answer = createQueryService(engine, new Set(), { ...DEFAULT_LIMITS, cacheBytes: 4 << 20 });
    for (let i = 0; i < 100; i++) await answer(request(`SELECT * { ?s ?p ?o } # ${i}`), JSON_RESULTS);
    await answer(request('SELECT * { ?s ?p ?o } # 0'), JSON_RESULTS);
    expect(engine.evaluated).toBe(101);
    await answer(request('SELECT * { ?s ?p ?o } # 99'), JSON_RESULTS); // still cached
    expect(engine.evaluated).toBe(101);
  });

  it('does not keep an answer larger than an eighth of CACHE_BYTES', async () => {
    const engine = fakeEngine(600_000);
    const answer = createQueryService(engine, new Set(), { ...DEFAULT_LIMITS, cacheBytes: 4 << 20 });
    await answer(request('SELECT * { ?s ?p ?o }'), JSON_RESULTS);
    await answer(request('SELECT * { ?s ?p ?o }'), JSON_RESULTS);
    expect(engine.evaluated).toBe(2);
  });
});

describe('createQueryService withdrawing queries', () => {
  /** An engine that holds every query until released, recording the signal it was given. */
  function heldEngine() {
    const signals: AbortSignal[] = [];
    let release: () => void = () => undefined;
    const released = new Promise<void>((r) => (release = r));
    const engine: Engine = {
      name: 'oxigraph',
      ready: async () => undefined,
      close: async () => undefined,
      query: async (_job, signal) => {
        signals.push(typeof signal === 'function' ? signal() : signal!); // the pool asks for it only when the query has to wait
        await released;
        return { body: new Uint8Array(10), etag: '"x"', compressible: false };
      },
    };
    return { engine, signals, release };
  }

  it('withdraws a shared evaluation only when every client waiting for it has gone away', async () => {
    const { engine, signals, release } = heldEngine();
    const answer = createQueryService(engine, new Set(), DEFAULT_LIMITS);
    const [a, b] = [new AbortController(), new AbortController()];
    const first = answer({ ...request('ASK {}'), signal: () => a.signal }, JSON_RESULTS);
    const second = answer({ ...request('ASK {}'), signal: () => b.signal }, JSON_RESULTS);
    await Promise.resolve();
    expect(signals).toHaveLength(1);
    a.abort();
    expect(signals[0]!.aborted).toBe(false);
    b.abort();
    expect(signals[0]!.aborted).toBe(true);
    release();
    await Promise.all([first, second]);
  });

  // A client's signal can outlive its request: undici keeps the signal given to `new Request()` in a
  // FinalizationRegistry until that Request is collected, so a listener that reaches the request
  // (through the clients waiting for the evaluation) kept every POST query's request and body alive.
  it('removes its listeners from the clients\' signals once the answer is settled', async () => {
    const { engine, release } = heldEngine();
    const answer = createQueryService(engine, new Set(), DEFAULT_LIMITS);
    const [a, b] = [new AbortController(), new AbortController()];
    const first = answer({ ...request('ASK {}'), signal: () => a.signal }, JSON_RESULTS);
    const second = answer({ ...request('ASK {}'), signal: () => b.signal }, JSON_RESULTS);
    await Promise.resolve();
    expect([getEventListeners(a.signal, 'abort').length, getEventListeners(b.signal, 'abort').length]).toEqual([1, 1]);
    release();
    await Promise.all([first, second]);
    expect([getEventListeners(a.signal, 'abort').length, getEventListeners(b.signal, 'abort').length]).toEqual([0, 0]);
  });
});

describe('engineHttpError', () => {
  it.each([
    ['timeout', 503, null],
    ['memory', 503, '5'],
    ['busy', 503, '1'],
    ['unavailable', 503, '5'],
    ['rows', 400, null],
    ['format', 406, null],
    ['crash', 500, null],
  ] as const)('answers an engine %s with %i and Retry-After %s', (kind, status, retryAfter) => {
    const res = engineHttpError(new EngineError(kind, 'why')).getResponse();
    expect(res.status).toBe(status);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
  });

  it.each(['busy', 'unavailable'] as const)('gives %s the Retry-After the pool computed (when a worker is free at the latest)', (kind) => {
    expect(engineHttpError(new EngineError(kind, 'why', 11)).getResponse().headers.get('retry-after')).toBe('11');
  });
});
