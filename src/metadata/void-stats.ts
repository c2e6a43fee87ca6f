// Counts over a quad store for VoID: triples, distinct terms, classes, properties, graphs and links.
import type N3 from 'n3';
import { NS, OWL, SKOS } from '../vocab.js';
import { RDF_TYPE, tripleKey } from './rdf.js';

/** Predicates that count as links to another dataset in a linkset. */
export const LINK_PREDICATES: readonly string[] = [
  SKOS.exactMatch,
  SKOS.closeMatch,
  SKOS.relatedMatch,
  SKOS.broadMatch,
  SKOS.narrowMatch,
  OWL.sameAs,
];

export interface DatasetStats {
  /** Distinct triples of the union of all graphs (a triple in two graphs counts once). */
  triples: number;
  distinctSubjects: number;
  distinctObjects: number;
  /** Subjects that are IRIs inside the dataset's URI space. */
  entities: number;
  /** Property IRI → distinct triples using it. */
  properties: Map<string, number>;
  /** Class IRI → distinct instances (subjects typed with it). */
  classes: Map<string, number>;
  /** Named-graph IRI → distinct triples in that graph. */
  graphs: Map<string, number>;
  /** Link-target namespace → link predicate → triples from our URI space into that namespace. */
  links: Map<string, Map<string, number>>;
  /** IRIs in our URI space typed skos:ConceptScheme, sorted. */
  conceptSchemes: string[];
  /** All subject IRIs in our URI space, sorted. */
  localSubjects: string[];
}

/**
 * Computes VoID statistics over every quad of `store`; counts are over the union of the graphs,
 * which is also the endpoint's default graph.
 *
 * @example
 * const stats = computeStats(store, 'https://w3id.org/helsingborg-livskvalitet/', [NS.sdg]);
 * stats.triples; // 7012
 */
export function computeStats(store: N3.Store, uriSpace: string, linkNamespaces: readonly string[]): DatasetStats {
  const triples = new Set<string>();
  const subjects = new Set<string>();
  const objects = new Set<string>();
  const properties = new Map<string, number>();
  const instances = new Map<string, Set<string>>();
  const graphs = new Map<string, Set<string>>();
  const links = new Map<string, Map<string, number>>(linkNamespaces.map((ns) => [ns, new Map()]));
  const schemes = new Set<string>();
  const local = new Set<string>();

  for (const q of store.getQuads(null, null, null, null)) {
    const key = tripleKey(q);
    if (q.graph.termType === 'NamedNode') {
      let inGraph = graphs.get(q.graph.value);
      if (!inGraph) graphs.set(q.graph.value, (inGraph = new Set()));
      inGraph.add(key);
    }
    if (triples.has(key)) continue;
    triples.add(key);

    const s = termId(q.subject);
    const p = q.predicate.value;
    subjects.add(s);
    objects.add(termId(q.object));
    properties.set(p, (properties.get(p) ?? 0) + 1);
    const localSubject = q.subject.termType === 'NamedNode' && q.subject.value.startsWith(uriSpace);
    if (localSubject) local.add(q.subject.value);

    if (p === RDF_TYPE && q.object.termType === 'NamedNode') {
      let set = instances.get(q.object.value);
      if (!set) instances.set(q.object.value, (set = new Set()));
      set.add(s);
      if (localSubject && q.object.value === SKOS.ConceptScheme) schemes.add(q.subject.value);
    }
    if (localSubject && q.object.termType === 'NamedNode' && LINK_PREDICATES.includes(p)) {
      for (const [ns, byPredicate] of links) {
        if (q.object.value.startsWith(ns) && !isVocabularyTerm(q.object.value)) {
          byPredicate.set(p, (byPredicate.get(p) ?? 0) + 1);
        }
      }
    }
  }

  return {
    triples: triples.size,
    distinctSubjects: subjects.size,
    distinctObjects: objects.size,
    entities: local.size,
    properties,
    classes: new Map([...instances].map(([c, set]) => [c, set.size])),
    graphs: new Map([...graphs].map(([g, set]) => [g, set.size])),
    links,
    conceptSchemes: [...schemes].sort(),
    localSubjects: [...local].sort(),
  };
}

/** The SDG ontology lives under the SDG namespace; its terms are not SDG goals or targets. */
function isVocabularyTerm(iri: string): boolean {
  return iri.startsWith(NS.sdgo);
}

/** A term's identity for distinct counts: literals keep their language and datatype. */
function termId(t: N3.Term): string {
  if (t.termType === 'Literal') {
    const lit = t as N3.Literal;
    return `"${lit.value}"@${lit.language}^^${lit.datatype.value}`;
  }
  return `${t.termType}:${t.value}`;
}
