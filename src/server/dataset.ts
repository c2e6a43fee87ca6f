// Loads the built dataset (dist/) for the server: manifest, an in-memory store for resource pages, graph list.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import oxigraph from 'oxigraph';

export type { DistFile as ManifestFile, Manifest } from '../graph/manifest.js';
import type { Manifest } from '../graph/manifest.js';

export interface Dataset {
  distDir: string;
  /** Base IRI of the dataset's own resources (always ends with `/`). */
  base: string;
  manifest: Manifest;
  /** Every quad of dataset.nq; read with `match`, never with spliced SPARQL. */
  store: oxigraph.Store;
  /** Named graphs of the dataset: the only graphs FROM / default-graph-uri may name. */
  graphs: Set<string>;
  lastModified: Date;
}

/**
 * Reads `manifest.json` and `dataset.nq` from a built dist directory.
 *
 * @example
 * const ds = loadDataset('test/fixtures/dist');
 * ds.graphs.size // number of named graphs
 */
export function loadDataset(distDir: string, base?: string): Dataset {
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const store = new oxigraph.Store();
  // dataset.nq is our own validated build output: skip re-validating every IRI (about twice as fast).
  store.load(readFileSync(join(distDir, 'dataset.nq')), { format: 'nq', no_transaction: true, lenient: true });
  const graphs = new Set(manifest.graphs.map((g) => g.iri));
  const modified = new Date(manifest.modified);
  return {
    distDir,
    base: base ?? manifest.base,
    manifest,
    store,
    graphs,
    lastModified: Number.isNaN(modified.getTime()) ? new Date() : modified,
  };
}
