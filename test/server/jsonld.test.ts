// JSON-LD of a concept reads naturally (framed on the concept, links embedded) and says the same as its Turtle.
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { describe, expect, it } from 'vitest';
import { CONTEXT_DOCUMENT, CONTEXT_PATH } from '../../src/graph/context.js';
import { writeNQuads } from '../../src/graph/serialize.js';
import { cfg } from '../helpers.js';
import { useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const iri = `${cfg.base}lkp/2016/4.4.3.2`;
const localContext = {
  documentLoader: async (url: string) => {
    if (url !== `${cfg.base}${CONTEXT_PATH}`) throw new Error(`unexpected context ${url}`);
    return { contextUrl: undefined, documentUrl: url, document: CONTEXT_DOCUMENT };
  },
};

describe('JSON-LD of a concept', () => {
  it('is framed on the concept with its labels and its qualified links embedded', async () => {
    const res = await app.current.app.request('/lkp/2016/4.4.3.2', { headers: { Accept: 'application/ld+json' } });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, any>;
    expect(doc['@context']).toBe(`${cfg.base}${CONTEXT_PATH}`);
    expect(doc.id).toBe(iri);
    expect(doc.prefLabel.sv).toMatch(/^Belysa och främja cyklisterna/);
    expect(doc.links.length).toBeGreaterThan(0);
    for (const link of doc.links) expect(link).toMatchObject({ type: 'Link', linkFrom: iri, basis: expect.any(String), rationale: { en: expect.any(String) } });
  });

  it('holds exactly the triples of the Turtle representation', async () => {
    const ld = (await (await app.current.app.request('/lkp/2016/4.4.3.2.jsonld')).json()) as jsonld.JsonLdDocument;
    const ttl = await (await app.current.app.request('/lkp/2016/4.4.3.2.ttl')).text();
    const options = { format: 'application/n-quads', ...localContext } as unknown as jsonld.Options.ToRdf;
    const fromJsonLd = new Parser({ format: 'N-Quads' }).parse((await jsonld.toRDF(ld, options)) as unknown as string);
    const fromTurtle = new Parser().parse(ttl);
    expect(writeNQuads(fromJsonLd, false)).toBe(writeNQuads(fromTurtle, false));
  });
});
