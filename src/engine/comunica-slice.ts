// LIMIT and OFFSET of a CONSTRUCT, DESCRIBE or ASK cut the solutions, as SPARQL 1.1 §15 says, in the Comunica engine too.
import { toAlgebra } from '@traqula/algebra-sparql-1-2';
import { Parser } from '@traqula/parser-sparql-1-2';
import { AstFactory } from '@traqula/rules-sparql-1-2';

/** The query forms whose output is no solution sequence: a slice belongs below them. */
const FORMS = new Set(['construct', 'describe', 'ask']);

/** The part of an algebra operation this module reads and moves. */
interface Operation {
  type: string;
  input?: Operation;
}

const parser = new Parser();

/**
 * Comunica 5.4 translates `CONSTRUCT … LIMIT 2` (and DESCRIBE, and ASK) as a slice of the query
 * form's output: LIMIT 2 then kept two triples, not the triples of two solutions (`DESCRIBE <x>
 * LIMIT 1` gave one triple of the description), and `ASK … LIMIT 0` was true (found by an audit,
 * 2026-12-06). SPARQL 1.1 §15 applies the solution modifiers to the solution sequence, and the query
 * form to what they leave (§16.2, §16.3, §16.4). This returns the query's algebra, as Comunica's own
 * parser makes it (the same parser, translator and options), with such a slice moved below the form;
 * undefined when there is none to move, so the query goes to Comunica as text, as before.
 *
 * @example
 * solutionSlice('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2') // construct(slice(bgp))
 * solutionSlice('SELECT * { ?s ?p ?o } LIMIT 2') // undefined
 */
export function solutionSlice(query: string, baseIRI?: string): object | undefined {
  const syntax = parser.parse(query, { baseIRI, astFactory: new AstFactory() });
  const root = toAlgebra(syntax, { quads: true, blankToVariable: true, baseIRI }) as unknown as Operation;
  const form = root.input;
  if (root.type !== 'slice' || !form || !FORMS.has(form.type) || !form.input) return undefined;
  root.input = form.input;
  form.input = root;
  return form;
}
