// Unit tests of the strict protocol readers: parameters, UTF-8, where each parameter may be, POST headers.
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { parseParams, postKind, queryFromPost, queryFromUrl, type PostKind } from './protocol.js';

/** The status and message of the HTTP error `f` throws. */
function refusal(f: () => unknown): [number, string] {
  try {
    f();
  } catch (e) {
    if (e instanceof HTTPException) return [e.status, e.message];
    throw e;
  }
  throw new Error('no error thrown');
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseParams', () => {
  it.each([
    ['query=ASK%7B%7D&format=csv', { query: ['ASK{}'], format: ['csv'] }],
    ['a=1&a=2&b', { a: ['1', '2'], b: [''] }],
    ['q=a+b%2Bc', { q: ['a b+c'] }],
    ['q=100%&r=%zz', { q: ['100%'], r: ['%zz'] }], // as URLSearchParams: a lone % stays
    ['q=%C3%A4%E2%9C%93', { q: ['ä✓'] }],
    ['&&q=1&', { q: ['1'] }],
    ['', {}],
  ])('%j', (text, expected) => {
    expect(Object.fromEntries(parseParams(text))).toEqual(expected);
  });

  it.each([
    ['query=%FF', 'the query is not valid UTF-8 (after percent-decoding)'],
    ['query=ASK%20%7B%3Fs%20%3Fp%20%22%E4%22%7D', 'the query is not valid UTF-8 (after percent-decoding)'],
    ['query=%C0%AF', 'the query is not valid UTF-8 (after percent-decoding)'], // overlong
    ['query=%ED%A0%80', 'the query is not valid UTF-8 (after percent-decoding)'], // a surrogate
    ['default-graph-uri=%E4', 'the default-graph-uri parameter is not valid UTF-8 (after percent-decoding)'],
    ['%FF=1', 'a parameter name is not valid UTF-8 (after percent-decoding)'],
  ])('refuses %s, which is not UTF-8 once decoded', (text, message) => {
    expect(refusal(() => parseParams(text))).toEqual([400, message]);
  });
});

describe('queryFromUrl', () => {
  it.each([
    ['query=ASK%7B%7D', { request: { query: 'ASK{}', defaultGraphs: [], namedGraphs: [] } }],
    ['query=ASK%7B%7D&format=csv', { request: { query: 'ASK{}', defaultGraphs: [], namedGraphs: [] }, format: 'csv' }],
    ['query=ASK%7B%7D&format=', { request: { query: 'ASK{}', defaultGraphs: [], namedGraphs: [] } }],
    // several formats are one list, which the format's lookup reads (and refuses where they disagree)
    ['query=ASK%7B%7D&format=tsv&format=&format=text%2Ftab-separated-values', { request: { query: 'ASK{}', defaultGraphs: [], namedGraphs: [] }, format: 'tsv,text/tab-separated-values' }],
    ['query=ASK%7B%7D&default-graph-uri=g1&default-graph-uri=g2&named-graph-uri=g3', { request: { query: 'ASK{}', defaultGraphs: ['g1', 'g2'], namedGraphs: ['g3'] } }],
    ['format=ttl', undefined],
    ['', undefined],
  ])('%s', (search, expected) => {
    expect(queryFromUrl(search, 100)).toEqual(expected);
  });

  it('counts the limit in characters, not UTF-16 units: 100 emoji are 100 characters', () => {
    const emoji = '😀'.repeat(96);
    expect(queryFromUrl(`query=${encodeURIComponent(`ASK${emoji}#`)}`, 100)?.request.query).toBe(`ASK${emoji}#`);
    expect(refusal(() => queryFromUrl(`query=${encodeURIComponent(`ASK${emoji}##`)}`, 100))).toEqual([414, 'query longer than 100 characters']);
  });

  it.each([
    ['query=ASK%7B%7D&query=ASK%7BFILTER(false)%7D', 400, /^2 query parameters; send exactly one \(SPARQL 1\.1 Protocol §2\.1: a request carries exactly one query\)$/],
    ['update=DROP%20ALL', 400, /read-only/],
    ['query=ASK%7B%7D&update=DROP%20ALL', 400, /read-only/],
    ['query=%20', 400, /^the query is empty$/],
    [`query=${'x'.repeat(101)}`, 414, /^query longer than 100 characters$/],
    ['query=%E4', 400, /^the query is not valid UTF-8/],
  ])('refuses %s', (search, status, message) => {
    const [s, m] = refusal(() => queryFromUrl(search, 100));
    expect(s).toBe(status);
    expect(m).toMatch(message);
  });
});

/** A PostKind from its short name in the tables: 'query', 'form', 'query ascii', 'form ascii'. */
const kindOf = (name: string): PostKind => ({ body: name.startsWith('query') ? 'query' : 'form', ascii: name.endsWith(' ascii') });

describe('postKind', () => {
  it.each([
    ['application/sparql-query', undefined, 'query'],
    ['application/sparql-query; charset=utf-8', undefined, 'query'],
    ['Application/SPARQL-Query;Charset="UTF-8"', 'identity', 'query'],
    ['application/x-www-form-urlencoded', undefined, 'form'],
    ['application/x-www-form-urlencoded; charset=UTF-8', '', 'form'],
    ['application/sparql-query; x="a, b"', undefined, 'query'],
    // US-ASCII is a subset of UTF-8: accepted, and its bytes checked (below)
    ['application/sparql-query; charset=us-ascii', undefined, 'query ascii'],
    ['application/x-www-form-urlencoded; charset="US-ASCII"', undefined, 'form ascii'],
    ['application/sparql-query; charset=ANSI_X3.4-1968', undefined, 'query ascii'],
  ])('%s (Content-Encoding %s) → %s', (type, coding, kind) => {
    expect(postKind(type, coding)).toEqual(kindOf(kind));
  });

  it.each([
    ['application/sparql-query; charset=latin1', undefined, 415, 'charset "latin1" is not accepted: application/sparql-query is read as UTF-8 (send UTF-8, with charset=utf-8 or no charset)'],
    ['application/sparql-query; charset=UTF-16', undefined, 415, 'charset "utf-16" is not accepted: application/sparql-query is read as UTF-8 (send UTF-8, with charset=utf-8 or no charset)'],
    ['application/x-www-form-urlencoded; charset=iso-8859-1', undefined, 415, 'charset "iso-8859-1" is not accepted: application/x-www-form-urlencoded is read as UTF-8 (send UTF-8, with charset=utf-8 or no charset)'],
    ['application/sparql-query', 'gzip', 415, 'request bodies with Content-Encoding gzip are not accepted; send the body uncompressed'],
    ['application/sparql-query', 'identity, br', 415, 'request bodies with Content-Encoding br are not accepted; send the body uncompressed'],
    ['text/plain', undefined, 415, 'send application/sparql-query or application/x-www-form-urlencoded'],
    [undefined, undefined, 415, 'send application/sparql-query or application/x-www-form-urlencoded'],
    ['application/sparql-update', undefined, 400, 'this endpoint is read-only: SPARQL Update is not accepted'],
    // Two Content-Type fields, which a server sees joined (RFC 9110 §8.3: one media type; §5.3).
    ['application/sparql-query, text/plain', undefined, 400, 'Content-Type holds more than one media type ("application/sparql-query, text/plain"): send one'],
  ])('refuses %s (Content-Encoding %s) with %i', (type, coding, status, message) => {
    expect(refusal(() => postKind(type, coding))).toEqual([status, message]);
  });
});

describe('queryFromPost', () => {
  const ASK = { query: 'ASK{}', defaultGraphs: [], namedGraphs: [] };
  it.each([
    ['direct', 'query', '', 'ASK{}', { request: ASK }],
    ['direct, graphs and format in the URL', 'query', 'default-graph-uri=g1&named-graph-uri=g2&format=xml', 'ASK{}', { request: { ...ASK, defaultGraphs: ['g1'], namedGraphs: ['g2'] }, format: 'xml' }],
    ['direct, non-ASCII', 'query', '', 'ASK{FILTER("ä"="ä")}', { request: { ...ASK, query: 'ASK{FILTER("ä"="ä")}' } }],
    ['form', 'form', '', 'query=ASK%7B%7D', { request: ASK }],
    ['form, graphs in the body', 'form', '', 'query=ASK%7B%7D&default-graph-uri=g1&named-graph-uri=g2', { request: { ...ASK, defaultGraphs: ['g1'], namedGraphs: ['g2'] } }],
    ['form, format in the body', 'form', '', 'query=ASK%7B%7D&format=xml', { request: ASK, format: 'xml' }],
    ['form, format in the URL', 'form', 'format=xml', 'query=ASK%7B%7D', { request: ASK, format: 'xml' }],
    ['form, format in the body and the URL: one list', 'form', 'format=csv', 'query=ASK%7B%7D&format=xml', { request: ASK, format: 'xml,csv' }],
    ['direct, declared US-ASCII', 'query ascii', '', 'ASK{}', { request: ASK }],
    ['form, declared US-ASCII, with UTF-8 percent-encoded', 'form ascii', '', 'query=ASK%7BFILTER(%22%C3%A4%22)%7D', { request: { ...ASK, query: 'ASK{FILTER("ä")}' } }],
  ] as const)('%s', (_name, kind, search, body, expected) => {
    expect(queryFromPost(kindOf(kind), search, bytes(body), 100)).toEqual(expected);
  });

  it.each([
    ['two queries in a form', 'form', '', bytes('query=ASK%7B%7D&query=ASK%7B%7D'), 400, /^2 query parameters; send exactly one/],
    ['a direct POST with ?query= too', 'query', 'query=ASK%7B%7D', bytes('ASK{}'), 400, /^the query is the request body; do not send a query parameter in the URL as well/],
    ['a form POST with ?query= too', 'form', 'query=ASK%7B%7D', bytes('query=ASK%7B%7D'), 400, /^with a form POST, send query in the request body, not in the URL/],
    ['a form POST with graphs in the URL', 'form', 'default-graph-uri=g1&named-graph-uri=g2', bytes('query=ASK%7B%7D'), 400, /^with a form POST, send default-graph-uri, named-graph-uri in the request body, not in the URL \(SPARQL 1\.1 Protocol §2\.1\.2\)$/],
    ['a form without a query', 'form', '', bytes('x=1'), 400, /^missing query parameter$/],
    ['update in a form', 'form', '', bytes('update=DROP%20ALL'), 400, /read-only/],
    ['update in the URL', 'query', 'update=DROP%20ALL', bytes('ASK{}'), 400, /read-only/],
    ['a body that is not UTF-8', 'query', '', Uint8Array.from([0x41, 0x53, 0x4b, 0x7b, 0xe4, 0x7d]), 400, /^the query is not valid UTF-8$/],
    ['UTF-16', 'query', '', Uint8Array.from(Buffer.from('\ufeffASK {}', 'utf16le')), 400, /^the query is not valid UTF-8$/],
    ['a form body that is not UTF-8', 'form', '', Uint8Array.from([...bytes('query=ASK'), 0xff]), 400, /^the request body is not valid UTF-8$/],
    ['a form query that is not UTF-8 once decoded', 'form', '', bytes('query=ASK%7B%E4%7D'), 400, /^the query is not valid UTF-8/],
    ['an empty body', 'query', '', bytes(''), 400, /^the query is empty$/],
    ['a long query', 'query', '', bytes('x'.repeat(101)), 413, /^query longer than 100 characters$/],
    ['a query declared US-ASCII that is not', 'query ascii', '', bytes('ASK{FILTER("ä")}'), 400, /^the query is declared US-ASCII \(charset\) but byte 13 is 0xC3, not ASCII: send it as UTF-8, with charset=utf-8 or no charset$/],
    ['a form declared US-ASCII that is not', 'form ascii', '', bytes('query=ä'), 400, /^the request body is declared US-ASCII \(charset\) but byte 7 is 0xC3, not ASCII/],
  ] as const)('refuses %s', (_name, kind, search, body, status, message) => {
    const [s, m] = refusal(() => queryFromPost(kindOf(kind), search, body, 100));
    expect(s).toBe(status);
    expect(m).toMatch(message);
  });
});
