// The SPARQL 1.1 Protocol endpoint: methods, formats, refusals, limits, caching, CORS, service description.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { answerTag } from '../../src/engine/outcome.js';
import { etagOf } from '../../src/server/http.js';
import { BASE, PREFIXES, sparqlUrl, useApp } from './helpers.js';

/** Both engines must pass the same endpoint suite. */
describe.each(['oxigraph', 'comunica'] as const)('%s engine', (engine) => {
  const server = useApp({ engine, limits: { maxRows: 50, maxQueryLength: 2_000, maxBodyBytes: 4_000 } });
  const req = (path: string, init?: RequestInit) => server.current.app.request(path, init);

  const CONCEPTS = `${PREFIXES}SELECT ?c WHERE { ?c a skos:Concept } ORDER BY ?c`;
  const CONSTRUCT = `${PREFIXES}CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c a skos:Concept ; skos:prefLabel ?l }`;
  const G = (name: string) => `${BASE}graph/${name}`;

  /** Parses an RDF body with Oxigraph and returns its triple count. */
  const tripleCount = (body: string, format: string) => oxigraph.parse(body, { format, base_iri: BASE }).length;

  describe('query methods (SPARQL 1.1 Protocol §2.1)', () => {
    const form = new URLSearchParams({ query: CONCEPTS }).toString();
    it.each([
      ['GET ?query=', sparqlUrl(CONCEPTS), undefined],
      ['POST form-encoded', '/sparql', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['POST form with charset', '/sparql', { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' } }],
      ['POST sparql-query', '/sparql', { method: 'POST', body: CONCEPTS, headers: { 'content-type': 'application/sparql-query' } }],
    ])('%s answers SELECT as SPARQL JSON', async (_name, path, init) => {
      const res = await req(path, init as RequestInit);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/sparql-results+json; charset=utf-8');
      const json = await res.json();
      expect(json.results.bindings.map((b: { c: { value: string } }) => b.c.value)).toHaveLength(4);
    });
  });

  describe('result formats by Accept', () => {
    it.each([
      [CONCEPTS, 'application/sparql-results+json', 'application/sparql-results+json', (b: string) => JSON.parse(b).results.bindings.length === 4],
      [CONCEPTS, 'application/json', 'application/sparql-results+json', (b: string) => JSON.parse(b).results.bindings.length === 4],
      [CONCEPTS, 'application/sparql-results+xml', 'application/sparql-results+xml', (b: string) => b.split('<result>').length === 5],
      [CONCEPTS, 'text/csv', 'text/csv', (b: string) => b.trim().split('\r\n').length === 5],
      [CONCEPTS, 'text/tab-separated-values', 'text/tab-separated-values', (b: string) => b.trim().split('\n').length === 5],
      [CONCEPTS, '*/*', 'application/sparql-results+json', () => true],
      // RFC 9110 §12.5.1: the most specific range decides; a wildcard never reaches a type through an alias.
      [CONCEPTS, 'application/sparql-results+json;q=0, */*;q=0.1', 'application/sparql-results+xml', () => true],
      [CONCEPTS, 'application/json;q=0, */*', 'application/sparql-results+xml', () => true],
      [CONCEPTS, 'text/*', 'text/csv', () => true],
      [CONCEPTS, 'application/xml', 'application/sparql-results+xml', () => true],
      [CONSTRUCT, 'text/*;q=0.5, application/*', 'application/n-triples', () => true],
      ['ASK { ?s ?p ?o }', 'application/sparql-results+json', 'application/sparql-results+json', (b: string) => JSON.parse(b).boolean === true],
      ['ASK { ?s ?p ?o }', 'application/sparql-results+xml', 'application/sparql-results+xml', (b: string) => b.includes('<boolean>true</boolean>')],
      [CONSTRUCT, 'text/turtle', 'text/turtle', (b: string) => tripleCount(b, 'ttl') === 8],
      [CONSTRUCT, 'application/n-triples', 'application/n-triples', (b: string) => tripleCount(b, 'nt') === 8],
      [CONSTRUCT, 'application/ld+json', 'application/ld+json', (b: string) => tripleCount(b, 'jsonld') === 8],
      [CONSTRUCT, 'application/rdf+xml', 'application/rdf+xml', (b: string) => tripleCount(b, 'rdf') === 8],
      [CONSTRUCT, 'application/n-quads', 'application/n-quads', (b: string) => tripleCount(b, 'nq') === 8],
      [CONSTRUCT, 'application/trig', 'application/trig', (b: string) => tripleCount(b, 'trig') === 8],
      [`DESCRIBE <${BASE}lkp/2016/4.4>`, 'text/turtle', 'text/turtle', (b: string) => tripleCount(b, 'ttl') > 3],
    ])('%#: Accept %s → %s', async (query, accept, type, check) => {
      const res = await req(sparqlUrl(query), { headers: { accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      const body = await res.text();
      // The response cache adds Accept-Encoding to Vary on bodies it may compress (1 KiB and more).
      expect(res.headers.get('vary')).toBe(Buffer.byteLength(body) >= 1024 ? 'Accept, Accept-Encoding' : 'Accept');
      expect(check(body)).toBe(true);
    });

    it.each([
      ['SELECT', `${PREFIXES}SELECT ?c WHERE { ?c a skos:Concept }`, ['head', 'results']],
      ['ASK', 'ASK { ?s ?p ?o }', ['head', 'boolean']],
    ])('SPARQL JSON of %s has exactly the members the format defines (SPARQL 1.1 JSON Results §3)', async (_name, query, members) => {
      const json = await (await req(sparqlUrl(query), { headers: { accept: 'application/sparql-results+json' } })).json();
      expect(Object.keys(json)).toEqual(members);
    });

    it.each([
      ['no variable', 'SELECT * {}', []],
      ['one variable, no solution', 'SELECT ?x { FILTER(false) }', ['x']],
    ])('an answer with %s still has head.vars in SPARQL JSON (SPARQL 1.1 JSON Results §3.1; found by an audit)', async (_name, query, vars) => {
      const json = await (await req(sparqlUrl(query), { headers: { accept: 'application/sparql-results+json' } })).json();
      expect(json.head.vars).toEqual(vars);
    });

    it('?format=xyz, which names no format at all, is 400 listing the formats for SELECT', async () => {
      const res = await req(sparqlUrl(CONCEPTS, { format: 'xyz' }));
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/^unknown format "xyz"; \?format= takes one of: json, application\/sparql-results\+json/);
    });

    it.each([
      [CONCEPTS, 'ttl', 'SELECT', 'json, application/sparql-results+json, application/json, xml, '],
      ['ASK {}', 'csv', 'ASK', 'json, application/sparql-results+json, application/json, xml, application/sparql-results+xml, application/xml, text/xml\n'],
      ['ASK {}', 'text/tab-separated-values', 'ASK', 'json, '],
      [CONSTRUCT, 'csv', 'CONSTRUCT', 'ttl, turtle, n3, text/turtle, '],
    ])('%#: a format of another query form (%s) is 400 saying it is not one for %s answers', async (query, format, form, list) => {
      const res = await req(sparqlUrl(query, { format }));
      expect(res.status).toBe(400);
      const why = form === 'ASK' ? " (the W3C's CSV and TSV result formats are defined for SELECT results only)" : '';
      expect(await res.text()).toContain(`${format} is not a format for ${form} answers${why}; ?format= takes one of: ${list}`);
    });

    it('does not echo a long Accept header in full', async () => {
      const accept = `image/png, ${'x/y;q=0.1, '.repeat(7_000)}image/gif`;
      const res = await req(sparqlUrl('ASK {}'), { headers: { accept } });
      expect(res.status).toBe(406);
      const text = await res.text();
      expect(text).toMatch(/^cannot answer this ASK query as image\/png, x\/y;q=0\.1, .*…; available: application\/sparql-results\+json, application\/sparql-results\+xml\n$/);
      expect(text.length).toBeLessThan(250);
    });

    it('names an undeclared prefix in its error', async () => {
      const res = await req(sparqlUrl('SELECT * { ?s foo:label ?o }'));
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/prefix.*foo/i);
    });

    // Comunica would declare common prefixes (xsd:, skos:) itself: the pre-check refuses them first, for both engines.
    it.each([
      ['SELECT * { ?s foo:label ?o }', 'error at 1:15: undeclared prefix "foo:" (declare it first: PREFIX foo: <…>)'],
      ['SELECT * { ?s ?p ?o BIND(xsd:integer("1") AS ?y) }', 'error at 1:26: undeclared prefix "xsd:" (declare it first: PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>)'],
      ['SELECT * { ?s ?p ?o FILTER(?o = skos:x) }', 'error at 1:33: undeclared prefix "skos:" (declare it first: PREFIX skos: <http://www.w3.org/2004/02/skos/core#>)'],
      ['SELECT * FROM ex:g { ?s ?p ?o }', 'error at 1:15: undeclared prefix "ex:" (declare it first: PREFIX ex: <…>)'],
    ])('names an undeclared prefix, wherever it is used, with the PREFIX line that fixes it: %s', async (query, message) => {
      const res = await req(sparqlUrl(query));
      expect(res.status).toBe(400);
      expect(await res.text()).toBe(`syntax error: ${message}\n`);
    });

    it('refuses an undeclared prefix the engine would know (skos: is no built-in of SPARQL)', async () => {
      const res = await req(sparqlUrl('SELECT * { ?s skos:prefLabel ?o } LIMIT 1'));
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('syntax error: error at 1:15: undeclared prefix "skos:" (declare it first: PREFIX skos: <http://www.w3.org/2004/02/skos/core#>)\n');
    });

    it.each([
      ['an IRI with a space', 'SELECT * { <a b> ?p ?o }', 'error at 1:12: IRI parsing failed (an IRI in <…> holds no spaces'],
      ['a stray character', 'SELECT * { ?s ?p ?o } LIMIT x', 'error at 1:29: '],
      ['a variable bound twice in SELECT', 'SELECT (1 AS ?x) (2 AS ?x) {}', ''],
      ['an unbound variable in a grouped SELECT', 'SELECT ?x { ?s ?p ?o } GROUP BY ?s', ''],
    ])('says "syntax error" for %s, with its position where the engine gives one', async (_name, query, start) => {
      const res = await req(sparqlUrl(query));
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text.slice(0, `syntax error: ${start}`.length)).toBe(`syntax error: ${start}`);
    });

    it('gives the pre-check\'s positions as line:column, like the parser', async () => {
      const res = await req(sparqlUrl('SELECT * {\n  ?s ?p "abc }'));
      expect(res.status).toBe(400);
      expect(await res.text()).toBe('syntax error: error at 2:9: unterminated string\n');
    });

    it('honours ?format= over Accept', async () => {
      const res = await req(sparqlUrl(CONCEPTS, { format: 'csv' }), { headers: { accept: 'application/sparql-results+xml' } });
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    });
  });

  describe('dataset: union default graph, named graphs, FROM and protocol graph parameters', () => {
    const count = async (query: string, extra: Record<string, string | string[]> = {}) => {
      const res = await req(sparqlUrl(query, extra), { headers: { accept: 'application/json' } });
      expect(res.status).toBe(200);
      return Number((await res.json()).results.bindings[0].n.value);
    };
    const ALL = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
    it.each([
      ['union default graph', ALL, {}, 69],
      ['GRAPH ?g sees each named graph', 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }', {}, 69],
      ['FROM one local graph', `SELECT (COUNT(*) AS ?n) FROM <${G('sdg')}> WHERE { ?s ?p ?o }`, {}, 10],
      ['FROM two local graphs', `SELECT (COUNT(*) AS ?n) FROM <${G('sdg')}> FROM <${G('links')}> WHERE { ?s ?p ?o }`, {}, 27],
      ['FROM NAMED', `SELECT (COUNT(*) AS ?n) FROM NAMED <${G('sdg')}> WHERE { GRAPH ?g { ?s ?p ?o } }`, {}, 10],
      ['default-graph-uri', ALL, { 'default-graph-uri': G('links') }, 17],
      ['default-graph-uri overrides FROM', `SELECT (COUNT(*) AS ?n) FROM <${G('sdg')}> WHERE { ?s ?p ?o }`, { 'default-graph-uri': G('links') }, 17],
      ['named-graph-uri', 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }', { 'named-graph-uri': [G('sdg'), G('links')] }, 27],
      // the default graph is a merge, a set: a graph named twice counts once
      ['FROM the same graph twice', `SELECT (COUNT(*) AS ?n) FROM <${G('sdg')}> FROM <${G('sdg')}> WHERE { ?s ?p ?o }`, {}, 10],
      ['FROM NAMED the same graph twice', `SELECT (COUNT(*) AS ?n) FROM NAMED <${G('sdg')}> FROM NAMED <${G('sdg')}> WHERE { GRAPH ?g { ?s ?p ?o } }`, {}, 10],
      ['default-graph-uri twice', ALL, { 'default-graph-uri': [G('links'), G('links')] }, 17],
      ['named-graph-uri twice', 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }', { 'named-graph-uri': [G('sdg'), G('sdg')] }, 10],
      // the protocol's dataset replaces the query's, which is then not looked at (SPARQL 1.1 Protocol §2.1.4)
      ['default-graph-uri overrides a FROM this dataset lacks', 'SELECT (COUNT(*) AS ?n) FROM <http://example.org/elsewhere> WHERE { ?s ?p ?o }', { 'default-graph-uri': G('links') }, 17],
    ])('%s', async (_name, query, extra, expected) => {
      expect(await count(query, extra)).toBe(expected);
    });
  });

  // An empty pattern in GRAPH ?g is one solution per named graph (SPARQL 1.1 Query, "Evaluation Semantics": the evaluation of Graph). Comunica 5.4
  // evaluates patterns as quads and loses the graph of an empty one: one solution with ?g unbound, and
  // ASK { GRAPH <g> {} } is true for any <g>. The README lists this among the engines' differences.
  it('GRAPH ?g {} lists the named graphs (Comunica: documented exception)', async () => {
    const res = await req(sparqlUrl('SELECT DISTINCT ?g WHERE { GRAPH ?g {} } ORDER BY ?g'), { headers: { accept: 'application/json' } });
    const rows = (await res.json()).results.bindings as Array<{ g?: { value: string } }>;
    const ask = await req(sparqlUrl('ASK { GRAPH <http://example.org/no-such-graph> {} }'), { headers: { accept: 'application/json' } });
    if (engine === 'oxigraph') {
      expect(rows.map((r) => r.g?.value)).toEqual([G('links'), G('lkp2016'), G('sdg'), G('vision2035')]);
      expect((await ask.json()).boolean).toBe(false);
    } else {
      expect(rows).toEqual([{}]);
      expect((await ask.json()).boolean).toBe(true);
    }
  });

  describe('base IRI: the endpoint\'s own (SPARQL 1.1 Protocol §2.3)', () => {
    const ENDPOINT = `${BASE}sparql`;
    const bindings = async (query: string) => {
      const res = await req(sparqlUrl(query), { headers: { accept: 'application/json' } });
      expect(res.status).toBe(200);
      return (await res.json()).results.bindings as Array<Record<string, { value: string }>>;
    };

    it('W3C query_content_type_construct: a relative IRI resolves against the endpoint', async () => {
      const res = await req('/sparql', {
        method: 'POST',
        body: 'CONSTRUCT { <s> <p> 1 } WHERE {}',
        headers: { 'content-type': 'application/sparql-query', accept: 'application/n-triples' },
      });
      expect(res.status).toBe(200);
      expect((await res.text()).trim()).toBe(`<${BASE}s> <${BASE}p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`);
    });

    it('<> is the endpoint, <#x> a fragment of it, and a BASE in the query wins', async () => {
      expect(await bindings('SELECT (<> AS ?b) (<#x> AS ?f) (<graph/sdg> AS ?g) WHERE {}')).toEqual([
        { b: { type: 'uri', value: ENDPOINT }, f: { type: 'uri', value: `${ENDPOINT}#x` }, g: { type: 'uri', value: G('sdg') } },
      ]);
      expect(await bindings('BASE <http://example.org/a/> SELECT (<s> AS ?b) WHERE {}')).toEqual([{ b: { type: 'uri', value: 'http://example.org/a/s' } }]);
    });

    it('resolves relative IRIs as RFC 3986 §5.2 does: dot-segments removed, a network-path reference keeps the scheme', async () => {
      expect(await bindings('SELECT (<../x> AS ?a) (<./y> AS ?b) (<//h/z> AS ?c) (<?q> AS ?d) (<a/./b/../c> AS ?e) WHERE {}')).toEqual([
        {
          a: { type: 'uri', value: 'https://w3id.org/x' },
          b: { type: 'uri', value: `${BASE}y` },
          c: { type: 'uri', value: 'https://h/z' },
          d: { type: 'uri', value: `${ENDPOINT}?q` },
          e: { type: 'uri', value: `${BASE}a/c` },
        },
      ]);
      expect(await bindings('BASE <http://e.org/a/b/c> PREFIX p: <../p/> SELECT (<../x> AS ?a) (<../../../x> AS ?b) (p:q AS ?c) (<http://e.org/a/../kept> AS ?d) WHERE {}')).toEqual([
        {
          a: { type: 'uri', value: 'http://e.org/a/x' },
          b: { type: 'uri', value: 'http://e.org/x' },
          c: { type: 'uri', value: 'http://e.org/a/p/q' },
          d: { type: 'uri', value: 'http://e.org/a/../kept' }, // an absolute IRI is taken as written
        },
      ]);
      expect(await bindings('BASE <urn:a:b> SELECT (<y> AS ?a) (<../z> AS ?b) WHERE {}')).toEqual([
        { a: { type: 'uri', value: 'urn:y' }, b: { type: 'uri', value: 'urn:z' } },
      ]);
    });

    it('matches data by a relative IRI with dot-segments', async () => {
      const res = await req(sparqlUrl('ASK { <../helsingborg-livskvalitet/lkp/2016/./4.4> ?p ?o }'), { headers: { accept: 'application/json' } });
      expect((await res.json()).boolean).toBe(true);
    });

    it('a relative FROM names the same graph as its absolute IRI, and one this dataset lacks is refused by its full IRI', async () => {
      expect(await bindings('SELECT (COUNT(*) AS ?n) FROM <graph/sdg> WHERE { ?s ?p ?o }')).toEqual([
        { n: { type: 'literal', value: '10', datatype: 'http://www.w3.org/2001/XMLSchema#integer' } },
      ]);
      const res = await req(sparqlUrl('SELECT * FROM <graph/nope> WHERE { ?s ?p ?o }'));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain(`<${G('nope')}> is not a graph of this dataset`);
    });
  });

  describe('refusals and errors', () => {
    const long = `SELECT * WHERE { ?s ?p ?o } # ${'x'.repeat(2_100)}`;
    it.each([
      ['update via GET', 400, '/sparql?update=DROP%20ALL', undefined, /read-only/],
      ['update text as query', 400, sparqlUrl('INSERT DATA { <a> <b> <c> }'), undefined, /read-only/],
      ['update via POST', 400, '/sparql', { method: 'POST', body: 'DROP ALL', headers: { 'content-type': 'application/sparql-update' } }, /read-only/],
      ['update via form', 400, '/sparql', { method: 'POST', body: 'update=DROP%20ALL', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, /read-only/],
      ['LOAD', 400, sparqlUrl('LOAD <http://example.org/x.ttl>'), undefined, /read-only/],
      ['SERVICE', 400, sparqlUrl('SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }'), undefined, /SERVICE is not supported/],
      ['FROM a remote graph', 400, sparqlUrl('SELECT * FROM <http://dbpedia.org/> { ?s ?p ?o }'), undefined, /not a graph of this dataset/],
      ['FROM NAMED a file', 400, sparqlUrl('SELECT * FROM NAMED <file:///etc/passwd> { ?s ?p ?o }'), undefined, /not a graph of this dataset/],
      ['unknown default-graph-uri', 400, sparqlUrl('ASK {}', { 'default-graph-uri': 'http://example.org/g' }), undefined, /not a graph/],
      ['default-graph-uri that is no IRI', 400, sparqlUrl('ASK {}', { 'default-graph-uri': 'my graph' }), undefined, /^"my graph" is no absolute IRI, so it names no graph \(a graph is named by its full IRI\); named graphs: </],
      // Both engines: Comunica's parser gives no position, so the one Traqula's recognizer reports is used.
      ['syntax error with position', 400, sparqlUrl('SELECT * WHERE { ?s ?p ?o '), undefined, /^syntax error: error at 1:27: expected "\}" but found the end of the query\n$/],
      ['empty query', 400, sparqlUrl(' '), undefined, /empty/],
      // Both engines say the same of a grouping error and a function they lack, at the place and with the name.
      ['ungrouped variable', 400, sparqlUrl('SELECT ?s ?p WHERE { ?s ?p ?o } GROUP BY ?s'), undefined, /^syntax error: error at 1:11: \?p is returned but neither grouped \(GROUP BY\) nor inside an aggregate; /],
      ['aggregate in FILTER', 400, sparqlUrl('SELECT * WHERE { ?s ?p ?o FILTER(COUNT(?s) > 1) }'), undefined, /^syntax error: error at 1:34: COUNT is an aggregate, which may stand in SELECT, HAVING and ORDER BY but not in FILTER\n$/],
      ['unknown function', 400, sparqlUrl('PREFIX ex: <http://ex.org/> SELECT ?m WHERE { BIND(ex:foo(1) AS ?m) }'), undefined, /^the custom function <http:\/\/ex.org\/foo> is not supported\n$/i],
      ['too deep', 400, sparqlUrl(`SELECT * ${'{'.repeat(80)}${'}'.repeat(80)}`), undefined, /nesting/],
      ['too long GET', 414, sparqlUrl(long), undefined, /longer than/],
      ['too long POST', 413, '/sparql', { method: 'POST', body: long, headers: { 'content-type': 'application/sparql-query' } }, /longer than/],
      ['body too large', 413, '/sparql', { method: 'POST', body: `query=${'x'.repeat(5_000)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } }, /body larger/],
      ['too many rows', 400, sparqlUrl('SELECT * { ?s ?p ?o }'), undefined, /^the result has more solutions than the limit of 50; add a LIMIT of at most 50\n$/],
      ['too many triples', 400, sparqlUrl('CONSTRUCT WHERE { ?s ?p ?o }'), undefined, engine === 'oxigraph' ? /^the result has \d+ triples, more than the limit of 50; add a LIMIT\n$/ : /^the result has more triples than the limit of 50; add a LIMIT\n$/],
      ['unacceptable Accept', 406, sparqlUrl(CONCEPTS), { headers: { accept: 'image/png' } }, /available/],
      ['text/* for CONSTRUCT without Turtle (no text type left)', 406, sparqlUrl(CONSTRUCT), { headers: { accept: 'text/turtle;q=0, text/*' } }, /available/],
      ['CSV for ASK', 406, sparqlUrl('ASK {}'), { headers: { accept: 'text/csv' } }, /defined for SELECT results only\); available/],
      ['wrong Content-Type', 415, '/sparql', { method: 'POST', body: CONCEPTS, headers: { 'content-type': 'text/plain' } }, /sparql-query/],
      ['POST without query', 400, '/sparql', { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, /missing/],
      ['PUT', 405, '/sparql', { method: 'PUT', body: CONCEPTS }, /^PUT is not allowed here; allowed: GET, HEAD, POST, OPTIONS\n$/],
      ['DELETE', 405, '/sparql', { method: 'DELETE' }, /^DELETE is not allowed/],
      ['PATCH', 405, '/sparql', { method: 'PATCH', body: CONCEPTS }, /^PATCH is not allowed/],
    ])('%s → %i', async (_name, status, path, init, message) => {
      const res = await req(path, init as RequestInit);
      expect(res.status).toBe(status);
      // Errors carry the same CORS headers as successes, so scripts on other origins can read them.
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-expose-headers')).toBe('ETag, Link, Content-Location, Retry-After, Last-Modified, Content-Range');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toMatch(message);
      if (status === 405) expect(res.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    });

    it.each([
      ['/sparql', 'GET, HEAD, POST, OPTIONS'],
      ['/lkp/2016/4.4', 'GET, HEAD, OPTIONS'],
    ])('answers a plain OPTIONS %s with 204 and Allow: %s', async (path, allow) => {
      const res = await req(path, { method: 'OPTIONS' });
      expect(res.status).toBe(204);
      expect(res.headers.get('allow')).toBe(allow);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    });

    it.each(['PUT', 'DELETE', 'PATCH', 'POST'])('answers %s on a resource with 405 and Allow: GET, HEAD, OPTIONS', async (method) => {
      const res = await req('/lkp/2016/4.4', { method, body: method === 'DELETE' ? undefined : 'x' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(await res.text()).toBe(`${method} is not allowed here; allowed: GET, HEAD, OPTIONS\n`);
    });
  });

  describe('caching and headers', () => {
    it('gives identical queries the same ETag and answers If-None-Match with 304', async () => {
      const url = sparqlUrl(CONCEPTS);
      const first = await req(url);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^".+"$/);
      const second = await req(url);
      expect(second.headers.get('etag')).toBe(etag);
      const revalidated = await req(url, { headers: { 'if-none-match': etag! } });
      expect(revalidated.status).toBe(304);
      expect(await revalidated.text()).toBe('');
    });

    it.each([
      ['SELECT as JSON', sparqlUrl(CONCEPTS), 'application/sparql-results+json'],
      ['SELECT as CSV', sparqlUrl(CONCEPTS), 'text/csv'],
      ['CONSTRUCT as Turtle', sparqlUrl(CONSTRUCT), 'text/turtle'],
      ['non-ASCII text', sparqlUrl('SELECT ("Hälsa – ÅÄÖ ✓" AS ?x) {}'), 'application/sparql-results+json'],
    ])('sends the strong ETag of the media type and the exact body bytes (computed by the engine): %s', async (_name, url, accept) => {
      const res = await req(url, { headers: { accept } });
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(res.headers.get('etag')).toBe(answerTag(accept, bytes));
      expect(res.headers.get('etag')).toBe(answerTag(accept, Buffer.from(new TextDecoder().decode(bytes))));
    });

    it.each([
      ['GET, br', sparqlUrl(CONSTRUCT), { accept: 'application/n-triples', 'accept-encoding': 'gzip, deflate, br' }, undefined, 'br'],
      ['GET, gzip', sparqlUrl(CONSTRUCT), { accept: 'application/n-triples', 'accept-encoding': 'gzip' }, undefined, 'gzip'],
      ['POST, br', '/sparql', { accept: 'application/n-triples', 'accept-encoding': 'br', 'content-type': 'application/sparql-query' }, CONSTRUCT, 'br'],
      ['br refused with q=0', sparqlUrl(CONSTRUCT), { accept: 'application/n-triples', 'accept-encoding': 'br;q=0, gzip' }, undefined, 'gzip'],
    ] as const)('compresses an answer of 1 KiB or more in the engine (%s): own ETag, Vary, same text', async (_name, path, headers, body, coding) => {
      const init = { method: body ? 'POST' : 'GET', headers, ...(body ? { body } : {}) };
      const coded = await req(path, init);
      const plain = await req(path, { ...init, headers: { ...headers, 'accept-encoding': 'identity' } });
      expect(coded.status).toBe(200);
      expect(coded.headers.get('content-encoding')).toBe(coding);
      expect(plain.headers.get('content-encoding')).toBeNull();
      const text = await plain.text();
      expect(text.length).toBeGreaterThanOrEqual(1024);
      const bytes = Buffer.from(await coded.arrayBuffer());
      expect((coding === 'br' ? brotliDecompressSync(bytes) : gunzipSync(bytes)).toString('utf8')).toBe(text);
      expect(bytes.length).toBeLessThan(Buffer.byteLength(text));
      expect(coded.headers.get('etag')).toBe(`${answerTag('application/n-triples', Buffer.from(text)).slice(0, -1)}-${coding}"`);
      for (const res of [coded, plain]) expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
    });

    it('sends a short answer as it is, whatever the client accepts', async () => {
      const res = await req(sparqlUrl('ASK {}'), { headers: { 'accept-encoding': 'br, gzip' } });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept');
    });

    it('sends CORS headers, also on preflight', async () => {
      expect((await req(sparqlUrl('ASK {}'))).headers.get('access-control-allow-origin')).toBe('*');
      const pre = await req('/sparql', { method: 'OPTIONS', headers: { origin: 'https://x.example', 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    });
  });

  describe('service description (GET without query)', () => {
    it.each([
      ['text/turtle', 'text/turtle', 'ttl'],
      ['*/*', 'text/turtle', 'ttl'],
      ['application/n-triples', 'application/n-triples', 'nt'],
      ['application/rdf+xml', 'application/rdf+xml', 'rdf'],
      ['application/ld+json', 'application/ld+json', 'jsonld'],
      // The aliases resource documents accept (RFC 9110 conneg: they count when named).
      ['application/json', 'application/ld+json', 'jsonld'],
      ['text/plain', 'application/n-triples', 'nt'],
      ['application/xml', 'application/rdf+xml', 'rdf'],
      ['application/x-turtle', 'text/turtle', 'ttl'],
      ['text/n3', 'text/turtle', 'ttl'],
      ['text/html;q=0.5, application/json', 'application/ld+json', 'jsonld'],
    ])('Accept %s → %s', async (accept, type, format) => {
      const res = await req('/sparql', { headers: { accept } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
      const body = await res.text();
      const store = new oxigraph.Store();
      if (format === 'jsonld') {
        // The compacted document references our published context by URL; expand it locally.
        const { JSONLD_CONTEXT } = await import('../../src/server/context.js');
        store.load(JSON.stringify({ ...JSON.parse(body), '@context': JSONLD_CONTEXT }), { format, base_iri: BASE });
      } else store.load(body, { format, base_iri: BASE });
      const sd = 'http://www.w3.org/ns/sparql-service-description#';
      expect(store.match(null, oxigraph.namedNode(`${sd}endpoint`), oxigraph.namedNode(`${BASE}sparql`), null)).toHaveLength(1);
      expect(store.match(null, oxigraph.namedNode(`${sd}name`), null, null)).toHaveLength(4);
    });

    it('varies by Accept only where Accept chose: not with ?format= (RFC 9110 §12.5.5)', async () => {
      const fixed = await req('/sparql?format=turtle', { headers: { accept: 'image/png', 'accept-encoding': 'gzip' } });
      expect(fixed.status).toBe(200);
      expect(fixed.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
      expect(fixed.headers.get('vary')).toBe('Accept-Encoding');
      const negotiated = await req('/sparql', { headers: { accept: 'text/turtle', 'accept-encoding': 'gzip' } });
      expect(negotiated.headers.get('vary')).toBe('Accept, Accept-Encoding');
    });

    it('names the node of each named graph by the graph, so a graph added later changes no other node\'s IRI', async () => {
      const store = new oxigraph.Store();
      store.load(await (await req('/sparql', { headers: { accept: 'text/turtle' } })).text(), { format: 'ttl', base_iri: BASE });
      const name = oxigraph.namedNode('http://www.w3.org/ns/sparql-service-description#name');
      const nodes = store.match(null, name, null, null).map((q) => [q.subject.value, q.object.value] as const);
      expect(nodes.length).toBeGreaterThan(0);
      for (const [node, graph] of nodes) expect(node).toBe(`${BASE}sparql#named-graph-${graph.slice(`${BASE}graph/`.length)}`);
    });

    it('has a strong ETag and Last-Modified, revalidates, and is compressed by the response cache', async () => {
      const plain = await req('/sparql', { headers: { accept: 'text/turtle' } });
      const text = await plain.text();
      expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1024);
      expect(plain.headers.get('etag')).toBe(etagOf(text));
      expect(plain.headers.get('last-modified')).toMatch(/GMT$/);
      expect(plain.headers.get('vary')).toBe('Accept, Accept-Encoding');
      const coded = await req('/sparql', { headers: { accept: 'text/turtle', 'accept-encoding': 'br' } });
      expect(coded.headers.get('content-encoding')).toBe('br');
      expect(coded.headers.get('etag')).toBe(`${etagOf(text).slice(0, -1)}-br"`);
      expect(brotliDecompressSync(Buffer.from(await coded.arrayBuffer())).toString('utf8')).toBe(text);
      expect((await req('/sparql', { headers: { accept: 'text/turtle', 'if-none-match': etagOf(text) } })).status).toBe(304);
      expect((await req('/sparql', { headers: { accept: 'text/turtle', 'if-match': '"other"' } })).status).toBe(412);
    });

    it('gives a browser an HTML page', async () => {
      const res = await req('/sparql', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('<form');
    });
  });
});
