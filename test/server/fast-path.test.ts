// The Node fast paths (createNodeServer) over raw sockets: cache hits, and the SPARQL query path, byte for byte what the Hono path sends.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeServer } from '../../src/server/node-server.js';
import { header, masked, PREFIXES, raw, sparqlUrl, status, useApp } from './helpers.js';

const server = useApp();
/** Hits written by the fast path. */
let fastHits = 0;
let fast: Server;
let hono: Server;
/** The fast path plus the SPARQL query path, as `npm start` runs it. */
let direct: Server;
let directQueries = 0;

const listen = (http: Server) =>
  new Promise<number>((resolve) => {
    const done = () => resolve((http.address() as AddressInfo).port);
    if (http.listening) done();
    else http.once('listening', done);
  });

let fastPort = 0;
let honoPort = 0;
let directPort = 0;

beforeAll(async () => {
  const app = server.current;
  fast = createNodeServer({
    fetch: app.fetch,
    serveCached: (req, res) => {
      const hit = app.serveCached(req, res);
      if (hit) fastHits++;
      return hit;
    },
  });
  fast.listen(0, '127.0.0.1');
  // The same app (and so the same cache) served by @hono/node-server alone: hits go through ServerApp.fetch.
  hono = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  direct = createNodeServer({
    fetch: app.fetch,
    serveCached: app.serveCached,
    serveQuery: (req, res) => {
      const taken = app.serveQuery(req, res);
      if (taken) directQueries++;
      return taken;
    },
  });
  direct.listen(0, '127.0.0.1');
  [fastPort, honoPort, directPort] = await Promise.all([listen(fast), listen(hono), listen(direct)]);
});
afterAll(async () => {
  await Promise.all([fast, hono, direct].map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Name, target, request headers, then the Vary and Content-Encoding expected. */
const TARGETS: Array<[string, string, Record<string, string>, string | undefined, string | undefined]> = [
  ['concept page, Turtle', '/lkp/2016/4.4.3', { Accept: 'text/turtle' }, 'Accept, Accept-Encoding', undefined],
  ['concept page, HTML', '/lkp/2016/4.4.3', { Accept: 'text/html' }, 'Accept, Accept-Encoding', undefined],
  // ?format= fixes the format: Accept chose nothing (RFC 9110 §12.5.5)
  ['concept page, ?format=nt', '/lkp/2016/4.4.3?format=nt', { Accept: '*/*' }, 'Accept-Encoding', undefined],
  ['concept page, Turtle, br', '/lkp/2016/4.4.3', { Accept: 'text/turtle', 'Accept-Encoding': 'gzip, deflate, br' }, 'Accept, Accept-Encoding', 'br'],
  ['concept page, HTML, gzip', '/lkp/2016/4.4.3', { Accept: 'text/html', 'Accept-Encoding': 'gzip' }, 'Accept, Accept-Encoding', 'gzip'],
  // Under 1 KiB: never compressed, so it does not vary by Accept-Encoding.
  ['SPARQL query (percent-encoded target)', sparqlUrl('SELECT (COUNT(*) AS ?n) { ?s ?p ?o }'), { Accept: 'application/sparql-results+json' }, 'Accept', undefined],
  // ?format= fixes the format of a query answer too: no Vary under 1 KiB, only Accept-Encoding above
  ['SPARQL query, ?format=json', sparqlUrl('SELECT (COUNT(*) AS ?n) { ?s ?p ?o }', { format: 'json' }), { Accept: '*/*' }, undefined, undefined],
  ['SPARQL query, ?format=csv, over 1 KiB', sparqlUrl('SELECT ?s { ?s ?p ?o } LIMIT 200', { format: 'csv' }), { Accept: '*/*' }, 'Accept-Encoding', undefined],
];

describe('createNodeServer: cache hits written straight to the socket', () => {
  it.each(TARGETS)('%s: a hit is byte-identical through the fast path and through the Hono path', async (_name, target, headers, vary, coding) => {
    const first = await raw(fastPort, 'GET', target, headers); // a miss: answered and stored by the app
    expect(status(first)).toBe(200);
    const before = fastHits;
    const viaFast = await raw(fastPort, 'GET', target, headers);
    expect(fastHits).toBe(before + 1);
    const viaHono = await raw(honoPort, 'GET', target, headers);
    expect(fastHits).toBe(before + 1);
    expect(masked(viaFast)).toBe(masked(viaHono));
    expect(masked(viaFast)).toBe(masked(first));
    expect(header(viaFast, 'access-control-allow-origin')).toBe('*');
    expect(header(viaFast, 'vary')).toBe(vary);
    expect(header(viaFast, 'content-encoding')).toBe(coding);
    expect(Number(header(viaFast, 'content-length'))).toBe(viaFast.length - viaFast.indexOf('\r\n\r\n') - 4);
  });

  it('revalidates a compressed variant by its own ETag, with the same 304 on both paths', async () => {
    const target = '/lkp/2016/4.4.3';
    const identity = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
    const coded = { Accept: 'text/turtle', 'Accept-Encoding': 'br' };
    const first = await raw(fastPort, 'GET', target, coded);
    expect(header(first, 'etag')).toBe(header(identity, 'etag')!.replace(/"$/, '-br"'));
    const viaFast = await raw(fastPort, 'GET', target, { ...coded, 'If-None-Match': header(first, 'etag')! });
    const viaHono = await raw(honoPort, 'GET', target, { ...coded, 'If-None-Match': header(first, 'etag')! });
    expect(status(viaFast)).toBe(304);
    expect(masked(viaFast)).toBe(masked(viaHono));
    expect(header(viaFast, 'vary')).toBe('Accept, Accept-Encoding');
    expect(status(await raw(fastPort, 'GET', target, { ...coded, 'If-None-Match': header(identity, 'etag')! }))).toBe(200);
  });

  it.each([
    ['If-None-Match', (etag: string) => ({ 'If-None-Match': etag })],
    ['If-None-Match (weak, in a list)', (etag: string) => ({ 'If-None-Match': `"other", W/${etag}` })],
    ['If-Modified-Since', (_etag: string, lastModified: string) => ({ 'If-Modified-Since': lastModified })],
  ])('answers revalidation (%s) with the same 304 on both paths', async (_name, validators) => {
    const target = '/lkp/2016/4.4.3';
    const first = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
    const conditional = { Accept: 'text/turtle', ...validators(header(first, 'etag')!, header(first, 'last-modified')!) };
    const before = fastHits;
    const viaFast = await raw(fastPort, 'GET', target, conditional);
    const viaHono = await raw(honoPort, 'GET', target, conditional);
    expect(fastHits).toBe(before + 1);
    expect(status(viaFast)).toBe(304);
    expect(masked(viaFast)).toBe(masked(viaHono));
    expect(viaFast.toString('latin1').endsWith('\r\n\r\n')).toBe(true); // no body
    expect(header(viaFast, 'etag')).toBe(header(first, 'etag'));
    // A script on another origin reads the ETag of a 304 too (CORS: only exposed headers are readable).
    expect(header(viaFast, 'access-control-expose-headers')).toBe(header(first, 'access-control-expose-headers'));
    expect(header(viaFast, 'content-type')).toBeUndefined();
  });

  it.each([
    ['If-Match that does not match', () => ({ 'If-Match': '"other"' })],
    ['If-Match before a matching If-None-Match', (etag: string) => ({ 'If-Match': '"other"', 'If-None-Match': etag })],
    ['If-Unmodified-Since before Last-Modified', () => ({ 'If-Unmodified-Since': 'Mon, 01 Jan 2001 00:00:00 GMT' })],
  ])('answers a failed precondition (%s) with the same 412 on both paths', async (_name, preconditions) => {
    const target = '/lkp/2016/4.4.3';
    const first = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
    const headers = { Accept: 'text/turtle', ...preconditions(header(first, 'etag')!) };
    const before = fastHits;
    const viaFast = await raw(fastPort, 'GET', target, headers);
    const viaHono = await raw(honoPort, 'GET', target, headers);
    expect(fastHits).toBe(before + 1);
    expect(status(viaFast)).toBe(412);
    expect(masked(viaFast)).toBe(masked(viaHono));
    expect(header(viaFast, 'etag')).toBe(header(first, 'etag'));
    expect(header(viaFast, 'access-control-allow-origin')).toBe('*');
    expect(bodyOf(viaFast).toString('utf8')).toMatch(/^precondition failed: /);
    expect(status(await raw(fastPort, 'GET', target, { Accept: 'text/turtle', 'If-Match': header(first, 'etag')! }))).toBe(200);
    expect(status(await raw(fastPort, 'GET', target, { Accept: 'text/turtle', 'If-Match': '*' }))).toBe(200);
  });

  it('answers a failed precondition on a SPARQL query miss with the same 412 as the Hono path', async () => {
    const url = (n: number) => sparqlUrl(`ASK { ?s ?p ?o } # 412 ${n}`);
    const headers = { Accept: 'application/sparql-results+json', 'If-Match': '"other"' };
    const viaDirect = await raw(directPort, 'GET', url(1), headers);
    const viaHono = await raw(honoPort, 'GET', url(2), headers);
    expect(status(viaDirect)).toBe(412);
    expect(masked(viaDirect)).toBe(masked(viaHono));
  });

  it('answers a validator that does not match with the full 200', async () => {
    const target = '/lkp/2016/4.4.3';
    const first = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
    const viaFast = await raw(fastPort, 'GET', target, { Accept: 'text/turtle', 'If-None-Match': '"other"' });
    expect(status(viaFast)).toBe(200);
    expect(masked(viaFast)).toBe(masked(first));
  });

  it('keeps Vary: Accept representations apart', async () => {
    const ttl = await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'text/turtle' });
    const json = await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'application/ld+json' });
    await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'application/ld+json' });
    expect(header(ttl, 'content-type')).toMatch(/^text\/turtle/);
    expect(header(json, 'content-type')).toMatch(/^application\/ld\+json/);
    expect(masked(await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'text/turtle' }))).toBe(masked(ttl));
  });

  it('redirects a target with dot segments, which the URL parser would resolve silently, to the one without (301), miss and hit', async () => {
    await raw(fastPort, 'GET', '/lkp/2016/4.4.3', { Accept: 'text/turtle' });
    for (const target of ['/lkp/2016/x/../4.4.3', '/lkp/2016/x/%2e%2E/4.4.3']) {
      for (let i = 0; i < 2; i++) {
        const viaFast = await raw(fastPort, 'GET', target, { Accept: 'text/turtle' });
        expect(status(viaFast), target).toBe(301);
        expect(header(viaFast, 'Location'), target).toBe('/lkp/2016/4.4.3');
        expect(header(viaFast, 'Access-Control-Allow-Origin'), target).toBe('*');
      }
    }
  });

  it('leaves HEAD, OPTIONS, errors and targets Hono refuses to the Hono path, with the same answers', async () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['HEAD', '/lkp/2016/4.4.3', { Accept: 'text/turtle' }],
      ['GET', '/no/such/thing', {}],
      ['OPTIONS', '/sparql', { Origin: 'https://example.org', 'Access-Control-Request-Method': 'GET' }],
      ['OPTIONS', '/sparql', {}],
      ['PUT', '/lkp/2016/4.4.3', { 'Content-Length': '0' }],
      ['DELETE', '/sparql', {}],
    ];
    for (const [method, target, headers] of cases) {
      await raw(fastPort, method, target, headers);
      const before = fastHits;
      const viaFast = await raw(fastPort, method, target, headers);
      const viaHono = await raw(honoPort, method, target, headers);
      expect(fastHits, `${method} ${target}`).toBe(before);
      expect(masked(viaFast)).toBe(masked(viaHono));
    }
    // A target @hono/node-server refuses (a backslash in the path): bare there, with a message and CORS here.
    const backslash = await raw(fastPort, 'GET', '/lkp\\2016/4.4.3', { Accept: 'text/turtle' });
    expect(status(await raw(honoPort, 'GET', '/lkp\\2016/4.4.3', { Accept: 'text/turtle' }))).toBe(400);
    expect(status(backslash)).toBe(400);
    expect(bodyOf(backslash).toString('utf8')).toBe('malformed request: Backslash in request path\n');
    expect(header(backslash, 'access-control-allow-origin')).toBe('*');
    const head = await raw(fastPort, 'HEAD', '/lkp/2016/4.4.3', { Accept: 'text/turtle' });
    expect(status(head)).toBe(200);
    expect(head.toString('latin1').endsWith('\r\n\r\n')).toBe(true);
  });
});

/** The body of a raw answer, chunked transfer coding undone. */
function bodyOf(answer: Buffer): Buffer {
  const start = answer.indexOf('\r\n\r\n') + 4;
  if (!/\r\ntransfer-encoding: chunked/i.test(answer.subarray(0, start).toString('latin1'))) return answer.subarray(start);
  const parts: Buffer[] = [];
  for (let i = start; ; ) {
    const eol = answer.indexOf('\r\n', i);
    const size = parseInt(answer.subarray(i, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(answer.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
}

describe('createNodeServer: the SPARQL query path (GET /sparql?query=… without Hono)', () => {
  let n = 0;
  /** The same query, made a distinct target (a comment) so that each request is a miss. */
  const fresh = (query: string, extra: Record<string, string | string[]> = {}) => sparqlUrl(`${query}\n# ${n++}`, extra);
  const SELECT = `${PREFIXES}SELECT ?c ?label { ?c skos:prefLabel ?label } ORDER BY ?c ?label LIMIT 40`;

  it.each([
    ['JSON results', SELECT, { Accept: 'application/sparql-results+json' }],
    ['CSV results, br', SELECT, { Accept: 'text/csv', 'Accept-Encoding': 'gzip, br' }],
    ['XML results, gzip', SELECT, { Accept: 'application/sparql-results+xml', 'Accept-Encoding': 'gzip' }],
    ['ASK', 'ASK { ?s ?p ?o }', { Accept: 'application/sparql-results+json' }],
    ['CONSTRUCT as Turtle', `${PREFIXES}CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c skos:prefLabel ?l } LIMIT 20`, { Accept: 'text/turtle' }],
  ] as const)('%s: the same answer as the Hono path, stored so that a repeat is a cache hit', async (_name, query, headers) => {
    const before = directQueries;
    const viaDirect = await raw(directPort, 'GET', fresh(query), headers);
    expect(directQueries).toBe(before + 1);
    const viaHono = await raw(honoPort, 'GET', fresh(query), headers);
    expect(status(viaDirect)).toBe(200);
    expect(masked(viaDirect)).toBe(masked(viaHono));
    const target = fresh(query);
    const first = await raw(directPort, 'GET', target, headers);
    const hits = fastHits;
    const repeat = await raw(fastPort, 'GET', target, headers);
    expect(fastHits).toBe(hits + 1);
    expect(masked(repeat)).toBe(masked(first));
  });

  it('answers revalidation of a miss with the same 304 as the Hono path', async () => {
    const headers = { Accept: 'application/sparql-results+json', 'Accept-Encoding': 'br' };
    const etag = header(await raw(directPort, 'GET', fresh(SELECT), headers), 'etag')!;
    expect(etag).toMatch(/-br"$/);
    const viaDirect = await raw(directPort, 'GET', fresh(SELECT), { ...headers, 'If-None-Match': etag });
    const viaHono = await raw(honoPort, 'GET', fresh(SELECT), { ...headers, 'If-None-Match': etag });
    expect(status(viaDirect)).toBe(304);
    expect(masked(viaDirect)).toBe(masked(viaHono));
    expect(header(viaDirect, 'access-control-expose-headers')).toBe('ETag, Link, Content-Location, Retry-After, Last-Modified, Content-Range');
  });

  it.each([
    ['a syntax error', () => fresh('SELECT * WHERE { ?s ?p }'), {}],
    ['an update', () => `/sparql?update=${encodeURIComponent('DROP ALL')}`, {}],
    ['SERVICE', () => fresh('SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }'), {}],
    ['a graph not in the dataset', () => fresh('SELECT * FROM <http://example.org/g> { ?s ?p ?o }'), {}],
    ['an unacceptable Accept', () => fresh(SELECT), { Accept: 'image/png' }],
    ['an unknown ?format=', () => fresh(SELECT, { format: 'png' }), {}],
    ['an empty query', () => '/sparql?query=', {}],
    ['two queries', () => fresh('ASK {}', { query: 'ASK { FILTER(false) }' }), {}],
    ['two formats', () => fresh('ASK {}', { format: ['json', 'xml'] }), {}],
    ['a query that is not UTF-8', () => '/sparql?query=ASK%7B%7D%FF', {}],
  ])('refuses %s with the same status, headers and message as the Hono path', async (_name, target, headers: Record<string, string>) => {
    const before = directQueries;
    const viaDirect = await raw(directPort, 'GET', target(), headers);
    expect(directQueries).toBe(before + 1);
    const viaHono = await raw(honoPort, 'GET', target(), headers);
    expect(status(viaDirect)).toBeGreaterThanOrEqual(400);
    expect(status(viaDirect)).toBe(status(viaHono));
    for (const name of ['content-type', 'access-control-allow-origin', 'access-control-expose-headers', 'x-content-type-options', 'retry-after']) expect(header(viaDirect, name), name).toBe(header(viaHono, name));
    expect(bodyOf(viaDirect).toString('utf8')).toBe(bodyOf(viaHono).toString('utf8'));
    expect(Number(header(viaDirect, 'content-length'))).toBe(bodyOf(viaDirect).length);
  });

  it('refuses a fragment (#) in the target before the cache and both paths, whatever the Host', async () => {
    // The Hono path dropped `#…`, the query path kept it in ?query=, under one cache key.
    const before = directQueries;
    for (const host of ['LOCALHOST', 'localhost', `127.0.0.1:${directPort}`]) {
      const a = await raw(directPort, 'GET', '/sparql?query=ASK%7B%7D#%0A%7D', { Host: host, Accept: 'application/sparql-results+json' });
      expect(status(a), host).toBe(400);
      expect(bodyOf(a).toString('utf8')).toMatch(/^a request target never has a fragment/);
      expect(header(a, 'access-control-allow-origin')).toBe('*');
    }
    expect(directQueries).toBe(before);
  });

  it('answers a query the same way whatever the case of Host: one cache key, one evaluation', async () => {
    const target = fresh('ASK { ?s ?p ?o }');
    const before = directQueries;
    const upper = await raw(directPort, 'GET', target, { Host: 'LOCALHOST', Accept: 'application/sparql-results+json' });
    const lower = await raw(directPort, 'GET', target, { Host: 'localhost', Accept: 'application/sparql-results+json' });
    expect(status(upper)).toBe(200);
    expect(masked(lower)).toBe(masked(upper));
    expect(directQueries).toBe(before + 1);
  });

  it.each([
    ['NOW()', 'SELECT (NOW() AS ?t) {}'],
    ['RAND()', 'SELECT (RAND() AS ?r) {}'],
    ['UUID()', 'SELECT (UUID() AS ?u) {}'],
    ['STRUUID()', 'SELECT (STRUUID() AS ?u) {}'],
  ])('evaluates a query using %s for every request, on both paths, and says it may not be stored', async (_name, query) => {
    // SPARQL 1.1 §17.4.5.1: NOW() is the time of the query's execution; UUID() and RAND() are fresh for each.
    const headers = { Accept: 'text/tab-separated-values' };
    for (const port of [directPort, honoPort]) {
      const answers = [await raw(port, 'GET', sparqlUrl(query), headers), await raw(port, 'GET', sparqlUrl(query), headers)];
      if (query.includes('NOW')) await new Promise((resolve) => setTimeout(resolve, 5));
      answers.push(await raw(port, 'GET', sparqlUrl(query), headers));
      for (const answer of answers) {
        expect(status(answer)).toBe(200);
        expect(header(answer, 'cache-control')).toBe('no-store');
      }
      const bodies = answers.map((a) => a.toString('latin1').split('\r\n\r\n')[1]);
      expect(new Set(bodies).size, `port ${port === directPort ? 'direct' : 'hono'}`).toBe(3);
    }
  });

  it('still stores a query that only mentions such a name in a string, an IRI or a variable', async () => {
    const target = sparqlUrl('SELECT ?now ("NOW() RAND()" AS ?x) { VALUES ?now { <http://example.org/UUID> } }');
    const headers = { Accept: 'text/tab-separated-values' };
    const first = await raw(directPort, 'GET', target, headers);
    expect(header(first, 'cache-control')).toBe('public, max-age=300');
  });

  it('leaves /sparql without a query (service description, query UI), POST and HEAD to Hono', async () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['GET', '/sparql', { Accept: 'text/turtle' }],
      ['GET', '/sparql?format=ttl', {}],
      ['GET', '/sparql', { Accept: 'text/html' }],
      ['HEAD', fresh(SELECT), { Accept: 'application/sparql-results+json' }],
    ];
    const before = directQueries;
    for (const [method, target, headers] of cases) {
      const viaDirect = await raw(directPort, method, target, headers);
      const viaHono = await raw(honoPort, method, target, headers);
      expect(masked(viaDirect), `${method} ${target}`).toBe(masked(viaHono));
    }
    expect(directQueries).toBe(before);
  });
});
