// Writes a CONSTRUCT/DESCRIBE result (N-Triples from either engine) in the requested RDF format, readable where the format allows.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import oxigraph from 'oxigraph';
import type { FormatKey } from './formats.js';

/**
 * Largest result written as compacted JSON-LD. Compaction (jsonld.js) takes about 0.12 ms a
 * triple here, so the whole dataset (12 152 triples) compacts in about 1.5 s; a larger result is
 * sent in expanded form (the same triples, full IRIs) so that it stays far inside the timeout.
 */
export const MAX_COMPACTED_TRIPLES = 20_000;

/** What a graph answer is written with, besides the N-Triples: the dataset's base IRI (for the `hbg:` prefix). */
export interface GraphOutputOptions {
  base: string;
}

/**
 * N-Triples in, `format` out, as a resource document of the same format would be written:
 * Turtle and TriG sorted with the prefixes they use (ours and the standard ones), JSON-LD
 * compacted against the published context, which it carries inline so that any processor reads
 * the answer offline (up to MAX_COMPACTED_TRIPLES; expanded beyond),
 * N-Triples passed through, RDF/XML and N-Quads by Oxigraph. The document writer is imported
 * on first use, so a worker that never answers a graph query does not load it.
 *
 * @example
 * await fromNTriples('<a:s> <a:p> <a:o> .\n', 'ttl', { base: 'https://w3id.org/helsingborg-livskvalitet/' })
 */
export async function fromNTriples(nt: string, format: FormatKey, options: GraphOutputOptions): Promise<string> {
  if (format === 'nt') return nt;
  const store = new oxigraph.Store();
  store.load(nt, { format: 'nt', no_transaction: true });
  const readable = format === 'ttl' || format === 'trig' || (format === 'jsonld' && store.size <= MAX_COMPACTED_TRIPLES);
  if (!readable) return store.dump({ format, from_graph_name: oxigraph.defaultGraph() });
  const { serialize } = await import('../graph/documents.js');
  // A Turtle document is a TriG document whose triples are all in the default graph.
  return serialize(store.match(null, null, null, null), format === 'jsonld' ? 'jsonld' : 'ttl', options.base, { inlineContext: true });
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
