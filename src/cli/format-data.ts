// Rewrites ontology/*.ttl and data/*.ttl in canonical form (sorted, fixed prefixes); --check only reports.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../graph/config.js';
import { canonicalTurtle, parseTurtleFile } from '../graph/rdf-io.js';

/** Every Turtle file kept in canonical form. */
export function canonicalFiles(): string[] {
  return ['ontology', 'data'].flatMap((dir) =>
    readdirSync(path.join(ROOT, dir))
      .filter((f) => f.endsWith('.ttl') && f !== 'shapes.ttl') // the shapes use nested blank nodes: kept as written
      .sort()
      .map((f) => path.join(ROOT, dir, f)),
  );
}

/**
 * Returns the files whose text differs from their canonical form (and rewrites them unless `check`).
 * @example formatData(true) // [] when everything is canonical
 */
export function formatData(check: boolean): string[] {
  const changed: string[] = [];
  for (const file of canonicalFiles()) {
    const canonical = canonicalTurtle(parseTurtleFile(file));
    if (readFileSync(file, 'utf8') === canonical) continue;
    changed.push(path.relative(ROOT, file));
    if (!check) writeFileSync(file, canonical);
  }
  return changed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const changed = formatData(check);
  for (const f of changed) console.log(`${check ? 'not canonical' : 'rewrote'}: ${f}`);
  if (check && changed.length) process.exit(1);
}
