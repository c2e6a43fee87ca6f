// Writes a CONSTRUCT/DESCRIBE result (N-Triples from either engine) in the requested RDF format, readable where the format allows.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import oxigraph from 'oxigraph';
import { JSONLD_CONTEXT } from '../graph/context.js';
import { releaseStore } from '../graph/store-memory.js';
import type { FormatKey } from './formats.js';
import { EngineError } from './types.js';

/**
 * Largest result written as compacted JSON-LD. Compaction (jsonld.js) takes about 0.12 ms a
 * triple of this dataset, so the whole dataset (12 152 triples) compacts in about 1.5 s, and up
 * to 0.3 ms a triple in answers made mostly of blank nodes (6.0 s just under this limit); a larger
 * result is sent in expanded form (the same triples, full IRIs) so that it stays inside the timeout.
 */
export const MAX_COMPACTED_TRIPLES = 20_000;

/** What a graph answer is written with, besides the N-Triples: the dataset's base IRI (for the `hbg:` prefix). */
export interface GraphOutputOptions {
  base: string;
  /**
   * Whether N-Triples too go through Oxigraph's store, which writes typed literals in their
   * canonical form (`"0042"^^xsd:integer` as `42`), as every other format does: for an engine whose
   * N-Triples keep the query's form (Comunica), so that all formats of one answer hold the same
   * triples (found by an audit, 2026-12-06: 48 triples in N-Triples, 44 in the rest).
   */
  canonical?: boolean;
}

/**
 * N-Triples in, `format` out, as a resource document of the same format would be written:
 * Turtle and TriG sorted with the prefixes they use (ours and the standard ones), JSON-LD
 * compacted against the published context, which it carries inline so that any processor reads
 * the answer offline (up to MAX_COMPACTED_TRIPLES; expanded beyond),
 * N-Triples passed through (or, `canonical`, written by Oxigraph), RDF/XML and N-Quads by Oxigraph. The document writer is imported
 * on first use, so a worker that never answers a graph query does not load it.
 *
 * @example
 * await fromNTriples('<a:s> <a:p> <a:o> .\n', 'ttl', { base: 'https://w3id.org/helsingborg-livskvalitet/' })
 */
export async function fromNTriples(nt: string, format: FormatKey, options: GraphOutputOptions): Promise<string> {
  if (format === 'nt' && !options.canonical) return nt;
  const store = new oxigraph.Store();
  try {
    return await writeGraph(store, nt, format, options);
  } finally {
    releaseStore(store);
  }
}

async function writeGraph(store: oxigraph.Store, nt: string, format: FormatKey, options: GraphOutputOptions): Promise<string> {
  try {
    store.load(nt, { format: 'nt' }); // in a transaction: see releaseStore
  } catch (e) {
    // The engine wrote a term RDF does not allow (Oxigraph: STRDT("x", rdf:langString); Comunica: an
    // IRI with a space, a malformed language tag), which N-Triples passes through as written.
    const reason = (e instanceof Error ? e.message : String(e)).replace(/^Parser error at line \d+ between columns \d+ and \d+: /, '');
    throw new EngineError('query', `the query made a term that is not valid RDF (${reason.replace(/\.?\s*$/, '')}), which no graph format but N-Triples, written as the engine gives it, can carry`);
  }
  if (format === 'rdf') checkRdfXmlNames(store);
  // RDF 1.2 triple terms (`<<( s p o )>>`, only in object position): Oxigraph writes them in Turtle,
  // TriG and RDF/XML; JSON-LD 1.1 has no way to write them.
  const tripleTerms = nt.includes('<<(') && store.match(null, null, null, null).some((q) => q.object.termType === 'Quad');
  if (tripleTerms && format === 'jsonld') throw new EngineError('format', `the answer holds RDF 1.2 triple terms, which JSON-LD cannot carry; ${askFor('jsonld')}`);
  // jsonld.js compacts a directional string into a language map (our context has them for labels)
  // and loses its direction there: such an answer comes expanded, as Oxigraph writes it.
  const directional = format === 'jsonld' && nt.includes('--') && store.match(null, null, null, null).some((q) => q.object.termType === 'Literal' && Boolean(q.object.direction));
  const compactable = format === 'jsonld' && !directional && store.size <= MAX_COMPACTED_TRIPLES && !CONFUSABLE.test(nt);
  const readable = !tripleTerms && (format === 'ttl' || format === 'trig' || compactable);
  try {
    if (!readable) return store.dump({ format, from_graph_name: oxigraph.defaultGraph() });
    const { serialize } = await import('../graph/documents.js');
    // A Turtle document is a TriG document whose triples are all in the default graph.
    return await serialize(store.match(null, null, null, null), format === 'jsonld' ? 'jsonld' : 'ttl', options.base, { inlineContext: true });
  } catch (e) {
    // The triples are valid RDF (they were just read), so a writer that fails has met something its
    // format cannot hold: rdf:li as a property in RDF/XML, an rdf:JSON literal that is no JSON in JSON-LD.
    const name = WRITTEN_BY[format];
    if (!name) throw e;
    throw new EngineError('format', `the answer cannot be written as ${name}: ${e instanceof Error ? e.message.replace(/\.?\s*$/, '') : String(e)}; ${askFor(format)}`);
  }
}

/**
 * An IRI in N-Triples whose scheme is named like a term of our context (`<skos:Concept>`, an IRI of
 * the scheme "skos"): compacted, it would read as a compact IRI, so jsonld.js refuses it, and the
 * answer is written expanded instead. Text in a literal that looks like such an IRI matches too,
 * which at worst writes an answer expanded that could have been compacted.
 */
const CONFUSABLE = new RegExp(`<(?:${Object.keys(JSONLD_CONTEXT).filter((key) => /^[A-Za-z][A-Za-z0-9+.-]*$/.test(key)).join('|')}):`);

/** The other graph formats, for a 406 about `format`. */
const askFor = (format: FormatKey): string => {
  const others = Object.entries(GRAPH_FORMAT_NAMES).filter(([key]) => key !== format).map(([, name]) => name);
  return `ask for ${others.slice(0, -1).join(', ')} or ${others.at(-1)}`;
};

const GRAPH_FORMAT_NAMES: Partial<Record<FormatKey, string>> = { nt: 'N-Triples', ttl: 'Turtle', trig: 'TriG', nq: 'N-Quads', rdf: 'RDF/XML', jsonld: 'JSON-LD' };

/** The formats whose writer can refuse valid triples, by name. */
const WRITTEN_BY: Partial<Record<FormatKey, string>> = { rdf: 'RDF/XML', jsonld: 'JSON-LD' };

/** XML's NameStartChar without the colon, and the rest of NameChar: an element name is an NCName. */
const NAME_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NCNAME_AT_END = new RegExp(`[${NAME_START}][${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*$`, 'u');
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

/**
 * RDF/XML writes each property, and each class a node is typed with, as an element name: a
 * namespace plus an NCName taken from the end of the IRI. An IRI that does not end in one
 * (`http://example.org/123`, `urn:x:1`, `http://example.org/`) cannot be written, and Oxigraph's
 * writer would then emit an element without a local name, which no XML parser reads: refused
 * (EngineError 'format', answered 406) instead.
 */
function checkRdfXmlNames(store: oxigraph.Store): void {
  const seen = new Set<string>();
  for (const q of store.match(null, null, null, null)) {
    const names = q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode' ? [q.predicate.value, q.object.value] : [q.predicate.value];
    for (const iri of names) {
      if (seen.has(iri)) continue;
      seen.add(iri);
      if (!NCNAME_AT_END.test(iri)) {
        throw new EngineError('format', `the answer uses <${iri}> as a property or class, which RDF/XML cannot write as an element name (the IRI does not end in an XML name); ${askFor('rdf')}`);
      }
    }
  }
}

/**
 * The base IRI a worker writes graph answers with: the one it was given, else the one the
 * dataset was built for (`manifest.json` beside `dataset.nq`).
 *
 * @example
 * graphOutputOptions({ datasetPath: 'dist/dataset.nq' }).base // 'https://w3id.org/helsingborg-livskvalitet/'
 */
export function graphOutputOptions(init: { datasetPath: string; base?: string }): GraphOutputOptions {
  if (init.base) return { base: init.base };
  const manifest = JSON.parse(readFileSync(join(dirname(init.datasetPath), 'manifest.json'), 'utf8')) as { base: string };
  return { base: manifest.base };
}
