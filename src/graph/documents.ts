// Serializes RDF documents (resource pages, service description, VoID, DCAT, CONSTRUCT/DESCRIBE answers) in every document format.
import type * as JsonLd from 'jsonld';
import { DataFactory, Writer, type Quad as N3Quad, type Term as N3Term } from 'n3';
import oxigraph from 'oxigraph';
import { GRAPH_FORMATS, type FormatKey, type ResultFormat } from '../engine/formats.js';
import { LKPO, NS } from '../vocab.js';
import { CONTEXT_PATH, JSONLD_CONTEXT } from './context.js';
import { releaseStore } from './store-memory.js';

/** Formats of a single RDF document (no datasets): Turtle, N-Triples, JSON-LD, RDF/XML. */
export const DOCUMENT_FORMATS: readonly ResultFormat[] = GRAPH_FORMATS.filter((f) => ['ttl', 'nt', 'jsonld', 'rdf'].includes(f.key));


type AnyTerm = { termType: string; value: string; language?: string; direction?: string | null; datatype?: { value: string } };
type AnyQuad = { subject: AnyTerm; predicate: AnyTerm; object: AnyTerm };

function toN3(t: AnyTerm): N3Term {
  if (t.termType === 'NamedNode') return DataFactory.namedNode(t.value);
  if (t.termType === 'BlankNode') return DataFactory.blankNode(t.value);
  if (t.termType === 'Literal') {
    // An RDF 1.2 directional string (`"…"@ar--rtl`): n3 takes the language and the direction together (its typings do not say so).
    if (t.language && t.direction) return DataFactory.literal(t.value, { language: t.language, direction: t.direction } as unknown as string);
    return DataFactory.literal(t.value, t.language || DataFactory.namedNode(t.datatype?.value ?? `${NS.xsd}string`));
  }
  throw new Error(`unsupported term type ${t.termType}`);
}

/** A term as a key: its kind, value, language and datatype (a literal differing only in language or datatype is another term). */
const termKey = (t: AnyTerm) => `${t.termType}\u0000${t.value}\u0000${t.language ?? ''}${t.direction ? `--${t.direction}` : ''}\u0000${t.termType === 'Literal' ? (t.datatype?.value ?? '') : ''}`;
/** Sorts by subject, predicate, then object (so a document groups each subject's statements). */
const key = (q: AnyQuad) => `${q.subject.value}\u0001${q.predicate.value}\u0001${termKey(q.object)}\u0001${q.subject.termType}`;

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

/**
 * Prefixes of NS that the document actually uses, so the Turtle header stays short. A prefix is
 * left out where an IRI of the document begins with its name and a colon (`<skos:Concept>`, an IRI
 * of the scheme "skos"): n3's writer takes such an IRI for a prefixed name and writes it bare, and
 * under that prefix it would read as another IRI.
 *
 * @example
 * usedPrefixes([quad(namedNode('http://e/s'), namedNode(`${NS.skos}notation`), namedNode('skos:Concept'))], base) // {}: skos: is used, but written out
 */
function usedPrefixes(quads: N3Quad[], base: string): Record<string, string> {
  const iris = quads.flatMap((q) => [q.subject, q.predicate, q.object].filter((t) => t.termType === 'NamedNode').map((t) => t.value));
  const all: Record<string, string> = { ...NS, hbg: base };
  return Object.fromEntries(
    Object.entries(all).filter(([name, ns]) => iris.some((iri) => iri.startsWith(ns)) && !iris.some((iri) => iri.startsWith(`${name}:`))),
  );
}

let jsonLdModule: Promise<typeof JsonLd> | undefined;

/**
 * The jsonld library, imported on first use (about 0.2 s of start-up that a process answering
 * only queries or Turtle never needs). Call it early to have it ready, e.g. once a server listens.
 *
 * @example
 * void loadJsonLd(); // warm up in the background
 */
export function loadJsonLd(): Promise<typeof JsonLd> {
  jsonLdModule ??= import('jsonld').then((m) => m.default as typeof JsonLd);
  return jsonLdModule;
}

const noRemoteContexts = {
  documentLoader: async (url: string) => {
    throw new Error(`refusing to load ${url}`);
  },
};

type Ref = { '@id'?: string };
type NodeObject = { '@id': string; [key: string]: unknown };

const values = (node: NodeObject, property: string): Ref[] => (Array.isArray(node[property]) ? (node[property] as Ref[]) : []);
const propertiesOf = (node: NodeObject) => Object.keys(node).filter((k) => !k.startsWith('@'));
const isBlank = (id: string | undefined): id is string => id?.startsWith('_:') === true;

/**
 * Writes each blank node that is referenced once in place of its reference (Turtle's `[ … ]`), depth
 * first. `placed` holds the nodes already written somewhere, so a cycle keeps a reference.
 */
function inline(node: NodeObject, nodes: Map<string, NodeObject>, uses: Map<string, number>, placed: Set<string>): void {
  placed.add(node['@id']);
  for (const p of propertiesOf(node)) {
    node[p] = values(node, p).map((v) => {
      const b = isBlank(v['@id']) && uses.get(v['@id']) === 1 && !placed.has(v['@id']) ? nodes.get(v['@id']) : undefined;
      if (!b) return v;
      nodes.delete(b['@id']);
      inline(b, nodes, uses, placed);
      const { '@id': _, ...rest } = b;
      return rest;
    });
  }
}

/**
 * Nests the flat node objects of `jsonld.fromRDF` into one tree rooted at `focus`, moving node
 * objects rather than rebuilding them, so that every triple survives. A node that points at the
 * focus is embedded under the focus's `@reverse` by the first such predicate (lkpo:linkFrom and
 * lkpo:linkTo first, so qualified links read as `links` / `linkedBy`) and loses only the one value
 * that the reverse key states; blank nodes referenced once are written in place; any other node
 * (none in our data today) is kept under `@included`.
 */
function nest(flat: NodeObject[], focus: string): NodeObject {
  const uses = new Map<string, number>();
  for (const n of flat) for (const p of propertiesOf(n)) for (const v of values(n, p)) if (isBlank(v['@id'])) uses.set(v['@id'], (uses.get(v['@id']) ?? 0) + 1);
  const nodes = new Map(flat.filter((n) => propertiesOf(n).length + Number('@type' in n) > 0).map((n) => [n['@id'], n]));
  const root = nodes.get(focus) ?? { '@id': focus };
  nodes.delete(focus);
  const placed = new Set<string>();
  inline(root, nodes, uses, placed);
  const reverse: Record<string, NodeObject[]> = {};
  // named nodes first, so that a blank node referenced once lands inside its referrer
  for (const n of [...nodes.values()].sort((x, y) => Number(isBlank(x['@id'])) - Number(isBlank(y['@id'])))) {
    if (!nodes.has(n['@id'])) continue;
    inline(n, nodes, uses, placed);
    const property = [LKPO.linkFrom, LKPO.linkTo, ...propertiesOf(n).sort()].find((p) => values(n, p).some((v) => v['@id'] === focus));
    if (!property) continue;
    const others = values(n, property).filter((v) => v['@id'] !== focus);
    if (others.length > 0) n[property] = others;
    else delete n[property];
    (reverse[property] ??= []).push(n);
    nodes.delete(n['@id']);
  }
  if (Object.keys(reverse).length > 0) root['@reverse'] = reverse;
  if (nodes.size > 0) root['@included'] = [...nodes.values()];
  return root;
}

/** How a document is written besides its format. */
export interface DocumentOptions {
  /** The resource the document is about: JSON-LD is then one tree rooted at it. */
  focus?: string;
  /**
   * Put the context itself in the JSON-LD (`@context` as an object) instead of its URL, so that
   * any JSON-LD processor reads the document offline: for SPARQL answers, which leave the site.
   */
  inlineContext?: boolean;
}

/**
 * JSON-LD with our published context. With a focus IRI the document is one tree rooted at that
 * resource: statements that point at it sit under `@reverse` (qualified links under `links` /
 * `linkedBy`), so the document holds exactly the triples of the Turtle. (Framing cannot do this:
 * a frame drops every node it does not match.)
 */
async function toJsonLd(quads: N3Quad[], base: string, { focus, inlineContext }: DocumentOptions): Promise<string> {
  const jsonld = await loadJsonLd();
  const nquads = write(quads, 'N-Triples');
  const expanded = (await jsonld.fromRDF(nquads, { format: 'application/n-quads' })) as NodeObject[];
  const context = JSONLD_CONTEXT as unknown as JsonLd.ContextDefinition;
  const input = (focus ? nest(expanded, focus) : expanded) as JsonLd.JsonLdDocument;
  const doc = await jsonld.compact(input, context, noRemoteContexts as JsonLd.Options.Compact);
  return JSON.stringify({ ...doc, '@context': inlineContext ? JSONLD_CONTEXT : `${base}${CONTEXT_PATH}` }, null, 2) + '\n';
}

let rdfXmlModule: Promise<typeof import('./rdfxml.js')> | undefined;

/**
 * The RDF/XML writer (rdflib), imported on first use (about 0.1 s that a process answering only
 * queries never needs). Call it early to have it ready, as with loadJsonLd.
 *
 * @example
 * void loadRdfXmlWriter(); // warm up in the background
 */
export function loadRdfXmlWriter(): Promise<typeof import('./rdfxml.js')> {
  rdfXmlModule ??= import('./rdfxml.js');
  return rdfXmlModule;
}

/**
 * RDF/XML by rdflib's writer, the one the dumps and the catalogue use: each namespace declared once
 * on the root, typed nodes (`<lkpo:Link rdf:about="…">`), literals as written (Oxigraph's store
 * would give `"5"^^xsd:nonNegativeInteger` back as `xsd:integer`). A document holding an RDF 1.2
 * directional string is written by Oxigraph, which keeps the direction (`its:dir`).
 */
async function toRdfXml(quads: N3Quad[], base: string): Promise<string> {
  if (quads.some((q) => q.object.termType === 'Literal' && (q.object as { direction?: string | null }).direction)) {
    const store = new oxigraph.Store();
    try {
      store.load(write(quads, 'N-Triples'), { format: 'nt' }); // in a transaction: see releaseStore
      return store.dump({ format: 'rdf', from_graph_name: oxigraph.defaultGraph() });
    } finally {
      releaseStore(store);
    }
  }
  const { toRdfXml: writeRdfXml } = await loadRdfXmlWriter();
  return writeRdfXml(quads, usedPrefixes(quads, base));
}

/**
 * Writes triples as one document: sorted, Turtle with the prefixes it uses, JSON-LD compacted
 * with our published context (nested on `options.focus` if given).
 *
 * @example
 * await serialize(store.match(iri, null, null, null), 'ttl', base)
 */
export async function serialize(quads: readonly AnyQuad[], format: FormatKey, base: string, options: DocumentOptions = {}): Promise<string> {
  const sorted = triples(quads);
  switch (format) {
    case 'ttl':
      return write(sorted, 'Turtle', usedPrefixes(sorted, base));
    case 'nt':
      return write(sorted, 'N-Triples');
    case 'jsonld':
      return toJsonLd(sorted, base, options);
    case 'rdf':
      return toRdfXml(sorted, base);
    default:
      throw new Error(`${format} is not a single-graph document format`);
  }
}
