// Re-serializes an N-Triples graph result into the requested RDF format with Oxigraph (used by both engines).
import oxigraph from 'oxigraph';
import type { FormatKey } from './formats.js';

/**
 * N-Triples in, any graph format out; N-Triples passes through untouched.
 *
 * @example
 * fromNTriples('<a:s> <a:p> <a:o> .\n', 'ttl')
 */
export function fromNTriples(nt: string, format: FormatKey): string {
  if (format === 'nt') return nt;
  const store = new oxigraph.Store();
  store.load(nt, { format: 'nt', no_transaction: true });
  return store.dump({ format, from_graph_name: oxigraph.defaultGraph() });
}
