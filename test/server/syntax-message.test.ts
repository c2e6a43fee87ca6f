// The parser's syntax errors, rewritten for people: undeclared prefixes named, character classes in words.
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { readableSyntaxError } from '../../src/server/syntax-message.js';

const store = new oxigraph.Store();

/** Oxigraph's own message for `query` (which must be invalid). */
function oxigraphMessage(query: string): string {
  try {
    store.query(query);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error(`valid: ${query}`);
}

describe('readableSyntaxError', () => {
  it.each([
    ['SELECT * { ?s foo:bar ?o }', 'error at 1:22: undeclared prefix "foo:" (declare it first: PREFIX foo: <…>)'],
    ['SELECT * {\n ?s ?p ?o .\n ?s skos:prefLabel ?l }', 'error at 3:19: undeclared prefix "skos:" (declare it first: PREFIX skos: <…>)'],
    ['SELECT * WHERE { ?s ?p }', 'error at 1:25: expected one of LATERAL, SERVICE'],
    ['SELECT ?x { ?x ?p ?o } LIMIT -1', 'error at 1:30: expected one of HAVING, OFFSET, OPTIONAL, VALUES, a digit'],
    ['SELECT (1 AS ?x) (2 AS ?x) {}', 'error at 1:30: duplicated variable name in SELECT'],
    ['SELECT (COUNT(*) AS ?c) ?s WHERE { ?s ?p ?o }', 'error at 1:46: the SELECT contains a variable that is unbound'],
  ])('%j', (query, expected) => {
    expect(readableSyntaxError(oxigraphMessage(query), query)).toBe(expected);
  });

  it('never leaves a Unicode range list or the whitespace rule in a message', () => {
    for (const query of ['SELECT * { ?s foo:bar ?o }', 'SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) }', 'SELECT * { ?s ?p "abc }', 'SELECT ?x WHERE { ?x ?p ?o } GROUP BY ?y']) {
      const message = readableSyntaxError(oxigraphMessage(query), query);
      expect(message).not.toMatch(/\\u\{|\.\.=|\[_\]/);
      expect(message.length).toBeLessThan(200);
    }
  });

  it('returns messages it does not recognise unchanged', () => {
    expect(readableSyntaxError('Parse error on line 1: unexpected "}"', 'SELECT * { }')).toBe('Parse error on line 1: unexpected "}"');
  });
});
