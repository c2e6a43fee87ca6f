// How this project loads Oxigraph stores and gives back the memory of short-lived ones (answers being rewritten in another format).
import type oxigraph from 'oxigraph';

/**
 * Frees a store's WebAssembly memory now rather than when the store is collected (`free`, which
 * the package's types do not declare). Oxigraph's memory never shrinks, so a query worker whose
 * stores waited for collection grew with each graph answer until the pool replaced it.
 *
 * Every store here, short-lived or not, loads in a transaction, not with `no_transaction`: the
 * bulk loader reserves 160 MiB of WebAssembly memory on its first use, which the thread then
 * keeps, and for a dataset this small it is slower (measured in-process on 2026-12-05: dataset.nq,
 * 12 411 triples, 190 ms with it, 119–128 ms in a transaction; a server's first query came 80–105 ms
 * sooner after a start, medians of 7 starts).
 *
 * @example
 * const store = new oxigraph.Store();
 * try { store.load(nt, { format: 'nt' }); return store.dump({ format: 'rdf', from_graph_name: oxigraph.defaultGraph() }); } finally { releaseStore(store); }
 */
export const releaseStore = (store: oxigraph.Store): void => (store as unknown as { free(): void }).free();
