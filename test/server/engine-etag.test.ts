// Query answers' ETags depend on the media type too: Turtle and TriG (or N-Triples and N-Quads) of one CONSTRUCT have the same bytes, not the same tag.
import { describe, expect, it } from 'vitest';
import { variantTag } from '../../src/compression.js';
import { answerTag } from '../../src/engine/outcome.js';
import { PREFIXES, sparqlUrl, useApp } from './helpers.js';

const CONSTRUCT = `${PREFIXES}CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c a skos:Concept ; skos:prefLabel ?l }`;
/** One triple: N-Triples passes the engine's order through and N-Quads is re-serialized, so only one triple is certain to match. */
const ONE = 'CONSTRUCT { <urn:x:s> <urn:x:p> "o" } WHERE {}';

describe.each(['oxigraph', 'comunica'] as const)('ETags of query answers (%s)', (engine) => {
  const server = useApp({ engine });
  const get = (accept: string, headers: Record<string, string> = {}, query = CONSTRUCT) =>
    server.current.app.request(sparqlUrl(query), { headers: { accept, ...headers } });

  it.each([
    ['text/turtle', 'application/trig', CONSTRUCT],
    ['application/n-triples', 'application/n-quads', ONE],
  ])('%s and %s: same bytes, different ETags; neither tag revalidates the other', async (first, second, query) => {
    const [a, b] = [await get(first, {}, query), await get(second, {}, query)];
    const [bytesA, bytesB] = [new Uint8Array(await a.arrayBuffer()), new Uint8Array(await b.arrayBuffer())];
    expect(Buffer.from(bytesA).equals(Buffer.from(bytesB))).toBe(true); // why the bytes alone cannot be the tag
    expect(a.headers.get('etag')).toBe(answerTag(first, bytesA));
    expect(b.headers.get('etag')).toBe(answerTag(second, bytesB));
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));

    const crossed = await get(second, { 'if-none-match': a.headers.get('etag')! }, query);
    expect(crossed.status).toBe(200);
    expect(crossed.headers.get('content-type')).toBe(`${second}; charset=utf-8`);
    const own = await get(second, { 'if-none-match': b.headers.get('etag')! }, query);
    expect(own.status).toBe(304);
  });

  it('keeps the -br / -gzip suffix on compressed answers', async () => {
    for (const coding of ['br', 'gzip'] as const) {
      const plain = await get('application/n-triples', { 'accept-encoding': 'identity' });
      const coded = await get('application/n-triples', { 'accept-encoding': coding });
      expect(coded.headers.get('content-encoding')).toBe(coding);
      expect(coded.headers.get('etag')).toBe(variantTag(plain.headers.get('etag')!, coding));
    }
  });
});
