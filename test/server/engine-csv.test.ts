// CSV results quote every field that needs it (RFC 4180 §2), IRIs and triple terms included, in both engines; Oxigraph's own writer is kept where nothing can need quotes.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFromJson, queryMayNeedQuotes, STORE_CHECK } from '../../src/engine/csv.js';
import { createEngine, type Engine } from '../../src/engine/index.js';
import { ROOT } from '../../src/graph/config.js';
import { BASE, FIXTURE_DIST, sparqlUrl, useApp } from './helpers.js';

const oxigraphApp = useApp();
const comunicaApp = useApp({ engine: 'comunica' });

/** The CSV answer's records, parsed by csv-parse (RFC 4180), header first. */
async function csvRecords(app: typeof oxigraphApp, query: string): Promise<string[][]> {
  const res = await app.current.app.request(sparqlUrl(query), { headers: { accept: 'text/csv' } });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  return parse(await res.text(), { relax_column_count: false }) as string[][];
}

const APPS = { oxigraph: oxigraphApp, comunica: comunicaApp };

describe('CSV answers with IRIs that hold a comma', () => {
  const cases: Array<[string, string, string[][]]> = [
    ['IRI constants', 'SELECT ?iri ?n WHERE { VALUES (?iri ?n) { (<http://example.org/a,b> 1) (<urn:x:a,b,c> 2) } }', [['iri', 'n'], ['http://example.org/a,b', '1'], ['urn:x:a,b,c', '2']]],
    ['IRI(CONCAT(…))', 'SELECT ?i ?n WHERE { BIND(IRI(CONCAT("http://example.org/", "a,b")) AS ?i) BIND(3 AS ?n) }', [['i', 'n'], ['http://example.org/a,b', '3']]],
    ['URI(…)', 'SELECT (URI("urn:x:a,b") AS ?i) {}', [['i'], ['urn:x:a,b']]],
    ['a namespace with a comma', 'PREFIX e: <http://example.org/x,y/> SELECT ?i { VALUES ?i { e:z } }', [['i'], ['http://example.org/x,y/z']]],
    ['a \\u escape of a comma', 'SELECT ?i { VALUES ?i { <http://example.org/a\\u002Cb> } }', [['i'], ['http://example.org/a,b']]],
    ['a relative IRI under a BASE with a comma', 'BASE <http://example.org/x,y/> SELECT ?i { VALUES ?i { <z> } }', [['i'], ['http://example.org/x,y/z']]],
    ['the datatype of a literal', 'SELECT (DATATYPE("1"^^<http://example.org/t,u>) AS ?t) {}', [['t'], ['http://example.org/t,u']]],
    ['a literal with a comma, a quote and a line break beside an IRI', 'SELECT ?i ?l { VALUES (?i ?l) { (<urn:x:a,b> "c,\\"d\\"\\ne") } }', [['i', 'l'], ['urn:x:a,b', 'c,"d"\ne']]],
  ];
  it.each((['oxigraph', 'comunica'] as const).flatMap((engine) => cases.map(([name, query, records]) => [engine, name, query, records] as const)))(
    '%s: %s',
    async (engine, _name, query, records) => {
      expect(await csvRecords(APPS[engine], query)).toEqual(records);
    },
  );

  it('a prefixed name with an escaped comma (Oxigraph; Comunica 5.4 keeps the backslash in the IRI)', async () => {
    expect(await csvRecords(oxigraphApp, 'PREFIX e: <http://example.org/> SELECT ?i { VALUES ?i { e:a\\,b } }')).toEqual([['i'], ['http://example.org/a,b']]);
  });

  it('IRI() makes no IRI with a double quote, a line break or a space: Oxigraph leaves the variable unbound', async () => {
    const query = 'SELECT (IRI("http://example.org/a\\"b") AS ?q) (IRI("http://example.org/a\\nb") AS ?n) (IRI("http://example.org/a b") AS ?s) (1 AS ?one) {}';
    expect(await csvRecords(oxigraphApp, query)).toEqual([['q', 'n', 's', 'one'], ['', '', '', '1']]);
  });

  it('a relative IRI() with a comma, resolved against the endpoint, is quoted (Oxigraph)', async () => {
    expect(await csvRecords(oxigraphApp, 'SELECT (IRI("a,b") AS ?i) {}')).toEqual([['i'], [`${BASE}a,b`]]);
  });

  it('a triple term is one field, quoted, in Oxigraph\'s form of it (its parts joined by spaces)', async () => {
    const query = 'SELECT ?t ?n { VALUES (?t ?n) { (<<( <http://example.org/a> <http://example.org/b> "x,y" )>> 1) } }';
    expect(await csvRecords(oxigraphApp, query)).toEqual([['t', 'n'], ['http://example.org/a http://example.org/b "x,y"', '1']]);
    const made = 'SELECT (TRIPLE(<http://example.org/a>, <http://example.org/b>, "q") AS ?t) {}';
    expect(await csvRecords(oxigraphApp, made)).toEqual([['t'], ['http://example.org/a http://example.org/b q']]);
  });
});

describe('queryMayNeedQuotes', () => {
  it.each([
    ['SELECT ?iri WHERE { VALUES ?iri { <http://example.org/a,b> } }', true],
    ['SELECT * { BIND(IRI(CONCAT("http://e/", "a,b")) AS ?i) }', true],
    ['select (uri(?x) AS ?i) {}', true],
    ['PREFIX e: <http://e/> SELECT * { ?s e:a\\,b ?o }', true],
    ['PREFIX e: <http://e/a,b#> SELECT * { ?s e:c ?o }', true],
    ['SELECT * { ?s ?p <http://e/a\\u002cb> }', true],
    ['SELECT * { ?s ?p <<( ?a ?b ?c )>> }', true],
    ['SELECT (TRIPLE(?s, ?p, ?o) AS ?t) { ?s ?p ?o }', true],
    ['SELECT * { ?s ?p "unterminated }', true],
    // words in strings, comments and variable names are no calls; an IRI without a comma needs none
    ['SELECT ?iri ?uri { ?iri ?p "IRI(x), URI(y)" } # IRI(', false],
    ['SELECT * { ?s ?p <http://e/a;b> FILTER(isIRI(?s)) BIND(BNODE("a,b") AS ?b) BIND(STRDT("x", <http://e/t>) AS ?l) }', false],
  ])('%j: %s', (query, expected) => {
    expect(queryMayNeedQuotes(query)).toBe(expected);
  });

  it('is false for every query in queries/: they keep Oxigraph\'s own CSV writer', () => {
    const dir = join(ROOT, 'queries');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.rq'))) expect(queryMayNeedQuotes(readFileSync(join(dir, file), 'utf8')), file).toBe(false);
  });

  it('is true under a base IRI with a comma', () => {
    expect(queryMayNeedQuotes('SELECT * { ?s ?p ?o }', 'http://e/a,b/')).toBe(true);
  });
});

describe('csvFromJson', () => {
  const store = new oxigraph.Store();
  store.load(readFileSync(join(FIXTURE_DIST, 'dataset.nq')), { format: 'nq' });
  const options = { use_default_graph_as_union: true, base_iri: BASE };
  const both = (query: string) => ({
    csv: String(store.query(query, { ...options, results_format: 'csv' })),
    converted: csvFromJson(String(store.query(query, { ...options, results_format: 'json' }))),
  });

  it('writes what Oxigraph writes wherever nothing needs quotes: every query in queries/, and edge cases', () => {
    const dir = join(ROOT, 'queries');
    const queries = [
      ...readdirSync(dir).filter((f) => f.endsWith('.rq')).map((f) => readFileSync(join(dir, f), 'utf8')),
      'SELECT * {}',
      'SELECT ?x {}',
      'SELECT ?x { FILTER(false) }',
      'SELECT ?x ?y { VALUES (?x ?y) { (1 UNDEF) (UNDEF UNDEF) ("a"@en 2.5) } }',
      'SELECT * { GRAPH ?g { ?s ?p ?o } }',
      'SELECT (BNODE() AS ?b) ("a,b" AS ?l) ("q\\"r\\r\\n" AS ?m) (<<( <http://e/a> <http://e/b> <http://e/c> )>> AS ?t) {}',
    ];
    for (const query of queries) {
      const { csv, converted } = both(query);
      // Blank node labels are new at each evaluation: compare them by place.
      const labels = (text: string) => text.replace(/_:[A-Za-z0-9]+/g, '_:b');
      expect(labels(converted), query).toBe(labels(csv));
    }
  });

  it('quotes an IRI, and a triple term, that hold a comma or a quote', () => {
    expect(both('SELECT ?i ?n { VALUES (?i ?n) { (<urn:x:a,b> 1) } }').converted).toBe('i,n\r\n"urn:x:a,b",1\r\n');
    expect(both('SELECT ?t { VALUES ?t { <<( <urn:x:a> <urn:x:b> "c,\\"d" )>> } }').converted).toBe('t\r\n"urn:x:a urn:x:b ""c,""""d"""\r\n');
  });
});

describe('STORE_CHECK', () => {
  it.each([
    ['an IRI subject with a comma', '<http://e/a,b> <http://e/p> "x" <http://g> .', true],
    ['an IRI object with a comma', '<http://e/a> <http://e/p> <urn:x:a,b> <http://g> .', true],
    ['a graph name with a comma', '<http://e/a> <http://e/p> _:b <http://g/x,y> .', true],
    ['a datatype with a comma', '<http://e/a> <http://e/p> "x"^^<http://d/a,b> <http://g> .', true],
    ['a triple term', '<http://e/a> <http://e/p> <<( <http://e/a> <http://e/p> "x" )>> <http://g> .', true],
    ['an IRI with an escaped double quote (the dataset is loaded without validation)', '<http://e/a> <http://e/p\\u0022> "a" <http://g> .', true],
    ['a triple in the default graph', '<http://e/a,b> <http://e/p> "x" .', true],
    ['only a literal with a comma', '<http://e/a> <http://e/p> "a,b" <http://g> .', false],
  ])('%s: %s', (_name, nquads, expected) => {
    const store = new oxigraph.Store();
    store.load(nquads, { format: 'nq', lenient: true });
    expect(store.query(STORE_CHECK)).toBe(expected);
  });

  it('is false for the fixture', () => {
    const store = new oxigraph.Store();
    store.load(readFileSync(join(FIXTURE_DIST, 'dataset.nq')), { format: 'nq', lenient: true });
    expect(store.query(STORE_CHECK)).toBe(false);
  });
});

describe('an Oxigraph worker over a dataset that holds an IRI with a comma', () => {
  let dir: string;
  let engine: Engine;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'engine-csv-'));
    copyFileSync(join(FIXTURE_DIST, 'manifest.json'), join(dir, 'manifest.json'));
    writeFileSync(join(dir, 'dataset.nq'), '<http://example.org/a,b> <http://example.org/p> "x" <https://w3id.org/helsingborg-livskvalitet/graph/sdg> .\n');
    engine = createEngine({ engine: 'oxigraph', distDir: dir, workers: 1 });
    await engine.ready();
  });
  afterAll(async () => {
    await engine?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('quotes it in answers to queries that name no such IRI themselves', async () => {
    const { body } = await engine.query({ query: 'SELECT ?s ?o { ?s ?p ?o }', form: 'SELECT', format: 'csv', maxRows: 0 });
    expect(new TextDecoder().decode(body)).toBe('s,o\r\n"http://example.org/a,b",x\r\n');
  });
});
