// Content negotiation: the pure negotiate() function against a table of real Accept headers.
import { describe, expect, it } from 'vitest';
import { negotiate } from '../../src/server/conneg.js';

const RDF = ['text/html', 'text/turtle', 'application/ld+json', 'application/n-triples', 'application/rdf+xml'];
const RESULTS = ['application/sparql-results+json', 'application/json', 'application/sparql-results+xml', 'text/csv'];
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
    ['plain JSON alias', 'application/json', RESULTS, 'application/json'],
    ['SPARQLWrapper style list', 'application/sparql-results+xml, */*;q=0.1', RESULTS, 'application/sparql-results+xml'],
  ])('%s', (_name, accept, offers, expected) => {
    expect(negotiate(accept, offers)).toBe(expected);
  });
});
