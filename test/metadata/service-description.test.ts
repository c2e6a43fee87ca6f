// SPARQL Service Description: endpoint, language, formats, union default graph, named graphs.
import { describe, expect, it } from 'vitest';
import { RESULT_FORMATS, computeServiceDescription, metadataIris } from '../../src/metadata/index.js';
import { NS } from '../../src/vocab.js';
import { BASE, nquads, objects, one } from './helpers.js';

const sd = (l: string) => NS.sd + l;
const iris = metadataIris(BASE);
const VOID = `${BASE}dataset/lkp`;
const opts = {
  endpoint: `${BASE}sparql`,
  base: BASE,
  voidIri: VOID,
  voidDocument: `${BASE}.well-known/void`,
  graphs: [
    { iri: `${BASE}graph/vision2035`, triples: 40 },
    { iri: `${BASE}graph/lkp2016`, triples: 900 },
  ],
};
const quads = computeServiceDescription(opts);

describe('computeServiceDescription', () => {
  it('describes a SPARQL 1.1 Query service at the endpoint, on the same node as the DCAT data service', () => {
    expect(one(quads, iris.service, NS.rdf + 'type')).toBe(sd('Service'));
    expect(one(quads, iris.service, sd('endpoint'))).toBe(`${BASE}sparql`);
    expect(objects(quads, iris.service, sd('supportedLanguage'))).toEqual([sd('SPARQL11Query')]);
    expect(objects(quads, iris.service, sd('feature'))).toEqual([sd('UnionDefaultGraph')]);
  });

  it('lists the ten result formats the endpoint serves', () => {
    const formats = objects(quads, iris.service, sd('resultFormat'));
    expect(formats).toEqual([...RESULT_FORMATS].sort());
    for (const name of ['SPARQL_Results_JSON', 'SPARQL_Results_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_TSV', 'Turtle', 'N-Triples', 'RDF_XML', 'JSON-LD', 'N-Quads']) {
      expect(formats).toContain(NS.formats + name);
    }
  });

  it('lists every named graph in the default dataset (the VoID dataset)', () => {
    expect(one(quads, iris.service, sd('defaultDataset'))).toBe(VOID);
    const named = objects(quads, VOID, sd('namedGraph'));
    expect(named.map((n) => one(quads, n, sd('name'))).sort()).toEqual(opts.graphs.map((g) => g.iri).sort());
    expect(one(quads, `${BASE}graph/lkp2016`, NS.void + 'triples')).toBe('900');
  });

  it('uses no blank nodes and is deterministic', () => {
    expect(quads.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toEqual([]);
    expect(nquads(computeServiceDescription({ ...opts, graphs: [...opts.graphs].reverse() }))).toBe(nquads(quads));
  });
});
