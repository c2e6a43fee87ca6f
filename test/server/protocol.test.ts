// The SPARQL 1.1 Protocol read strictly at /sparql: one query, parameters where §2.1 puts them, UTF-8 bodies, no content coding.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BASE, sparqlUrl, useApp } from './helpers.js';

const server = useApp();
const req = (path: string, init?: RequestInit) => server.current.app.request(path, init);

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const DIRECT = { 'content-type': 'application/sparql-query' };
const G = (name: string) => `${BASE}graph/${name}`;
const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
const form = (params: Record<string, string | string[]>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v].flat()) p.append(k, x);
  return p.toString();
};

describe('exactly one query, each parameter where the protocol puts it (SPARQL 1.1 Protocol §2.1)', () => {
  it.each([
    // W3C protocol test bad_multiple_queries
    ['GET with two queries', sparqlUrl('ASK {}', { query: 'ASK { FILTER(false) }' }), undefined, /^2 query parameters; send exactly one \(SPARQL 1\.1 Protocol §2\.1/],
    ['a form with two queries', '/sparql', { method: 'POST', headers: FORM, body: form({ query: ['ASK {}', 'ASK { FILTER(false) }'] }) }, /^2 query parameters/],
    ['a direct POST with ?query= as well', sparqlUrl('ASK { FILTER(false) }'), { method: 'POST', headers: DIRECT, body: 'ASK {}' }, /^the query is the request body; do not send a query parameter in the URL as well/],
    ['a form POST with ?default-graph-uri=', `/sparql?default-graph-uri=${encodeURIComponent(G('links'))}`, { method: 'POST', headers: FORM, body: form({ query: COUNT }) }, /^with a form POST, send default-graph-uri in the request body, not in the URL/],
    ['a form POST with ?query=', sparqlUrl('ASK {}'), { method: 'POST', headers: FORM, body: form({ query: COUNT }) }, /^with a form POST, send query in the request body/],
    ['format in the form and in the URL', '/sparql?format=csv', { method: 'POST', headers: FORM, body: form({ query: COUNT, format: 'xml' }) }, /^\?format= names 2 formats here \(xml, csv\); send one/],
    ['GET with two formats', sparqlUrl(COUNT, { format: ['csv', 'xml'] }), undefined, /^\?format= names 2 formats here \(csv, xml\)/],
  ])('refuses %s with 400 and a message', async (_name, path, init, message) => {
    const res = await req(path, init as RequestInit);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toMatch(message);
  });

  const count = async (path: string, init?: RequestInit) => {
    const res = await req(path, { ...init, headers: { accept: 'application/sparql-results+json', ...init?.headers } });
    expect(res.status).toBe(200);
    return Number((await res.json()).results.bindings[0].n.value);
  };

  it('reads a form POST’s graph parameters from its body (§2.1.2)', async () => {
    expect(await count('/sparql', { method: 'POST', headers: FORM, body: form({ query: COUNT, 'default-graph-uri': G('links') }) })).toBe(17);
    expect(await count('/sparql', { method: 'POST', headers: FORM, body: form({ query: 'SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }', 'named-graph-uri': [G('sdg'), G('links')] }) })).toBe(27);
  });

  it('reads a direct POST’s graph parameters from the URL (§2.1.3)', async () => {
    expect(await count(`/sparql?default-graph-uri=${encodeURIComponent(G('links'))}`, { method: 'POST', headers: DIRECT, body: COUNT })).toBe(17);
  });

  it.each([
    ['in a form body', '/sparql', form({ query: COUNT, format: 'csv' })],
    ['in the URL of a form POST', '/sparql?format=csv', form({ query: COUNT })],
  ])('honours format= %s', async (_name, path, body) => {
    const res = await req(path, { method: 'POST', headers: { ...FORM, accept: 'application/sparql-results+json' }, body });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  });
});

describe('UTF-8 only, and no content coding on the body', () => {
  const NON_UTF8 = Uint8Array.from([...Buffer.from('ASK { FILTER("'), 0xe4, ...Buffer.from('" = "a") }')]);
  it.each([
    // W3C protocol test bad_query_non_utf8: %E4 is "ä" in Latin-1
    ['GET %E4', 400, '/sparql?query=ASK%20%7B%20FILTER(%22%E4%22%20%3D%20%22a%22)%20%7D', undefined, /^the query is not valid UTF-8/],
    ['GET %FF', 400, '/sparql?query=ASK%7B%7D%FF', undefined, /^the query is not valid UTF-8/],
    ['a form query with %E4', 400, '/sparql', { method: 'POST', headers: FORM, body: 'query=ASK%20%7B%20FILTER(%22%E4%22%20%3D%20%22a%22)%20%7D' }, /^the query is not valid UTF-8/],
    ['a direct body that is not UTF-8', 400, '/sparql', { method: 'POST', headers: DIRECT, body: NON_UTF8 }, /^the query is not valid UTF-8\n$/],
    ['a form body that is not UTF-8', 400, '/sparql', { method: 'POST', headers: FORM, body: Uint8Array.from([...Buffer.from('query=ASK%7B%7D&x='), 0xff]) }, /^the request body is not valid UTF-8\n$/],
    ['charset=latin1', 415, '/sparql', { method: 'POST', headers: { 'content-type': 'application/sparql-query; charset=latin1' }, body: NON_UTF8 }, /^charset "latin1" is not accepted: application\/sparql-query is read as UTF-8/],
    ['charset=UTF-16', 415, '/sparql', { method: 'POST', headers: { 'content-type': 'application/sparql-query; charset=UTF-16' }, body: Buffer.from('ASK {}', 'utf16le') }, /^charset "utf-16" is not accepted/],
    ['Content-Encoding: gzip', 415, '/sparql', { method: 'POST', headers: { ...DIRECT, 'content-encoding': 'gzip' }, body: gzipSync('ASK {}') }, /^request bodies with Content-Encoding gzip are not accepted; send the body uncompressed\n$/],
  ])('refuses %s with %i and a message', async (name, status, path, init, message) => {
    const res = await req(path, init as RequestInit);
    expect(res.status).toBe(status);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toMatch(message);
    if (/Content-Encoding/.test(name)) expect(res.headers.get('accept-encoding')).toBe('identity'); // RFC 9110 §15.5.16
  });

  it.each([
    ['GET, percent-encoded UTF-8', sparqlUrl('ASK { FILTER("ä✓" = "ä✓") }'), undefined],
    ['direct POST, charset="UTF-8"', '/sparql', { method: 'POST', headers: { 'content-type': 'application/sparql-query; charset="UTF-8"' }, body: 'ASK { FILTER("ä✓" = "ä✓") }' }],
    ['direct POST, Content-Encoding: identity', '/sparql', { method: 'POST', headers: { ...DIRECT, 'content-encoding': 'identity' }, body: 'ASK { FILTER("ä✓" = "ä✓") }' }],
    ['form POST, charset=utf-8', '/sparql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body: form({ query: 'ASK { FILTER("ä✓" = "ä✓") }' }) }],
  ])('answers %s', async (_name, path, init) => {
    const res = await req(path, { ...(init as RequestInit), headers: { accept: 'application/sparql-results+json', ...(init as RequestInit | undefined)?.headers } });
    expect(res.status).toBe(200);
    expect((await res.json()).boolean).toBe(true);
  });
});

describe('preconditions on a POST query (RFC 9110 §13.1.2)', () => {
  const post = (headers: Record<string, string> = {}) => req('/sparql', { method: 'POST', headers: { ...DIRECT, accept: 'application/sparql-results+json', ...headers }, body: 'ASK { ?s ?p ?o }' });

  it('answers a matching If-None-Match with 412 (a POST cannot be answered 304), any other with 200', async () => {
    const first = await post();
    const etag = first.headers.get('etag')!;
    expect(first.status).toBe(200);
    for (const ifNoneMatch of [etag, `W/${etag}`, '*']) {
      const res = await post({ 'if-none-match': ifNoneMatch });
      expect(res.status, ifNoneMatch).toBe(412);
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.text()).toMatch(/^precondition failed: If-None-Match matches the current ETag/);
    }
    expect((await post({ 'if-none-match': '"other"' })).status).toBe(200);
  });

  it('answers a failed If-Match with 412 and a matching one with 200', async () => {
    const etag = (await post()).headers.get('etag')!;
    expect((await post({ 'if-match': '"other"' })).status).toBe(412);
    expect((await post({ 'if-match': etag })).status).toBe(200);
  });
});
