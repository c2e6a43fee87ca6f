// `npm run validate -- file.ttl [more.ttl …]`: checks another programme's Turtle against our SHACL shapes.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Quad } from '@rdfjs/types';
import { ROOT } from '../graph/config.js';
import { directTripleProblems, skosProblems } from '../graph/integrity.js';
import { parseTurtleFile } from '../graph/rdf-io.js';
import { loadShapes, validateShacl } from '../graph/shacl.js';
import { userPath } from './paths.js';

/**
 * What the shapes need besides a programme's own files: our ontology (the lkpo classes are
 * subclasses of skos:Concept, which `sh:class` follows) and the UN SDG KOS (the targets a link
 * points at must be described). Read from ontology/ and data/sdg.ttl; never reported on.
 */
function background(): Quad[] {
  const ontology = readdirSync(path.join(ROOT, 'ontology')).filter((f) => f.endsWith('.ttl') && f !== 'shapes.ttl');
  return [...ontology.map((f) => path.join(ROOT, 'ontology', f)), path.join(ROOT, 'data', 'sdg.ttl')].flatMap((f) => parseTurtleFile(f));
}

/**
 * Validates the given Turtle files together, with our ontology and the UN SDG KOS as background,
 * against the SHACL shapes, and checks their notations, skos:broader cycles and each link's direct
 * SKOS triple (as the build does);
 * returns the process exit code (1 on a violation or a SKOS problem).
 * @example await validateFiles(['my-programme.ttl', 'my-links.ttl'])
 */
export async function validateFiles(files: string[], print: (line: string) => void = console.log): Promise<number> {
  if (!files.length) {
    print('usage: npm run validate -- <file.ttl> [more.ttl …]   (validated together against ontology/shapes.ttl, with our ontology and the UN SDG KOS)');
    return 2;
  }
  const tables = files.filter((f) => /\.csv$/i.test(f));
  if (tables.length) {
    print(`validate reads RDF in Turtle, not CSV (${tables.join(', ')}): a link table in data/links/*.csv is read by the build, which checks every row; write links for validate as lkpo:Link nodes in Turtle (README, "Publishing your own programme the same way")`);
    return 2;
  }
  const quads = files.flatMap((f) => parseTurtleFile(userPath(f)));
  const context = background();
  const report = await validateShacl(loadShapes(path.join(ROOT, 'ontology', 'shapes.ttl')), [...quads, ...context]);
  const own = new Set(quads.map((q) => q.subject.value));
  const results = [...report.violations, ...report.warnings].filter((r) => own.has(r.focusNode));
  for (const r of results) print(`${r.severity}: <${r.focusNode}>${r.path ? ` ${r.path}` : ''}: ${r.message}${r.value ? ` (value: ${r.value})` : ''}`);
  // what SHACL cannot say: a notation used twice in a scheme, a cycle of skos:broader (the shapes already
  // ask each level for its broader or topConceptOf; a concept of another scheme may stand alone)
  const skos = [...skosProblems([...quads, ...context]), ...directTripleProblems(quads)].filter((p) => own.has(p.subject) && p.check !== 'orphan');
  for (const p of skos) print(`SKOS (${p.check}): <${p.subject}>: ${p.message}`);
  const shaclViolations = results.filter((r) => r.severity === 'Violation').length;
  const violations = shaclViolations + skos.length;
  print(`${quads.length} triples: ${violations} violation(s), ${results.length - shaclViolations} warning(s)`);
  return violations ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  validateFiles(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e: Error) => {
      console.error(`validate: ${e.message}`);
      process.exit(2);
    });
}
