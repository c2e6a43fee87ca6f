// VoID description of the dataset, with statistics computed from the built quads.
import { createHash } from 'node:crypto';
import type N3 from 'n3';
import { LICENSE, LINK_TARGET, LKPO_NS, NS } from '../vocab.js';
import { DATASET_TEXT } from './datasets.js';
import { fileFormat, w3cFormatIri } from './formats.js';
import { QuadSink, dateLiteral, dct, namespaceOf, sortQuads, voidNs } from './rdf.js';
import { computeStats, type DatasetStats } from './void-stats.js';

export interface Dump {
  url: string;
  mediaType: string;
}

export interface VoidOptions {
  /** Base IRI of the dataset's resources; becomes void:uriSpace. */
  base: string;
  /** IRI of the void:Dataset (use the DCAT dataset IRI so both descriptions meet). */
  datasetIri: string;
  sparqlEndpoint: string;
  dumps: readonly Dump[];
  /** Build date, `YYYY-MM-DD` or an ISO date-time. */
  modified: string;
  /** IRIs for void:exampleResource; by default the 2016 programme, focus area 4.4 and the vision. */
  exampleResources?: readonly string[];
}

/** The external datasets our links point into, each with the namespace of its resources. */
const LINK_TARGETS = [
  { key: 'sdg', ns: NS.sdg, iri: LINK_TARGET.sdgKos, title: { sv: 'FN:s kunskapsorganisationssystem för de globala målen', en: 'UN SDG Knowledge Organization System' } },
  { key: 'wikidata', ns: NS.wd, iri: LINK_TARGET.wikidata, title: { sv: 'Wikidata', en: 'Wikidata' } },
] as const;

/** What a subset (a named graph) takes over from its description in the about graph: its terms of use. */
const SUBSET_TERMS = [NS.dcterms + 'license', NS.dcterms + 'rights', NS.dcterms + 'bibliographicCitation'];

/**
 * Builds the VoID description: whole-dataset statistics, class and property partitions, one
 * subset per named graph, dumps, the SPARQL endpoint and linksets to the UN SDG KOS and Wikidata.
 * Every node is an IRI (partitions are minted under `{base}void/`); output is sorted.
 *
 * @example
 * const quads = computeVoid(store, {
 *   base: 'https://w3id.org/helsingborg-livskvalitet/',
 *   datasetIri: 'https://w3id.org/helsingborg-livskvalitet/dataset/lkp',
 *   sparqlEndpoint: 'https://w3id.org/helsingborg-livskvalitet/sparql',
 *   dumps: [{ url: 'https://w3id.org/helsingborg-livskvalitet/download/dataset.ttl', mediaType: 'text/turtle' }],
 *   modified: '2025-01-31',
 * });
 */
export function computeVoid(store: N3.Store, opts: VoidOptions): N3.Quad[] {
  const stats = computeStats(store, opts.base, LINK_TARGETS.map((t) => t.ns));
  const out = new QuadSink();
  const ds = opts.datasetIri;
  const v = voidNs;

  out
    .type(ds, v('Dataset'))
    .add(ds, dct('title'), DATASET_TEXT.lkp.title)
    .add(ds, dct('license'), LICENSE.ccBy4)
    .add(ds, dct('modified'), dateLiteral(opts.modified))
    .code(ds, v('uriSpace'), opts.base)
    .add(ds, v('sparqlEndpoint'), opts.sparqlEndpoint)
    .add(ds, v('triples'), stats.triples)
    .add(ds, v('entities'), stats.entities)
    .add(ds, v('distinctSubjects'), stats.distinctSubjects)
    .add(ds, v('distinctObjects'), stats.distinctObjects)
    .add(ds, v('properties'), stats.properties.size)
    .add(ds, v('classes'), stats.classes.size)
    .add(ds, v('exampleResource'), [...(opts.exampleResources ?? defaultExamples(stats, opts.base))]);

  for (const dump of opts.dumps) {
    // void:dataDump is for dumps of the dataset in RDF (gzip-compressed or not): a known non-RDF format
    // (links.csv, links.csv.gz) is left to the DCAT catalogue, and so is any file of unknown format
    // (links.csv-metadata.json, which describes links.csv).
    const { format } = fileFormat(decodeURIComponent(dump.url.split('/').pop() ?? ''), dump.mediaType);
    if (!format?.w3cFormat) continue;
    out.add(ds, v('dataDump'), dump.url);
    const feature = format && w3cFormatIri(format);
    if (feature) out.add(ds, v('feature'), feature);
  }
  for (const vocabulary of vocabularies(stats)) out.add(ds, v('vocabulary'), vocabulary);

  const slugs = slugger();
  for (const [cls, entities] of sorted(stats.classes)) {
    const part = `${opts.base}void/class/${slugs(cls)}`;
    out.add(ds, v('classPartition'), part).add(part, v('class'), cls).add(part, v('entities'), entities);
  }
  for (const [property, triples] of sorted(stats.properties)) {
    const part = `${opts.base}void/property/${slugs(property)}`;
    out.add(ds, v('propertyPartition'), part).add(part, v('property'), property).add(part, v('triples'), triples);
  }
  for (const [graph, triples] of sorted(stats.graphs)) {
    out.add(ds, v('subset'), graph).type(graph, v('Dataset')).add(graph, v('triples'), triples);
    // A graph that copies another dataset's resources (the UN SDG KOS, its goals' Swedish titles) has
    // their IRIs, outside our uriSpace: it says whose, and how many it describes there.
    const subjects = store.getSubjects(null, null, graph).filter((t) => t.termType === 'NamedNode').map((t) => t.value);
    const copied = subjects.some((iri) => iri.startsWith(opts.base)) ? undefined : LINK_TARGETS.find((t) => subjects.some((iri) => iri.startsWith(t.ns)));
    if (copied) out.code(graph, v('uriSpace'), copied.ns).add(graph, v('entities'), subjects.filter((iri) => iri.startsWith(copied.ns)).length);
    // e.g. the UN SDG KOS citation its licence requires wherever graph sdg goes, as the about graph gives it
    for (const p of SUBSET_TERMS) for (const q of store.getQuads(graph, p, null, null)) out.term(graph, p, q.object);
  }
  addLinksets(out, opts, stats, slugs);
  return sortQuads(out.quads);
}

/** One linkset per target dataset, with a sub-linkset per link predicate that occurs. */
function addLinksets(out: QuadSink, opts: VoidOptions, stats: DatasetStats, slugs: (iri: string) => string): void {
  const v = voidNs;
  for (const target of LINK_TARGETS) {
    const byPredicate = stats.links.get(target.ns) ?? new Map<string, number>();
    const total = [...byPredicate.values()].reduce((a, b) => a + b, 0);
    if (total === 0) continue;
    const ls = `${opts.base}void/linkset/${target.key}`;
    out
      .add(opts.datasetIri, v('subset'), ls)
      .type(ls, v('Linkset'))
      .add(ls, v('subjectsTarget'), opts.datasetIri)
      .add(ls, v('objectsTarget'), target.iri)
      .add(ls, v('triples'), total)
      .type(target.iri, v('Dataset'))
      .add(target.iri, dct('title'), target.title)
      .code(target.iri, v('uriSpace'), target.ns);
    for (const [predicate, triples] of sorted(byPredicate)) {
      const sub = `${ls}/${slugs(predicate)}`;
      out
        .add(ls, v('linkPredicate'), predicate)
        .add(ls, v('subset'), sub)
        .type(sub, v('Linkset'))
        .add(sub, v('subjectsTarget'), opts.datasetIri)
        .add(sub, v('objectsTarget'), target.iri)
        .add(sub, v('linkPredicate'), predicate)
        .add(sub, v('triples'), triples);
    }
  }
}

/** Typical resources (docs/design.md): the 2016 programme, one focus area, the vision. */
const PREFERRED_EXAMPLES = ['lkp/2016', 'lkp/2016/4.4', 'vision2035'];

/** The preferred examples that exist, else up to three concept schemes of the data (not of the ontology). */
function defaultExamples(stats: DatasetStats, base: string): string[] {
  const local = new Set(stats.localSubjects);
  const preferred = PREFERRED_EXAMPLES.map((path) => base + path).filter((iri) => local.has(iri));
  if (preferred.length > 0) return preferred;
  const schemes = stats.conceptSchemes.filter((iri) => !iri.startsWith(LKPO_NS));
  return (schemes.length > 0 ? schemes : stats.localSubjects).slice(0, 3);
}

/** Namespaces of every property and class used, e.g. SKOS, Dublin Core, our ontology. */
function vocabularies(stats: DatasetStats): string[] {
  const terms = [...stats.properties.keys(), ...stats.classes.keys()];
  return [...new Set(terms.map(namespaceOf))].sort();
}

const sorted = <V>(map: Map<string, V>): [string, V][] => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * Readable, stable path segments for partition IRIs: `skos-Concept` from the known prefixes,
 * else a short hash of the IRI. A segment that two IRIs would share falls back to the hash.
 */
function slugger(): (iri: string) => string {
  const prefixes = Object.entries(NS).sort(([, a], [, b]) => b.length - a.length);
  const taken = new Map<string, string>();
  return (iri) => {
    const match = prefixes.find(([, ns]) => iri.startsWith(ns) && iri.length > ns.length);
    let slug = match ? `${match[0]}-${iri.slice(match[1].length).replace(/[^A-Za-z0-9_.-]/g, '_')}` : hash(iri);
    if (taken.has(slug) && taken.get(slug) !== iri) slug = hash(iri);
    taken.set(slug, iri);
    return slug;
  };
}

const hash = (iri: string): string => 'h' + createHash('sha256').update(iri).digest('hex').slice(0, 12);
