// The lexical pre-check of queries: forms, refusals, dataset clauses and nesting, from tables.
import { describe, expect, it } from 'vitest';
import { analyseQuery, QueryRefusal, withoutDatasetClauses } from '../../src/engine/analyse.js';

describe('analyseQuery', () => {
  it.each([
    ['SELECT * { ?s ?p ?o }', 'SELECT'],
    ['  # comment with INSERT\n ask { }', 'ASK'],
    ['PREFIX ex: <http://ex/> BASE <http://b/> CONSTRUCT WHERE { ?s ex:p ?o }', 'CONSTRUCT'],
    ['DESCRIBE <http://ex/a>', 'DESCRIBE'],
    ['SELECT ?delete ?load WHERE { ?delete <http://ex/insert> "DROP GRAPH" }', 'SELECT'],
    ['SELECT * { ?s ?p """multi\nline INSERT""" }', 'SELECT'],
    ['SELECT * { ?s ex:service ?o FILTER(?o < 3 && ?o > 1) }', 'SELECT'],
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
    ['# only a comment', 'empty'],
    ['SELECT * { ?s ?p "unterminated }', 'syntax'],
    ['SELECT * FROM nope:g { }', 'syntax'],
    [`SELECT * ${'{'.repeat(100)} ${'}'.repeat(100)}`, 'depth'],
  ])('%j is refused as %s', (query, kind) => {
    expect(() => analyseQuery(query, 64)).toThrow(QueryRefusal);
    try {
      analyseQuery(query, 64);
    } catch (e) {
      expect((e as QueryRefusal).kind).toBe(kind);
    }
  });

  it('resolves FROM and FROM NAMED through prefixes and BASE', () => {
    const a = analyseQuery('BASE <http://b/> PREFIX g: <http://g/> SELECT * FROM g:one FROM NAMED <two> { }', 64);
    expect(a.from).toEqual(['http://g/one']);
    expect(a.fromNamed).toEqual(['http://b/two']);
  });

  it('measures nesting depth and runs in linear time on deep input', () => {
    expect(analyseQuery('SELECT * { { ( [ ] ) } }', 64).depth).toBe(4);
    const start = performance.now();
    expect(() => analyseQuery(`SELECT * ${'{'.repeat(200_000)}`, 64)).toThrow(/nesting/);
    expect(performance.now() - start).toBeLessThan(500);
  });

  it('blanks out dataset clauses without moving anything else', () => {
    const query = 'PREFIX g: <http://g/> SELECT * FROM g:one FROM NAMED <http://two> WHERE { ?s ?p ?o }';
    const stripped = withoutDatasetClauses(query, analyseQuery(query, 64).datasetClauses);
    expect(stripped).toHaveLength(query.length);
    expect(stripped).not.toMatch(/FROM/);
    expect(stripped).toMatch(/^PREFIX g: <http:\/\/g\/> SELECT \* +WHERE \{ \?s \?p \?o \}$/);
  });
});
