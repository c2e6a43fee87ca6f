// VoID statistics checked against counts worked out by hand for a small fixture store.
import N3 from 'n3';
import { describe, expect, it } from 'vitest';
import { DATASET_TEXT, computeVoid } from '../../src/metadata/index.js';
import { LICENSE, LINK_TARGET, NS } from '../../src/vocab.js';
import { BASE, nquads, objects, one } from './helpers.js';

const v = (l: string) => NS.void + l;
const DATASET = `${BASE}dataset/lkp`;
const G_A = `${BASE}graph/a`;
const G_B = `${BASE}graph/b`;

// Graph a: 10 triples. Graph b: 4 triples, one of them also in graph a.
const FIXTURE = `
@prefix ex: <${BASE}> .
@prefix skos: <${NS.skos}> .
@prefix owl: <${NS.owl}> .
@prefix sdg: <${NS.sdg}> .
@prefix sdgo: <${NS.sdgo}> .
@prefix wd: <${NS.wd}> .
<${G_A}> {
  ex:s1 a skos:ConceptScheme ; skos:prefLabel "S1"@sv .
  ex:c1 a skos:Concept ; skos:inScheme ex:s1 ; skos:closeMatch sdg:13 , <${NS.sdg}13.2> ; skos:relatedMatch sdg:3 .
  ex:c2 a skos:Concept ; skos:inScheme ex:s1 ; owl:sameAs wd:Q1 .
}
<${G_B}> {
  ex:c1 a skos:Concept .
  sdg:13 a sdgo:Goal ; skos:exactMatch wd:Q53581236 .
  ex:c3 skos:closeMatch sdgo:Goal .
}`;

/** Worked out by hand from FIXTURE (not by the code under test). */
const EXPECTED = {
  triples: 13, // 10 + 4 - 1 duplicate
  distinctSubjects: 5, // s1 c1 c2 c3 sdg:13
  distinctObjects: 10, // ConceptScheme "S1"@sv Concept s1 sdg:13 sdg:13.2 sdg:3 wd:Q1 sdgo:Goal wd:Q53581236
  entities: 4, // s1 c1 c2 c3 (subjects in our URI space)
  properties: 7, // type prefLabel inScheme closeMatch relatedMatch sameAs exactMatch
  classes: 3, // ConceptScheme Concept sdgo:Goal
  propertyTriples: {
    [NS.rdf + 'type']: 4,
    [NS.skos + 'prefLabel']: 1,
    [NS.skos + 'inScheme']: 2,
    [NS.skos + 'closeMatch']: 3,
    [NS.skos + 'relatedMatch']: 1,
    [NS.owl + 'sameAs']: 1,
    [NS.skos + 'exactMatch']: 1,
  },
  classEntities: { [NS.skos + 'ConceptScheme']: 1, [NS.skos + 'Concept']: 2, [NS.sdgo + 'Goal']: 1 },
  graphs: { [G_A]: 10, [G_B]: 4 },
  // Links from our URI space only: c1→13, c1→13.2 (closeMatch), c1→3 (relatedMatch); c3→sdgo:Goal is
  // an ontology term; sdg:13→Wikidata is not ours. Wikidata: c2 owl:sameAs wd:Q1.
  sdgLinks: { total: 3, [NS.skos + 'closeMatch']: 2, [NS.skos + 'relatedMatch']: 1 },
  wikidataLinks: { total: 1, [NS.owl + 'sameAs']: 1 },
};

function fixtureStore(): N3.Store {
  return new N3.Store(new N3.Parser({ format: 'TriG' }).parse(FIXTURE));
}

const OPTS = {
  base: BASE,
  datasetIri: DATASET,
  sparqlEndpoint: `${BASE}sparql`,
  dumps: [
    { url: `${BASE}download/dataset.ttl`, mediaType: 'text/turtle' },
    { url: `${BASE}download/dataset.trig`, mediaType: 'application/trig' },
    { url: `${BASE}download/links.csv`, mediaType: 'text/csv' },
    { url: `${BASE}download/dataset.ttl.gz`, mediaType: 'application/gzip' },
    { url: `${BASE}download/links.csv.gz`, mediaType: 'application/gzip' },
  ],
  modified: '2025-03-01',
};
const quads = computeVoid(fixtureStore(), OPTS);
const int = (s: string, p: string) => Number(one(quads, s, p));

/** The partition node of the dataset whose `key` property has value `value`. */
function partition(kind: 'classPartition' | 'propertyPartition', key: 'class' | 'property', value: string): string {
  const found = objects(quads, DATASET, v(kind)).filter((p) => objects(quads, p, v(key)).includes(value));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('computeVoid', () => {
  it.each([
    ['triples', EXPECTED.triples],
    ['distinctSubjects', EXPECTED.distinctSubjects],
    ['distinctObjects', EXPECTED.distinctObjects],
    ['entities', EXPECTED.entities],
    ['properties', EXPECTED.properties],
    ['classes', EXPECTED.classes],
  ])('counts void:%s', (property, expected) => {
    expect(int(DATASET, v(property))).toBe(expected);
  });

  it('has one property partition per property with its triple count', () => {
    expect(objects(quads, DATASET, v('propertyPartition'))).toHaveLength(EXPECTED.properties);
    for (const [property, triples] of Object.entries(EXPECTED.propertyTriples)) {
      expect([property, int(partition('propertyPartition', 'property', property), v('triples'))]).toEqual([property, triples]);
    }
  });

  it('has one class partition per class with its instance count', () => {
    expect(objects(quads, DATASET, v('classPartition'))).toHaveLength(EXPECTED.classes);
    for (const [cls, entities] of Object.entries(EXPECTED.classEntities)) {
      expect(int(partition('classPartition', 'class', cls), v('entities'))).toBe(entities);
    }
    expect(partition('classPartition', 'class', NS.skos + 'Concept')).toBe(`${BASE}void/class/skos-Concept`);
  });

  it('has one subset per named graph with its triple count', () => {
    for (const [graph, triples] of Object.entries(EXPECTED.graphs)) {
      expect(objects(quads, DATASET, v('subset'))).toContain(graph);
      expect(int(graph, v('triples'))).toBe(triples);
    }
  });

  it.each([
    ['sdg', LINK_TARGET.sdgKos, EXPECTED.sdgLinks],
    ['wikidata', LINK_TARGET.wikidata, EXPECTED.wikidataLinks],
  ] as const)('has a linkset to %s with per-predicate counts', (key, target, expected) => {
    const ls = `${BASE}void/linkset/${key}`;
    expect(one(quads, ls, NS.rdf + 'type')).toBe(v('Linkset'));
    expect(one(quads, ls, v('objectsTarget'))).toBe(target);
    expect(one(quads, ls, v('subjectsTarget'))).toBe(DATASET);
    expect(int(ls, v('triples'))).toBe(expected.total);
    const { total: _total, ...byPredicate } = expected;
    expect(objects(quads, ls, v('linkPredicate'))).toEqual(Object.keys(byPredicate).sort());
    for (const sub of objects(quads, ls, v('subset'))) {
      const predicate = one(quads, sub, v('linkPredicate'));
      expect(int(sub, v('triples'))).toBe(byPredicate[predicate as keyof typeof byPredicate]);
    }
  });

  it('states access, licence, URI space, vocabularies and examples', () => {
    expect(one(quads, DATASET, v('sparqlEndpoint'))).toBe(`${BASE}sparql`);
    // links.csv is not RDF, compressed or not, so it is not a void:dataDump (the DCAT catalogue lists it).
    expect(objects(quads, DATASET, v('dataDump'))).toEqual([`${BASE}download/dataset.trig`, `${BASE}download/dataset.ttl`, `${BASE}download/dataset.ttl.gz`]);
    expect(objects(quads, DATASET, v('feature'))).toEqual([NS.formats + 'TriG', NS.formats + 'Turtle']);
    expect(one(quads, DATASET, v('uriSpace'))).toBe(BASE);
    expect(one(quads, DATASET, NS.dcterms + 'license')).toBe(LICENSE.ccBy4);
    expect(objects(quads, DATASET, v('vocabulary'))).toEqual([NS.rdf, NS.owl, NS.sdgo, NS.skos].sort());
    expect(objects(quads, DATASET, v('exampleResource'))).toEqual([`${BASE}s1`]);
  });

  it('gives a subset that copies another dataset\'s resources (no subject in our URI space) their URI space and its count', () => {
    const store = new N3.Store(new N3.Parser({ format: 'TriG' }).parse(`@prefix skos: <${NS.skos}> .
<${G_A}> { <${BASE}c1> a skos:Concept ; skos:closeMatch <${NS.sdg}13> . }
<${BASE}graph/un> { <${NS.sdg}13> a skos:Concept ; skos:prefLabel "Climate action"@en . <${NS.sdg}13.2> a skos:Concept . }`));
    const described = computeVoid(store, OPTS);
    expect(one(described, `${BASE}graph/un`, v('uriSpace'))).toBe(NS.sdg);
    expect(one(described, `${BASE}graph/un`, v('entities'))).toBe('2');
    expect(objects(described, G_A, v('uriSpace'))).toEqual([]);
    expect(one(described, DATASET, v('entities'))).toBe('1'); // the dataset's own URI space: c1
  });

  it('titles the dataset as the DCAT catalogue does (both describe the same IRI)', () => {
    expect(objects(quads, DATASET, NS.dcterms + 'title')).toEqual([DATASET_TEXT.lkp.title.en, DATASET_TEXT.lkp.title.sv].sort());
  });

  it('gives each subset the licence, rights and citation the about graph states for that graph', () => {
    const about = `
      <${G_B}> <${NS.dcterms}bibliographicCitation> "Joshi et al. 2019" ; <${NS.dcterms}rights> "Free with this citation"@en ; <${NS.dcterms}title> "B"@en .
      <${G_A}> <${NS.dcterms}license> <${LICENSE.ccBy4}> .`;
    const store = fixtureStore();
    store.addQuads(new N3.Parser().parse(about).map((q) => N3.DataFactory.quad(q.subject, q.predicate, q.object, N3.DataFactory.namedNode(`${BASE}graph/about`))));
    const withAbout = computeVoid(store, OPTS);
    expect(one(withAbout, G_B, NS.dcterms + 'bibliographicCitation')).toBe('Joshi et al. 2019');
    expect(one(withAbout, G_B, NS.dcterms + 'rights')).toBe('Free with this citation');
    expect(objects(withAbout, G_B, NS.dcterms + 'title')).toEqual([]);
    expect(one(withAbout, G_A, NS.dcterms + 'license')).toBe(LICENSE.ccBy4);
  });

  it('uses no blank nodes and is deterministic', () => {
    expect(quads.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toEqual([]);
    expect(nquads(computeVoid(fixtureStore(), OPTS))).toBe(nquads(quads));
  });
});
