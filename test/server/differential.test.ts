// runBoth(): Oxigraph and Comunica agree on the fixture for each query form.
import { afterAll, describe, expect, it } from 'vitest';
import { closeBoth, runBoth } from '../../src/engine/differential.js';
import { FIXTURE_DIST, PREFIXES } from './helpers.js';

afterAll(closeBoth);

describe('runBoth', () => {
  it.each([
    ['SELECT with language filter', `${PREFIXES}SELECT ?c ?l WHERE { ?c a skos:Concept ; skos:prefLabel ?l FILTER(LANG(?l) = "en") }`],
    ['aggregate', 'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g'],
    ['qualified links', `${PREFIXES}SELECT ?from ?to ?basis WHERE { ?l lkpo:linkFrom ?from ; lkpo:linkTo ?to ; lkpo:basis ?basis }`],
    ['OPTIONAL and unbound', `${PREFIXES}SELECT ?c ?d WHERE { ?c a skos:Concept OPTIONAL { ?c skos:definition ?d } }`],
    ['ASK', `${PREFIXES}ASK { ?c skos:closeMatch <http://metadata.un.org/sdg/13.2> }`],
    ['CONSTRUCT', `${PREFIXES}CONSTRUCT { ?c skos:broader ?b } WHERE { ?b skos:narrower ?c }`],
  ])('%s: same results', async (_name, query) => {
    const result = await runBoth(query, { distDir: FIXTURE_DIST });
    expect(result.comunica).toEqual(result.oxigraph);
    expect(result.same).toBe(true);
  });
});
