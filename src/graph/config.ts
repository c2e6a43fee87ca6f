// Build settings: the base IRI, where sources live and where the build writes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DEFAULT_BASE } from '../vocab.js';

/**
 * The repository root: the nearest folder above this module with a package.json. (The module
 * runs from src/graph/ as TypeScript, or compiled into a folder of .build/server/ by `npm start`: every
 * path the code reads is taken from here, never from its own location.)
 */
export const ROOT = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

export interface BuildConfig {
  /** Base IRI of the dataset's own resources; must end with '/' or '#'. */
  base: string;
  ontologyDir: string;
  dataDir: string;
  distDir: string;
}

/** Checks a base IRI: absolute http(s), ending in a slash. */
export function checkBase(base: string): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`BASE must be an absolute IRI, got "${base}"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`BASE must be an http(s) IRI, got "${base}"`);
  if (!base.endsWith('/')) throw new Error(`BASE must end with "/", got "${base}"`);
  return base;
}

/**
 * Resolves the build configuration from the environment (BASE, DIST_DIR).
 * @example const cfg = buildConfig(); // cfg.base === DEFAULT_BASE unless BASE is set
 */
export function buildConfig(env: NodeJS.ProcessEnv = process.env): BuildConfig {
  return {
    base: checkBase(env.BASE ?? DEFAULT_BASE),
    ontologyDir: path.join(ROOT, 'ontology'),
    dataDir: path.join(ROOT, 'data'),
    distDir: path.resolve(env.DIST_DIR ?? path.join(ROOT, 'dist')),
  };
}

/** Where the shared source documents are (seeds, UN SDG files); override with SHARED_DIR. */
export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SHARED_DIR ?? path.join(ROOT, '..', 'shared'));
}
