// Reads Turtle files into quads (moving IRIs to the configured base) and writes canonical data files.
import { readFileSync } from 'node:fs';
import { DataFactory, Parser } from 'n3';
import type { Quad, Quad_Graph, Term } from '@rdfjs/types';
import { DEFAULT_BASE, LKPO_NS, ONTOLOGY_IRI } from '../vocab.js';
import { standardPrefixes, writeTurtle } from './turtle.js';

const { namedNode, quad, literal, defaultGraph } = DataFactory;

/** Moves an IRI from the default base to `base`; the ontology's own IRIs never move. */
export function rebase(iri: string, base: string): string {
  if (base === DEFAULT_BASE || !iri.startsWith(DEFAULT_BASE)) return iri;
  if (iri.startsWith(ONTOLOGY_IRI) || iri.startsWith(LKPO_NS)) return iri;
  return base + iri.slice(DEFAULT_BASE.length);
}

function rebaseTerm<T extends Term>(term: T, base: string): T {
  if (term.termType === 'NamedNode') return namedNode(rebase(term.value, base)) as unknown as T;
  if (term.termType === 'Literal' && term.datatype.value.startsWith(DEFAULT_BASE)) {
    return literal(term.value, namedNode(rebase(term.datatype.value, base))) as unknown as T;
  }
  return term;
}

/**
 * Puts quads into a graph and moves their IRIs to the configured base.
 * @example placeQuads(quads, namedNode(base + 'graph/sdg'), base)
 */
export function placeQuads(quads: Quad[], graph: Quad_Graph, base: string): Quad[] {
  return quads.map((q) => quad(rebaseTerm(q.subject, base), rebaseTerm(q.predicate, base), rebaseTerm(q.object, base), graph));
}

/**
 * A file's text; an error (no such file) names the file.
 * @example readText('data/org.ttl')
 */
export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/**
 * Parses Turtle text read from `file`; a syntax error names the file and line.
 * @example parseTurtle('<a:s> <a:p> <a:o> .', 'my.ttl')
 */
export function parseTurtle(text: string, file: string): Quad[] {
  try {
    return new Parser({ format: 'text/turtle' }).parse(text);
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message}`);
  }
}

/**
 * Parses a Turtle file; an error names the file (and, for a syntax error, the line).
 * @example parseTurtleFile('data/org.ttl')
 */
export function parseTurtleFile(file: string): Quad[] {
  return parseTurtle(readText(file), file);
}

/** The canonical Turtle form of a data file's quads (default base, standard prefixes). */
export function canonicalTurtle(quads: Quad[]): string {
  return writeTurtle(
    quads.map((q) => quad(q.subject, q.predicate, q.object, defaultGraph())),
    standardPrefixes(DEFAULT_BASE),
  );
}
