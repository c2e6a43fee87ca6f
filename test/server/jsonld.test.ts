// JSON-LD of a concept reads naturally (one tree on the concept, links embedded) and says the same as its Turtle.
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { CONTEXT_DOCUMENT, CONTEXT_PATH } from '../../src/graph/context.js';
import { writeNQuads } from '../../src/graph/serialize.js';
import { serialize } from '../../src/graph/documents.js';
import { NS } from '../../src/vocab.js';
import { cfg } from '../helpers.js';
import { useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const iri = `${cfg.base}lkp/2016/4.4.3.2`;
const localContext = {
  documentLoader: async (url: string) => {
    if (url !== `${cfg.base}${CONTEXT_PATH}`) throw new Error(`unexpected context ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: CONTEXT_DOCUMENT };
  },
};

describe('JSON-LD of a concept', () => {
  it('is one tree on the concept with its labels and its qualified links embedded', async () => {
    const res = await app.current.app.request('/lkp/2016/4.4.3.2', { headers: { Accept: 'application/ld+json' } });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, any>;
    expect(doc['@context']).toBe(`${cfg.base}${CONTEXT_PATH}`);
    expect(doc.id).toBe(iri);
    expect(doc.prefLabel.sv).toMatch(/^Belysa och främja cyklisterna/);
    expect(doc.links.length).toBeGreaterThan(0);
    // `links` is the reverse of linkFrom: each embedded link says where it goes, not again where it starts
    for (const link of doc.links) expect(link).toMatchObject({ type: 'Link', linkTo: expect.any(String), basis: expect.any(String), rationale: { en: expect.any(String) } });
    // context v2: a strength is a short term, related included (v1 had to write lkpo:related)
    for (const link of doc.links) expect(['close', 'related']).toContain(link.strength);
    expect(doc.links.some((l: { strength: string }) => l.strength === 'related')).toBe(true);
    expect(doc['@reverse']).toEqual({ narrower: `${cfg.base}lkp/2016/4.4.3` });
    expect(doc['@included']).toBeUndefined();
  });

  it('keeps statements from other nodes under @reverse (/lkp/2016: named graphs cite it as dcterms:source)', async () => {
    const doc = (await (await app.current.app.request('/lkp/2016.jsonld')).json()) as Record<string, any>;
    expect(doc.id).toBe(`${cfg.base}lkp/2016`);
    expect(doc['@reverse'].source).toContain(`${cfg.base}graph/lkp2016`);
  });

  it('holds exactly the triples of the Turtle representation', async () => {
    const ld = (await (await app.current.app.request('/lkp/2016/4.4.3.2.jsonld')).json()) as jsonld.JsonLdDocument;
    const ttl = await (await app.current.app.request('/lkp/2016/4.4.3.2.ttl')).text();
    const options = { format: 'application/n-quads', ...localContext } as unknown as jsonld.Options.ToRdf;
    const fromJsonLd = new Parser({ format: 'N-Quads' }).parse((await jsonld.toRDF(ld, options)) as unknown as string);
    const fromTurtle = new Parser().parse(ttl);
    expect(writeNQuads(fromJsonLd, false)).toBe(writeNQuads(fromTurtle, false));
  });
});

describe('JSON-LD nesting of any graph', () => {
  const { namedNode: n, blankNode: b, literal, quad } = DataFactory;
  const ex = (s: string) => n(`https://example.org/${s}`);
  const graphs: Array<[string, ReturnType<typeof quad>[]]> = [
    ['a blank node used once', [quad(ex('f'), ex('p'), b('x')), quad(b('x'), ex('q'), literal('v'))]],
    ['a blank node used twice', [quad(ex('f'), ex('p'), b('x')), quad(ex('g'), ex('p'), b('x')), quad(b('x'), ex('q'), literal('v'))]],
    ['a cycle of blank nodes', [quad(b('x'), ex('p'), b('y')), quad(b('y'), ex('p'), b('x')), quad(ex('f'), ex('q'), literal('v'))]],
    ['a node unrelated to the focus', [quad(ex('f'), ex('p'), literal('v')), quad(ex('g'), ex('p'), ex('h'))]],
    ['a node pointing at the focus twice', [quad(ex('g'), ex('p'), ex('f')), quad(ex('g'), ex('q'), ex('f')), quad(ex('g'), ex('r'), literal('v'))]],
    ['the focus pointing at itself', [quad(ex('f'), ex('p'), ex('f'))]],
  ];

  it.each(graphs)('loses no triple: %s', async (_name, quads) => {
    const doc = JSON.parse(await serialize(quads, 'jsonld', cfg.base, { focus: 'https://example.org/f' })) as jsonld.JsonLdDocument;
    // a blank-node cycle needs more work than the canonicalizer's default allows (it guards against poison graphs)
    const options = { algorithm: 'RDFC-1.0', canonizeOptions: { maxWorkFactor: 3 } };
    const nt = (await serialize(quads, 'nt', cfg.base)) as unknown as jsonld.JsonLdDocument;
    const fromJsonLd = await jsonld.canonize(doc, { ...options, ...localContext } as unknown as jsonld.Options.Normalize);
    expect(fromJsonLd).toBe(await jsonld.canonize(nt, { ...options, inputFormat: 'application/n-quads' } as unknown as jsonld.Options.Normalize));
  });
});

describe('serialize keeps literals that differ only in language or datatype', () => {
  const { namedNode, literal, quad } = DataFactory;
  const s = namedNode('https://example.org/s');
  const quads = [
    quad(s, namedNode(`${NS.skos}prefLabel`), literal('Helsingborg 2035', 'sv')),
    quad(s, namedNode(`${NS.skos}prefLabel`), literal('Helsingborg 2035', 'en')),
    quad(s, namedNode(`${NS.skos}notation`), literal('13', namedNode('https://example.org/A'))),
    quad(s, namedNode(`${NS.skos}notation`), literal('13', namedNode('https://example.org/B'))),
    quad(s, namedNode(`${NS.skos}notation`), literal('13')),
  ];

  it.each(['nt', 'ttl', 'jsonld', 'rdf'] as const)('in %s', async (format) => {
    const body = await serialize([...quads, ...quads], format, cfg.base, { inlineContext: true });
    expect(oxigraph.parse(body, { format }).length).toBe(5);
  });
});
