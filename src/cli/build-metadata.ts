// Writes the harvest metadata (VoID, DCAT) for a built dataset into dist/.
import type { Quad } from '@rdfjs/types';
import type { BuildConfig } from '../graph/config.js';
import type { Manifest } from './build.js';

/** Placeholder until src/metadata/ is wired in: writes nothing. */
export function writeMetadata(_cfg: BuildConfig, _manifest: Manifest, _quads: Quad[]): void {}
