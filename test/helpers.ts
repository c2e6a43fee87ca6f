// Shared test helpers: the built dataset loaded once per suite, and paths to the shared sources.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser, Store } from 'n3';
import { buildConfig, sharedDir } from '../src/graph/config.js';
import type { Manifest } from '../src/cli/build.js';

export const cfg = buildConfig({ ...process.env, BASE: undefined, DIST_DIR: undefined });
export const dist = (name: string) => path.join(cfg.distDir, name);

let cached: Store | undefined;
/** The built dataset (dist/dataset.nq) as an N3 store with its named graphs. */
export function builtStore(): Store {
  cached ??= new Store(new Parser({ format: 'N-Quads' }).parse(readFileSync(dist('dataset.nq'), 'utf8')));
  return cached;
}

export function manifest(): Manifest {
  return JSON.parse(readFileSync(dist('manifest.json'), 'utf8')) as Manifest;
}

/** The shared source folder; CI has it beside the clone. Tests that read it are skipped elsewhere, never in CI. */
export const SHARED = sharedDir();
export const hasShared = existsSync(path.join(SHARED, 'seeds')) || process.env.CI === 'true';
