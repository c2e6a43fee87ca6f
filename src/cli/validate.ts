// `npm run validate -- file.ttl [more.ttl …]`: checks another programme's Turtle against our SHACL shapes.
import path from 'node:path';
import { ROOT } from '../graph/config.js';
import { parseTurtleFile } from '../graph/rdf-io.js';
import { loadShapes, validateShacl } from '../graph/shacl.js';

/**
 * Validates the given Turtle files together; returns the process exit code (1 on a violation).
 * @example await validateFiles(['my-programme.ttl', 'my-links.ttl'])
 */
export async function validateFiles(files: string[], print: (line: string) => void = console.log): Promise<number> {
  if (!files.length) {
    print('usage: npm run validate -- <file.ttl> [more.ttl …]   (validated together against ontology/shapes.ttl)');
    return 2;
  }
  const quads = files.flatMap((f) => parseTurtleFile(path.resolve(f)));
  const report = await validateShacl(loadShapes(path.join(ROOT, 'ontology', 'shapes.ttl')), quads);
  for (const r of [...report.violations, ...report.warnings]) print(`${r.severity}: <${r.focusNode}>${r.path ? ` ${r.path}` : ''}: ${r.message}`);
  print(`${quads.length} triples: ${report.violations.length} violation(s), ${report.warnings.length} warning(s)`);
  return report.violations.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  validateFiles(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e: Error) => {
      console.error(`validate: ${e.message}`);
      process.exit(2);
    });
}
