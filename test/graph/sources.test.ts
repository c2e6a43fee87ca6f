// The graph descriptions name real sources, on the configured base.
import { describe, expect, it } from 'vitest';
import { GRAPHS, sourceIris } from '../../src/graph/sources.js';
import { DEFAULT_BASE } from '../../src/vocab.js';

const OTHER = 'http://example.org/lkp/';
const graph = (name: string) => GRAPHS.find((g) => g.name === name)!;

describe('graph sources', () => {
  it('puts the dataset\'s own sources on the configured base (the landing page links them)', () => {
    for (const g of GRAPHS) for (const iri of sourceIris(g, OTHER)) expect(iri, g.name).not.toContain(DEFAULT_BASE);
    expect(sourceIris(graph('lkp2016'), OTHER)).toEqual([`${OTHER}lkp/2016`]);
  });

  it('never gives a graph its own scheme as source', () => {
    for (const g of GRAPHS) expect(sourceIris(g, DEFAULT_BASE), g.name).not.toContain(DEFAULT_BASE + g.name);
  });

  it.each([
    ['transformationer', ['https://helsingborg.se/nyheter/tre-transformationer-i-fokus-i-stadens-trend-och-omvarldsanalys/', 'https://trendomvarld.helsingborg.se/forord-2023/'], /source document 002/],
    ['treklovern', ['https://helsingborg.se/kommun-och-politik/sa-styrs-helsingborg/stadens-styrmodell/', 'https://intranat.helsingborg.se/styrning-och-ekonomi/politisk-styrning'], /source document 004.*programme for the term 2023–2026/],
    ['vision2035', [`${DEFAULT_BASE}lkp/2016`], /chapter 2 of the programme/],
  ])('names the pages domain facts give for %s, and what the text is', (name, expected, description) => {
    expect(sourceIris(graph(name), DEFAULT_BASE)).toEqual(expect.arrayContaining(expected));
    expect(graph(name).description.en).toMatch(description);
  });
});
