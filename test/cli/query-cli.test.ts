// `npm run query`: the researchers' Comunica CLI, run in-process with no network.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ownContexts, runQuery, UsageError, withOwnContexts } from '../../src/cli/query.js';
import { CONTEXT_DOCUMENT, CONTEXT_PATH, PUBLISHED_CONTEXTS } from '../../src/graph/context.js';
import { ROOT } from '../../src/graph/config.js';
import { builtStore, cfg, dist } from '../helpers.js';
import { useApp } from '../server/helpers.js';

/** A fetch that refuses every request: the tests prove the CLI needs none for our own files. */
const offline = ((input: RequestInfo | URL) => Promise.reject(new Error(`offline: ${String(input)}`))) as typeof fetch;
const SKOS = 'PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n';
const app = useApp({ distDir: cfg.distDir });

describe('npm run query', () => {
  it('answers a query file over the built dump, as CSV (CRLF line ends, RFC 4180)', async () => {
    const out = await runQuery(['-f', path.join(ROOT, 'queries', 'stated-links.rq')], offline);
    expect(out.split('\r\n')[0]).toBe('from,fromLabel,to,toLabel,document,section,rationale');
    expect(out).toContain(`${cfg.base}lkp/2016/4.3,`);
  });

  it('shows line breaks and tabs in a value as \\n, \\r and \\t in table and simple output, where they broke the rows, and keeps them in CSV', async () => {
    const query = 'SELECT ?x ?n WHERE { BIND("one\\ntwo\\tthree\\r\\nfour"@en AS ?x) BIND(1 AS ?n) }';
    const table = await runQuery(['-o', 'table', query], offline);
    expect(table.split('\n')).toHaveLength(4); // header, rule, one row, and the final line end
    expect(table).toContain('one\\ntwo\\tthree\\r\\nfour');
    expect(await runQuery(['-o', 'simple', query], offline)).toBe('?x: one\\ntwo\\tthree\\r\\nfour\n?n: 1\n\n');
    expect(await runQuery(['-o', 'csv', query], offline)).toBe('x,n\r\n"one\ntwo\tthree\r\nfour",1\r\n');
  });

  it('refuses an undeclared prefix instead of filling in one of its own', async () => {
    await expect(runQuery(['SELECT ?l WHERE { ?c skos:prefLabel ?l }'], offline)).rejects.toThrow(/syntax error: .*skos/);
  });

  it('says where a syntax error is and what was expected there, as the endpoint does', async () => {
    // Comunica's own message is "Parse error" and a list on later lines, which the CLI cut to its first line.
    await expect(runQuery(['SELECT * WHERE {\n  ?s ?p ?o\n  ?s ?q ?r }'], offline)).rejects.toThrow(
      'syntax error: error at 3:3: expected "}" but found "?s" (is a "." missing before it?)',
    );
  });

  it('reads a concept\'s JSON-LD document from this server offline: its context is answered from memory', async () => {
    const res = await app.current.app.request('/lkp/2016/4.4.3', { headers: { accept: 'application/ld+json' } });
    const text = await res.text();
    expect(JSON.parse(text)['@context']).toBe(`${cfg.base}${CONTEXT_PATH}`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'query-')), '4.4.3.jsonld');
    writeFileSync(file, text);
    const out = await runQuery(['--no-local', '-s', file, `${SKOS}SELECT ?label WHERE { <${cfg.base}lkp/2016/4.4.3> skos:prefLabel ?label } ORDER BY ?label`], offline);
    expect(out).toBe('label\r\nVi väljer hållbara resor och transporter\r\nWe choose sustainable travel and transport\r\n');
  });

  it('reads the JSON-LD dump offline, with the same triples as the N-Quads dump', async () => {
    const out = await runQuery(['--no-local', '-s', dist('dataset.jsonld'), 'SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }'], offline);
    const triples = new Set(builtStore().getQuads(null, null, null, null).map((q) => `${q.subject.id} ${q.predicate.id} ${q.object.id}`));
    expect(out).toBe(`n\r\n${triples.size}\r\n`);
  });

  it('names the file and the cause when a source cannot be read', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'query-')), 'notes.txt');
    writeFileSync(file, 'hello');
    await expect(runQuery(['--no-local', '-s', file, 'ASK {}'], offline)).rejects.toThrow(`${file}: unsupported local file type .txt`);
    await expect(runQuery(['--no-local', '-s', 'no-such-file.ttl', 'ASK {}'], offline)).rejects.toThrow('source not found: no-such-file.ttl');
  });

  it('takes relative paths from the directory npm was run in (INIT_CWD), not the package root', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'query-'));
    writeFileSync(path.join(dir, 'q.rq'), 'SELECT ?o WHERE { <https://example.org/a> <https://example.org/p> ?o }');
    writeFileSync(path.join(dir, 'data.ttl'), '<https://example.org/a> <https://example.org/p> "here" .');
    const before = process.env.INIT_CWD;
    process.env.INIT_CWD = dir;
    try {
      expect(await runQuery(['--no-local', '-s', 'data.ttl', '-f', 'q.rq'], offline)).toBe('o\r\nhere\r\n');
      await expect(runQuery(['-f', 'missing.rq'], offline)).rejects.toThrow('query file missing.rq: not found');
    } finally {
      if (before === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = before;
    }
  });

  it('says which JSON-LD context could not be loaded, and why', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'query-')), 'other.jsonld');
    writeFileSync(file, JSON.stringify({ '@context': 'https://example.org/context.jsonld', '@id': 'https://example.org/a', name: 'x' }));
    const error = await runQuery(['--no-local', '-s', file, 'ASK {}'], offline).catch((e: Error) => e);
    expect((error as Error).message).toBe(`${file}: cannot load the JSON-LD context https://example.org/context.jsonld`);
    expect(((error as Error).cause as Error).message).toBe('offline: https://example.org/context.jsonld');
  });

  it('gives up on a context host that never answers after --timeout seconds', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'query-')), 'stalled.jsonld');
    writeFileSync(file, JSON.stringify({ '@context': 'https://example.org/slow.jsonld', '@id': 'https://example.org/a' }));
    const never = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    const error = await runQuery(['--no-local', '-t', '0.2', '-s', file, 'ASK {}'], never).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/cannot load the JSON-LD context https:\/\/example\.org\/slow\.jsonld$/);
    expect(((error as Error).cause as Error).name).toBe('TimeoutError');
    await expect(runQuery(['-t', '0', 'ASK {}'], offline)).rejects.toThrow('--timeout must be a number of seconds above 0, not "0"');
  });

  it('resolves relative IRIs against the endpoint\'s IRI, as the endpoint does', async () => {
    const out = await runQuery([`${SKOS}SELECT (<> AS ?e) ?label WHERE { <lkp/2016/4.4.3> skos:prefLabel ?label } ORDER BY ?label`], offline);
    expect(out).toBe(`e,label\r\n${cfg.base}sparql,Vi väljer hållbara resor och transporter\r\n${cfg.base}sparql,We choose sustainable travel and transport\r\n`);
  });

  it('resolves a relative IRI with dot-segments as RFC 3986 does, as the endpoint does', async () => {
    const out = await runQuery(['SELECT (<../x> AS ?up) (<./lkp/../y> AS ?same) WHERE {}'], offline);
    const endpoint = `${cfg.base}sparql`;
    expect(out).toBe(`up,same\r\n${new URL('../x', endpoint).href},${cfg.base}y\r\n`);
  });

  it('refuses a query given twice, and a source or query file given as a word of the query', async () => {
    await expect(runQuery(['-f', path.join(ROOT, 'queries', 'stated-links.rq'), 'LIMIT', '1'], offline)).rejects.toThrow('give the query with -f or as text, not both (text given: "LIMIT 1")');
    await expect(runQuery(['ASK {}', 'sparql@https://query.wikidata.org/sparql'], offline)).rejects.toThrow(
      '"sparql@https://query.wikidata.org/sparql" is not part of a query: add a source with -s sparql@https://query.wikidata.org/sparql',
    );
    await expect(runQuery(['ASK {}', dist('dataset.nt')], offline)).rejects.toThrow(`add a source with -s ${dist('dataset.nt')}`);
    await expect(runQuery(['ASK', '{}', path.join(ROOT, 'queries', 'stated-links.rq')], offline)).rejects.toThrow(/read a query file with -f .*stated-links\.rq$/);
    // the words of an unquoted query are joined
    expect(await runQuery(['ASK', '{', '?s', '?p', '?o', '}'], offline)).toBe('true\n');
  });

  it('refuses to run without a query (the CLI then prints its usage and exits 2), and prints the usage when asked', async () => {
    await expect(runQuery([], offline)).rejects.toThrow(UsageError);
    await expect(runQuery(['  '], offline)).rejects.toThrow(/no query given/);
    expect(await runQuery(['--help'], offline)).toMatch(/^usage: npm run query/);
  });

  it('answers only our own context IRIs from memory and passes every other request on', async () => {
    const fetch = withOwnContexts(ownContexts(cfg.base), offline);
    for (const iri of [`${cfg.base}${CONTEXT_PATH}`, `${cfg.base}context.jsonld`]) expect(await (await fetch(iri)).json()).toEqual(CONTEXT_DOCUMENT);
    // older versions too: documents written with them are still read
    expect(await (await fetch(`${cfg.base}context/v1.jsonld`)).json()).toEqual(PUBLISHED_CONTEXTS.get('context/v1.jsonld'));
    await expect(fetch('https://schema.org/')).rejects.toThrow('offline: https://schema.org/');
  });
});

describe('npm run query: found by an audit (helper-32)', () => {
  const dir = () => mkdtempSync(path.join(tmpdir(), 'query-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir(), name);
    writeFileSync(file, text);
    return file;
  };

  it('refuses --no-local with -e, where -e would be dropped without a word', async () => {
    await expect(runQuery(['--no-local', '-e', 'http://localhost:1/sparql', '-s', dist('dataset.nt'), 'ASK {}'], offline)).rejects.toThrow(
      '--no-local leaves out this dataset, and -e names where to query it: give one of them',
    );
  });

  it.each([
    ['Turtle', 'rel.ttl', '<foo> <http://example.org/p> <bar> .\n'],
    ['TriG', 'rel.trig', '<g> { <foo> <http://example.org/p> <bar> . }\n'],
  ])('resolves relative IRIs in a local %s file against the file, as in JSON-LD', async (_name, name, text) => {
    const file = write(name, text);
    const out = await runQuery(['--no-local', '-s', file, 'SELECT ?s ?o WHERE { ?s ?p ?o }'], offline);
    const near = (n: string) => new URL(n, pathToFileURL(file)).href;
    expect(out).toBe(`s,o\r\n${near('foo')},${near('bar')}\r\n`);
  });

  it('says -f or -s where the first word names a query file, a source file or a URL', async () => {
    await expect(runQuery([path.join(ROOT, 'queries', 'stated-links.rq')], offline)).rejects.toThrow(/is not part of a query: read a query file with -f .*stated-links\.rq$/);
    await expect(runQuery([dist('dataset.nt'), 'ASK {}'], offline)).rejects.toThrow(`add a source with -s ${dist('dataset.nt')}`);
    await expect(runQuery(['http://localhost:1/sparql', 'ASK {}'], offline)).rejects.toThrow('add a source with -s http://localhost:1/sparql');
    await expect(runQuery(['ASK {}', dist('dataset.rdf.gz')], offline)).rejects.toThrow(`add a source with -s ${dist('dataset.rdf.gz')}`);
  });

  it.each([
    ['application/sparql-results+xml', /<boolean>true<\/boolean>/],
    ['xml', /<boolean>true<\/boolean>/],
    ['application/sparql-results+json', /"boolean":\s*true/],
  ])('answers ASK as %s', async (format, expected) => {
    expect(await runQuery(['-o', format, 'ASK { ?s ?p ?o }'], offline)).toMatch(expected);
  });

  it('writes SPARQL JSON with only the members the format defines (no Comunica metadata)', async () => {
    expect(Object.keys(JSON.parse(await runQuery(['-o', 'json', 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 1'], offline)))).toEqual(['head', 'results']);
    expect(JSON.parse(await runQuery(['-o', 'json', 'SELECT * WHERE {}'], offline)).head).toEqual({ vars: [] });
  });

  it('takes the short names of the formats, as ?format= does on the endpoint', async () => {
    const query = 'SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 2';
    expect(await runQuery(['-o', 'csv', query], offline)).toBe(await runQuery([query], offline));
    expect(await runQuery(['-o', 'tsv', query], offline)).toMatch(/^\?s\n</);
    expect(await runQuery(['-o', 'nt', 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1'], offline)).toMatch(/^<[^>]+> <[^>]+> .+ \.\n$/);
    // and the other names the endpoint takes (SPARQLWrapper's `turtle`, `json-ld`)
    expect(await runQuery(['-o', 'turtle', 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1'], offline)).toBe(await runQuery(['-o', 'ttl', 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1'], offline));
    expect(JSON.parse(await runQuery(['-o', 'json-ld', 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1'], offline))).toBeTruthy();
  });

  it.each([
    ['SELECT', 'bogus', 'SELECT * WHERE { ?s ?p ?o } LIMIT 1'],
    ['CONSTRUCT and DESCRIBE', 'table', 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1'],
    ['ASK', 'text/csv', 'ASK {}'],
  ])('names the formats a %s answer has when -o %s is none of them', async (form, format, query) => {
    await expect(runQuery(['-o', format, query], offline)).rejects.toThrow(new RegExp(`^-o ${format.replace('/', '\\/')} is not a format for ${form} answers; use one of: `));
  });

  it('names the source a request failed for', async () => {
    const refused = (() => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))) as typeof fetch;
    const error = (await runQuery(['--no-local', '-s', 'sparql@http://localhost:1/sparql', 'ASK { ?s ?p ?o }'], refused).catch((e: Error) => e)) as Error;
    expect(error.message).toContain('http://localhost:1/sparql');
  });

  it('names the source whose answer was cut off midway', async () => {
    const cut = (() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://e/1"}},'));
          controller.error(new TypeError('terminated'));
        },
      });
      return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/sparql-results+json' } }));
    }) as typeof fetch;
    const error = (await runQuery(['--no-local', '-s', 'sparql@http://example.org/sparql', 'SELECT ?s WHERE { ?s ?p ?o }'], cut).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/http:\/\/example\.org\/sparql: terminated/);
  });

  it.each([
    ['a query taken for its value', ['-t', 'SELECT * WHERE { ?s ?p ?o }'], '--timeout must be a number of seconds above 0, not "SELECT * WHERE { ?s ?p ?o }"'],
    ['longer than a timer can wait', ['-t', '1e7', 'ASK {}'], '--timeout can be at most 2147483 seconds (about 24 days), not "1e7"'],
  ])('refuses --timeout with %s', async (_name, args, message) => {
    await expect(runQuery(args, offline)).rejects.toThrow(message);
  });

  it('refuses an empty query file, and reads one that starts with a byte order mark', async () => {
    const empty = write('empty.rq', '');
    await expect(runQuery(['-f', empty], offline)).rejects.toThrow(`query file ${empty} is empty`);
    expect(await runQuery(['-f', write('bom.rq', '\uFEFFASK { ?s ?p ?o }')], offline)).toBe('true\n');
  });

  it.each(['INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }', 'LOAD <http://example.org/x>', 'CLEAR ALL'])('says it only reads, for %s', async (update) => {
    await expect(runQuery([update], offline)).rejects.toThrow(/^SPARQL Update \([A-Z]+\) is not run: npm run query only reads$/);
  });

  it('reads a JSON-LD context from a local file', async () => {
    const folder = dir();
    writeFileSync(path.join(folder, 'ctx.json'), JSON.stringify({ '@context': { p: 'http://example.org/p' } }));
    writeFileSync(path.join(folder, 'doc.jsonld'), JSON.stringify({ '@context': 'ctx.json', '@id': 'http://example.org/a', p: 'x' }));
    expect(await runQuery(['--no-local', '-s', path.join(folder, 'doc.jsonld'), 'SELECT ?o WHERE { <http://example.org/a> <http://example.org/p> ?o }'], offline)).toBe('o\r\nx\r\n');
  });

  it('reads the RDF/XML dump and the gzip-compressed downloads, with the N-Quads dump\'s triples', async () => {
    const count = 'SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }';
    const expected = await runQuery(['--no-local', '-s', dist('dataset.nq'), count], offline);
    for (const file of ['dataset.rdf', 'dataset.nt.gz', 'dataset.rdf.gz']) expect(await runQuery(['--no-local', '-s', dist(file), count], offline), file).toBe(expected);
  });

  it('says a directory is no source', async () => {
    const folder = dir();
    mkdirSync(path.join(folder, 'data'));
    await expect(runQuery(['--no-local', '-s', path.join(folder, 'data'), 'ASK {}'], offline)).rejects.toThrow(`${path.join(folder, 'data')}: a directory, not an RDF file`);
  });
});
