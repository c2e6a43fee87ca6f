// The published JSON-LD contexts: the current one (served at /context.jsonld and, immutable, at /context/v2.jsonld) and every older version, unchanged.
import { NS } from '../vocab.js';

/** Bump when a term changes meaning; old versions stay served so old documents keep working. */
export const CONTEXT_VERSION = 'v2';

/** Path of the versioned context that our JSON-LD documents reference. */
export const CONTEXT_PATH = `context/${CONTEXT_VERSION}.jsonld`;

const id = (iri: string) => ({ '@id': iri, '@type': '@id' });
const lang = (iri: string) => ({ '@id': iri, '@container': '@language' });
const vocab = (iri: string) => ({ '@id': iri, '@type': '@vocab' });

const { skos, lkpo, dcterms, rdfs, sdgo } = NS;

/** Version 1 (published 2026), as it was: never edit it, documents on the web name it. */
const CONTEXT_V1 = {
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

/**
 * Short names for the terms a reader meets most; every other term keeps its prefixed name.
 * Version 2 adds to version 1 one property-scoped context: a link's `strength` reads `close` or
 * `related`. In version 1 `related` is `skos:related`, so the strength lkpo:related could only be
 * written `lkpo:related` beside `close`.
 */
export const JSONLD_CONTEXT = {
  ...CONTEXT_V1,
  strength: { ...vocab(`${lkpo}strength`), '@context': { close: `${lkpo}close`, related: `${lkpo}related` } },
};

/** The context document as served: `{ "@context": … }`. */
export const CONTEXT_DOCUMENT = { '@context': JSONLD_CONTEXT };

/** Every published version's document by its path (`context/v1.jsonld`, …), the current one included. */
export const PUBLISHED_CONTEXTS: ReadonlyMap<string, { '@context': object }> = new Map([
  ['context/v1.jsonld', { '@context': CONTEXT_V1 }],
  [CONTEXT_PATH, CONTEXT_DOCUMENT],
]);

/**
 * Since when each published version's bytes are as served (its `Last-Modified`, which is not the
 * server's start, as for generated documents: the bytes are in this file, and never change). Both
 * were fixed at their paths by commit d853633 (2026-12-03 08:12:00 UTC), and this file has not
 * changed since; v1's terms are older (2026-11-23), but not its document at that path.
 */
export const CONTEXT_LAST_MODIFIED: ReadonlyMap<string, Date> = new Map([
  ['context/v1.jsonld', new Date('2026-12-03T08:12:00Z')],
  ['context/v2.jsonld', new Date('2026-12-03T08:12:00Z')],
]);
