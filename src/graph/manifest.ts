// The shape of dist/manifest.json, written by the build and read by the server and the metadata.

/** One file of dist/ with what the catalogue needs to know about it. */
export interface DistFile {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** dist/manifest.json: the base the build used, release facts, graphs, files and counts. */
export interface Manifest {
  base: string;
  version: string;
  modified: string;
  graphs: Array<{ iri: string; triples: number }>;
  files: DistFile[];
  counts: Record<string, number>;
}
