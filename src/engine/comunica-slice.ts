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

/** A query's algebra for Comunica, and the query's own BASE, which evaluation (IRI(), URI()) resolves against. */
export interface SlicedQuery {
  algebra: object;
  baseIRI?: string;
}

const parser = new Parser();

/**
 * Comunica 5.4 translates `CONSTRUCT … LIMIT 2` (and DESCRIBE, and ASK) as a slice of the query
 * form's output: LIMIT 2 then kept two triples, not the triples of two solutions (`DESCRIBE <x>
 * LIMIT 1` gave one triple of the description), and `ASK … LIMIT 0` was true (found by an audit,
 * 2026-12-06). SPARQL 1.1 §15 applies the solution modifiers to the solution sequence, and the query
 * form to what they leave (§16.2, §16.3, §16.4). This returns the query's algebra, as Comunica's own
 * parse actor makes it (the same parser and translator, with its options but for the prefixes it is
 * configured with, none here, and its data factory), with such a slice moved below the form, and the
 * query's BASE, which the actor hands on too and the caller must put in the context (without it an
 * IRI() in such a query resolved against the endpoint; found by a review); undefined when there is
 * no slice to move, so the query goes to Comunica as text, as before.
 *
 * @example
 * solutionSlice('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2') // { algebra: construct(slice(bgp)) }
 * solutionSlice('SELECT * { ?s ?p ?o } LIMIT 2') // undefined
 */
export function solutionSlice(query: string, baseIRI?: string): SlicedQuery | undefined {
  const astFactory = new AstFactory();
  const syntax = parser.parse(query, { baseIRI, astFactory });
  const root = toAlgebra(syntax, { quads: true, blankToVariable: true, baseIRI }) as unknown as Operation;
  const form = root.input;
  if (root.type !== 'slice' || !form || !FORMS.has(form.type) || !form.input) return undefined;
  root.input = form.input;
  form.input = root;
  const base = astFactory.isQuery(syntax) ? syntax.context.find((c) => astFactory.isContextDefinitionBase(c)) : undefined;
  return { algebra: form, ...(base ? { baseIRI: (base.value as { value: string }).value } : {}) };
}
