// Syntax errors as a client sees them over HTTP: a BIND of a variable in scope, and a text with no query form, said at their place.
import { describe, expect, it } from 'vitest';
import { sparqlUrl, useApp } from './helpers.js';

describe('syntax errors over HTTP', () => {
  const server = useApp();
  const comunica = useApp({ engine: 'comunica' });
  const ask = async (query: string) => {
    const res = await server.current.app.request(sparqlUrl(query));
    return { status: res.status, text: (await res.text()).trimEnd() };
  };
  const rebound = (place: string, variable: string) =>
    `syntax error: error at ${place}: BIND assigns ?${variable}, which is already in scope before it in its group (a BIND may only bring in a new variable: choose another name, or compare with FILTER)`;

  it.each([
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) } LIMIT 5', rebound('1:21', 's')],
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) }', rebound('1:21', 's')],
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) } ORDER BY ?o', rebound('1:21', 's')],
    ['SELECT * { ?s ?p ?o BIND(STR(?o) AS ?o) } LIMIT 10', rebound('1:21', 'o')],
    ['SELECT * { VALUES ?s {1} BIND(1 AS ?s) } LIMIT 10', rebound('1:26', 's')],
    ['SELECT ?s (COUNT(*) AS ?n) {\n  ?s ?p ?o\n  BIND(1 AS ?s)\n} GROUP BY ?s\nOFFSET 1', rebound('3:3', 's')],
    ['SELEC * WHERE { ?s ?p ?o }', 'syntax error: error at 1:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found "SELEC" (is SELECT misspelt?)'],
    ['{ ?s ?p ?o }', 'syntax error: error at 1:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found "{"'],
    ['PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n', 'syntax error: error at 2:1: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found the end of the query'],
    ['# SELECT * { ?s ?p ?o }', 'syntax error: error at 1:24: expected SELECT, ASK, CONSTRUCT or DESCRIBE but found the end of the query'],
  ])('%j: 400 %j', async (query, message) => {
    expect(await ask(query)).toEqual({ status: 400, text: message });
  });

  it.each([
    ['SELECT * { ?s ?p ?o BIND(1 AS ?s) } LIMIT 5', rebound('1:21', 's')],
    ['SELECT * {\n  VALUES ?s { 1 }\n  BIND(STR(?s) AS ?s)\n} ORDER BY ?s', rebound('3:3', 's')],
  ])('with Comunica too: %j', async (query, message) => {
    const res = await comunica.current.app.request(sparqlUrl(query));
    expect({ status: res.status, text: (await res.text()).trimEnd() }).toEqual({ status: 400, text: message });
  });

  it('keeps its own message for a blank query', async () => {
    expect(await ask('  \n')).toEqual({ status: 400, text: 'the query is empty' });
  });
});
