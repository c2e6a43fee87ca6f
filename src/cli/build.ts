// `npm run build`: assemble, validate (SHACL, integrity) and write dist/ deterministically.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { buildConfig, ROOT, type BuildConfig } from '../graph/config.js';
import { CONTEXT_PATH, JSONLD_CONTEXT } from '../graph/context.js';
import { assembleDataset } from '../graph/dataset.js';
import { danglingIris, directTripleProblems, numberingProblems, repeatedTriples, skosProblems, type Problem } from '../graph/integrity.js';
import { CSVW_METADATA, linksCsvMetadata } from '../graph/links-csv-metadata.js';
import { standardPrefixes } from '../graph/turtle.js';
import { unionTriples, writeJsonLd, writeLinksCsv, writeNQuads, writeRdfXml, writeTrig, writeTurtle } from '../graph/serialize.js';
import { loadShapes, validateShacl, type ShaclReport } from '../graph/shacl.js';
import { sha256 } from '../graph/releases.js';
import { RELEASE } from '../graph/sources.js';
import type { DistFile, Manifest } from '../graph/manifest.js';
import type { Quad } from '@rdfjs/types';
import { DEFAULT_BASE, LKPO, RDF, SDGO } from '../vocab.js';
import { writeMetadata } from './build-metadata.js';

export type { DistFile, Manifest } from '../graph/manifest.js';

export interface BuildResult {
  manifest: Manifest;
  shacl: ShaclReport;
  problems: Problem[];
}

const distFile = (name: string, mediaType: string, bytes: Buffer): DistFile => ({ name, mediaType, bytes: bytes.length, sha256: sha256(bytes) });

/** Thrown when the data does not hold; the message lists what is wrong. */
export class BuildError extends Error {}

function describe(problems: Problem[], shacl: ShaclReport): string {
  const lines = [
    ...shacl.violations.map((v) => `SHACL violation: <${v.focusNode}> ${v.path ? `<${v.path}> ` : ''}${v.message}`),
    ...problems.map((p) => `${p.check}: <${p.subject}> ${p.message}`),
  ];
  return `the dataset does not validate (${lines.length} problem(s)):\n  ${lines.slice(0, 50).join('\n  ')}`;
}

/**
 * Builds dist/ from ontology/ and data/. Throws BuildError on a SHACL violation or an integrity problem.
 * @example const { manifest } = await build(buildConfig())
 */
export async function build(cfg: BuildConfig = buildConfig(), log: (line: string) => void = () => {}): Promise<BuildResult> {
  const { quads } = assembleDataset(cfg);
  const shacl = await validateShacl(loadShapes(path.join(cfg.ontologyDir, 'shapes.ttl')), quads);
  // under another BASE, the default base is another publication's (the ontology's creator stays there)
  const external = cfg.base === DEFAULT_BASE ? [] : [DEFAULT_BASE];
  const problems = [...danglingIris(quads, external), ...skosProblems(quads), ...numberingProblems(quads), ...repeatedTriples(quads), ...directTripleProblems(quads)];
  for (const w of shacl.warnings) log(`warning: <${w.focusNode}> ${w.message}`);
  if (shacl.violations.length || problems.length) throw new BuildError(describe(problems, shacl));

  const prefixes = standardPrefixes(cfg.base);
  const triples = unionTriples(quads);
  const nt = writeNQuads(triples, false);
  const outputs: [string, string, string][] = [
    ['dataset.trig', 'application/trig', writeTrig(quads, prefixes)],
    ['dataset.nq', 'application/n-quads', writeNQuads(quads, true)],
    ['dataset.ttl', 'text/turtle', writeTurtle(triples, prefixes)],
    ['dataset.nt', 'application/n-triples', nt],
    ['dataset.jsonld', 'application/ld+json', await writeJsonLd(nt, JSONLD_CONTEXT, cfg.base + CONTEXT_PATH)],
    ['dataset.rdf', 'application/rdf+xml', writeRdfXml(triples, prefixes)],
    ['links.csv', 'text/csv', writeLinksCsv(quads, cfg.base)],
  ];
  rmSync(cfg.distDir, { recursive: true, force: true });
  mkdirSync(cfg.distDir, { recursive: true });
  const files: DistFile[] = outputs.flatMap(([name, mediaType, text]) => {
    // gzip with no file name and mtime 0, so the compressed dump is as reproducible as the plain one
    const gz = gzipSync(text, { level: 9 });
    writeFileSync(path.join(cfg.distDir, name), text);
    writeFileSync(path.join(cfg.distDir, `${name}.gz`), gz);
    return [distFile(name, mediaType, Buffer.from(text)), distFile(`${name}.gz`, 'application/gzip', gz)];
  });
  // links.csv's CSVW description, beside it under the name CSVW processors look for (no .gz: it is small)
  const csvw = linksCsvMetadata();
  writeFileSync(path.join(cfg.distDir, CSVW_METADATA), csvw);
  files.push(distFile(CSVW_METADATA, 'application/csvm+json', Buffer.from(csvw)));
  const perGraph = new Map<string, number>();
  for (const q of quads) perGraph.set(q.graph.value, (perGraph.get(q.graph.value) ?? 0) + 1);
  const graphs = [...perGraph.keys()].sort().map((iri) => ({ iri, triples: perGraph.get(iri)! }));
  const counts = { triples: nt.split('\n').length - 1, ...countThings(quads) };
  const manifest: Manifest = { base: cfg.base, version: RELEASE.version, modified: RELEASE.modified, graphs, files, counts };
  await writeMetadata(cfg, manifest, quads);
  writeFileSync(path.join(cfg.distDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return { manifest, shacl, problems };
}

/** Counts of the main kinds of thing, computed from the data (never typed by hand). */
function countThings(quads: Quad[]): Record<string, number> {
  const byClass = new Map<string, Set<string>>();
  for (const q of quads) {
    if (q.predicate.value !== RDF.type) continue;
    const set = byClass.get(q.object.value) ?? new Set<string>();
    set.add(q.subject.value);
    byClass.set(q.object.value, set);
  }
  const n = (iri: string) => byClass.get(iri)?.size ?? 0;
  return {
    quads: quads.length,
    directions: n(LKPO.Direction),
    focusAreas: n(LKPO.FocusArea),
    priorities: n(LKPO.Priority),
    sdgGoals: n(SDGO.Goal),
    sdgTargets: n(SDGO.Target),
    sdgIndicators: n(SDGO.Indicator),
    visionAreas: n(LKPO.VisionArea),
    transformations: n(LKPO.Transformation),
    programmeAreas: n(LKPO.ProgrammeArea),
    steeringDocuments: n(LKPO.SteeringDocument),
    links: n(LKPO.Link),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  build(buildConfig(), (line) => console.log(line))
    .then(({ manifest, shacl }) => {
      for (const f of manifest.files) console.log(`wrote ${path.relative(ROOT, buildConfig().distDir)}/${f.name} (${f.bytes} bytes)`);
      console.log(`${manifest.counts.triples} triples in ${manifest.graphs.length} graphs; SHACL: 0 violations, ${shacl.warnings.length} warnings; ${Date.now() - started} ms`);
    })
    .catch((e: Error) => {
      console.error(`build failed: ${e.message}`);
      process.exit(1);
    });
}
