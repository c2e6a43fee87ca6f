// The lexical pre-check of queries: forms, refusals, dataset clauses, nesting and chain length, from tables.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseQuery, QueryRefusal, withoutDatasetClauses, withRowCap } from '../../src/engine/analyse.js';
import { DEFAULT_MAX_CHAIN } from '../../src/engine/chain.js';

describe('analyseQuery', () => {
  it.each([
    ['SELECT * { ?s ?p ?o }', 'SELECT'],
    ['  # comment with INSERT\n ask { }', 'ASK'],
    ['PREFIX ex: <http://ex/> BASE <http://b/> CONSTRUCT WHERE { ?s ex:p ?o }', 'CONSTRUCT'],
    ['DESCRIBE <http://ex/a>', 'DESCRIBE'],
    ['SELECT ?delete ?load WHERE { ?delete <http://ex/insert> "DROP GRAPH" }', 'SELECT'],
    ['SELECT * { ?s ?p """multi\nline INSERT""" }', 'SELECT'],
    ['PREFIX ex: <http://ex/> SELECT * { ?s ex:service ?o FILTER(?o < 3 && ?o > 1) }', 'SELECT'],
    ['SELECT * { <http://a b> ?p ?o }', 'SELECT'], // `http:` is inside an IRI the parser cannot read: its message, not the pre-check's
    // PN_CHARS_BASE (SPARQL 1.1 §19.8) holds more than letters: U+3001 `、`, U+2070 `⁰`, U+200C (ZWNJ)
    ['PREFIX p、x: <http://e/> PREFIX ⁰: <http://f/> SELECT * { ?s p、x:prefLabel ?o ; ⁰:a ?b }', 'SELECT'],
    ['PREFIX a\u200Cb: <http://e/> ASK { ?s a\u200Cb:c ?o }', 'ASK'],
  ])('%j is a %s query', (query, form) => {
    expect(analyseQuery(query, 64).form).toBe(form);
  });

  it.each([
    ['INSERT DATA { <a> <b> <c> }', 'update'],
    ['PREFIX ex: <http://ex/> DELETE WHERE { ?s ?p ?o }', 'update'],
    ['LOAD <http://example.org/data.ttl>', 'update'],
    ['drop all', 'update'],
    ['CLEAR GRAPH <g>', 'update'],
    ['WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }', 'update'],
    ['SELECT * { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }', 'service'],
    ['SELECT * { service silent <http://x/> { ?s ?p ?o } }', 'service'],
    ['', 'empty'],
    ['# only a comment', 'syntax'],
    ['SELEC * WHERE { ?s ?p ?o }', 'syntax'],
    ['{ ?s ?p ?o }', 'syntax'],
    ['PREFIX ex: <http://ex/>', 'syntax'],
    ['SELECT * { ?s ?p "unterminated }', 'syntax'],
    ['SELECT * FROM nope:g { }', 'syntax'],
    ['SELECT * { ?s skos:prefLabel ?o }', 'syntax'],
    ['PREFIX a: <http://a/> SELECT * { ?s a:p ?o FILTER(?o = xsd:integer("1")) }', 'syntax'],
    [`SELECT * ${'{'.repeat(100)} ${'}'.repeat(100)}`, 'depth'],
  ])('%j is refused as %s', (query, kind) => {
    expect(() => analyseQuery(query, 64)).toThrow(QueryRefusal);
    try {
      analyseQuery(query, 64);
    } catch (e) {
      expect((e as QueryRefusal).kind).toBe(kind);
    }
  });

  const terms = (n: number, term: string, op: string) => Array(n).fill(term).join(op);
  /** The QueryRefusal `run` throws (the test fails if it throws nothing else). */
  const refusalOf = (run: () => unknown): QueryRefusal => {
    try {
      run();
    } catch (e) {
      if (e instanceof QueryRefusal) return e;
      throw e;
    }
    throw new Error('expected a QueryRefusal');
  };

  it.each([
    ['a query with nothing chained', 'ASK {}', 4],
    ['operators, triple separators and a FILTER', 'SELECT * { ?s ?p 1.5, 2 ; ?q ?o . ?o ?p ?x FILTER(?x != 1 && ?x >= 2) }', 15],
    ['keywords and operators in strings, IRIs and comments', 'ASK { <http://x/a+b> ?p "1+1 || UNION" } # ! OPTIONAL', 4],
    ['a path of prefixed names (not one long name)', 'PREFIX : <http://x/> ASK { ?s :a/:b|:c+ ?o }', 7],
    ['a `!` run', `ASK { FILTER(${'!'.repeat(100)}true) }`, 108],
    ['a || chain', `ASK { FILTER(${terms(100, '?o', '||')}) }`, 107],
    ['a property path', `ASK { ?s ${terms(100, '<p>', '/')} ?o }`, 103],
    ['an OPTIONAL chain (keyword and group count)', `ASK { ?s ?p ?o ${'OPTIONAL { ?s ?p ?o } '.repeat(100)} }`, 207],
    ['a collection: two triple patterns per item', 'ASK { ?s ?p (1 "a"@en ?x <http://x/> [] (2)) }', 24],
    ['a VALUES row: data, no triple patterns', 'SELECT * { VALUES (?a ?b) { (1 2) } }', 13],
    ['nesting: only the costliest branch counts', 'ASK { { ?a ?b ?c . ?d ?e ?f } { FILTER(!?x) } }', 14],
  ])('measures the chain of %s', (_name, query, chain) => {
    expect(analyseQuery(query, 64).chain).toBe(chain);
  });

  it.each([
    ['`1+1+…` (3000 terms, 6 KB)', `SELECT (${terms(3000, '1', '+')} AS ?x) {}`],
    ['`!!!…` (8000 times)', `SELECT * { FILTER(${'!'.repeat(8000)}true) }`],
    ['`?o||?o||…` (4000 terms)', `SELECT * { FILTER(${terms(4000, '?o', '||')}) }`],
    ['a path `:a/:a/…` (1000 steps)', `PREFIX : <http://x/> SELECT * { ?s ${terms(1000, ':a', '/')} ?o }`],
    ['a path `:a|:a|…` (2000 steps)', `PREFIX : <http://x/> SELECT * { ?s ${terms(2000, ':a', '|')} ?o }`],
    ['a UNION chain (2500 groups)', `SELECT * { ${terms(2500, '{}', 'UNION')} }`],
    ['an OPTIONAL chain (900)', `SELECT * { ${'OPTIONAL{?s ?p ?o}'.repeat(900)} }`],
    ['1000 BINDs', `SELECT * { ${Array.from({ length: 1000 }, (_, i) => `BIND(${i} AS ?v${i})`).join(' ')} }`],
    ['a collection of 1500 items', `SELECT * { ?s ?p (${terms(1500, '1', ' ')}) }`],
    ['40 nested collections of 30 items', `ASK { ?s <http://e/p> (${terms(40, `(${terms(30, '1', ' ')})`, ' ')}) }`],
    ['1000 triple patterns', `SELECT * { ${Array.from({ length: 1000 }, (_, i) => `?s${i} ?p ?o`).join(' . ')} }`],
    ['nesting at the depth limit around a chain', `SELECT * { ${'FILTER EXISTS { '.repeat(60)} FILTER(${'!'.repeat(100)}?o) ${'} '.repeat(60)} }`],
  ])('refuses %s, which overflows Oxigraph, saying which limit and how to lift it', (_name, query) => {
    const refusal = refusalOf(() => analyseQuery(query, 64));
    expect(refusal.kind).toBe('chain');
    expect(refusal.message).toMatch(/^query too complex: it chains about \d+ .*limit of 400 \(the server's MAX_QUERY_CHAIN\); write long \|\|-chains as IN/);
  });

  it.each([
    ['a collection of 2500 items', `CONSTRUCT { <http://s> <http://p> (${terms(2500, '1', ' ')}) } WHERE { ?s ?p ?o }`],
    ['3000 triples', `CONSTRUCT { ${Array.from({ length: 3000 }, (_, i) => `<http://s> <http://p> ${i}`).join(' . ')} } WHERE { ?s ?p ?o }`],
    ['60 nested collections', `CONSTRUCT { <http://s> <http://p> ${'( 1 2 3 '.repeat(60)}${')'.repeat(60)} } WHERE {}`],
  ])('leaves a CONSTRUCT template out of the chain, which Oxigraph writes out without recursing (measured): %s', (_name, query) => {
    expect(analyseQuery(query, 64).chain).toBeLessThan(200);
  });

  it('still counts the pattern of CONSTRUCT WHERE, which is its template too', () => {
    expect(refusalOf(() => analyseQuery(`CONSTRUCT WHERE { ?s ?p (${terms(1500, '1', ' ')}) }`, 64)).kind).toBe('chain');
  });

  const QUERIES = new URL('../../queries/', import.meta.url);
  it.each(readdirSync(QUERIES).filter((f) => f.endsWith('.rq')))('leaves real queries far under the chain limit: %s', (file) => {
    expect(analyseQuery(readFileSync(new URL(file, QUERIES), 'utf8'), 64).chain).toBeLessThan(DEFAULT_MAX_CHAIN / 8);
  });

  it.each([
    ['a path in parentheses of 140 alternatives (no collection)', `PREFIX e: <http://e/> ASK { ?s (${terms(140, 'e:p', '|')}) ?o }`],
    ['a sequence path in parentheses', `PREFIX e: <http://e/> ASK { ?s (${terms(140, 'e:p', '/')}) ?o }`],
    ['VALUES with 3000 rows', `ASK { VALUES (?a ?b) { ${terms(3000, '(1 "x")', ' ')} } }`],
    ['VALUES with 250 variables', `ASK { VALUES (${Array.from({ length: 250 }, (_, i) => `?v${i}`).join(' ')}) { } }`],
    ['a collection of 80 typed literals (a datatype is no item)', `PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> ASK { ?s ?p (${terms(80, '"1"^^xsd:integer', ' ')}) }`],
  ])('accepts %s', (_name, query) => {
    expect(analyseQuery(query, 64).chain).toBeLessThan(DEFAULT_MAX_CHAIN);
  });

  it('takes the chain limit as a parameter', () => {
    const query = `ASK { FILTER(${'!'.repeat(100)}true) }`;
    expect(DEFAULT_MAX_CHAIN).toBe(400);
    expect(() => analyseQuery(query, 64, 100)).toThrow(/limit of 100/);
    expect(analyseQuery(query, 64, 108).chain).toBe(108);
  });

  it('resolves FROM and FROM NAMED through prefixes and BASE', () => {
    const a = analyseQuery('BASE <http://b/> PREFIX g: <http://g/> SELECT * FROM g:one FROM NAMED <two> { }', 64);
    expect(a.from).toEqual(['http://g/one']);
    expect(a.fromNamed).toEqual(['http://b/two']);
  });

  it("resolves a relative FROM against the service's base IRI, unless the query has a BASE", () => {
    const service = 'https://x.example/lkp/sparql';
    expect(analyseQuery('SELECT * FROM <graph/a> FROM NAMED <../b> { }', 64, DEFAULT_MAX_CHAIN, service)).toMatchObject({
      from: ['https://x.example/lkp/graph/a'],
      fromNamed: ['https://x.example/b'],
    });
    expect(analyseQuery('BASE <http://b/> SELECT * FROM <graph/a> { }', 64, DEFAULT_MAX_CHAIN, service).from).toEqual(['http://b/graph/a']);
    expect(analyseQuery('BASE <sub/> SELECT * FROM <a> { }', 64, DEFAULT_MAX_CHAIN, service).from).toEqual(['https://x.example/lkp/sub/a']);
  });

  it('measures nesting depth and runs in linear time on deep input', () => {
    expect(analyseQuery('SELECT * { { ( [ ] ) } }', 64).depth).toBe(4);
    const start = performance.now();
    expect(() => analyseQuery(`SELECT * ${'{'.repeat(200_000)}`, 64)).toThrow(/nesting/);
    expect(performance.now() - start).toBeLessThan(500);
  });

  describe('reads `<`, comments and escapes as Oxigraph does, so nothing hides from it', () => {
    const G = 'https://w3id.org/helsingborg-livskvalitet/graph/lkp2016';
    it.each([
      ['less-than without spaces, then a comment', `SELECT(COUNT(*)AS?n)(1<2AS?x)FROM#>\n<${G}> WHERE{ ?s ?p ?o }`, [G]],
      ['less-than after a name', `SELECT * FROM <${G}> { FILTER(<http://a><<http://b>) }`, [G]],
      ['an IRI with \\u escapes', `SELECT * FROM <https://w3id.org/helsingborg-livskvalitet/graph/lkp\\u0032016> {}`, [G]],
      ['a prefixed name with an escaped character', `PREFIX g: <https://w3id.org/helsingborg-livskvalitet/graph/> SELECT * FROM g:lkp\\2016 {}`, [G]],
    ])('finds FROM after %s', (_name, query, from) => {
      expect(analyseQuery(query, 64).from).toEqual(from);
    });

    it.each([
      ['less-than in a FILTER, then a comment', 'SELECT * { FILTER(?a<2)SERVICE#>\nSILENT <http://127.0.0.1:9/> { } }'],
      ['an IRI with a \\u escape, then #', 'ASK { ?s <http://x/a\\u0041#> ?o . SERVICE <http://127.0.0.1:9/> { } }'],
      ['a comment ended by a carriage return', 'ASK { # note\rSERVICE <http://127.0.0.1:9/> { } }'],
      ['an IRI with # in a collection', 'ASK { ?s <http://p> (?a <http://x#>) . SERVICE <http://127.0.0.1:9/> { } }'],
      ['an IRI with # in a VALUES row', 'SELECT * { VALUES (?a ?b) { (1 <http://x#>) } SERVICE <http://127.0.0.1:9/> { } }'],
      ['an IRI with # in a collection after `a`', 'ASK { ?s a (1 <http://x#>) . SERVICE <http://127.0.0.1:9/> { } }'],
      ['a function IRI with # in ORDER BY', 'SELECT * { } ORDER BY ?a <http://fn#>(?b) \nSERVICE'],
      ['a variable, a minus and a keyword', 'SELECT * { BIND(?a-SERVICE AS ?b) }'],
      ['an IRI with # in a triple term in an expression', 'ASK { FILTER(?t = <<( <http://s#> <http://p> 1 )>>) SERVICE <http://127.0.0.1:9/> { } }'],
    ])('refuses SERVICE hidden behind %s', (_name, query) => {
      expect(refusalOf(() => analyseQuery(query, 64)).kind).toBe('service');
    });

    it('sees nesting inside what would be an IRI after an operand', () => {
      const hidden = `SELECT * { FILTER(?a<${'('.repeat(100)}1${')'.repeat(100)}>1) }`;
      expect(refusalOf(() => analyseQuery(hidden, 64)).kind).toBe('depth');
    });

    it('still reads IRIs where the grammar has terms', () => {
      const query = 'PREFIX : <http://x/> SELECT ?s (?n<3 AS ?small) WHERE { ?s :p <http://o> ; :q (1 <http://i#>) FILTER(?n < <http://x/max>) FILTER :fn(?n) } ORDER BY DESC(?n) <http://fn>(?s)';
      expect(analyseQuery(query, 64).form).toBe('SELECT');
    });

    it('reads IRIs in an RDF 1.2 triple term `<<( … )>>`, in an expression too (SPARQL 1.2, which Oxigraph reads)', () => {
      // Before, the second IRI after an operand was read as less-than, and `http:` as an undeclared prefix.
      const query = 'SELECT * { ?s ?p <<( <http://x/s> <http://x/p> ?o )>> FILTER(?t = <<( <http://x/s> <http://x/p> <http://x/o> )>>) BIND(<<(<http://x/s> <http://x/p> "a")>> AS ?u) }';
      expect(analyseQuery(query, 64).form).toBe('SELECT');
    });

    it('scans a long run of name characters in linear time', () => {
      const start = performance.now();
      expect(analyseQuery(`ASK { ${'a-'.repeat(10_000)}b }`, 64, 1e9).form).toBe('ASK');
      expect(performance.now() - start).toBeLessThan(500);
    });
  });

  it('blanks out dataset clauses without moving anything else', () => {
    const query = 'PREFIX g: <http://g/> SELECT * FROM g:one FROM NAMED <http://two> WHERE { ?s ?p ?o }';
    const stripped = withoutDatasetClauses(query, analyseQuery(query, 64).datasetClauses);
    expect(stripped).toHaveLength(query.length);
    expect(stripped).not.toMatch(/FROM/);
    expect(stripped).toMatch(/^PREFIX g: <http:\/\/g\/> SELECT \* +WHERE \{ \?s \?p \?o \}$/);
  });
});

describe('analyseQuery: ordered', () => {
  it.each([
    ['SELECT * { ?s ?p ?o } ORDER BY ?s', true],
    ['select * { ?s ?p ?o } order by desc(?s) limit 3', true],
    ['SELECT * { { SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 1 } }', false],
    ['SELECT * { ?s ?p "ORDER BY" } # ORDER BY', false],
    ['SELECT ?order { ?order ?p ?o }', false],
  ])('%j: %s', (query, ordered) => {
    expect(analyseQuery(query, 64).ordered ?? false).toBe(ordered);
  });
});

describe('withRowCap', () => {
  const cap = (query: string, max = 100) => withRowCap(query, analyseQuery(query, 64), max);

  it.each([
    ['no LIMIT: one is added at the end, on its own line (the query may end in a comment)', 'SELECT * { ?s ?p ?o } # all', 'SELECT * { ?s ?p ?o } # all\nLIMIT 101\n'],
    ['a LIMIT above the cap is lowered to it', 'SELECT * { ?s ?p ?o } LIMIT 1000000 OFFSET 5', 'SELECT * { ?s ?p ?o } LIMIT 101 OFFSET 5'],
    ['a LIMIT after a comment is found', 'SELECT * { ?s ?p ?o } limit # many\n 500', 'SELECT * { ?s ?p ?o } limit # many\n 101'],
    ['OFFSET without LIMIT', 'SELECT * { ?s ?p ?o } ORDER BY ?s OFFSET 10', 'SELECT * { ?s ?p ?o } ORDER BY ?s OFFSET 10\nLIMIT 101\n'],
    ['a trailing VALUES clause comes after the LIMIT', 'SELECT * { ?s ?p ?o } VALUES ?s { <http://a> }', 'SELECT * { ?s ?p ?o } LIMIT 101\nVALUES ?s { <http://a> }'],
    ['a subquery\'s LIMIT is not the query\'s', 'SELECT * { { SELECT * { ?s ?p ?o } LIMIT 5000 } }', 'SELECT * { { SELECT * { ?s ?p ?o } LIMIT 5000 } }\nLIMIT 101\n'],
    ['a LIMIT glued to its number, as Oxigraph reads it', 'SELECT * { ?s ?p ?o } LIMIT500', 'SELECT * { ?s ?p ?o } LIMIT101'],
    ['an OFFSET glued to its number and the LIMIT', 'SELECT * { ?s ?p ?o } OFFSET5LIMIT 300', 'SELECT * { ?s ?p ?o } OFFSET5LIMIT 101'],
    ['nor is a VALUES inside the pattern', 'SELECT * { VALUES ?s { <http://a> } ?s ?p ?o }', 'SELECT * { VALUES ?s { <http://a> } ?s ?p ?o }\nLIMIT 101\n'],
  ])('caps a SELECT at one row more than the limit: %s', (_name, query, capped) => {
    expect(cap(query)).toBe(capped);
  });

  it.each([
    ['a LIMIT within the cap', 'SELECT * { ?s ?p ?o } LIMIT 101'],
    ['CONSTRUCT (its rows are triples, not solutions)', 'CONSTRUCT WHERE { ?s ?p ?o }'],
    ['DESCRIBE', 'DESCRIBE ?s { ?s ?p ?o }'],
    ['ASK', 'ASK { ?s ?p ?o }'],
    ['a LIMIT without a number (the parser reports it)', 'SELECT * { ?s ?p ?o } LIMIT x'],
    // Oxigraph refuses a LIMIT of 2^32 or more: lowered, the query would be answered where it is an error.
    ['a LIMIT too large for the engine (its error stands)', 'SELECT * { ?s ?p ?o } LIMIT 4294967296'],
    ['a LIMIT of 10^23', 'SELECT * { ?s ?p ?o } LIMIT 99999999999999999999999'],
  ])('leaves alone %s', (_name, query) => {
    expect(cap(query)).toBeUndefined();
  });

  it('leaves every query alone when there is no limit (0), or one no LIMIT can carry', () => {
    expect(cap('SELECT * { ?s ?p ?o }', 0)).toBeUndefined();
    expect(cap('SELECT * { ?s ?p ?o }', 4294967294)).toBe('SELECT * { ?s ?p ?o }\nLIMIT 4294967295\n');
    expect(cap('SELECT * { ?s ?p ?o }', 4294967295)).toBeUndefined();
    expect(cap('SELECT * { ?s ?p ?o }', 1e21)).toBeUndefined();
  });
});
