// SHACL validation of the dataset against ontology/shapes.ttl, split into violations and warnings.
import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';
import { Parser, Store } from 'n3';
import type { Quad } from '@rdfjs/types';
import { NS } from '../vocab.js';
import { termToTurtle } from './turtle.js';

export interface ShaclResult {
  severity: 'Violation' | 'Warning' | 'Info';
  focusNode: string;
  path: string;
  message: string;
  shape: string;
  /** The value that broke the constraint, in Turtle (`<…/13.9>`, `"x"@en`), where the result names one. */
  value?: string;
}

export interface ShaclReport {
  violations: ShaclResult[];
  warnings: ShaclResult[];
}

/** Parses a shapes file once; reuse the validator for many data graphs. */
export function loadShapes(file: string): SHACLValidator {
  const shapes = rdf.dataset(new Parser().parse(readFileSync(file, 'utf8')));
  return new SHACLValidator(shapes, { factory: rdf });
}

/**
 * Validates quads (all graphs taken together) and sorts the results by severity.
 * @example const { violations } = await validateShacl(loadShapes('ontology/shapes.ttl'), quads)
 */
export async function validateShacl(validator: SHACLValidator, quads: Quad[]): Promise<ShaclReport> {
  const data = new Store();
  for (const q of quads) data.addQuad(q.subject, q.predicate, q.object);
  const report = await validator.validate(data);
  const results: ShaclResult[] = report.results.map((r) => ({
    severity: (r.severity?.value.replace(NS.sh, '') ?? 'Violation') as ShaclResult['severity'],
    focusNode: r.focusNode?.value ?? '',
    path: r.path?.termType === 'BlankNode' ? '(complex path)' : (r.path?.value ?? ''),
    message: r.message.map((m) => m.value).join(' ') || r.sourceConstraintComponent?.value.replace(NS.sh, 'sh:') || '',
    shape: r.sourceShape?.value ?? '',
    ...(r.value ? { value: termToTurtle(r.value, {}) } : {}),
  }));
  const key = (r: ShaclResult) => `${r.focusNode} ${r.path} ${r.message}`;
  results.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return { violations: results.filter((r) => r.severity === 'Violation'), warnings: results.filter((r) => r.severity !== 'Violation') };
}
