// The ontology documents every term in Swedish and English, and no file uses a term nobody defines.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/graph/config.js';
import { parseTurtleFile } from '../../src/graph/rdf-io.js';
import { LKPO_NS, NS, RDFS, SKOS } from '../../src/vocab.js';

const ontology = parseTurtleFile(path.join(ROOT, 'ontology', 'lkpo.ttl'));
const shapes = parseTurtleFile(path.join(ROOT, 'ontology', 'shapes.ttl'));
const terms = [...new Set(ontology.map((q) => q.subject.value).filter((s) => s.startsWith(LKPO_NS)))].sort();
const langsOf = (s: string, predicates: string[]) =>
  ontology.filter((q) => q.subject.value === s && predicates.includes(q.predicate.value) && q.object.termType === 'Literal').map((q) => (q.object as { language: string }).language).sort();

describe('ontology/lkpo.ttl', () => {
  it.each(terms)('%s has a label and a definition in Swedish and in English, and says where it is defined', (term) => {
    expect(langsOf(term, [RDFS.label, SKOS.prefLabel])).toEqual(expect.arrayContaining(['en', 'sv']));
    expect(langsOf(term, [SKOS.definition])).toEqual(['en', 'sv']);
    expect(ontology.some((q) => q.subject.value === term && q.predicate.value === RDFS.isDefinedBy)).toBe(true);
  });

  it('has a version IRI and a licence', () => {
    const header = ontology.filter((q) => q.subject.value === 'https://w3id.org/helsingborg-livskvalitet/def');
    expect(header.map((q) => q.predicate.value)).toEqual(expect.arrayContaining([NS.owl + 'versionIRI', NS.dcterms + 'license']));
  });
});

describe('ontology/shapes.ttl', () => {
  const vocabularies = [NS.sh, NS.rdf, NS.rdfs, NS.owl, NS.xsd, NS.skos, NS.dcterms, NS.prov, NS.sdgo];
  const known = (iri: string) => terms.includes(iri) || vocabularies.some((ns) => iri.startsWith(ns) && /^[A-Za-z]+$/.test(iri.slice(ns.length)));

  it('would catch a typo', () => {
    expect(known(NS.sh + 'message:')).toBe(false);
    expect(known(LKPO_NS + 'Priorty')).toBe(false);
    expect(known(NS.sh + 'message')).toBe(true);
  });

  it('uses only SHACL terms and terms defined in the ontology or a known vocabulary (no typos such as sh:message:)', () => {
    const used = new Set<string>();
    for (const q of shapes) {
      used.add(q.predicate.value);
      if ([NS.sh + 'path', NS.sh + 'targetClass', NS.sh + 'class', NS.sh + 'datatype', NS.sh + 'hasValue', NS.sh + 'inversePath'].includes(q.predicate.value) && q.object.termType === 'NamedNode') used.add(q.object.value);
    }
    expect([...used].filter((iri) => !known(iri))).toEqual([]);
  });
});
