// ?format= with a media type and parameters (`text/csv; charset=utf-8`): the parameters read as Accept's are.
import { describe, expect, it } from 'vitest';
import { formatsNamed, GRAPH_FORMATS, SOLUTION_FORMATS } from '../../src/engine/formats.js';
import { sparqlUrl, useApp } from './helpers.js';

describe('formatsNamed with parameters', () => {
  it.each([
    ['text/csv; charset=utf-8', SOLUTION_FORMATS, ['csv']],
    ['text/csv;charset=UTF-8', SOLUTION_FORMATS, ['csv']],
    ['  Text/CSV ;  Charset="utf-8" ', SOLUTION_FORMATS, ['csv']],
    ['text/csv;header=present', SOLUTION_FORMATS, ['csv']],
    ['application/sparql-results+json;charset=utf-8', SOLUTION_FORMATS, ['json']],
    ['application/sparql-results json; charset=utf-8', SOLUTION_FORMATS, ['json']], // an unencoded '+' arrives as a space
    ['text/tab-separated-values; q=0.9', SOLUTION_FORMATS, ['tsv']],
    ['text/turtle;version=1.2', GRAPH_FORMATS, ['ttl']],
    ['application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', GRAPH_FORMATS, ['jsonld']],
    ['text/csv;charset=utf-8, text/tab-separated-values;charset=utf-8', SOLUTION_FORMATS, ['csv', 'tsv']],
    // what the answer does not have, as in Accept: named no format
    ['text/csv;charset=iso-8859-1', SOLUTION_FORMATS, []],
    ['text/csv;header=absent', SOLUTION_FORMATS, []],
    ['text/csv;q=0', SOLUTION_FORMATS, []],
    ['application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"', GRAPH_FORMATS, []],
    ['text/csv;charset=latin1, text/tab-separated-values', SOLUTION_FORMATS, ['tsv']],
    ['application/ld+json;profile="http://www.w3.org/ns/json-ld#bogus"', GRAPH_FORMATS, ['jsonld']],
    ['text/csv;q=0.1x, text/tab-separated-values', SOLUTION_FORMATS, ['tsv']],
  ])('%j names %j', (value, formats, keys) => {
    expect(formatsNamed(formats, value).map((f) => f.key)).toEqual(keys);
  });
});

describe('?format= with parameters over HTTP', () => {
  const server = useApp();
  const SELECT = 'SELECT ?n WHERE { VALUES ?n { 1 2 } }';

  it.each([
    ['text/csv; charset=utf-8', 'text/csv; charset=utf-8'],
    ['TEXT/CSV;charset=UTF-8', 'text/csv; charset=utf-8'],
    ['application/sparql-results+json; charset=utf-8', 'application/sparql-results+json; charset=utf-8'],
    ['text/tab-separated-values;charset="utf-8"', 'text/tab-separated-values; charset=utf-8'],
  ])('?format=%s answers as %s', async (format, contentType) => {
    const res = await server.current.app.request(sparqlUrl(SELECT, { format }), { headers: { accept: 'application/xml' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe(contentType);
  });

  it('refuses a charset other than UTF-8 with 400, as Accept with it gets 406', async () => {
    const res = await server.current.app.request(sparqlUrl(SELECT, { format: 'text/csv; charset=iso-8859-1' }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^unknown format "text\/csv; charset=iso-8859-1"; \?format= takes one of: /);
    const accepted = await server.current.app.request(sparqlUrl(SELECT), { headers: { accept: 'text/csv; charset=iso-8859-1' } });
    expect(accepted.status).toBe(406);
  });
});
