// The requests common SPARQL clients send, answered as they expect: SPARQLWrapper 2 (Python, the
// RDFLib project's) names its return format in three parameters as well as in Accept.
import { describe, expect, it } from 'vitest';
import { useApp } from './helpers.js';

const server = useApp();
const req = (path: string, init?: RequestInit) => server.current.app.request(path, init);

const SELECT = 'SELECT ?s WHERE { ?s a <http://www.w3.org/2004/02/skos/core#ConceptScheme> } LIMIT 2';
const ASK = 'ASK { ?s ?p ?o }';
const CONSTRUCT = 'CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 2';
const DESCRIBE = 'DESCRIBE <https://w3id.org/helsingborg-livskvalitet/lkp/2016/4.4.3>';

/**
 * A request as SPARQLWrapper 2 builds it (Wrapper.py, `_getRequestEncodedParameters` and
 * `_getAcceptHeader`): `format`, `output` and `results` each carry the return format's name, and
 * for TSV and JSON-LD a second value, the Accept header it sends.
 */
function sparqlWrapper(query: string, returnFormat: string, accept: string, method: 'GET' | 'POST' = 'GET'): [string, RequestInit] {
  const params = new URLSearchParams();
  params.append('query', query);
  for (const name of ['format', 'output', 'results']) {
    params.append(name, returnFormat);
    if (returnFormat === 'tsv' || returnFormat === 'json-ld') params.append(name, accept);
  }
  if (method === 'GET') return [`/sparql?${params}`, { headers: { accept } }];
  return ['/sparql', { method, headers: { accept, 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() }];
}

const N3_TYPES = 'text/rdf+n3,application/n-triples,application/turtle,application/n3,text/n3,text/turtle';

describe('SPARQLWrapper 2, with its default of format parameters as well as Accept', () => {
  it.each([
    ['SELECT', 'xml (the default)', SELECT, 'xml', 'application/sparql-results+xml', 'application/sparql-results+xml'],
    ['SELECT', 'json', SELECT, 'json', 'application/sparql-results+json,application/json,text/javascript,application/javascript', 'application/sparql-results+json'],
    ['SELECT', 'csv', SELECT, 'csv', 'text/csv', 'text/csv'],
    ['SELECT', 'tsv', SELECT, 'tsv', 'text/tab-separated-values', 'text/tab-separated-values'],
    ['ASK', 'xml (the default)', ASK, 'xml', 'application/sparql-results+xml', 'application/sparql-results+xml'],
    ['ASK', 'json', ASK, 'json', 'application/sparql-results+json,application/json,text/javascript,application/javascript', 'application/sparql-results+json'],
    ['CONSTRUCT', 'xml (the default: RDF/XML)', CONSTRUCT, 'xml', 'application/rdf+xml', 'application/rdf+xml'],
    ['CONSTRUCT', 'rdf+xml', CONSTRUCT, 'rdf+xml', '*/*', 'application/rdf+xml'],
    ['CONSTRUCT', 'rdf', CONSTRUCT, 'rdf', '*/*', 'application/rdf+xml'],
    ['CONSTRUCT', 'turtle', CONSTRUCT, 'turtle', N3_TYPES, 'text/turtle'],
    ['CONSTRUCT', 'n3 (answered as Turtle, which is N3)', CONSTRUCT, 'n3', N3_TYPES, 'text/turtle'],
    ['CONSTRUCT', 'json-ld', CONSTRUCT, 'json-ld', 'application/x-json+ld,application/ld+json', 'application/ld+json'],
    ['CONSTRUCT', 'json (JSON-LD, as application/json is)', CONSTRUCT, 'json', '*/*', 'application/ld+json'],
    ['DESCRIBE', 'xml (the default: RDF/XML)', DESCRIBE, 'xml', 'application/rdf+xml', 'application/rdf+xml'],
    ['DESCRIBE', 'turtle', DESCRIBE, 'turtle', N3_TYPES, 'text/turtle'],
  ])('%s as %s: 200 in the format asked for', async (_form, _name, query, returnFormat, accept, type) => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await req(...sparqlWrapper(query, returnFormat, accept, method));
      expect(res.status, `${method}: ${await res.clone().text()}`).toBe(200);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    }
  });

  it('answers N3 asked for by its media type, in ?format= or Accept, with Turtle (which is N3)', async () => {
    const query = encodeURIComponent(CONSTRUCT);
    for (const [path, accept] of [[`/sparql?query=${query}&format=text/n3`, '*/*'], [`/sparql?query=${query}`, 'text/n3']]) {
      const res = await req(path!, { headers: { accept: accept! } });
      expect(res.status, await res.clone().text()).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    }
  });

  it('answers a CONSTRUCT asked for as xml with RDF/XML', async () => {
    const res = await req(...sparqlWrapper(CONSTRUCT, 'xml', 'application/rdf+xml'));
    expect(await res.text()).toMatch(/^<\?xml[^>]*>\s*<rdf:RDF/);
  });
});

describe('?format= given more than once, or as a list', () => {
  const q = (query: string) => `/sparql?query=${encodeURIComponent(query)}`;
  it.each([
    ['a SELECT, tsv and its media type', `${q(SELECT)}&format=tsv&format=text/tab-separated-values`, 'text/tab-separated-values'],
    ['a SELECT, json twice', `${q(SELECT)}&format=json&format=json`, 'application/sparql-results+json'],
    ['a CONSTRUCT, a list with one type we serve', `${q(CONSTRUCT)}&format=${encodeURIComponent('application/x-json+ld,application/ld+json')}`, 'application/ld+json'],
    ['a page, ttl and its media type', '/lkp/2016/4.4.3?format=ttl&format=text/turtle', 'text/turtle'],
    ['a page, turtle', '/lkp/2016/4.4.3?format=turtle', 'text/turtle'],
    ['the catalogue, turtle and ttl', '/datasets/dcat?format=turtle&format=ttl', 'text/turtle'],
  ])('%s: values naming one format are that format', async (_name, url, type) => {
    const res = await req(url);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
  });

  it.each([
    ['a SELECT, csv and xml', `${q(SELECT)}&format=csv&format=xml`, /^\?format= names 2 formats here \(csv, xml\); send one\. \?format= takes one of: json, /],
    ['a SELECT, the list csv,tsv', `${q(SELECT)}&format=${encodeURIComponent('csv,tsv')}`, /^\?format= names 2 formats here \(csv, tsv\); send one\./],
    ['a page, ttl and nt', '/lkp/2016/4.4.3?format=ttl&format=nt', /^\?format= names 2 formats here \(ttl, nt\); send one\. \?format= takes one of: html, /],
    ['the catalogue, ttl and rdf', '/datasets/dcat?format=ttl&format=rdf', /^\?format= names 2 formats here \(ttl, rdf\); send one\./],
  ])('%s: values naming different formats get 400 saying which', async (_name, url, message) => {
    const res = await req(url);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(message);
  });

  it('still refuses a value that names no format, naming it', async () => {
    const res = await req(`/sparql?query=${encodeURIComponent(CONSTRUCT)}&format=yaml`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^unknown format "yaml"; \?format= takes one of: ttl, turtle, n3, text\/turtle/);
  });

  it('still says when a format is one of another query form', async () => {
    const res = await req(`/sparql?query=${encodeURIComponent(SELECT)}&format=turtle`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^turtle is not a format for SELECT answers/);
  });
});

describe('rdflib 7 SPARQLStore (its SPARQLConnector)', () => {
  // Accept by return format, as its _response_mime_types has it; "xml" is its default.
  const XML = 'application/sparql-results+xml, application/rdf+xml';

  it.each([
    ['SELECT', SELECT, 'application/sparql-results+xml'],
    ['CONSTRUCT', CONSTRUCT, 'application/rdf+xml'],
  ])('%s through a store opened with default_union=True (no default-graph-uri): 200 as %s', async (_form, query, type) => {
    const res = await req(`/sparql?${new URLSearchParams({ query })}`, { headers: { accept: XML } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
  });

  it('a Dataset\'s own identifier as default-graph-uri: 400 listing the graphs, not an empty answer', async () => {
    const res = await req(`/sparql?${new URLSearchParams({ query: SELECT, 'default-graph-uri': 'urn:x-rdflib:default' })}`, { headers: { accept: XML } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^<urn:x-rdflib:default> is not a graph of this dataset \(nothing is fetched from the web\); named graphs: </);
  });
});
