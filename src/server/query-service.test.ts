// The query service's caches stay within CACHE_BYTES, keys included, and answer repeats without the engine.
import { describe, expect, it } from 'vitest';
import type { Engine, QueryJob, QueryOutcome } from '../engine/types.js';
import { createQueryService } from './query-service.js';
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

  it('holds at most CACHE_BYTES of answers plus the request index, however many large answers it gave', async () => {
    const cacheBytes = 4 << 20;
    const engine = fakeEngine(400_000);
    const answer = createQueryService(engine, new Set(), { ...DEFAULT_LIMITS, cacheBytes });
    for (let i = 0; i < 100; i++) await answer(request(`SELECT * { ?s ?p ?o } # ${i}`), JSON_RESULTS);
    expect(engine.evaluated).toBe(100);
    expect(answer.cachedBytes).toBeLessThanOrEqual(2 * cacheBytes);
    expect(answer.cachedBytes).toBeGreaterThan(cacheBytes / 2);
  });

  it('does not keep an answer larger than an eighth of CACHE_BYTES', async () => {
    const engine = fakeEngine(600_000);
    const answer = createQueryService(engine, new Set(), { ...DEFAULT_LIMITS, cacheBytes: 4 << 20 });
    await answer(request('SELECT * { ?s ?p ?o }'), JSON_RESULTS);
    await answer(request('SELECT * { ?s ?p ?o }'), JSON_RESULTS);
    expect(engine.evaluated).toBe(2);
    expect(answer.cachedBytes).toBeLessThan(1000);
  });

  it('counts long query texts (keys) in its budget', async () => {
    const engine = fakeEngine(10);
    const cacheBytes = 1 << 20;
    const answer = createQueryService(engine, new Set(), { ...DEFAULT_LIMITS, cacheBytes });
    const long = `# ${'x'.repeat(19_000)}\n`;
    for (let i = 0; i < 200; i++) await answer(request(`${long}ASK { } # ${i}`), JSON_RESULTS);
    expect(answer.cachedBytes).toBeLessThanOrEqual(2 * cacheBytes);
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
    const first = answer({ ...request('ASK {}'), signal: a.signal }, JSON_RESULTS);
    const second = answer({ ...request('ASK {}'), signal: b.signal }, JSON_RESULTS);
    await Promise.resolve();
    expect(signals).toHaveLength(1);
    a.abort();
    expect(signals[0]!.aborted).toBe(false);
    b.abort();
    expect(signals[0]!.aborted).toBe(true);
    release();
    await Promise.all([first, second]);
  });
});
