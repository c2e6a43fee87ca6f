// CONSTRUCT and DESCRIBE answers read like the resource documents: Turtle with prefixes, JSON-LD compacted against our context (inline), the same triples in every format.
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { JSONLD_CONTEXT } from '../../src/graph/context.js';
import { fromNTriples, MAX_COMPACTED_TRIPLES } from '../../src/engine/graph-output.js';
import { EngineError } from '../../src/engine/types.js';
import { BASE, PREFIXES, sparqlUrl, useApp } from './helpers.js';

/** The triples of an RDF text as sorted, distinct N-Triples lines (an RDF graph is a set). */
const triples = (body: string, format: string): string[] => [
  ...new Set(oxigraph.parse(body, { format, base_iri: BASE }).map((q) => `${q.subject.toString()} ${q.predicate.toString()} ${q.object.toString()}`)),
].sort();

/** The graph formats besides N-Triples, by Accept and by Oxigraph's name for their parser. */
const BESIDE_NT = [
  ['text/turtle', 'ttl'],
  ['application/trig', 'trig'],
  ['application/ld+json', 'jsonld'],
  ['application/rdf+xml', 'rdf'],
  ['application/n-quads', 'nq'],
] as const;

const CONSTRUCT = `${PREFIXES}CONSTRUCT { ?c skos:prefLabel ?l ; skos:broader ?b ; skos:notation ?n } WHERE { ?c skos:prefLabel ?l ; skos:broader ?b OPTIONAL { ?c skos:notation ?n } }`;

describe.each(['oxigraph', 'comunica'] as const)('graph answers, %s engine', (engine) => {
  const server = useApp({ engine });
  const get = async (query: string, accept: string) => {
    const res = await server.current.app.request(sparqlUrl(query), { headers: { accept } });
    expect(res.status).toBe(200);
    return res.text();
  };

  it('hold the same triples in Turtle, TriG, JSON-LD, RDF/XML, N-Quads as in N-Triples', async () => {
    const reference = triples(await get(CONSTRUCT, 'application/n-triples'), 'nt');
    expect(reference.length).toBeGreaterThan(5);
    for (const [accept, format] of BESIDE_NT) {
      expect(triples(await get(CONSTRUCT, accept), format), accept).toEqual(reference);
    }
  });

  it('hold the same triples in every format when the query writes typed literals in a non-canonical form (Comunica\'s N-Triples kept them until an audit found it)', async () => {
    const query = `PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> CONSTRUCT { _:b <http://e/p> ?v } WHERE { VALUES ?v { "5"^^xsd:nonNegativeInteger "0042"^^xsd:integer 42 "1"^^xsd:boolean true 1.5e3 "1.50"^^xsd:decimal } }`;
    const reference = triples(await get(query, 'application/n-triples'), 'nt');
    expect(reference.join('\n')).not.toContain('"0042"');
    for (const [accept, format] of BESIDE_NT) {
      // a blank node per solution: compared with their labels left out
      const unlabelled = (lines: string[]) => lines.map((t) => t.replace(/_:\S+/, '_:b')).sort();
      expect(unlabelled(triples(await get(query, accept), format)), accept).toEqual(unlabelled(reference));
    }
  });

  it('apply LIMIT and OFFSET to the solutions, then the template (SPARQL 1.1 §15, §16.2; Comunica cut triples until an audit found it)', async () => {
    const template = `${PREFIXES}CONSTRUCT { ?c <http://e/p> ?n . ?c <http://e/q> ?n } WHERE { ?c skos:notation ?n } ORDER BY ?c ?n`;
    const all = triples(await get(template, 'application/n-triples'), 'nt');
    const two = triples(await get(`${template} LIMIT 2`, 'application/n-triples'), 'nt');
    expect(two).toHaveLength(4); // two solutions, two triples each
    const second = triples(await get(`${template} LIMIT 1 OFFSET 1`, 'application/n-triples'), 'nt');
    expect(second).toHaveLength(2);
    expect(second.every((t) => two.includes(t) && all.includes(t))).toBe(true);
  });

  it('describe what LIMIT leaves of the solutions, each resource whole (SPARQL 1.1 §16.4)', async () => {
    const first = `${PREFIXES}SELECT ?c WHERE { ?c skos:notation ?n } ORDER BY ?c LIMIT 1`;
    const iri = JSON.parse(await get(first, 'application/sparql-results+json')).results.bindings[0].c.value as string;
    const whole = triples(await get(`DESCRIBE <${iri}>`, 'application/n-triples'), 'nt');
    expect(whole.length).toBeGreaterThan(1);
    expect(triples(await get(`${PREFIXES}DESCRIBE ?c WHERE { ?c skos:notation ?n } ORDER BY ?c LIMIT 1`, 'application/n-triples'), 'nt')).toEqual(whole);
    expect(triples(await get(`DESCRIBE <${iri}> LIMIT 1`, 'application/n-triples'), 'nt')).toEqual(whole);
  });

  it('resolve IRI() against the query\'s BASE with LIMIT as without (the Comunica fix lost BASE until a review found it)', async () => {
    const query = 'BASE <http://example.org/dir/> CONSTRUCT { ?i <urn:p> 1 } WHERE { BIND(IRI("rel") AS ?i) }';
    const expected = ['<http://example.org/dir/rel> <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer>'];
    expect(triples(await get(query, 'application/n-triples'), 'nt')).toEqual(expected);
    expect(triples(await get(`${query} LIMIT 1`, 'application/n-triples'), 'nt')).toEqual(expected);
    const ask = 'BASE <http://example.org/dir/> ASK { BIND(IRI("rel") AS ?i) FILTER(?i = <http://example.org/dir/rel>) }';
    expect(JSON.parse(await get(`${ask} LIMIT 1`, 'application/sparql-results+json')).boolean).toBe(true);
  });

  it.each([
    ['LIMIT 0', false],
    ['OFFSET 1000000', false],
    ['LIMIT 1', true],
    ['OFFSET 1 LIMIT 1', true],
  ])('ASK … %s is %s: the modifiers cut the solutions asked about', async (modifiers, answer) => {
    const body = await get(`ASK { ?s ?p ?o } ${modifiers}`, 'application/sparql-results+json');
    expect(JSON.parse(body).boolean).toBe(answer);
  });

  it('keep an IRI whose scheme is a declared prefix\'s name (<skos:Concept>) in every format (found by an audit)', async () => {
    // Written bare, `skos:Concept` under `@prefix skos:` would read as another IRI.
    const query = `${PREFIXES}CONSTRUCT { <http://e/s> a <skos:Concept> ; skos:notation "1" ; <rdf:x> <hbg:y> . <http://e/s> <http://e/p> <${BASE}z> } WHERE {}`;
    const reference = triples(await get(query, 'application/n-triples'), 'nt');
    expect(reference.join('\n')).toContain('<skos:Concept>');
    for (const [accept, format] of [
      ['text/turtle', 'ttl'],
      ['application/trig', 'trig'],
      ['application/ld+json', 'jsonld'],
      ['application/rdf+xml', 'rdf'],
    ]) {
      expect(triples(await get(query, accept!), format!), accept).toEqual(reference);
    }
  });

  it.each([
    ['a literal subject', 'CONSTRUCT { ?x <http://ex.org/p> ?x } WHERE { VALUES ?x { "lit" <http://ex.org/i> } }', '<http://ex.org/i> <http://ex.org/p> <http://ex.org/i>'],
    ['a literal predicate', 'CONSTRUCT { <http://ex.org/a> ?x <http://ex.org/b> } WHERE { VALUES ?x { "lit" <http://ex.org/p> } }', '<http://ex.org/a> <http://ex.org/p> <http://ex.org/b>'],
    ['a blank node predicate', 'CONSTRUCT { <http://ex.org/a> ?x <http://ex.org/b> } WHERE { VALUES ?y { 1 2 } BIND(IF(?y = 1, BNODE(), <http://ex.org/p>) AS ?x) }', '<http://ex.org/a> <http://ex.org/p> <http://ex.org/b>'],
  ])('leave out a triple with %s, which SPARQL 1.1 §16.2 does not include (found by an audit)', async (_name, query, kept) => {
    for (const [accept, format] of [
      ['application/n-triples', 'nt'],
      ['text/turtle', 'ttl'],
      ['application/ld+json', 'jsonld'],
      ['application/rdf+xml', 'rdf'],
    ]) {
      expect(triples(await get(query, accept!), format!), accept).toEqual([kept]);
    }
  });

  it('Turtle declares the prefixes it uses and writes prefixed names', async () => {
    const ttl = await get(CONSTRUCT, 'text/turtle');
    expect(ttl).toMatch(/^@prefix skos: <http:\/\/www\.w3\.org\/2004\/02\/skos\/core#>\.$/m);
    expect(ttl).toContain('skos:prefLabel');
    expect(ttl).not.toContain('<http://www.w3.org/2004/02/skos/core#prefLabel>');
  });

  it('JSON-LD is compacted against our context, carried inline so that the answer reads offline', async () => {
    const doc = JSON.parse(await get(CONSTRUCT, 'application/ld+json')) as { '@context': unknown; '@graph': Array<Record<string, unknown>> };
    expect(doc['@context']).toEqual(JSON.parse(JSON.stringify(JSONLD_CONTEXT)));
    const node = doc['@graph'].find((n) => n.id === `${BASE}lkp/2016/4.4.3`)!;
    expect(node.broader).toBe(`${BASE}lkp/2016/4.4`);
    expect(node.prefLabel).toMatchObject({ sv: expect.any(String) });
  });

  it('DESCRIBE of one resource is one JSON-LD node with its short names', async () => {
    const doc = JSON.parse(await get(`DESCRIBE <${BASE}lkp/2016/4.4.3>`, 'application/ld+json')) as Record<string, unknown>;
    expect(doc.id).toBe(`${BASE}lkp/2016/4.4.3`);
    expect(doc.type).toContain('Concept');
  });

  it('the same query gives byte-identical answers', async () => {
    for (const accept of ['text/turtle', 'application/ld+json']) {
      const query = `${CONSTRUCT}\n# ${accept}`;
      expect(await get(query, accept)).toBe(await get(`${query} again`, accept));
    }
  });
});

describe('fromNTriples', () => {
  const options = { base: BASE };
  const nt = (n: number) =>
    Array.from({ length: n }, (_, i) => `<${BASE}x/${i}> <http://www.w3.org/2004/02/skos/core#notation> "${i}" .\n`).join('');

  it('passes N-Triples through untouched', async () => {
    expect(await fromNTriples(nt(3), 'nt', options)).toBe(nt(3));
  });

  it(`writes more than ${MAX_COMPACTED_TRIPLES} triples as expanded JSON-LD (the same triples, no context)`, async () => {
    const big = nt(MAX_COMPACTED_TRIPLES + 1);
    const body = await fromNTriples(big, 'jsonld', options);
    expect(body).not.toContain('@context');
    expect(triples(body, 'jsonld')).toEqual(triples(big, 'nt'));
  });

  it('writes an empty result as an empty document in every format', async () => {
    for (const format of ['ttl', 'trig', 'jsonld', 'rdf', 'nq'] as const) {
      expect(triples(await fromNTriples('', format, options), format), format).toEqual([]);
    }
  });
});

describe.each(['oxigraph', 'comunica'] as const)('XML answers stay well-formed, %s engine', (engine) => {
  const server = useApp({ engine });
  const get = (query: string, format: string) => server.current.app.request(sparqlUrl(query, { format }));

  it('write a carriage return in a string as a character reference, so it reads back as a carriage return', async () => {
    const select = await get('SELECT ?x { BIND("a\\rb" AS ?x) }', 'xml');
    expect(select.status).toBe(200);
    expect(await select.text()).toContain('a&#13;b');
    const graph = await get('CONSTRUCT { <http://example.org/s> <http://example.org/p> ?x } WHERE { BIND("a\\rb" AS ?x) }', 'rdf');
    expect(graph.status).toBe(200);
    const [quad] = oxigraph.parse(await graph.text(), { format: 'rdf' });
    expect(quad!.object.value).toBe('a\rb');
  });

  it('refuse, with 406 naming the character, a string XML 1.0 cannot carry', async () => {
    for (const [query, format] of [
      ['SELECT ?x { BIND("a\\u0001b" AS ?x) }', 'xml'],
      ['CONSTRUCT { <http://example.org/s> <http://example.org/p> ?x } WHERE { BIND("a\\u0001b" AS ?x) }', 'rdf'],
    ]) {
      const res = await get(query!, format!);
      expect(res.status, format).toBe(406);
      expect(await res.text()).toMatch(/U\+0001, which XML 1\.0 cannot carry/);
    }
    expect((await get('SELECT ?x { BIND("a\\u0001b" AS ?x) }', 'json')).status).toBe(200);
  });

  it('refuse, with 406 naming the IRI, RDF/XML for a property or class whose IRI ends in no XML name', async () => {
    for (const [iri, triple] of [
      ['http://example.org/123', '<http://example.org/s> <http://example.org/123> 1'],
      ['urn:x:1', '<http://example.org/s> <urn:x:1> 1'],
      ['http://example.org/9', '<http://example.org/s> a <http://example.org/9>'],
    ]) {
      const res = await get(`CONSTRUCT { ${triple} } WHERE {}`, 'rdf');
      expect(res.status, iri).toBe(406);
      expect(await res.text()).toMatch(new RegExp(`<${iri!.replace(/[.]/g, '\\.')}> as a property or class, which RDF/XML cannot write as an element name`));
      expect((await get(`CONSTRUCT { ${triple} } WHERE {}`, 'ttl')).status, iri).toBe(200);
    }
    const named = await get('CONSTRUCT { <http://example.org/s> <http://example.org/b1> 1 ; a <http://example.org/T> } WHERE {}', 'rdf');
    expect(named.status).toBe(200);
    expect(oxigraph.parse(await named.text(), { format: 'rdf' })).toHaveLength(2);
  });
});

/** Writes N-Triples `nt` as a graph answer in Turtle, TriG, N-Quads and RDF/XML, and expects the same triples back from each. */
async function expectReadBack(nt: string): Promise<void> {
  for (const format of ['ttl', 'trig', 'nq', 'rdf'] as const) {
    const body = await fromNTriples(nt, format, { base: BASE });
    expect(triples(body, format), format).toEqual(triples(nt, 'nt'));
  }
}

describe('RDF 1.2 triple terms in a graph answer', () => {
  const nt = '<http://example.org/s> <http://example.org/p> <<( <http://example.org/a> <http://example.org/b> <http://example.org/c> )>> .\n';
  const options = { base: BASE };

  it('are written by Oxigraph in Turtle, TriG, N-Quads and RDF/XML, the same triple read back', async () => {
    await expectReadBack(nt);
  });

  it('are refused in JSON-LD, which cannot carry them, with a message that names the formats that can', async () => {
    await expect(fromNTriples(nt, 'jsonld', options)).rejects.toThrow(/RDF 1\.2 triple terms, which JSON-LD cannot carry; ask for N-Triples, Turtle, TriG, N-Quads or RDF\/XML$/);
    // a string that only looks like one is no triple term
    expect(JSON.parse(await fromNTriples('<http://example.org/s> <http://example.org/p> "<<( x" .\n', 'jsonld', options))).toMatchObject({ '@context': expect.anything() });
  });
});

describe('RDF 1.2 directional strings in a graph answer', () => {
  const nt = '<http://example.org/s> <http://example.org/p> "مرحبا"@ar--rtl .\n<http://example.org/s> <http://example.org/p> "hej"@sv .\n';
  const options = { base: BASE };

  it('keep their direction in Turtle, TriG, N-Quads and RDF/XML, the same triples read back', async () => {
    await expectReadBack(nt);
  });

  it('keep it in JSON-LD as @direction (JSON-LD 1.1), in expanded form: compaction would put it in a language map', async () => {
    const labels = '<http://example.org/s> <http://www.w3.org/2004/02/skos/core#prefLabel> "q"@sv--rtl .\n';
    for (const [text, property] of [[nt, 'http://example.org/p'], [labels, 'http://www.w3.org/2004/02/skos/core#prefLabel']] as const) {
      const doc = JSON.parse(await fromNTriples(text, 'jsonld', options)) as Array<Record<string, unknown>>;
      const values = doc.flatMap((node) => (node[property] ?? []) as object[]);
      expect(values).toContainEqual(expect.objectContaining({ '@direction': 'rtl' }));
    }
  });

  it('an answer with a term RDF does not allow is a 400 that says so, without positions in text the client never sent', async () => {
    const bad = '<http://example.org/s> <http://example.org/p> "x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n';
    const error = (await fromNTriples(bad, 'ttl', options).catch((e: unknown) => e)) as EngineError;
    expect(error.kind).toBe('query');
    expect(error.message).toMatch(/^the query made a term that is not valid RDF \(The datatype of a literal without a language tag must not be rdf:langString\), which no graph format but N-Triples/);
  });
});

describe('a graph answer that a format cannot hold', () => {
  const options = { base: BASE };
  it.each([
    ['RDF/XML, rdf:li as a property', 'rdf', '<http://example.org/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#li> "1" .\n', /^the answer cannot be written as RDF\/XML: .+; ask for N-Triples, Turtle, TriG, N-Quads or JSON-LD$/],
    ['JSON-LD, an rdf:JSON literal that is no JSON', 'jsonld', '<http://example.org/s> <http://example.org/p> "{bad"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .\n', /^the answer cannot be written as JSON-LD: .+; ask for N-Triples, Turtle, TriG, N-Quads or RDF\/XML$/],
  ] as const)('is refused as a format error (406), not a query error: %s', async (_name, format, nt, message) => {
    const error = await fromNTriples(nt, format, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).kind).toBe('format');
    expect((error as EngineError).message).toMatch(message);
    // and Turtle writes it
    expect(await fromNTriples(nt, 'ttl', options)).toContain('<http://example.org/s>');
  });
});
