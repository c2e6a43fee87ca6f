// Writes the harvest metadata of a built dataset into dist/: VoID and the DCAT-AP-SE catalogue (Turtle and RDF/XML).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import type { BuildConfig } from '../graph/config.js';
import { toRdfXml } from '../graph/rdfxml.js';
import { standardPrefixes, writeTurtle } from '../graph/turtle.js';
import { computeDcat, computeVoid, metadataIris, validateDcat } from '../metadata/index.js';
import { NS } from '../vocab.js';
import { RELEASE } from '../graph/sources.js';
import type { Manifest } from './build.js';

const PREFIXES = (base: string) => ({ ...standardPrefixes(base), adms: NS.adms, dcatap: NS.dcatap, spdx: NS.spdx, sd: NS.sd });

/**
 * Computes VoID and DCAT, validates the catalogue against the DCAT-AP 3.0.1
 * shapes (throws on a violation) and writes void.ttl, dcat.ttl and dcat.rdf. (The endpoint describes itself:
 * src/server/service-description.ts, on the same service IRI.)
 * @example await writeMetadata(cfg, manifest, quads)
 */
export async function writeMetadata(cfg: BuildConfig, manifest: Manifest, quads: Quad[]): Promise<{ warnings: number }> {
  const iris = metadataIris(cfg.base);
  const store = new Store(quads);
  const dumps = manifest.files.map((f) => ({ url: iris.download(f.name), mediaType: f.mediaType }));
  const voidQuads = computeVoid(store, { base: cfg.base, datasetIri: iris.dataset('lkp'), sparqlEndpoint: iris.endpoint, dumps, modified: manifest.modified });
  const dcat = computeDcat({ base: cfg.base, manifest, counts: manifest.counts, issued: RELEASE.issued });
  const report = await validateDcat(dcat);
  if (report.violations.length) {
    throw new Error(`DCAT catalogue does not conform to DCAT-AP 3.0.1:\n  ${report.violations.map((v) => `<${v.focusNode}> ${v.path ?? ''} ${v.message}`).join('\n  ')}`);
  }
  const prefixes = PREFIXES(cfg.base);
  const write = (name: string, text: string) => writeFileSync(path.join(cfg.distDir, name), text);
  write('void.ttl', writeTurtle(voidQuads, prefixes));
  write('dcat.ttl', writeTurtle(dcat, prefixes));
  write('dcat.rdf', toRdfXml(dcat, prefixes));
  return { warnings: report.warnings.length };
}
