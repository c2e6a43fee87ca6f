// Validates catalogue quads against the DCAT-AP 3.0.1 SHACL shapes copied into ./shacl/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import rdf from '@zazuko/env-node';
import N3 from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { ROOT } from '../graph/config.js';
import { NS } from '../vocab.js';

/**
 * The shape files we load, all from SEMICeu/DCAT-AP releases/3.0.1/html/shacl (see
 * shacl/dcat-ap-3.0.1/README.md). Not loaded: mdr-vocabularies.shape.ttl, whose constraints
 * (skos:inScheme of every code-list value) only pass with the EU code lists (NALs) loaded,
 * which we do not ship; and imports.ttl / mdr_imports.ttl, which only list owl:imports.
 */
export const SHAPE_FILES = {
  /** Mandatory properties and cardinalities (severity Violation). */
  shapes: 'shapes.ttl',
  /** Class of every referenced resource (severity Violation). */
  range: 'range.ttl',
  /** Recommended properties (severity Warning). */
  recommended: 'shapes_recommended.ttl',
  /** Deprecated terms (severity Warning). */
  deprecated: 'deprecateduris.ttl',
} as const;

const SHAPES_DIR = pathToFileURL(path.join(ROOT, 'src/metadata/shacl/dcat-ap-3.0.1/'));

export interface ShaclResult {
  focusNode: string;
  path?: string;
  message: string;
  /** Local name of the sh:severity, e.g. `Violation`. */
  severity: string;
  /** Local name of the constraint component, e.g. `MinCountConstraintComponent`. */
  constraint: string;
  value?: string;
}

export interface DcatValidation {
  conforms: boolean;
  violations: ShaclResult[];
  warnings: ShaclResult[];
}

let validator: SHACLValidator | undefined;

/** Parses the shape files once and keeps the validator (shapes are immutable data). */
function getValidator(): SHACLValidator {
  if (!validator) {
    const shapes = rdf.dataset();
    for (const file of Object.values(SHAPE_FILES)) {
      const text = readFileSync(new URL(file, SHAPES_DIR), 'utf8');
      for (const q of new N3.Parser({ baseIRI: new URL(file, SHAPES_DIR).href }).parse(text)) shapes.add(q);
    }
    // deprecateduris.ttl owl:imports the ADMS status list (only used by adms:status, which we do not
    // emit); validation must never fetch anything, so every import resolves to an empty graph.
    validator = new SHACLValidator(shapes, { factory: rdf, importGraph: () => rdf.dataset() });
  }
  return validator;
}

/**
 * Validates a DCAT catalogue against the DCAT-AP 3.0.1 shapes. Results of severity Violation
 * are `violations` (the build must fail on any); Warning and Info are `warnings`.
 *
 * @example
 * const { violations, warnings } = await validateDcat(computeDcat(opts));
 * if (violations.length > 0) throw new Error(violations.map((v) => v.message).join('\n'));
 */
export async function validateDcat(quads: Iterable<N3.Quad>): Promise<DcatValidation> {
  const data = rdf.dataset();
  for (const q of quads) data.add(q);
  const report = await getValidator().validate(data);
  const results: ShaclResult[] = report.results.map((r) => {
    const message = r.message.map((m) => m.value).join(' ');
    return {
      focusNode: r.focusNode?.value ?? '',
      ...(r.path ? { path: pathText(r.path) } : {}),
      message: message || `${localName(r.sourceConstraintComponent?.value ?? '')} on ${r.path ? pathText(r.path) : 'node'}`,
      severity: localName(r.severity?.value ?? ''),
      constraint: localName(r.sourceConstraintComponent?.value ?? ''),
      ...(r.value ? { value: r.value.value } : {}),
    };
  });
  results.sort((a, b) => key(a).localeCompare(key(b)));
  const violations = results.filter((r) => r.severity === 'Violation');
  return { conforms: violations.length === 0, violations, warnings: results.filter((r) => r.severity !== 'Violation') };
}

/** A result path as text: the property IRI, or a marker for a complex (blank-node) path. */
function pathText(path: { termType: string; value: string }): string {
  return path.termType === 'NamedNode' ? path.value : '(complex path)';
}

const localName = (iri: string): string => iri.replace(NS.sh, '');
const key = (r: ShaclResult): string => `${r.severity} ${r.focusNode} ${r.path ?? ''} ${r.constraint}`;
