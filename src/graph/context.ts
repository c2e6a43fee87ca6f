// The published JSON-LD context (served at /context.jsonld and, immutable, at /context/v1.jsonld).
import { NS } from '../vocab.js';

/** Bump when a term changes meaning; old versions stay served so old documents keep working. */
export const CONTEXT_VERSION = 'v1';

/** Path of the versioned context that our JSON-LD documents reference. */
export const CONTEXT_PATH = `context/${CONTEXT_VERSION}.jsonld`;

const id = (iri: string) => ({ '@id': iri, '@type': '@id' });
const lang = (iri: string) => ({ '@id': iri, '@container': '@language' });
const vocab = (iri: string) => ({ '@id': iri, '@type': '@vocab' });

const { skos, lkpo, dcterms, rdfs, sdgo } = NS;

/** Short names for the terms a reader meets most; every other term keeps its prefixed name. */
export const JSONLD_CONTEXT = {
  '@version': 1.1,
  ...Object.fromEntries(Object.entries(NS).map(([prefix, iri]) => [prefix, iri])),
  id: '@id',
  type: '@type',
  lkpo,
  Concept: `${skos}Concept`,
  ConceptScheme: `${skos}ConceptScheme`,
  Link: `${lkpo}Link`,
  prefLabel: lang(`${skos}prefLabel`),
  altLabel: lang(`${skos}altLabel`),
  definition: lang(`${skos}definition`),
  scopeNote: lang(`${skos}scopeNote`),
  note: lang(`${skos}note`),
  label: lang(`${rdfs}label`),
  title: lang(`${dcterms}title`),
  description: lang(`${dcterms}description`),
  notation: `${skos}notation`,
  inScheme: id(`${skos}inScheme`),
  topConceptOf: id(`${skos}topConceptOf`),
  hasTopConcept: id(`${skos}hasTopConcept`),
  broader: id(`${skos}broader`),
  narrower: id(`${skos}narrower`),
  related: id(`${skos}related`),
  exactMatch: id(`${skos}exactMatch`),
  closeMatch: id(`${skos}closeMatch`),
  relatedMatch: id(`${skos}relatedMatch`),
  broadMatch: id(`${skos}broadMatch`),
  narrowMatch: id(`${skos}narrowMatch`),
  linkFrom: id(`${lkpo}linkFrom`),
  /** On a concept: the qualified links that start from it (reverse of linkFrom), embedded when framed. */
  links: { '@reverse': `${lkpo}linkFrom`, '@container': '@set' },
  /** On a concept: the qualified links that point at it (reverse of linkTo). */
  linkedBy: { '@reverse': `${lkpo}linkTo`, '@container': '@set' },
  linkTo: id(`${lkpo}linkTo`),
  basis: vocab(`${lkpo}basis`),
  strength: vocab(`${lkpo}strength`),
  rationale: lang(`${lkpo}rationale`),
  citedSection: `${lkpo}citedSection`,
  introduction: lang(`${lkpo}introduction`),
  challenges: lang(`${lkpo}challenges`),
  hasTarget: id(`${sdgo}hasTarget`),
  isTargetOf: id(`${sdgo}isTargetOf`),
  source: id(`${dcterms}source`),
  stated: `${lkpo}stated`,
  curated: `${lkpo}curated`,
  derived: `${lkpo}derived`,
  close: `${lkpo}close`,
};

/** The context document as served: `{ "@context": … }`. */
export const CONTEXT_DOCUMENT = { '@context': JSONLD_CONTEXT };
