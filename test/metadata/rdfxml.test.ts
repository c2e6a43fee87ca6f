// RDF/XML for dataportal.se: the catalogue survives a round trip through rdflib unchanged.
import { describe, expect, it } from 'vitest';
import { computeDcat, parseRdfXml, toRdfXml } from '../../src/metadata/index.js';
import { NS } from '../../src/vocab.js';
import { BASE, MANIFEST, nquads } from './helpers.js';

const quads = computeDcat({ base: BASE, manifest: MANIFEST, counts: { triples: 7012 } });
const PREFIXES = { dcat: NS.dcat, dcterms: NS.dcterms, foaf: NS.foaf, vcard: NS.vcard, spdx: NS.spdx, skos: NS.skos, dcatap: NS.dcatap };

describe('toRdfXml', () => {
  const xml = toRdfXml(quads, PREFIXES);

  it('parses back to an isomorphic graph (no blank nodes, so isomorphism is set equality)', () => {
    const back = parseRdfXml(xml, 'https://harvester.example/');
    expect(back.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
    expect(nquads(back)).toBe(nquads(quads));
  });

  it('writes only absolute IRIs and uses the given prefixes', () => {
    const refs = [...xml.matchAll(/rdf:(?:about|resource|datatype)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of refs) expect(ref).toMatch(/^(https?|tel|mailto):/);
    expect(xml).toContain(`xmlns:dcat="${NS.dcat}"`);
    expect(xml).toContain('<dcat:Catalog');
  });
});
