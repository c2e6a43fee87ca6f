// Queries that break the engine itself (Oxigraph's WASM traps on deep recursion): the pool replaces the worker, later queries are answered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, EngineError, type Engine, type EngineName, type QueryJob } from '../../src/engine/index.js';
import { failureReply } from '../../src/engine/fault.js';
import { FIXTURE_DIST } from './helpers.js';

const terms = (n: number, term: string, op: string) => Array(n).fill(term).join(op);

/**
 * Legal SPARQL that overflows Oxigraph 0.5's stack (measured: see src/engine/chain.ts), sent
 * straight to the pool, past the pre-check that would refuse it.
 */
const POISON: Array<[string, string]> = [
  ['`1+1+…`, 3000 terms', `SELECT (${terms(3000, '1', '+')} AS ?x) {}`],
  ['`!!!…`, 8000 times', `SELECT * { FILTER(${'!'.repeat(8000)}true) }`],
  ['`?o||?o||…`, 4000 terms', `SELECT * { ?s ?p ?o FILTER(${terms(4000, '?o', '||')}) }`],
  ['a path `a/a/…`, 2500 steps', `SELECT * { <urn:x:nothing> ${terms(2500, '<urn:x:a>', '/')} ?o }`],
  ['nested `STR(`, 300 levels', `SELECT (${'STR('.repeat(300)}1${')'.repeat(300)} AS ?x) {}`],
  ['nested `(`, 2000 levels', `SELECT (${'('.repeat(2000)}1${')'.repeat(2000)} AS ?x) {}`],
  ['nested `FILTER EXISTS {`, 200 levels', `SELECT * { ${'FILTER EXISTS { '.repeat(200)} ?s ?p ?o ${'} '.repeat(200)} }`],
  ['nested `{`, 700 levels', `SELECT * ${'{ '.repeat(700)} ?s ?p ?o ${'} '.repeat(700)}`],
  ['a UNION chain, 2500 groups', `SELECT * { ${terms(2500, '{ ?s ?p ?o }', ' UNION ')} }`],
  ['1000 BINDs', `SELECT * { ${Array.from({ length: 1000 }, (_, i) => `BIND(${i} AS ?v${i})`).join(' ')} }`],
];

const select = (query: string): QueryJob => ({ query, form: 'SELECT', format: 'json', maxRows: 0 });
const ask = (n: number): QueryJob => ({ query: `ASK { ?s ?p ?o } # ${n}`, form: 'ASK', format: 'json', maxRows: 0 });
const answer = async (engine: Engine, job: QueryJob) => JSON.parse(new TextDecoder().decode((await engine.query(job)).body));

/** The EngineError a job fails with, or undefined when it is answered. */
const failureOf = (engine: Engine, job: QueryJob): Promise<EngineError | undefined> =>
  engine.query(job).then(
    () => undefined,
    (e: unknown) => {
      if (e instanceof EngineError) return e;
      throw e;
    },
  );

/** A one-worker engine on the fixture for the suite. */
function useEngine(engine: EngineName): { current: Engine } {
  const holder = {} as { current: Engine };
  beforeAll(async () => {
    holder.current = createEngine({ engine, distDir: FIXTURE_DIST, workers: 1, timeoutMs: 5_000 });
    await holder.current.ready();
  });
  afterAll(() => holder.current?.close());
  return holder;
}

describe('an engine fault (oxigraph)', () => {
  const engine = useEngine('oxigraph');

  it.each(POISON)('%s: fails with a restart message, and the next query is answered', async (_name, query) => {
    const error = await failureOf(engine.current, select(query));
    expect(error?.kind).toBe('crash');
    expect(error?.message).toMatch(/^the query engine failed on this query \((RuntimeError|RangeError): .+\); it has been restarted$/);
    expect((await answer(engine.current, ask(1))).boolean).toBe(true);
  });

  it('answers a query queued behind the one that broke the worker', async () => {
    const [broken, queued, next] = await Promise.all([
      failureOf(engine.current, select(POISON[1]![1])),
      answer(engine.current, ask(2)),
      answer(engine.current, ask(3)),
    ]);
    expect(broken?.kind).toBe('crash');
    expect([queued.boolean, next.boolean]).toEqual([true, true]);
  });

  it('still reports a syntax error as one, without a restart', async () => {
    expect((await failureOf(engine.current, select('SELECT * {')))?.kind).toBe('syntax');
  });
});

describe('the same queries on comunica', () => {
  const engine = useEngine('comunica');

  // Comunica answers most of them; a JS stack overflow (RangeError) also gets a fresh worker.
  it.each(POISON.filter(([name]) => !/UNION|\|\|/.test(name)))('%s: answered or failed cleanly, then the next query is answered', async (_name, query) => {
    const error = await failureOf(engine.current, select(query));
    if (error) expect(error.kind).toMatch(/^(crash|query|syntax|timeout)$/);
    expect((await answer(engine.current, ask(4))).boolean).toBe(true);
  });
});

describe('failureReply', () => {
  const isSyntax = (m: string) => m.startsWith('error at');

  it('rewrites a syntax error for people against the query the engine read', () => {
    const reply = failureReply(1, new Error('error at 1:29: expected OPTIONAL'), isSyntax, 'SELECT * { ?s ?p ?o ?x ?y ?z }');
    expect(reply).toMatchObject({ kind: 'syntax', message: 'error at 1:21: expected "}" but found "?x" (is a "." missing before it?)' });
  });

  it('answers an answer too long for a JavaScript string as too large, not as a crash (the worker stays)', () => {
    expect(failureReply(1, new RangeError('Invalid string length'), isSyntax, 'SELECT …')).toMatchObject({ kind: 'rows', message: expect.stringMatching(/^the answer is too large to build \(Invalid string length\)/) });
    expect(failureReply(1, new RangeError('Maximum call stack size exceeded'), isSyntax, 'SELECT …')).toMatchObject({ kind: 'crash' });
  });

  it('leaves it as it is for a capped text, whose error the service asks again of the text the client sent', () => {
    const reply = failureReply(1, new Error('error at 1:29: expected OPTIONAL'), isSyntax, undefined);
    expect(reply).toMatchObject({ kind: 'syntax', message: 'error at 1:29: expected OPTIONAL' });
  });
});
