// Builds the view model of an ontology's page (its header and one entry per term) from the store.
import oxigraph from 'oxigraph';
import { DCTERMS, OWL, RDF, RDFS, SKOS, VANN } from '../vocab.js';
import { labels, type Source } from './describe.js';
import { refMaker, type Ref } from './view.js';

export type TermKind = 'class' | 'property' | 'datatype' | 'individual';

/** One term of the vocabulary, as its section on the page shows it. */
export interface TermView {
  iri: string;
  /** The local name: the section's `id`, so that the term IRI's fragment lands on it. */
  id: string;
  /** `lkpo:Priority`. */
  curie: string;
  kind: TermKind;
  labels: Record<string, string>;
  definitions: Record<string, string>;
  types: Ref[];
  /** rdfs:subClassOf (classes), rdfs:subPropertyOf, rdfs:domain, rdfs:range (properties), skos:inScheme, skos:hasTopConcept (individuals). */
  relations: Array<{ property: string; targets: Ref[] }>;
}

export interface VocabularyView {
  iri: string;
  titles: Record<string, string>;
  descriptions: Record<string, string>;
  version?: string;
  versionIri?: Ref;
  /** owl:priorVersion: the version before this one. */
  priorVersion?: Ref;
  /** On an earlier version's page: the ontology IRI, its page and its current version. */
  current?: { iri: string; href: string; version?: string };
  /** Where the SHACL shapes that go with the current version are served (`/def/shapes`), if they are. */
  shapes?: { iri: string; href: string };
  modified?: string;
  license?: Ref;
  creator?: Ref;
  prefix?: string;
  namespace?: string;
  terms: TermView[];
}

const node = oxigraph.namedNode;
const PROPERTY_TYPES = new Set([RDF.Property, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.FunctionalProperty]);
/** What each kind of term shows besides labels, definition and type, in this order. */
const RELATIONS: Record<TermKind, string[]> = {
  class: [RDFS.subClassOf],
  property: [RDFS.subPropertyOf, RDFS.domain, RDFS.range],
  datatype: [],
  individual: [SKOS.inScheme, SKOS.hasTopConcept],
};

function kindOf(types: string[]): TermKind {
  if (types.includes(OWL.Class) || types.includes(RDFS.Class)) return 'class';
  if (types.some((t) => PROPERTY_TYPES.has(t))) return 'property';
  if (types.includes(RDFS.Datatype)) return 'datatype';
  return 'individual';
}

/** Literals of a property by language tag ('' for none); the first of each language wins. */
function byLang(store: Source, s: string, p: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of store.match(node(s), node(p), null, null)) if (q.object.termType === 'Literal') out[q.object.language] ??= q.object.value;
  return out;
}

/**
 * Everything the page of an ontology shows: its header (title, description, version, licence,
 * prefix) and, for each of its terms (`terms`: the hash IRIs under the ontology IRI), labels,
 * definitions, types and relations. A reference to one of the terms links to its section on the
 * same page (`#Priority`), others as on every page (our IRIs to their pages, external IRIs as
 * they are, named by prefix). Terms sorted by local name, case-insensitively.
 *
 * @example
 * vocabularyView(store, base, `${base}def`, index.hashes.get(`${base}def`) ?? new Set(), 'en').terms[0].id // 'adoptedBy'
 */
export function vocabularyView(store: Source, base: string, iri: string, terms: ReadonlySet<string>, lang = 'sv'): VocabularyView {
  const { ref: pageRef, short } = refMaker(store, base, lang);
  const local = (t: string) => t.slice(t.indexOf('#') + 1);
  const ref = (t: string): Ref => (terms.has(t) ? { iri: t, href: `#${local(t)}`, label: short(t), lang: '' } : { ...pageRef(t), label: short(t), lang: '' });
  const objects = (s: string, p: string) => [...new Set(store.match(node(s), node(p), null, null).map((q) => q.object.value))].sort();
  const one = (p: string) => store.match(node(iri), node(p), null, null)[0]?.object;
  const termViews = [...terms]
    .sort((a, b) => local(a).localeCompare(local(b), 'en', { sensitivity: 'base' }) || (local(a) < local(b) ? -1 : 1))
    .map((t): TermView => {
      const types = objects(t, RDF.type);
      const kind = kindOf(types);
      return {
        iri: t,
        id: local(t),
        curie: short(t),
        kind,
        labels: labels(store, t),
        definitions: byLang(store, t, SKOS.definition),
        types: types.map(ref),
        relations: RELATIONS[kind].map((p) => ({ property: p, targets: objects(t, p).map(ref) })).filter((r) => r.targets.length > 0),
      };
    });
  const at = (p: string) => one(p)?.value;
  const iriAt = (p: string) => (one(p)?.termType === 'NamedNode' ? pageRef(at(p)!) : undefined);
  return {
    iri,
    titles: byLang(store, iri, DCTERMS.title),
    descriptions: byLang(store, iri, DCTERMS.description),
    version: at(OWL.versionInfo),
    versionIri: iriAt(OWL.versionIRI),
    priorVersion: iriAt(OWL.priorVersion),
    modified: at(DCTERMS.modified),
    license: iriAt(DCTERMS.license),
    creator: iriAt(DCTERMS.creator),
    prefix: at(VANN.preferredNamespacePrefix),
    namespace: at(VANN.preferredNamespaceUri),
    terms: termViews,
  };
}

/**
 * Whether the IRI is an ontology (rdf:type owl:Ontology): its page is the vocabulary page.
 *
 * @example
 * isOntology(store, `${base}def`) // true
 */
export function isOntology(store: Source, iri: string): boolean {
  return store.match(node(iri), node(RDF.type), node(OWL.Ontology), null).length > 0;
}
