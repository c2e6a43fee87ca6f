// Regenerates the data files that come from the shared sources: data/lkp2016.ttl (seed 001) and data/sdg.ttl (UN SDG KOS).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { ROOT, sharedDir } from '../graph/config.js';
import { canonicalTurtle } from '../graph/rdf-io.js';
import { parseProgramme } from '../graph/seed-programme.js';
import { programmeQuads } from '../graph/programme-rdf.js';
import { importSdgKos, type Repair } from '../graph/sdg-kos.js';

export const SEED_001 = 'seeds/001_1a48729c8db209f7.txt';
export const UN_KOS = 'data/sdg/unstats-lod4stats/sdg-data/sdg-kos-goals-targets-indicators.ttl';
export const UN_ONTOLOGY = 'data/sdg/unstats-lod4stats/sdg-data/sdgs-ontology.ttl';

/**
 * The generated data files as text, keyed by path relative to the repository.
 * @example generatedFiles()['data/sdg.ttl']
 */
export function generatedFiles(shared = sharedDir()): { files: Record<string, string>; repairs: Repair[] } {
  const directions = parseProgramme(readFileSync(path.join(shared, SEED_001), 'utf8'));
  const { quads, repairs } = importSdgKos(readFileSync(path.join(shared, UN_KOS), 'utf8'));
  // The UN ontology's one blank-node axiom (an owl:propertyChainAxiom list) is left out: the dataset has no blank nodes.
  const ontology = new Parser().parse(readFileSync(path.join(shared, UN_ONTOLOGY), 'utf8')).filter((q) => q.subject.termType === 'NamedNode' && q.object.termType !== 'BlankNode');
  return {
    files: {
      'data/lkp2016.ttl': canonicalTurtle(programmeQuads(directions)),
      'data/sdg.ttl': canonicalTurtle([...ontology, ...quads]),
    },
    repairs,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { files, repairs } = generatedFiles();
  for (const [file, text] of Object.entries(files)) {
    writeFileSync(path.join(ROOT, file), text);
    console.log(`wrote ${file} (${text.length} bytes)`);
  }
  for (const r of repairs) console.log(`UN KOS repair: ${r.subject}: ${r.what}`);
}
