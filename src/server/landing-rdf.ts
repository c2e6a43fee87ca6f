// What the service's own pages are in RDF: the landing page `{BASE}` (a foaf:Document about the dataset) and its schema.org Dataset `{BASE}dataset`.
import oxigraph from 'oxigraph';
import { DATASET_TEXT } from '../metadata/datasets.js';
import { metadataIris } from '../metadata/iris.js';
import { DCTERMS, FOAF, RDF, RDFS } from '../vocab.js';
import type { Dataset } from './dataset.js';

/**
 * The terms of the landing page's schema.org markup as schema.org's own context maps them: to
 * `http://schema.org/`, whether the markup names the context by http or https (schemaorg issue 2853),
 * and so do the UN SDG ontology's terms in our graph `sdg` (until 2026-12-06 this graph used
 * `https://schema.org/`, so the markup read by its own context and the RDF of `{base}dataset` differed;
 * found by a harvester's audit). Those that are IRIs are typed so.
 */
const SCHEMA_CONTEXT = { '@vocab': 'http://schema.org/', url: { '@type': '@id' }, license: { '@type': '@id' }, contentUrl: { '@type': '@id' }, sameAs: { '@type': '@id' } };


/**
 * The landing page's schema.org Dataset (`{base}dataset`, its DataDownloads named by the
 * catalogue's distribution IRIs) as RDF, so that its @id dereferences too; and what the landing
 * page `{base}` is: the catalogue names it (foaf:homepage, dcat:landingPage, typed
 * foaf:Document), and here it says what it is about (the dataset, foaf:primaryTopic) and where
 * the catalogue is (rdfs:seeAlso), so that an RDF client that starts at `{base}` finds both.
 *
 * @example
 * landingGraph(dataset, schemaOrgDataset(dataset)).match(oxigraph.namedNode(dataset.base), null, null, null).length // 5
 */
export function landingGraph(dataset: Pick<Dataset, 'base'>, markup: Record<string, unknown>): oxigraph.Store {
  const { base } = dataset;
  const store = new oxigraph.Store();
  store.load(JSON.stringify({ ...markup, '@context': SCHEMA_CONTEXT }), { format: 'application/ld+json' }); // in a transaction: see releaseStore
  const iris = metadataIris(base);
  const page = oxigraph.namedNode(iris.landingPage);
  const add = (p: string, o: oxigraph.NamedNode | oxigraph.Literal) => store.add(oxigraph.quad(page, oxigraph.namedNode(p), o));
  add(RDF.type, oxigraph.namedNode(FOAF.Document));
  // the landing page's title is the catalogue's dataset title
  for (const [lang, title] of Object.entries(DATASET_TEXT.lkp.title)) add(DCTERMS.title, oxigraph.literal(title, lang));
  add(FOAF.primaryTopic, oxigraph.namedNode(iris.dataset('lkp')));
  add(RDFS.seeAlso, oxigraph.namedNode(iris.catalog));
  return store;
}
