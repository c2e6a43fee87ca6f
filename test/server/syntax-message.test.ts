// The parser's syntax errors, rewritten for people: undeclared prefixes named, character classes in words.
import { Parser } from '@traqula/parser-sparql-1-2';
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { analyseQuery, QueryRefusal } from '../../src/engine/analyse.js';
import { rebinding } from '../../src/engine/rebinding.js';
import { readablePrecheckError, readableSyntaxError } from '../../src/engine/syntax-message.js';

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
    ['SELECT * { ?s foo:bar ?o }', 'error at 1:15: undeclared prefix "foo:" (declare it first: PREFIX foo: <…>)'],
    ['SELECT * {\n ?s ?p ?o .\n ?s skos:prefLabel ?l }', 'error at 3:5: undeclared prefix "skos:" (declare it first: PREFIX skos: <http://www.w3.org/2004/02/skos/core#>)'],
    // A prefixed name in an expression, a function call, a datatype, an ORDER BY, or with the empty prefix.
    ['SELECT * { ?s ?p ?o BIND(xsd:integer("1") AS ?y) }', 'error at 1:26: undeclared prefix "xsd:" (declare it first: PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>)'],
    ['SELECT * { ?s ?p ?o FILTER(?o = skos:x) }', 'error at 1:33: undeclared prefix "skos:" (declare it first: PREFIX skos: <http://www.w3.org/2004/02/skos/core#>)'],
    ['SELECT * { ?s ?p "1"^^xsd:int }', 'error at 1:23: undeclared prefix "xsd:" (declare it first: PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>)'],
    ['SELECT * { ?s ?p ?o } ORDER BY ex:f(?o)', 'error at 1:32: undeclared prefix "ex:" (declare it first: PREFIX ex: <…>)'],
    ['SELECT * { ?s :p ?o }', 'error at 1:15: undeclared prefix ":" (declare it first: PREFIX : <…>)'],
    ['PREFIX lkpo: <https://w3id.org/helsingborg-livskvalitet/def#>\nSELECT * { ?s lkpo:basis ?b ; a skos:Concept }', 'error at 2:33: undeclared prefix "skos:" (declare it first: PREFIX skos: <http://www.w3.org/2004/02/skos/core#>)'],
    // Astral characters count as one column, as the parser counts them.
    ['SELECT * { ?s ?p "😀😀" . ?s foo:x ?o }', 'error at 1:28: undeclared prefix "foo:" (declare it first: PREFIX foo: <…>)'],
    // Where Oxigraph lists what it expected, Traqula (Comunica's parser) names the token it
    // needed and the one it found, at that token's place.
    ['SELECT * WHERE { ?s ?p }', 'error at 1:24: expected a term (a variable, an IRI, a literal or a blank node) but found "}"'],
    ['SELECT * { ?s ?p ?o ', 'error at 1:21: expected "}" but found the end of the query'],
    ['SELECT ?x { ?x ?p ?o } LIMIT -1', 'error at 1:30: expected an integer but found "-1"'],
    ['SELECT * { ?s ?p ?o ?x ?y ?z }', 'error at 1:21: expected "}" but found "?x" (is a "." missing before it?)'],
    ['SELECT * {\n  ?s ?p ?o\n  ?s ?q ?r }', 'error at 3:3: expected "}" but found "?s" (is a "." missing before it?)'],
    ['SELECT (COUNT(?s) ?n) { ?s ?p ?o }', 'error at 1:19: expected AS but found "?n"'],
    ['SELECT * { ?s ?p ?o } ORDER BY', 'error at 1:31: expected ASC, DESC or an expression but found the end of the query'],
    ['SELECT * { ?s ?p ?o FILTER(?o = ) }', 'error at 1:33: expected an expression but found ")"'],
    ['SELECT DISTINCT { ?s ?p ?o }', 'error at 1:17: expected one of "*", a variable, "(" but found "{"'],
    ['SELECT * { ?s ?p ?o }} LIMIT 1', 'error at 1:22: unexpected "}" after a complete query'],
    ['SELECT * { { ?s ?p ?o } UNION }', 'error at 1:31: expected "{" but found "}"'],
    ['SELECT * { ?s ?p ?o . } LIMT 5', 'error at 1:25: unknown word "LIMT"'],
    ['SELECT ?s { ?s ?p ?o } ORDER BY DESC ?s', 'error at 1:38: expected "(" but found "?s"'],
    // From an audit of these messages: whole words, not what follows a keyword they start with …
    ['SELECT * { ?s ?p ?o } LIMITED 5', 'error at 1:23: unknown word "LIMITED"'],
    ['SELECT * { ?s about ?x }', 'error at 1:15: unknown word "about"'],
    ['SELECT * { ?s ?p ?o } OFFSETS 2', 'error at 1:23: unknown word "OFFSETS"'],
    ['SELECT * { ?s ?p ?o FILTER(NOT ?o) }', 'error at 1:28: NOT is followed by EXISTS or IN here (for a negation, write !)'],
    // … tokens as written, not the lexer's names for them …
    ['SELECT * { ?s', 'error at 1:14: expected a predicate (an IRI, a variable, "a" or a path) but found the end of the query'],
    ['SELECT * { ?s ?p ?o {| ?a ?b }', 'error at 1:30: expected "|}" but found "}"'],
    // … the "." hint only before what can start a triple …
    ['SELECT * { ?s ?p ?o UNION { } }', 'error at 1:21: expected "}" but found "UNION"'],
    ['SELECT * { ?s ?p ?o . SELECT ?x {} }', 'error at 1:23: expected "}" but found "SELECT"'],
    ['SELECT * { ?s ?p "a" "b" }', 'error at 1:22: expected "}" but found \'"b"\''],
    // … a character that cannot be seen by its code point …
    ['SELECT * WHERE {\u00A0?s ?p ?o }', 'error at 1:17: unexpected character U+00A0'],
    // … Oxigraph's own syntax, which Traqula does not know, left to Oxigraph's message …
    ['SELECT * { ?s ?p ?o . LATERAL { SELECT ?x { ?s ?q ?x } LIMIT 1 } ?z }', 'error at 1:70: expected one of BIND, OFFSET, VALUES'],
    ['SELECT * { ?s ?p ?o FILTER(?o > .5) ?x }', 'error at 1:41: expected BIND'],
    // … and Oxigraph's sentences in lower case kept alone.
    ['SELECT * { ?s ?p "a"@en--LTR }', "error at 1:29: the only base directions allowed are 'rtl' and 'ltr'"],
    ['SELECT (1 AS ?x) (2 AS ?x) {}', 'error at 1:30: duplicated variable name in SELECT'],
    // grouping errors: Oxigraph said "unbound" of a bound variable not grouped, and "GROUP BY" of a query without one, at the query's end
    ['SELECT (COUNT(*) AS ?c) ?s WHERE { ?s ?p ?o }', 'error at 1:25: ?s is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(?s) AS ?…)'],
    ['SELECT ?s ?p WHERE { ?s ?p ?o } GROUP BY ?s', 'error at 1:11: ?p is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(?p) AS ?…)'],
    ['SELECT ?k ?s WHERE { ?s ?p ?o } GROUP BY (STR(?s) AS ?k)', 'error at 1:11: ?s is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(?s) AS ?…)'],
    ['SELECT ?s WHERE { ?s ?p ?o } ORDER BY COUNT(?o)', 'error at 1:8: ?s is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(?s) AS ?…)'],
    ['SELECT * WHERE { ?s ?p ?o FILTER(COUNT(?s) > 1) }', 'error at 1:34: COUNT is an aggregate, which may stand in SELECT, HAVING and ORDER BY but not in FILTER'],
    ['SELECT ?c WHERE { ?s ?p ?o BIND(COUNT(?s) AS ?c) }', 'error at 1:33: COUNT is an aggregate, which may stand in SELECT, HAVING and ORDER BY but not in BIND'],
    // … an aggregate in a subquery under FILTER EXISTS is in its place; words in strings and comments are no keywords
    ['SELECT ?s WHERE { ?s ?p ?o FILTER EXISTS { SELECT (COUNT(*) AS ?n) { ?a ?b ?c } } FILTER(SUM(?o) > 1) }', 'error at 1:90: SUM is an aggregate, which may stand in SELECT, HAVING and ORDER BY but not in FILTER'],
    ['SELECT ?s # COUNT(\n WHERE { ?s ?p ?o FILTER("COUNT(" = STR(MAX(?o))) }', 'error at 2:41: MAX is an aggregate, which may stand in SELECT, HAVING and ORDER BY but not in FILTER'],
    // a returned expression using a variable that is no group key: Oxigraph said "an expression with a variable that is unbound", at the query's end
    ['SELECT (lang(?r) AS ?l) WHERE { ?s ?p ?r } GROUP BY (lang(?r))', 'error at 1:14: ?r is not a group key: GROUP BY (lang(?r)) groups by the expression but names no variable to return; write GROUP BY (lang(?r) AS ?l), then SELECT ?l'],
    ['SELECT (LANG(?r) AS ?l) (COUNT(*) AS ?n)\nWHERE { ?s ?p ?r }\nGROUP BY (lang( ?r ))', 'error at 1:14: ?r is not a group key: GROUP BY (lang( ?r )) groups by the expression but names no variable to return; write GROUP BY (LANG(?r) AS ?l), then SELECT ?l'],
    ['SELECT ?s (STR(COUNT(?o)) AS ?n) (CONCAT(?s, ?p) AS ?y) WHERE { ?s ?p ?o } GROUP BY ?s', 'error at 1:46: ?p is used in (CONCAT(?s, ?p) AS ?y) but is not a group key (GROUP BY) nor inside an aggregate; group by ?p, or name the expression in GROUP BY: GROUP BY (CONCAT(?s, ?p) AS ?y), then SELECT ?y'],
    ['SELECT (COUNT(*) AS ?c) (?o AS ?x) WHERE { ?s ?p ?o } GROUP BY ?s', 'error at 1:26: ?o is used in (?o AS ?x) but is not a group key (GROUP BY) nor inside an aggregate; add ?o to GROUP BY, or return (SAMPLE(?o) AS ?x)'],
    // … the fix half made: GROUP BY names the expression, SELECT repeats it (Oxigraph: "overrides an existing variable")
    ['SELECT (lang(?r) AS ?l) WHERE { ?s ?p ?r } GROUP BY (lang(?r) AS ?l)', 'error at 1:14: ?r is not a group key, and GROUP BY already names this expression ?l: return it as SELECT ?l, without the expression'],
    // … a name given earlier in the same SELECT, which Oxigraph does not let an expression use (Comunica does)
    ['SELECT (COUNT(*) AS ?n) ((?n + 1) AS ?m) WHERE { ?s ?p ?o } GROUP BY ?s', 'error at 1:27: ?n is named by an earlier expression of this SELECT, which another expression there cannot use in a grouped query: write that expression out again in ((?n + 1) AS ?m)'],
    // an override in a query without GROUP BY keeps Oxigraph's sentence
    ['SELECT (1 AS ?s) WHERE { ?s ?p ?o }', 'error at 1:36: the SELECT overrides an existing variable using an expression'],
    ['SELECT * WHERE { ?s ?p ?o } GROUP BY ?s', 'error at 1:40: SELECT * cannot return the solutions of a grouped query (one with GROUP BY or an aggregate): name what to return, each variable grouped by GROUP BY or inside an aggregate'],
    // an IRI the parser cannot read is no prefixed name, though the lexer reads `http:` or `urn:x` in it
    ['SELECT * { ?s <http://a b> ?o }', 'error at 1:15: IRI parsing failed (an IRI in <…> holds no spaces and none of the characters <>"{}|^`\\)'],
    ['SELECT * { ?s <urn:x y> ?o . ?s foo:bar ?o }', 'error at 1:15: IRI parsing failed (an IRI in <…> holds no spaces and none of the characters <>"{}|^`\\)'],
    // a reified triple `<< … >>` (SPARQL 1.2) is no IRI that failed to start: the parser's own message stands
    ['PREFIX e: <http://e/> SELECT * { << e:a e:b e:c >> e:p ?x . FILTER(?x = ) }', expect.not.stringMatching(/IRI parsing failed/)],
    // the hint about BIND and VALUES only where the query has one
    ['SELECT * WHERE { ?s ?p ?o }}', 'error at 1:28: unexpected "}" after a complete query'],
  ])('%j', (query, expected) => {
    expect(readableSyntaxError(oxigraphMessage(query), query)).toEqual(expected);
  });

  it('never leaves a Unicode range list or the whitespace rule in a message', () => {
    for (const query of ['SELECT * { ?s foo:bar ?o }', 'SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) }', 'SELECT * { ?s ?p "abc }', 'SELECT ?x WHERE { ?x ?p ?o } GROUP BY ?y']) {
      const message = readableSyntaxError(oxigraphMessage(query), query);
      expect(message).not.toMatch(/\\u\{|\.\.=|\[_\]/);
      expect(message.length).toBeLessThan(200);
    }
  });

  it.each([
    // Declared prefixes, blank nodes, and colons in strings, IRIs, comments, local names and language tags are no undeclared prefix.
    'PREFIX : <http://e/> PREFIX ex: <http://e/> SELECT * { :a ex:b:c _:x . ?s ?p "12:00", <http://e/x:y> # z:w\n FILTER(?a < ?b) } GROUP BY ?x',
    "PREFIX ex: <http://e/> SELECT * { ?s ex:p 'a:b'@sv-SE, ex:a\\:b, '''x:y''' . } LIMIT -1",
    // An IRI with a \u escape, and a comment ended by a carriage return, as Oxigraph reads them.
    'ASK { <http://x/\\u0041:b> <http://p> ?o # c:d\r ',
  ])('leaves the parser\'s message when every prefix is declared: %s', (query) => {
    expect(readableSyntaxError(oxigraphMessage(query), query)).not.toMatch(/undeclared/);
  });

  it.each([
    ['SELECT * {\n  ?s ?p "abc }', 'error at 2:9: unterminated string'],
    ['😀😀"', 'error at 1:3: unterminated string'],
    ['SELECT * FROM ex:g {}', 'error at 1:15: undeclared prefix "ex:" (declare it first: PREFIX ex: <…>)'],
    ['SELECT * FROM {}', 'error at 1:14: FROM must be followed by an IRI'],
    ['SELECT * FROM NAMED\n', 'error at 1:20: FROM NAMED must be followed by an IRI'],
    ['SELECT * FROM SELECT', 'error at 1:15: FROM must be followed by an IRI'],
    // no query form after the declarations: what stands there, at its place
    ['SELEC * WHERE { ?s ?p ?o }', 'error at 1:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found "SELEC" (is SELECT misspelt?)'],
    ['PREFIX ex: <http://example.org/>\ndescirbe ex:a', 'error at 2:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found "descirbe" (is DESCRIBE misspelt?)'],
    ['{ ?s ?p ?o }', 'error at 1:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found "{"'],
    ['WHERE { ?s ?p ?o }', 'error at 1:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found "WHERE"'],
    ['PREFIX ex: <http://example.org/> ex:a ex:b ex:c', 'error at 1:34: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found "ex:a"'],
    ['"a" ?p ?o', 'error at 1:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found \'"a"\''],
    ['PREFIX ex: <http://example.org/>', 'error at 1:33: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found the end of the query'],
    ['BASE <http://example.org/>\nPREFIX ex: <a/> # no query yet\n', 'error at 3:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found the end of the query'],
    ['# only a comment', 'error at 1:17: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found the end of the query'],
    ['PREFIX ex <http://example.org/> SELEC *', 'error at 1:8: PREFIX must be followed by a prefix name ending in ":" and an IRI in <…>'],
    ['BASE { SELEC *', 'error at 1:6: BASE must be followed by an IRI in <…>'],
  ])('readablePrecheckError of the refusal of %j', (query, expected) => {
    let refusal: unknown;
    try {
      analyseQuery(query, 64);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(QueryRefusal);
    expect(readablePrecheckError(refusal as QueryRefusal, query)).toBe(expected);
  });

  it.each([
    ['Aggregates are only allowed in SELECT, HAVING, and ORDER BY clauses.', 'SELECT * WHERE { ?s ?p ?o FILTER(COUNT(?s) > 1) }', 'error at 1:34: COUNT is an aggregate, which may stand in SELECT, HAVING and ORDER BY but not in FILTER'],
    ['Variable not allowed in projection', 'SELECT ?s ?p WHERE { ?s ?p ?o } GROUP BY ?s', 'error at 1:11: ?p is returned but neither grouped (GROUP BY) nor inside an aggregate; add it to GROUP BY, or return (SAMPLE(?p) AS ?…)'],
    ['Use of ungrouped variable in projection of operation (?r)', 'SELECT (lang(?r) AS ?l) WHERE { ?s ?p ?r } GROUP BY (lang(?r))', 'error at 1:14: ?r is not a group key: GROUP BY (lang(?r)) groups by the expression but names no variable to return; write GROUP BY (lang(?r) AS ?l), then SELECT ?l'],
    ['Use of ungrouped variable in projection of operation (?r)', 'SELECT (lang(?r) AS ?l) WHERE { ?s ?p ?r } GROUP BY (lang(?r) AS ?l)', 'error at 1:14: ?r is not a group key, and GROUP BY already names this expression ?l: return it as SELECT ?l, without the expression'],
    ['GROUP BY not allowed with wildcard', 'SELECT * WHERE { ?s ?p ?o } GROUP BY ?s', 'SELECT * cannot return the solutions of a grouped query (one with GROUP BY or an aggregate): name what to return, each variable grouped by GROUP BY or inside an aggregate'],
  ])('says Comunica\'s grouping error %j as Oxigraph\'s is said, with the place and the variable', (message, query, expected) => {
    expect(readableSyntaxError(message, query)).toBe(expected);
  });

  it.each([
    'SELECT ?l (COUNT(*) AS ?n) WHERE { ?s ?p ?r } GROUP BY (lang(?r) AS ?l)',
    'SELECT (lang(?r) AS ?l) (COUNT(?s) AS ?n) WHERE { ?s ?p ?r } GROUP BY ?r',
    'SELECT (STR(COUNT(?r)) AS ?n) WHERE { ?s ?p ?r } GROUP BY (lang(?r))',
  ])('finds nothing wrong with the grouping of %j, which both parsers read', (query) => {
    expect(() => store.query(query)).not.toThrow();
    expect(() => new Parser().parse(query)).not.toThrow();
  });

  it('blames no group key for another error in a query that returns a grouped expression', () => {
    const query = 'SELECT (lang(?r) AS ?l) WHERE { ?s ?p ?r . ?s ?q } GROUP BY (lang(?r) AS ?k)';
    expect(readableSyntaxError(oxigraphMessage(query), query)).toBe('error at 1:50: expected a term (a variable, an IRI, a literal or a blank node) but found "}"');
  });

  it('gives Comunica\'s stray-character message a line and column, counted like the parser\'s', () => {
    expect(readableSyntaxError('unexpected character: ->x<- at offset: 29, skipped 0 characters.', 'SELECT * {\n ?s ?p ?o } LIMIT x')).toBe(
      'error at 2:19: unexpected character "x"',
    );
  });

  it.each([
    ['SELECT * { <a b> ?p ?o }', 'error at 1:12: IRI parsing failed'],
    ['SELECT * WHERE { ?s ?p ?o FILTER(?o = <a b>) }', 'error at 1:39: IRI parsing failed'],
    ['SELECT * {\n  <http://e.org/a|b> ?p ?o }', 'error at 2:3: IRI parsing failed'], // where Oxigraph says so itself (just past the `>`), at the `<` too
    ['SELECT * WHERE { <http://ex .org/a b> ?p ?o }', 'error at 1:18: IRI parsing failed'],
  ])('names an IRI the parser cannot read where Oxigraph only lists what it expected: %s', (query, start) => {
    const hint = ' (an IRI in <…> holds no spaces and none of the characters <>"{}|^`\\)';
    expect(readableSyntaxError(oxigraphMessage(query), query)).toBe(`${start}${hint}`);
  });

  it('keeps the parser\'s message for an error it found before an unreadable IRI', () => {
    const query = 'SELECT * { ?s ?p ?o } LIMIT x <a b>';
    expect(readableSyntaxError('unexpected character: ->x<- at offset: 28, skipped 0 characters.', query)).toBe('error at 1:29: unexpected character "x"');
  });

  it.each([
    ['SELECT * { ?s ?p ?o ?x }', 'Parse error\nExpecting --> } <-- but found --> \'?x\' <--', 'error at 1:21: expected "}" but found "?x" (is a "." missing before it?)'],
    ['SELECT * {\n ?s ?p }', 'Parse error\nExpecting: expecting at least one iteration …', 'error at 2:8: expected a term (a variable, an IRI, a literal or a blank node) but found "}"'],
  ])('gives Comunica\'s message for %j a line and column', (query, message, expected) => {
    expect(readableSyntaxError(message, query)).toBe(expected);
  });

  it('leaves a long run of name characters to Oxigraph\'s message: Traqula\'s lexer takes time growing with its square', () => {
    // 19 000 `a`s took Traqula 13 s (the query timed out in the worker); 2 000 took 0.2 s.
    const query = `SELECT * { ?s ?p ${'a'.repeat(19_000)} }`;
    const started = performance.now();
    expect(readableSyntaxError(oxigraphMessage(query), query)).toMatch(/^error at 1:\d+: /);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('says a bad base direction in Comunica\'s message without the syntax tree it quotes, at its place', () => {
    const query = 'SELECT * {\n  ?s ?p "a"@en--xyz }';
    const message = 'language direction "xyz" of literal "{"type":"term","subType":"literal","value":"a","langOrIri":"en--xyz"}" is not is required range \'ltr\' | \'rtl\'.';
    expect(readableSyntaxError(message, query)).toBe('error at 2:12: the base direction "xyz" of a language tag is neither ltr nor rtl');
  });

  it('says Comunica\'s "Note 17 violation" (a reifier or annotation on a property path) in words, as Oxigraph does', () => {
    for (const query of ['SELECT * { ?s <http://a>/<http://b> ?o ~ ?r }', 'SELECT * { ?s <http://a>* ?o {| <http://c> 1 |} }']) {
      expect(readableSyntaxError('Note 17 violation', query)).toBe('reifiers and annotations are not allowed on a property path, only on a triple whose predicate is an IRI, a variable or "a"');
    }
  });

  it('keeps Oxigraph\'s message where Traqula finds an error only after Oxigraph\'s', () => {
    // Oxigraph stopped earlier: what Traqula says about a later place may be about something else.
    expect(readableSyntaxError('error at 1:3: expected SELECT', 'SELECT * { ?s ?p ?o ?x }')).toBe('error at 1:3: expected SELECT');
  });

  it.each(['SELECT * {} LIMIT 4294967296', 'SELECT * {} OFFSET 99999999999999999999'])('says what a LIMIT or OFFSET Oxigraph cannot take is: over 4294967295 (%s)', (query) => {
    expect(readableSyntaxError(oxigraphMessage(query), query)).toMatch(/^error at 1:\d+: LIMIT and OFFSET take an integer from 0 to 4294967295 here$/);
  });

  it.each([
    ['ASK { FILTER("\\uD800" = "x") }', 'error at 1:15: \\uD800 is a surrogate code point, no character: a string or IRI cannot hold it (write the character itself, or \\U and 8 hex digits for one beyond \\uFFFF)'],
    ['ASK { FILTER("\\uD83D\\uDE00" = "x") }', 'error at 1:15: \\uD83D is a surrogate code point, no character: a string or IRI cannot hold it (write the character itself, or \\U and 8 hex digits for one beyond \\uFFFF)'],
    ['ASK { FILTER(<http://a/\\uD800> = <http://a/x>) }', 'error at 1:24: \\uD800 is a surrogate code point, no character: a string or IRI cannot hold it (write the character itself, or \\U and 8 hex digits for one beyond \\uFFFF)'],
    ['SELECT ("\\\\x" AS ?a) ("\\udc00" AS ?x) {}', 'error at 1:24: \\udc00 is a surrogate code point, no character: a string or IRI cannot hold it (write the character itself, or \\U and 8 hex digits for one beyond \\uFFFF)'],
  ])('names a \\u escape of a surrogate, which Oxigraph refuses without saying so (%s)', (query, expected) => {
    expect(readableSyntaxError(oxigraphMessage(query), query)).toBe(expected);
  });

  it('blames no \\u escape of a surrogate in a comment', () => {
    const query = 'ASK { FILTER(?x = ) } # "\\uD800"';
    const message = oxigraphMessage(query);
    expect(message).toMatch(/ENCODE_FOR_URI/);
    expect(readableSyntaxError(message, query)).not.toMatch(/surrogate/);
  });

  /** What the endpoint says of a BIND that assigns a variable already in scope, at `place`. */
  const rebound = (place: string, variable: string) =>
    `error at ${place}: BIND assigns ?${variable}, which is already in scope before it in its group (a BIND may only bring in a new variable: choose another name, or compare with FILTER)`;

  it.each([
    // With a solution modifier after the group, Oxigraph said "expected OPTIONAL" past the group; without, it named no place.
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) } LIMIT 5', rebound('1:21', 's')],
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) }', rebound('1:21', 's')],
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) } ORDER BY ?s', rebound('1:21', 's')],
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) } OFFSET 2', rebound('1:21', 's')],
    ['SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o BIND(1 AS ?s) } GROUP BY ?s', rebound('1:39', 's')],
    ['SELECT * { ?s ?p ?o BIND(STR(?o) AS ?o) } LIMIT 10', rebound('1:21', 'o')],
    ['SELECT * { VALUES ?s {1} BIND(1 AS ?s) } LIMIT 10', rebound('1:26', 's')],
    ['SELECT *\nWHERE {\n  ?s ?p ?o .\n  BIND(1 AS ?s)\n}\nLIMIT 10', rebound('4:3', 's')],
    ['SELECT * {\n  ?s ?p ?o .\n  # BIND(1 AS ?s)\n  BIND ( 1 AS ?o )\n} ORDER BY ?s', rebound('4:3', 'o')],
    // bound by an earlier BIND (Traqula misses it), an OPTIONAL, a GRAPH name, a subquery's result; in a nested group
    ['SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) }', rebound('1:26', 'x')],
    ['SELECT * { BIND(1 AS ?x) BIND(2 AS ?x) } LIMIT 5', rebound('1:26', 'x')],
    ['SELECT * { OPTIONAL { ?x ?y ?z } BIND(1 AS ?x) } LIMIT 3', rebound('1:34', 'x')],
    ['SELECT * { GRAPH ?g { ?x ?y ?z } BIND(1 AS ?g) } LIMIT 3', rebound('1:34', 'g')],
    ['SELECT * { { SELECT ?x { ?x ?y ?z } } BIND(1 AS ?x) } LIMIT 3', rebound('1:39', 'x')],
    ['SELECT * { { BIND(1 AS ?x) } UNION { ?x ?p ?o BIND(2 AS ?x) } } LIMIT 5', rebound('1:47', 'x')],
    ['SELECT * { ?s ?p ?o FILTER EXISTS { ?s ?p ?o BIND (1 AS ?s) } } LIMIT 1', rebound('1:46', 's')],
  ])('names a BIND of a variable already in scope at the BIND: %j', (query, expected) => {
    expect(readableSyntaxError(oxigraphMessage(query), query)).toBe(expected);
  });

  it('names it in Comunica\'s message too, which is Traqula\'s sentence without a place', () => {
    const query = 'SELECT * {\n  VALUES ?s { 1 }\n  BIND(1 AS ?s)\n} LIMIT 10';
    expect(readableSyntaxError('Variable used to bind is already bound (?s)', query)).toBe(rebound('3:3', 's'));
  });

  it.each([
    'SELECT * { ?s ?p ?o { BIND(1 AS ?s) } }', // another group
    'SELECT * { ?s ?p ?o MINUS { ?x ?y ?z } BIND(1 AS ?x) }', // MINUS binds nothing
    'SELECT * { ?s ?p ?o FILTER(?x) BIND(1 AS ?x) }', // nor does FILTER
    'SELECT * { { SELECT ?x { ?x ?y ?z } } BIND(1 AS ?y) }', // ?y is not returned by the subquery
    'SELECT * { BIND(1 AS ?x) } LIMIT 5',
  ])('finds no such BIND in a query Oxigraph answers: %j', (query) => {
    expect(() => store.query(query)).not.toThrow();
    expect(rebinding(query)).toBeUndefined();
  });

  it('returns messages it does not recognise unchanged', () => {
    expect(readableSyntaxError('Parse error on line 1: unexpected "}"', 'SELECT * { }')).toBe('Parse error on line 1: unexpected "}"');
  });
});
