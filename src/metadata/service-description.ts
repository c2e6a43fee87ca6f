// SPARQL 1.1 Service Description of the endpoint (returned by a GET on /sparql without a query).
import type N3 from 'n3';
import { NS } from '../vocab.js';
import { metadataIris } from './iris.js';
import { QuadSink, dct, rdfs, sd, sortQuads, voidNs } from './rdf.js';

export interface ServiceDescriptionOptions {
  /** The endpoint URL, e.g. `{base}sparql`. */
  endpoint: string;
  base: string;
  /** The VoID dataset IRI: it is also the service's default dataset. */
  voidIri: string;
  /** Named graphs of the dataset (from the build manifest), listed in the default dataset. */
  graphs?: readonly { iri: string; triples?: number }[];
  /** Where the VoID document is served, e.g. `{base}.well-known/void`; linked with rdfs:seeAlso. */
  voidDocument?: string;
}

/** Result formats the endpoint serves (issue 3), as W3C format IRIs. */
export const RESULT_FORMATS = [
  'SPARQL_Results_JSON',
  'SPARQL_Results_XML',
  'SPARQL_Results_CSV',
  'SPARQL_Results_TSV',
  'Turtle',
  'N-Triples',
  'RDF_XML',
  'JSON-LD',
  'N-Quads',
  'TriG',
].map((name) => NS.formats + name);

/**
 * Describes the endpoint with the SPARQL 1.1 Service Description vocabulary: SPARQL 1.1 Query
 * only (read-only), its result formats, the union default graph and every named graph. The
 * service IRI is `{base}service/sparql`, the same node as the catalogue's dcat:DataService.
 *
 * @example
 * computeServiceDescription({
 *   endpoint: 'https://w3id.org/helsingborg-livskvalitet/sparql',
 *   base: 'https://w3id.org/helsingborg-livskvalitet/',
 *   voidIri: 'https://w3id.org/helsingborg-livskvalitet/dataset/lkp',
 *   graphs: [{ iri: 'https://w3id.org/helsingborg-livskvalitet/graph/lkp2016', triples: 4200 }],
 * });
 */
export function computeServiceDescription(opts: ServiceDescriptionOptions): N3.Quad[] {
  const iris = metadataIris(opts.base);
  const service = iris.service;
  const dataset = opts.voidIri;
  const defaultGraph = `${opts.base}service/sparql/default-graph`;
  const out = new QuadSink();

  out
    .type(service, sd('Service'))
    .add(service, sd('endpoint'), opts.endpoint)
    .add(service, sd('supportedLanguage'), sd('SPARQL11Query'))
    .add(service, sd('resultFormat'), RESULT_FORMATS)
    .add(service, sd('feature'), sd('UnionDefaultGraph'))
    .add(service, sd('defaultDataset'), dataset)
    .add(service, dct('title'), { sv: 'SPARQL-ändpunkt för livskvalitetsprogrammet', en: 'SPARQL endpoint for the Quality of Life Programme' })
    .add(service, rdfs('seeAlso'), opts.voidDocument);

  out
    .type(dataset, sd('Dataset'))
    .add(dataset, sd('defaultGraph'), defaultGraph)
    .type(defaultGraph, sd('Graph'))
    .add(defaultGraph, rdfs('comment'), {
      sv: 'Standardgrafen är unionen av alla namngivna grafer.',
      en: 'The default graph is the union of all named graphs.',
    });

  for (const graph of [...(opts.graphs ?? [])].sort((a, b) => (a.iri < b.iri ? -1 : 1))) {
    const named = `${opts.base}service/sparql/named-graph/${encodeURIComponent(graph.iri.slice(graph.iri.lastIndexOf('/') + 1))}`;
    out
      .add(dataset, sd('namedGraph'), named)
      .type(named, sd('NamedGraph'))
      .add(named, sd('name'), graph.iri)
      .add(named, sd('graph'), graph.iri)
      .type(graph.iri, sd('Graph'));
    if (graph.triples !== undefined) out.add(graph.iri, voidNs('triples'), graph.triples);
  }
  return sortQuads(out.quads);
}
