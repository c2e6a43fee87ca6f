// Serializes small RDF documents (resource pages, service description, VoID, DCAT) in every document format.
import jsonld from 'jsonld';
import { DataFactory, Writer, type Quad as N3Quad, type Term as N3Term } from 'n3';
import oxigraph from 'oxigraph';
import { GRAPH_FORMATS, type FormatKey, type ResultFormat } from '../engine/formats.js';
import { LKPO, NS } from '../vocab.js';
import { CONTEXT_PATH, JSONLD_CONTEXT } from './context.js';

/** Formats of a single RDF document (no datasets): Turtle, N-Triples, JSON-LD, RDF/XML. */
export const DOCUMENT_FORMATS: readonly ResultFormat[] = GRAPH_FORMATS.filter((f) => ['ttl', 'nt', 'jsonld', 'rdf'].includes(f.key));

/** File extension of each document format, for `…/4.4.ttl` URLs. */
export const EXTENSIONS: Record<string, FormatKey> = { ttl: 'ttl', nt: 'nt', jsonld: 'jsonld', rdf: 'rdf' };

type AnyTerm = { termType: string; value: string; language?: string; datatype?: { value: string } };
type AnyQuad = { subject: AnyTerm; predicate: AnyTerm; object: AnyTerm };

function toN3(t: AnyTerm): N3Term {
  if (t.termType === 'NamedNode') return DataFactory.namedNode(t.value);
  if (t.termType === 'BlankNode') return DataFactory.blankNode(t.value);
  if (t.termType === 'Literal')
    return DataFactory.literal(t.value, t.language || DataFactory.namedNode(t.datatype?.value ?? `${NS.xsd}string`));
  throw new Error(`unsupported term type ${t.termType}`);
}

const key = (q: AnyQuad) => `${q.subject.value}\u0000${q.predicate.value}\u0000${q.object.termType}${q.object.value}`;

/** Triples sorted and de-duplicated (the graph name is dropped), for deterministic output. */
function triples(quads: readonly AnyQuad[]): N3Quad[] {
  const seen = new Map<string, AnyQuad>();
  for (const q of quads) seen.set(key(q), q);
  return [...seen.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, q]) => DataFactory.quad(toN3(q.subject) as N3Quad['subject'], toN3(q.predicate) as N3Quad['predicate'], toN3(q.object) as N3Quad['object']));
}

function write(quads: N3Quad[], format: 'Turtle' | 'N-Triples', prefixes: Record<string, string> = {}): string {
  const writer = new Writer({ format, prefixes });
  writer.addQuads(quads);
  let out = '';
  writer.end((err, result) => {
    if (err) throw err;
    out = result;
  });
  return out;
}

/** Prefixes of NS that the document actually uses, so the Turtle header stays short. */
function usedPrefixes(quads: N3Quad[], base: string): Record<string, string> {
  const iris = quads.flatMap((q) => [q.subject, q.predicate, q.object].filter((t) => t.termType === 'NamedNode').map((t) => t.value));
  const all: Record<string, string> = { ...NS, hbg: base };
  return Object.fromEntries(Object.entries(all).filter(([, ns]) => iris.some((iri) => iri.startsWith(ns))));
}

const noRemoteContexts = {
  documentLoader: async (url: string) => {
    throw new Error(`refusing to load ${url}`);
  },
};

/**
 * JSON-LD with our published context. With a focus IRI the document is framed on that resource:
 * it is the top node, and the qualified links from and to it are embedded under `links` / `linkedBy`.
 */
async function toJsonLd(quads: N3Quad[], base: string, focus?: string): Promise<string> {
  const nquads = write(quads, 'N-Triples');
  const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
  const context = JSONLD_CONTEXT as unknown as jsonld.ContextDefinition;
  const doc = focus
    ? await jsonld.frame(expanded, { '@context': context, '@id': focus, '@reverse': { [LKPO.linkFrom]: {}, [LKPO.linkTo]: {} } } as unknown as Parameters<typeof jsonld.frame>[1], noRemoteContexts as jsonld.Options.Frame)
    : await jsonld.compact(expanded, context, noRemoteContexts as jsonld.Options.Compact);
  return JSON.stringify({ ...doc, '@context': `${base}${CONTEXT_PATH}` }, null, 2) + '\n';
}

function toRdfXml(quads: N3Quad[]): string {
  const store = new oxigraph.Store();
  store.load(write(quads, 'N-Triples'), { format: 'nt', no_transaction: true });
  return store.dump({ format: 'rdf', from_graph_name: oxigraph.defaultGraph() });
}

/**
 * Writes triples as one document. JSON-LD is compacted with our published context (framed on `focus` if given).
 *
 * @example
 * await serialize(store.match(iri, null, null, null), 'ttl', base)
 */
export async function serialize(quads: readonly AnyQuad[], format: FormatKey, base: string, focus?: string): Promise<string> {
  const sorted = triples(quads);
  switch (format) {
    case 'ttl':
      return write(sorted, 'Turtle', usedPrefixes(sorted, base));
    case 'nt':
      return write(sorted, 'N-Triples');
    case 'jsonld':
      return toJsonLd(sorted, base, focus);
    case 'rdf':
      return toRdfXml(sorted);
    default:
      throw new Error(`${format} is not a single-graph document format`);
  }
}
