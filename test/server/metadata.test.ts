// Dumps, harvest metadata and site plumbing: /download, /datasets/dcat, VoID, context, sitemap, robots, landing page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { BASE, FIXTURE_DIST, useApp } from './helpers.js';

const server = useApp();
const req = (path: string, init?: RequestInit) => server.current.app.request(path, init);
const manifest = JSON.parse(readFileSync(join(FIXTURE_DIST, 'manifest.json'), 'utf8')) as {
  files: Array<{ name: string; mediaType: string; sha256: string }>;
};
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('dumps at /download/<file>', () => {
  it.each(manifest.files.map((f) => [f.name, f]))('%s is served byte-exact, plain and gzipped', async (_name, file) => {
    const plain = await req(`/download/${file.name}`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(new RegExp(`^${file.mediaType.replace('+', '\\+')}`));
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(sha256(new Uint8Array(await plain.arrayBuffer()))).toBe(file.sha256);
    const gz = await req(`/download/${file.name}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('etag')).toBe(plain.headers.get('etag')!.replace(/"$/, '-gzip"'));
    expect(sha256(gunzipSync(new Uint8Array(await gz.arrayBuffer())))).toBe(file.sha256);
  });

  it.each([
    ['gzip;q=0', undefined],
    ['identity', undefined],
    ['*', 'gzip'],
  ])('Accept-Encoding %s → Content-Encoding %s', async (accept, encoding) => {
    const res = await req('/download/dataset.nq', { headers: { 'accept-encoding': accept } });
    expect(res.headers.get('content-encoding') ?? undefined).toBe(encoding);
  });

  it.each(['/download/manifest.json', '/download/..%2Fpackage.json', '/download/nope.ttl'])('%s → 404', async (path) => {
    expect((await req(path)).status).toBe(404);
  });

  it('revalidates with 304', async () => {
    const etag = (await req('/download/dataset.ttl')).headers.get('etag')!;
    expect((await req('/download/dataset.ttl', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('/download/SHA256SUMS lists every file in the format `sha256sum -c` reads, each with the checksum of the bytes served', async () => {
    const res = await req('/download/SHA256SUMS', { headers: { 'accept-encoding': 'identity' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="SHA256SUMS"');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.text();
    expect(body).toBe(manifest.files.map((f) => `${f.sha256}  ${f.name}\n`).join(''));
    for (const line of body.trimEnd().split('\n')) {
      const [sum, name] = line.split('  ');
      const file = await req(`/download/${name}`, { headers: { 'accept-encoding': 'identity' } });
      expect(sha256(new Uint8Array(await file.arrayBuffer())), name).toBe(sum);
    }
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await req('/download/SHA256SUMS', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it.each([
    ['/download', '/#download'],
    ['/download/', '/#download'],
    ['/download/?lang=en', '/?lang=en#download'],
    ['/download?lang=xx', '/#download'],
  ])('%s → 303 to the landing page\'s download table, %s', async (path, location) => {
    const res = await req(path);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(location);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    // a short note with the link (RFC 9110 §15.4.4), and a HEAD sends its length too
    const note = `see other: ${location}\n`;
    expect(await res.text()).toBe(note);
    const head = await req(path, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([303, String(Buffer.byteLength(note))]);
  });
});

describe('metadata documents', () => {
  const triples = (body: string, format: string) => oxigraph.parse(body, { format, base_iri: BASE });
  it.each([
    ['/datasets/dcat', undefined, 'application/rdf+xml', 'rdf'],
    ['/datasets/dcat', '*/*', 'application/rdf+xml', 'rdf'],
    ['/datasets/dcat', 'text/turtle', 'text/turtle', 'ttl'],
    ['/.well-known/void', undefined, 'text/turtle', 'ttl'],
    ['/.well-known/void', 'application/n-triples', 'application/n-triples', 'nt'],
  ])('%s with Accept %s → %s', async (path, accept, type, format) => {
    const res = await req(path, { headers: accept ? { accept } : {} });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-location')).toBe(`${path}?format=${format}`);
    expect(res.headers.get('vary')!.split(', ')).toContain('Accept');
    const link = res.headers.get('link')!;
    for (const f of ['ttl', 'nt', 'jsonld', 'rdf']) expect(link).toContain(`<${path}?format=${f}>; rel="alternate"; type="`);
    const body = await res.text();
    expect(triples(body, format).length).toBeGreaterThan(3);
    // the named document is the same bytes, and does not vary by Accept (RFC 9110 §12.5.5)
    const named = await req(res.headers.get('content-location')!, { headers: { accept: 'image/png' } });
    expect(named.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    expect(named.headers.get('vary')?.split(', ') ?? []).not.toContain('Accept');
    expect(await named.text()).toBe(body);
  });

  it.each([
    ['/datasets/dcat', 'text/html', '/catalog'],
    ['/datasets/dcat', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', '/catalog'],
    // the test data's VoID dataset is <…/dataset> (the build's is <…/dataset/lkp>)
    ['/.well-known/void', 'text/html', '/dataset'],
    ['/.well-known/void', 'text/html,application/xhtml+xml,image/avif,image/webp,*/*;q=0.8', '/dataset'],
  ])('%s sends a browser (Accept %s) with 303 to the page of what it describes, %s', async (path, accept, page) => {
    const res = await req(path, { headers: { accept } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(page);
    expect(res.headers.get('vary')!.split(', ')).toContain('Accept');
    expect(await res.text()).toBe(`see other: ${page}\n`);
    const html = await req(page, { headers: { accept } });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    // ?format= names the document itself, whatever Accept says
    expect((await req(`${path}?format=ttl`, { headers: { accept } })).status).toBe(200);
  });

  it.each([
    ['/datasets/dcat?format=html', '/catalog'],
    ['/datasets/dcat?format=text/html', '/catalog'],
    ['/.well-known/void?format=html', '/dataset'],
  ])('%s sends any client with 303 to the page, %s (the URL chose, so no Vary: Accept)', async (path, page) => {
    const res = await req(path, { headers: { accept: 'text/turtle' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(page);
    expect(res.headers.get('vary')?.split(', ') ?? []).not.toContain('Accept');
  });

  it.each([
    ['?format=ttl', 200],
    ['?format=turtle', 200],
    ['?format=text/turtle', 200],
    ['?format=jsonld', 400],
    ['?format=xyz', 400],
  ])('/def/shapes%s, whatever Accept says → %i (Turtle only)', async (query, status) => {
    const res = await req(`/def/shapes${query}`, { headers: { accept: 'image/png' } });
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
      expect(res.headers.get('vary')?.split(', ') ?? []).not.toContain('Accept');
    } else expect(await res.text()).toContain('Turtle only');
  });

  it.each(['/def/shapes', '/def/shapes.ttl'])('%s is the SHACL shapes at their own IRI, as written in ontology/shapes.ttl', async (path) => {
    const res = await req(path, { headers: { accept: 'text/turtle, */*;q=0.1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    // the headers of every document of ours (found by an audit: it had none of these)
    expect(res.headers.get('content-location')).toBe('/def/shapes.ttl');
    expect(res.headers.get('link')).toBe(`<${BASE}def/shapes>; rel="canonical", </def/shapes.ttl>; rel="alternate"; type="text/turtle"`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    const body = await res.text();
    expect(body).toBe(readFileSync(join(FIXTURE_DIST, '..', '..', '..', 'ontology', 'shapes.ttl'), 'utf8'));
    expect(triples(body, 'ttl').some((q) => q.subject.value === `${BASE}def/shapes`)).toBe(true);
    expect((await req(path, { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);
    // the extension URL is Turtle whatever Accept says, as every other document's (406 there until 2026-12-06, found by a reuser's audit)
    const other = await req(path, { headers: { accept: 'text/html' } });
    expect(other.status).toBe(path.endsWith('.ttl') ? 200 : 406);
    if (path.endsWith('.ttl')) expect(other.headers.get('vary')?.split(', ') ?? []).not.toContain('Accept');
  });

  it.each(['/context.jsonld', '/context/v2.jsonld'])('%s is the current JSON-LD context: a strength reads close or related', async (path) => {
    const res = await req(path);
    expect(res.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const context = (await res.json())['@context'];
    expect(context.prefLabel['@container']).toBe('@language');
    expect(context.strength['@context']).toEqual({ close: `${BASE}def#close`, related: `${BASE}def#related` });
  });

  // A published version never changes: documents on the web name it, and it is served as immutable.
  it.each(['v1', 'v2'])('/context/%s.jsonld is served byte for byte as published, immutable', async (version) => {
    const res = await req(`/context/${version}.jsonld`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(readFileSync(join(FIXTURE_DIST, '..', 'context', `${version}.jsonld`), 'utf8'));
  });

  it('/context.jsonld is the current version, with an ETag of its own bytes', async () => {
    const [latest, v2, v1] = await Promise.all(['/context.jsonld', '/context/v2.jsonld', '/context/v1.jsonld'].map((p) => req(p)));
    expect(await latest!.text()).toBe(await v2!.text());
    expect(latest!.headers.get('etag')).toBe(v2!.headers.get('etag'));
    expect(v1!.headers.get('etag')).not.toBe(v2!.headers.get('etag'));
  });

  it('sitemap lists resource IRIs and the pages for people, each answering 200', async () => {
    const body = await (await req('/sitemap.xml')).text();
    expect(body).toContain(`<loc>${BASE}lkp/2016/4.4.3</loc>`);
    expect(body).not.toContain('metadata.un.org');
    const locs = [...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    for (const page of ['', 'matrix', 'overview', 'sdg', 'sdg/13', 'sdg/13.2']) expect(locs).toContain(`${BASE}${page}`);
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) expect((await req(`/${loc.slice(BASE.length)}`, { headers: { accept: 'text/html' } })).status, loc).toBe(200);
  });

  it('sitemap has a strong ETag and Last-Modified, and revalidates', async () => {
    const res = await req('/sitemap.xml');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
    expect((await req('/sitemap.xml', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it.each(['/datasets/dcat', '/.well-known/void', '/sparql'])('%s?format=xyz is the client\'s error: 400 listing the formats', async (path) => {
    const res = await req(`${path}?format=xyz`, { headers: { accept: 'text/turtle' } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^unknown format "xyz"; \?format= takes one of: .*text\/turtle/);
  });

  it.each([
    ['/datasets/dcat', 'text/turtle', 'text/turtle'],
    ['/.well-known/void', 'application/n-triples', 'application/n-triples'],
    ['/sparql', 'text/turtle', 'text/turtle'],
    ['/sparql', 'text/html', 'text/html'],
    ['/lkp/2016/4.4.3', 'text/turtle', 'text/turtle'],
    ['/sparql?query=ASK%7B%7D&', 'application/sparql-results+xml', 'application/sparql-results+xml'],
  ])('%s with an empty ?format= negotiates as without one (Accept %s)', async (path, accept, type) => {
    const res = await req(`${path}${path.includes('?') ? '' : '?'}format=`, { headers: { accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(new RegExp(`^${type.replace(/[+]/g, '\\+')};`));
  });

  it('robots.txt points at the sitemap', async () => {
    expect(await (await req('/robots.txt')).text()).toContain(`Sitemap: ${BASE}sitemap.xml`);
    // with validators, so that a revalidation gets 304, If-None-Match: * too (RFC 9110 §13.1.2)
    const res = await req('/robots.txt');
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(res.headers.get('last-modified')).toBeTruthy();
    expect((await req('/robots.txt', { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);
    expect((await req('/robots.txt', { headers: { 'if-none-match': '*' } })).status).toBe(304);
  });

  it.each(['/robots.txt', '/no/such/page', '/lkp/2016/4.4%2e3'])('HEAD %s says the Content-Length of its GET', async (path) => {
    const head = await req(path, { method: 'HEAD' });
    const get = await req(path);
    expect(head.status).toBe(get.status);
    expect(head.headers.get('content-length')).toBe(String((await get.arrayBuffer()).byteLength));
  });

  it('landing page shows counts from the manifest and schema.org Dataset JSON-LD', async () => {
    const body = await (await req('/')).text();
    expect(body).toContain('<dt>triples</dt><dd>69</dd>');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!);
    expect(ld['@type']).toBe('Dataset');
    // every file once, the dataset's own and the link table's in its part (the fixture's files are all distributions; a
    // build's links.csv-metadata.json is none, and is in neither list)
    expect(ld.distribution.length + (ld.hasPart?.distribution.length ?? 0)).toBe(manifest.files.length);
  });
});
