// Content negotiation: the pure negotiate() function against a table of real Accept headers, then what the routes answer.
import { describe, expect, it } from 'vitest';
import { SOLUTION_FORMATS } from '../../src/engine/formats.js';
import { negotiate } from '../../src/server/conneg.js';
import { DOCUMENT_FORMATS } from '../../src/graph/documents.js';
import { sparqlUrl, useApp } from './helpers.js';

const RDF = ['text/html', 'text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'];
const RESULTS = ['application/sparql-results+json', 'application/json', 'application/sparql-results+xml', 'text/csv'];
/** What a SELECT query offers (routes via query-service.ts): each format's media type, then its aliases. */
const SELECT = SOLUTION_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases]);
/** What a resource page offers (routes/resource.ts). */
const PAGE = ['text/html', 'application/xhtml+xml', ...DOCUMENT_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases])];
const FIREFOX = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const CHROME = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7';

describe('negotiate', () => {
  it.each([
    ['no header', undefined, RDF, 'text/html'],
    ['empty header', '', RDF, 'text/html'],
    ['*/*', '*/*', RDF, 'text/html'],
    ['text/*', 'text/*', ['application/ld+json', 'text/turtle'], 'text/turtle'],
    ['application/* at q=0.9 beats text/* at 0.5', 'text/*;q=0.5, application/*;q=0.9', RDF, 'application/ld+json'],
    ['q=0 excludes despite */*', 'text/html;q=0, */*', RDF, 'text/turtle'],
    ['Firefox gets HTML', FIREFOX, RDF, 'text/html'],
    ['Chrome gets HTML', CHROME, RDF, 'text/html'],
    ['JSON-LD with a profile', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted"', RDF, 'application/ld+json'],
    ['Turtle preferred by q', 'application/rdf+xml;q=0.5, text/turtle', RDF, 'text/turtle'],
    ['case-insensitive', 'TEXT/Turtle', RDF, 'text/turtle'],
    ['unsupported type', 'image/png', RDF, undefined],
    ['only q=0', 'text/turtle;q=0', RDF, undefined],
    ['garbage', ';;,/,', RDF, undefined],
    ['SPARQL JSON results', 'application/sparql-results+json', RESULTS, 'application/sparql-results+json'],
    ['plain JSON alias (counts for its canonical type)', 'application/json', RESULTS, 'application/sparql-results+json'],
    ['SPARQLWrapper style list', 'application/sparql-results+xml, */*;q=0.1', RESULTS, 'application/sparql-results+xml'],
    // Most specific range wins (RFC 9110 §12.5.1), aliases included.
    ['q=0 on a type, a low */* for the rest', 'application/sparql-results+json;q=0, */*;q=0.1', SELECT, 'application/sparql-results+xml'],
    ['text/* never reaches a type through an alias (text/xml)', 'text/*', SELECT, 'text/csv'],
    ['text/* with TSV preferred', 'text/*;q=0.5, text/tab-separated-values', SELECT, 'text/tab-separated-values'],
    ['an alias named exactly', 'application/xml', SELECT, 'application/sparql-results+xml'],
    ['an alias refused exactly refuses its format', 'application/json;q=0, */*', SELECT, 'application/sparql-results+xml'],
    ['the canonical type wins a tie with its alias', 'application/sparql-results+json;q=0, application/json', SELECT, undefined],
    ['a refused type is not chosen by */*', 'application/sparql-results+json;q=0, */*', SELECT, 'application/sparql-results+xml'],
    ['a higher q on a more specific range', 'application/*;q=0.2, application/sparql-results+xml;q=0.9', SELECT, 'application/sparql-results+xml'],
    ['a lower q on a more specific range', 'application/*, application/sparql-results+json;q=0.1', SELECT, 'application/sparql-results+xml'],
    ['parameters make a range more specific', 'text/csv;q=0.2, text/csv;header=present;q=0.9, text/tab-separated-values;q=0.5', SELECT, 'text/csv'],
    ['Chrome on a query link', CHROME, SELECT, 'application/sparql-results+xml'],
    ['page: no header', undefined, PAGE, 'text/html'],
    ['page: */*', '*/*', PAGE, 'text/html'],
    ['page: Firefox', FIREFOX, PAGE, 'text/html'],
    ['page: HTML refused, anything else', 'text/html;q=0, */*', PAGE, 'text/turtle'],
    ['page: XHTML refused as well', 'text/html;q=0, application/xhtml+xml;q=0, */*', PAGE, 'text/turtle'],
    ['page: XHTML named gets HTML', 'application/xhtml+xml', PAGE, 'text/html'],
    ['page: application/* never reaches HTML through XHTML', 'application/ld+json;q=0, application/*;q=0.5', PAGE, 'application/n-triples'],
    ['page: text/plain is N-Triples', 'text/plain', PAGE, 'application/n-triples'],
    ['page: text/* gets the first text type, HTML', 'text/*', PAGE, 'text/html'],
    ['an alias offered without its canonical type is an ordinary offer', 'application/*', ['application/json', 'text/html'], 'application/json'],
    ['*/json is not a media range', '*/json', RDF, undefined],
    // A range with parameters stands only for representations that have them (RFC 9110 §12.5.1).
    ['a parameter the page lacks: the range does not apply', 'text/html;level=1;q=0, text/html', RDF, 'text/html'],
    ['a parameter the page lacks, and nothing else', 'text/html;level=1', RDF, undefined],
    ['charset=utf-8 is what the server sends', 'text/turtle;charset=UTF-8', RDF, 'text/turtle'],
    ['quoted charset', 'text/turtle;charset="utf-8"', RDF, 'text/turtle'],
    ['another charset is not', 'text/turtle;charset=iso-8859-1;q=0, text/turtle', RDF, 'text/turtle'],
    ['another charset only', 'text/turtle;charset=iso-8859-1', RDF, undefined],
    ['JSON-LD expanded refused, JSON-LD as such wanted', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded";q=0, application/ld+json', RDF, 'application/ld+json'],
    ['JSON-LD expanded only: not what is sent', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded"', RDF, undefined],
    ['an unknown profile is ignored (its registration says so)', 'application/ld+json;profile="https://example.org/p"', RDF, 'application/ld+json'],
    // found by an audit: a profile in JSON-LD's namespace that JSON-LD does not register is unknown too (it was 406)
    ['an unregistered profile in JSON-LD\'s namespace is ignored', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#bogus"', RDF, 'application/ld+json'],
    ['JSON-LD flattened only: a registered form not sent', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#flattened"', RDF, undefined],
    ['compacted among profiles, one unknown', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted http://www.w3.org/ns/json-ld#bogus"', RDF, 'application/ld+json'],
    // found by an audit: a q that is no number made its range the most preferred (q=1); now the range is passed over
    ['a malformed q: its range is passed over', 'text/turtle;q=0.1x, application/ld+json;q=0.5', RDF, 'application/ld+json'],
    ['a malformed q, and nothing else', 'text/turtle;q=high', RDF, undefined],
    ['an empty q', 'text/turtle;q=, application/rdf+xml;q=0.2', RDF, 'application/rdf+xml'],
    ['q above 1 counts as 1', 'text/turtle;q=0.5, application/rdf+xml;q=2', RDF, 'application/rdf+xml'],
    ['a profile list with a comma inside the quotes', 'text/turtle;q=0.5, application/ld+json;profile="http://www.w3.org/ns/json-ld#compacted https://example.org/a,b";q=0.4', RDF, 'text/turtle'],
    ['CSV with header=absent is not what is sent', 'text/csv;header=absent;q=0.9, text/tab-separated-values;q=0.5', SELECT, 'text/tab-separated-values'],
    ['Turtle of RDF 1.2', 'text/turtle;version=1.2', RDF, 'text/turtle'],
  ])('%s', (_name, accept, offers, expected) => {
    expect(negotiate(accept, offers)).toBe(expected);
  });
});

describe('negotiation through the routes (fixture app)', () => {
  const server = useApp();
  const QUERY = sparqlUrl('SELECT ?s { ?s ?p ?o } LIMIT 1');
  it.each([
    ['/lkp/2016/4.4.3', 'text/html;q=0, */*', 200, 'text/turtle'],
    ['/lkp/2016/4.4.3', 'application/ld+json;q=0, application/*;q=0.5', 200, 'application/n-triples'],
    ['/lkp/2016/4.4.3', 'text/turtle;q=0.5, application/ld+json', 200, 'application/ld+json'],
    ['/lkp/2016/4.4.3', 'text/html;q=0.1, application/xhtml+xml', 200, 'text/html'],
    ['/lkp/2016/4.4.3', 'application/rdf+xml;q=0, application/xml', 406, undefined],
    ['/lkp/2016/4.4.3', 'text/turtle;q=0, text/*', 200, 'text/html'],
    ['/lkp/2016/4.4.3', FIREFOX, 200, 'text/html'],
    ['/lkp/2016/4.4.3', undefined, 200, 'text/html'],
    [QUERY, 'application/sparql-results+json;q=0, */*;q=0.1', 200, 'application/sparql-results+xml'],
    [QUERY, 'application/sparql-results+xml;q=0, application/*', 200, 'application/sparql-results+json'],
    [QUERY, 'text/*', 200, 'text/csv'],
    [QUERY, 'text/csv;q=0.5, text/*;q=0.9', 200, 'text/tab-separated-values'],
    [QUERY, undefined, 200, 'application/sparql-results+json'],
    ['/sparql', 'text/turtle;q=0, */*', 200, 'text/html'], // the query UI is the next in the server's order
    ['/sparql', 'text/turtle;q=0, text/html;q=0, */*', 200, 'application/n-triples'],
    ['/sparql', CHROME, 200, 'text/html'],
    ['/.well-known/void', 'text/turtle;q=0, application/*', 200, 'application/n-triples'],
    ['/datasets/dcat', undefined, 200, 'application/rdf+xml'],
    ['/search?q=cykel', 'application/json;q=0, */*', 200, 'text/html'],
    ['/lkp/2016/4.4.3', 'application/ld+json;profile="http://www.w3.org/ns/json-ld#expanded";q=0, application/ld+json', 200, 'application/ld+json'],
    ['/lkp/2016/4.4.3', 'text/html;level=1;q=0, text/html', 200, 'text/html'],
    ['/', 'text/html;level=1;q=0, text/html', 200, 'text/html'],
    [QUERY, 'text/csv;charset=iso-8859-1;q=0, text/csv', 200, 'text/csv'],
  ])('%s with Accept %s → %i %s', async (path, accept, status, type) => {
    const res = await server.current.app.request(path, { headers: accept === undefined ? {} : { accept } });
    expect(res.status).toBe(status);
    if (type) expect(res.headers.get('content-type')!.split(';')[0]).toBe(type);
  });
});

describe('406 names Accept in Vary (RFC 9110 §12.5.5), on every route that negotiates', () => {
  const server = useApp();
  it.each([
    '/lkp/2016/4.4.3',
    sparqlUrl('SELECT ?s { ?s ?p ?o } LIMIT 1'),
    sparqlUrl('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1'),
    '/sparql',
    '/search?q=cykel',
    '/def/shapes',
    '/.well-known/void',
    '/datasets/dcat',
  ])('%s', async (path) => {
    const res = await server.current.app.request(path, { headers: { accept: 'image/png' } });
    expect(res.status).toBe(406);
    expect(res.headers.get('vary')).toMatch(/\bAccept\b/);
  });
});
