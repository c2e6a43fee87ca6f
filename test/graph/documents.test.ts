// RDF/XML documents: rdflib's writer (namespaces on the root, literals as written), Oxigraph's where a directional string needs it.
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { serialize } from '../../src/graph/documents.js';
import { NS } from '../../src/vocab.js';

const BASE = 'https://w3id.org/helsingborg-livskvalitet/';
const S = oxigraph.namedNode(`${BASE}lkp/2016/4.4.3`);
const quad = (p: string, o: oxigraph.Term) => oxigraph.quad(S, oxigraph.namedNode(p), o as oxigraph.Literal);
/** The triples of an RDF/XML text, as sorted N-Triples lines. */
const read = (xml: string) => oxigraph.parse(xml, { format: 'rdf', base_iri: BASE }).map((q) => q.toString()).sort();

describe('serialize as RDF/XML', () => {
  it('declares each namespace once on the root and keeps a literal as written', async () => {
    const quads = [
      quad(`${NS.skos}prefLabel`, oxigraph.literal('Vi väljer hållbara resor', 'sv')),
      quad(`${NS.skos}notation`, oxigraph.literal('05', oxigraph.namedNode(`${NS.xsd}nonNegativeInteger`))),
    ];
    const xml = await serialize(quads, 'rdf', BASE);
    expect(xml).toContain(`xmlns:skos="${NS.skos}"`);
    expect(xml).not.toContain('xmlns="');
    // Oxigraph's store would have made it "5"^^xsd:integer.
    expect(read(xml)).toEqual(quads.map((q) => q.toString()).sort());
  });

  it('keeps the direction of an RDF 1.2 directional string, which rdflib would drop', async () => {
    const quads = [quad(`${NS.skos}prefLabel`, oxigraph.literal('مرحبا', { language: 'ar', direction: 'rtl' } as unknown as string))];
    const xml = await serialize(quads, 'rdf', BASE);
    expect(read(xml)).toEqual([quads[0]!.toString()]);
    expect(quads[0]!.toString()).toContain('@ar--rtl');
  });
});
