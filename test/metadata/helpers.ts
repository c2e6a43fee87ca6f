// Shared fixtures and small quad queries for the metadata tests.
import N3 from 'n3';
import type { ManifestFile } from '../../src/metadata/index.js';

export const BASE = 'https://example.org/lkp/';

/** A manifest as `npm run build` writes it (docs/design.md), plus files that are not distributions. */
export const FILES: ManifestFile[] = [
  ['dataset.trig', 'application/trig'],
  ['dataset.nq', 'application/n-quads'],
  ['dataset.ttl', 'text/turtle'],
  ['dataset.nt', 'application/n-triples'],
  ['dataset.jsonld', 'application/ld+json'],
  ['dataset.rdf', 'application/rdf+xml'],
  ['dataset.ttl.gz', 'application/gzip'],
  ['links.csv', 'text/csv; charset=utf-8'],
  ['manifest.json', 'application/json'],
  ['void.ttl', 'text/turtle'],
].map(([name, mediaType], i) => ({
  name: name!,
  mediaType: mediaType!,
  bytes: 1000 + i,
  sha256: (i.toString(16) + 'F').repeat(32),
}));

export const MANIFEST = { version: '1.2.0', modified: '2025-03-01T12:00:00Z', files: FILES };

/** Objects of (s, p) as strings (IRIs or literal values), sorted. */
export function objects(quads: readonly N3.Quad[], s: string | null, p: string): string[] {
  return quads
    .filter((q) => (s === null || q.subject.value === s) && q.predicate.value === p)
    .map((q) => q.object.value)
    .sort();
}

/** The single object of (s, p); throws when there is not exactly one. */
export function one(quads: readonly N3.Quad[], s: string, p: string): string {
  const found = objects(quads, s, p);
  if (found.length !== 1) throw new Error(`expected one ${p} on ${s}, found ${found.length}`);
  return found[0]!;
}

/** Subjects typed with a class. */
export function instances(quads: readonly N3.Quad[], cls: string): string[] {
  return objectsInverse(quads, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', cls);
}

function objectsInverse(quads: readonly N3.Quad[], p: string, o: string): string[] {
  return quads.filter((q) => q.predicate.value === p && q.object.value === o).map((q) => q.subject.value).sort();
}

/** Quads as sorted N-Quads text, for comparing two runs. */
export function nquads(quads: readonly N3.Quad[]): string {
  return new N3.Writer({ format: 'N-Quads' }).quadsToString([...quads]).split('\n').sort().join('\n');
}
