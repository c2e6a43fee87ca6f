// SPARQL CSV results (W3C SPARQL 1.1 Query Results CSV and TSV Formats, RFC 4180) where Oxigraph's own writer would leave a field unquoted.
import { ChainMeter } from './chain.js';
import { unescapeIri } from './iri.js';
import { QueryRefusal, tokens } from './lexer.js';

// Oxigraph 0.5's CSV writer quotes a literal that holds `,`, `"` or a line break, but writes an
// IRI as it is (`http://example.org/a,b`), and a triple term as its parts joined by spaces, a
// literal among them in quotes: such a field then splits into two or ends mid-field (RFC 4180 §2,
// rule 6). Its CSV is kept where no such field can appear (it costs no object per solution, which
// under load caused GC pauses); elsewhere the answer is written here from Oxigraph's SPARQL JSON
// results, unambiguous, in the same form with those fields quoted. A field can only hold what
// the store holds (checked once per worker, see STORE_CHECK) or what the query makes: an IRI
// constant (a prefixed name's namespace is one too), IRI() or URI() on a string, or a triple term
// (`<<( … )>>`, TRIPLE()). STRDT and a literal's datatype do not matter (CSV writes the lexical
// form only), nor does BNODE (a blank node's label is the engine's). IRI() refuses `"`, a space
// and a line break (the variable is left unbound), and an IRIREF cannot hold them even escaped,
// but the dataset is loaded without validation, so those characters are looked for too.

/** Characters that make a CSV field need quotes (RFC 4180 §2, rule 6). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * An ASK over the whole store (its named graphs and its default graph): true when an IRI in it (a
 * graph name, a subject, a predicate, an object or a literal's datatype) holds a character that
 * needs quotes in CSV, or an object is a triple term (written with spaces and quotes).
 */
export const STORE_CHECK = (() => {
  // CONTAINS, not REGEX: a REGEX per term took 220 ms over this dataset, CONTAINS about 50.
  const unsafe = (term: string) => ['","', '"\\""', '"\\r"', '"\\n"'].map((c) => `CONTAINS(STR(${term}), ${c})`).join(' || ');
  return `ASK { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o } FILTER(${unsafe('?g')} || (isIRI(?s) && (${unsafe('?s')})) || ${unsafe('?p')} || (isIRI(?o) && (${unsafe('?o')})) || (isLiteral(?o) && (${unsafe('DATATYPE(?o)')})) || isTRIPLE(?o)) }`;
})();

/**
 * Whether a SELECT query's own text can make a value whose CSV field Oxigraph leaves unquoted: an
 * IRI constant (`<…>`, a BASE or PREFIX, or a prefixed name with an escaped `\,`) that holds a
 * comma, a double quote or a line break; a call of IRI() or URI(); or a triple term (`<<`,
 * TRIPLE()). Keywords in strings and comments are no calls; `<<` is looked for in the whole text
 * (a string holding it only costs the slower writer). A query the lexer cannot read counts as one
 * that can (its syntax error comes from the engine anyway).
 *
 * @example
 * queryMayNeedQuotes('SELECT * { ?s ?p ?o }') // false
 * queryMayNeedQuotes('SELECT ?i { VALUES ?i { <urn:x:a,b> } }') // true
 * queryMayNeedQuotes('SELECT (IRI(CONCAT("http://e/", ?x)) AS ?i) {}') // true
 */
export function queryMayNeedQuotes(query: string, base?: string): boolean {
  if ((base !== undefined && NEEDS_QUOTES.test(base)) || query.includes('<<')) return true;
  try {
    for (const token of tokens(query, Infinity, { depth: 0 }, new ChainMeter())) {
      if (token.t === 'kw' ? token.v === 'IRI' || token.v === 'URI' || token.v === 'TRIPLE' : NEEDS_QUOTES.test(token.t === 'iri' ? unescapeIri(token.v) : token.v)) return true;
    }
  } catch (e) {
    if (e instanceof QueryRefusal) return true;
    throw e;
  }
  return false;
}

/** A field quoted when it needs to be, its quotes doubled (RFC 4180 §2, rules 6 and 7). */
const field = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One RDF term of SPARQL JSON results (SPARQL 1.1 Query Results JSON §3.2.2; `triple` from SPARQL 1.2). */
type JsonTerm = { type: 'uri' | 'bnode' | 'literal'; value: string } | { type: 'triple'; value: { subject: JsonTerm; predicate: JsonTerm; object: JsonTerm } };

/**
 * A term as Oxigraph's CSV writer writes it, before its field is quoted: an IRI as it is, a blank
 * node with `_:`, a literal's lexical form, a triple term's parts joined by spaces (a literal among
 * them quoted if it needs to be, as Oxigraph quotes it).
 */
function text(term: JsonTerm): string {
  if (term.type === 'triple') {
    const { subject, predicate, object } = term.value;
    return `${text(subject)} ${text(predicate)} ${object.type === 'literal' ? field(object.value) : text(object)}`;
  }
  return term.type === 'bnode' ? `_:${term.value}` : term.value;
}

/**
 * SPARQL CSV results from SPARQL JSON results, as Oxigraph writes them (a header of the variables,
 * CRLF line ends, an unbound variable an empty field) but with every field that holds `,`, `"` or
 * a line break quoted, IRIs and triple terms too.
 *
 * @example
 * csvFromJson('{"head":{"vars":["i","n"]},"results":{"bindings":[{"i":{"type":"uri","value":"urn:x:a,b"}}]}}')
 * // 'i,n\r\n"urn:x:a,b",\r\n'
 */
export function csvFromJson(json: string): string {
  const { head, results } = JSON.parse(json) as { head: { vars?: string[] }; results: { bindings: Array<Record<string, JsonTerm>> } };
  const vars = head.vars ?? [];
  let out = `${vars.join(',')}\r\n`;
  for (const binding of results.bindings) {
    out += `${vars.map((v) => (binding[v] === undefined ? '' : field(text(binding[v]!)))).join(',')}\r\n`;
  }
  return out;
}
