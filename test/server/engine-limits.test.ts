// Queries that overflow the engine, through the endpoint: refused up front (400), and, past that check, a 500 with a fresh worker.
import { describe, expect, it } from 'vitest';
import type { Limits } from '../../src/server/settings.js';
import { useApp } from './helpers.js';

const terms = (n: number, term: string, op: string) => Array(n).fill(term).join(op);

/** Legal SPARQL, each under MAX_QUERY_LENGTH, on which Oxigraph 0.5 traps (WebAssembly.RuntimeError). */
const POISON: Array<[string, string]> = [
  ['`1+1+…`, 3000 terms', `SELECT (${terms(3000, '1', '+')} AS ?x) {}`],
  ['`!!!…`, 8000 times', `SELECT * { FILTER(${'!'.repeat(8000)}true) }`],
  ['`?o||?o||…`, 4000 terms', `SELECT * { ?s ?p ?o FILTER(${terms(4000, '?o', '||')}) }`],
  ['a path `:a/:a/…`, 2500 steps', `PREFIX : <urn:x:> SELECT * { :s ${terms(2500, ':a', '/')} ?o }`],
  ['an OPTIONAL chain, 900', `SELECT * { ?s ?p ?o ${'OPTIONAL{?s ?p ?o}'.repeat(900)} }`],
  ['a UNION chain, 2500 groups', `SELECT * { ${terms(2500, '{}', 'UNION')} }`],
  ['a collection of 1500 items', `SELECT * { ?s ?p (${terms(1500, '1', ' ')}) }`],
  ['40 nested collections of 30 items', `ASK { ?s <http://e/p> (${terms(40, `(${terms(30, '1', ' ')})`, ' ')}) }`],
];

const post = (query: string): RequestInit => ({ method: 'POST', body: query, headers: { 'content-type': 'application/sparql-query' } });
/** An ASK that no cache has seen before. */
const freshAsk = (() => {
  let n = 0;
  return () => post(`ASK { ?s ?p ?o } # ${++n}`);
})();

describe.each(['oxigraph', 'comunica'] as const)('long chains are refused before parsing (%s)', (engine) => {
  const server = useApp({ engine, limits: { workers: 1 } });
  const req = (init: RequestInit) => server.current.app.request('/sparql', init);

  it.each(POISON)('%s: 400 naming the limit and its setting; the next query is answered', async (_name, query) => {
    const res = await req(post(query));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^query too complex: it chains about \d+ operators, patterns and nesting levels, more than the limit of 400 \(the server's MAX_QUERY_CHAIN\)/);
    const next = await req(freshAsk());
    expect(next.status).toBe(200);
    expect((await next.json()).boolean).toBe(true);
  });
});

describe.each(['oxigraph', 'comunica'] as const)('a CONSTRUCT template is written, not chained (%s)', (engine) => {
  const server = useApp({ engine, limits: { workers: 1 } });

  it('answers a template holding a collection of 2500 items (refused as too complex before 2026-12-04)', async () => {
    const query = `CONSTRUCT { <http://e/s> <http://e/p> (${terms(2500, '1', ' ')}) } WHERE {}`;
    const res = await server.current.app.request('/sparql?format=nt', post(query));
    expect(res.status).toBe(200);
    // rdf:first and rdf:rest for each item, and the triple that points at the list
    expect((await res.text()).trim().split('\n')).toHaveLength(2 * 2500 + 1);
  });
});

describe('an engine fault past the pre-check (oxigraph, check lifted)', () => {
  // MAX_QUERY_CHAIN set far above what the engine survives, so the queries reach the worker.
  const limits: Partial<Limits> & { maxQueryChain: number } = { workers: 1, maxQueryChain: 1_000_000 };
  const server = useApp({ limits });
  const req = (init: RequestInit) => server.current.app.request('/sparql', init);

  it.each([...POISON.slice(0, 3), POISON[6]!])('%s: 500 "restarted", and the next query is answered', async (_name, query) => {
    const res = await req(post(query));
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/^the query engine failed on this query \((RuntimeError|RangeError): .+\); it has been restarted\n$/);
    const next = await req(freshAsk());
    expect(next.status).toBe(200);
    expect((await next.json()).boolean).toBe(true);
  });

  it('answers the queries queued behind it', async () => {
    const responses = await Promise.all([req(post(POISON[1]![1])), req(freshAsk()), req(freshAsk())]);
    expect(responses.map((r) => r.status)).toEqual([500, 200, 200]);
    expect((await responses[2]!.json()).boolean).toBe(true);
  });
});

describe('comparing two directional strings, on which Oxigraph 0.5 traps', () => {
  const server = useApp({ limits: { workers: 1, maxQueryChain: 1_000_000 } });
  const req = (init: RequestInit) => server.current.app.request('/sparql', init);

  it.each([
    ['a literal', 'ASK { FILTER("x"@ar--rtl = "x"@ar--ltr) }'],
    ['STRLANGDIR', 'ASK { FILTER(STRLANGDIR("x", "ar", "rtl") != STRLANGDIR("y", "ar", "rtl")) }'],
  ])('%s: 500 saying what fails and what to write instead, and the next query is answered', async (_name, query) => {
    const res = await req(post(query));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).toMatch(/^the query engine failed on this query \(RuntimeError: unreachable\); it has been restarted\. /);
    expect(text).toContain('Oxigraph 0.5 fails when it compares two RDF 1.2 directional strings');
    expect(text).toContain('sameTerm');
    const next = await req(freshAsk());
    expect(next.status).toBe(200);
  });

  it('gives no such hint for a trap in a query without directional strings', async () => {
    const res = await req(post(POISON[1]![1]));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('directional');
  });
});
