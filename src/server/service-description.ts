// The SPARQL 1.1 Service Description of /sparql, as triples.
import { DataFactory, type Quad } from 'n3';
import { BOOLEAN_FORMATS, GRAPH_FORMATS, SOLUTION_FORMATS } from '../engine/formats.js';
import { DOCUMENT_FORMATS } from '../graph/documents.js';
import { DCTERMS, NS, RDF, SD } from '../vocab.js';
import { metadataIris } from '../metadata/iris.js';
import type { Dataset } from './dataset.js';

const { namedNode, literal, quad } = DataFactory;

/**
 * What the service description is offered in by Accept (Turtle first), each format's aliases
 * included (`application/json` for JSON-LD, `text/plain` for N-Triples) as resource documents
 * offer them.
 */
export const DESCRIPTION_OFFERS: readonly string[] = DOCUMENT_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases]);
const RDFS_SEE_ALSO = NS.rdfs + 'seeAlso';

/**
 * The endpoint's IRI (its sd:endpoint), which is also the base IRI of a query that names none
 * (SPARQL 1.1 Protocol §2.3): `<lkp/2016/4.4.3>` in a query is `{base}lkp/2016/4.4.3`.
 *
 * @example
 * endpointIri('https://w3id.org/helsingborg-livskvalitet/') // 'https://w3id.org/helsingborg-livskvalitet/sparql'
 */
export const endpointIri = (base: string): string => `${base}sparql`;

/**
 * Describes the endpoint: language, result formats, the union default graph and each named graph.
 * The service has the IRI the DCAT catalogue gives its dcat:DataService (one resource, two descriptions);
 * the other nodes get IRIs under the endpoint instead of blank nodes.
 *
 * @example
 * serialize(serviceDescription(dataset), 'ttl', dataset.base)
 */
export function serviceDescription(dataset: Dataset): Quad[] {
  const endpoint = endpointIri(dataset.base);
  const service = namedNode(metadataIris(dataset.base).service);
  const ds = namedNode(`${endpoint}#dataset`);
  const union = namedNode(`${endpoint}#default-graph`);
  const t = (s: Quad['subject'], p: string, o: Quad['object']) => quad(s, namedNode(p), o);
  const formats = new Set([...SOLUTION_FORMATS, ...BOOLEAN_FORMATS, ...GRAPH_FORMATS].map((f) => f.w3c));
  const quads = [
    t(service, RDF.type, namedNode(SD.Service)),
    t(service, SD.endpoint, namedNode(endpoint)),
    t(service, SD.supportedLanguage, namedNode(SD.SPARQL11Query)),
    t(service, SD.feature, namedNode(SD.UnionDefaultGraph)),
    ...[...formats].map((f) => t(service, SD.resultFormat, namedNode(f))),
    t(service, SD.defaultDataset, ds),
    t(service, RDFS_SEE_ALSO, namedNode(metadataIris(dataset.base).void)),
    t(ds, RDF.type, namedNode(SD.Dataset)),
    t(ds, SD.defaultGraph, union),
    t(union, RDF.type, namedNode(SD.Graph)),
    t(union, DCTERMS.description, literal('Unionen av alla namngivna grafer', 'sv')),
    t(union, DCTERMS.description, literal('The union of all named graphs', 'en')),
  ];
  for (const g of dataset.manifest.graphs) {
    // named by the graph (`#named-graph-sdg`), not by its place in the list, which a new graph would shift
    const node = namedNode(`${endpoint}#named-graph-${g.iri.slice(g.iri.lastIndexOf('/') + 1)}`);
    quads.push(t(ds, SD.namedGraph, node), t(node, RDF.type, namedNode(SD.NamedGraph)), t(node, SD.name, namedNode(g.iri)));
  }
  return quads;
}
