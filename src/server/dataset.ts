// Loads the built dataset (dist/) for the server: manifest, in-memory stores for resource pages (data, metadata), graph list.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writer } from 'n3';
import oxigraph from 'oxigraph';
import { ExactStore, exactQuads } from './exact-store.js';
import { once } from './once.js';
import { serviceDescription } from './service-description.js';

export type { DistFile as ManifestFile, Manifest } from '../graph/manifest.js';
import type { Manifest } from '../graph/manifest.js';

export interface Dataset {
  distDir: string;
  /** Base IRI of the dataset's own resources (always ends with `/`). */
  base: string;
  manifest: Manifest;
  /** Every quad of dataset.nq, loaded on first use; read with `match`, never with spliced SPARQL. */
  readonly store: oxigraph.Store;
  /** Named graphs of the dataset: the only graphs FROM / default-graph-uri may name. */
  graphs: Set<string>;
  /** The manifest's `modified` date: when the built files (the dumps) last changed. */
  released: Date;
  /**
   * Last-Modified of everything the server generates (pages, resource documents, metadata in
   * other syntaxes): the later of `released` and the server's start time, to the second. Those
   * representations depend on the code as much as on the data, and the code may have changed
   * since the build: an older date would let a client revalidating with If-Modified-Since alone
   * keep a stale page (304). Dumps keep `released`.
   */
  lastModified: Date;
  /**
   * The harvest metadata as built (dcat.ttl, void.ttl) plus the endpoint's service description:
   * kept apart from `store` (the dumps and the SPARQL endpoint hold the data only), read by the
   * resource route so that the catalogue's and VoID's IRIs dereference too.
   */
  readonly metadata: ExactStore;
  /** The DCAT catalogue alone (dcat.ttl; VoID titles the same dataset differently): what the landing page's schema.org markup repeats. */
  readonly catalogue: ExactStore;
}

/** The quads of a Turtle file of dist/, exactly as written (none when the build did not write it). */
const turtleOf = (path: string): oxigraph.Quad[] => (existsSync(path) ? exactQuads(readFileSync(path, 'utf8'), 'ttl') : []);

/** The catalogue and VoID as built, plus the endpoint's service description. */
function loadMetadata(dataset: Dataset): ExactStore {
  const sd = new Writer({ format: 'N-Triples' }).quadsToString(serviceDescription(dataset));
  return new ExactStore([...dataset.catalogue.match(null, null, null, null), ...turtleOf(join(dataset.distDir, 'void.ttl')), ...exactQuads(sd, 'nt')]);
}


/**
 * The Last-Modified of generated representations: the later of the data's date and the start
 * time, truncated to whole seconds (an HTTP date has no fractions; a fraction would make a
 * client's If-Modified-Since, copied from our own header, look older than the representation).
 *
 * @example
 * generatedAt(new Date('2026-11-23'), new Date('2026-12-02T10:00:00.750Z')).toISOString() // '2026-12-02T10:00:00.000Z'
 */
export function generatedAt(released: Date, startedAt: Date): Date {
  return new Date(Math.floor(Math.max(released.getTime(), startedAt.getTime()) / 1000) * 1000);
}

/**
 * Reads `manifest.json` and `dataset.nq` from a built dist directory; `startedAt` (default: now)
 * is the server's start time, for `lastModified`.
 *
 * @example
 * const ds = loadDataset('test/fixtures/dist');
 * ds.graphs.size // number of named graphs
 */
export function loadDataset(distDir: string, base?: string, startedAt: Date = new Date()): Dataset {
  const manifestPath = join(distDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} not found: run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const nq = join(distDir, 'dataset.nq');
  if (!existsSync(nq)) throw new Error(`${nq} not found: run \`npm run build\` first`);
  // The stores are loaded on first use (see `warm` in app.ts): the SPARQL endpoint reads its
  // workers' copies, so the server can answer queries before the pages' copy is in memory.
  const store = once(() => {
    const loaded = new oxigraph.Store();
    // dataset.nq is our own validated build output: skip re-validating every IRI (about twice as fast).
    // In a transaction, not with the bulk loader: see releaseStore (graph/store-memory.ts).
    loaded.load(readFileSync(nq), { format: 'nq', lenient: true });
    return loaded;
  });
  const catalogue = once(() => new ExactStore(turtleOf(join(distDir, 'dcat.ttl'))));
  const modified = new Date(manifest.modified);
  const released = Number.isNaN(modified.getTime()) ? startedAt : modified;
  const dataset: Dataset = {
    distDir,
    base: base ?? manifest.base,
    manifest,
    graphs: new Set(manifest.graphs.map((g) => g.iri)),
    released,
    lastModified: generatedAt(released, startedAt),
    get store() {
      return store();
    },
    get catalogue() {
      return catalogue();
    },
    get metadata() {
      return metadata();
    },
  };
  const metadata = once(() => loadMetadata(dataset));
  return dataset;
}
