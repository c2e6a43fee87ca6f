// The root IRI {BASE}: named in the catalogue, so it dereferences like any other IRI (RDF by Accept/?format=), with the landing page as its HTML.
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { cfg } from '../helpers.js';
import { BROWSER, useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const base = cfg.base;
const req = (path: string, headers: Record<string, string> = {}) => app.current.app.request(path, { headers });
const N = {
  type: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type',
  Document: 'http://xmlns.com/foaf/0.1/Document',
  homepage: 'http://xmlns.com/foaf/0.1/homepage',
  primaryTopic: 'http://xmlns.com/foaf/0.1/primaryTopic',
  landingPage: 'http://www.w3.org/ns/dcat#landingPage',
  seeAlso: 'http://www.w3.org/2000/01/rdf-schema#seeAlso',
};

describe('GET {BASE} by an RDF client', () => {
  it.each([
    ['Accept: text/turtle', '/', { accept: 'text/turtle' }, 'text/turtle', 'ttl'],
    ['Accept: application/ld+json', '/', { accept: 'application/ld+json' }, 'application/ld+json', 'jsonld'],
    ['?format=nt beats a browser Accept', '/?format=nt', { accept: BROWSER }, 'application/n-triples', 'nt'],
    ['its Turtle document', '/index.ttl', {}, 'text/turtle', 'ttl'],
    ['its RDF/XML document', '/index.rdf', { accept: BROWSER }, 'application/rdf+xml', 'rdf'],
  ])('%s → 200 with Content-Location, Vary: Accept where Accept chose, and the alternates', async (_name, path, headers, type, ext) => {
    const res = await req(path, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    expect(res.headers.get('content-location')).toBe(`/index.${ext}`);
    // where ?format= or the extension fixes the format, Accept chose nothing (RFC 9110 §12.5.5)
    expect((res.headers.get('vary') ?? '').split(', ').includes('Accept')).toBe(path === '/');
    const link = res.headers.get('link')!;
    expect(link).toContain(`<${base}>; rel="canonical"`);
    for (const alt of ['/index.html>; rel="alternate"; type="text/html"; hreflang="sv"', '/index.html?lang=en>; rel="alternate"; type="text/html"; hreflang="en"', '/index.ttl>', '/index.jsonld>']) expect(link).toContain(alt);
  });

  it('says what the catalogue and the data say about {BASE}, and links the catalogue and the dataset', async () => {
    const nt = await (await req('/', { accept: 'application/n-triples' })).text();
    const store = new oxigraph.Store();
    store.load(nt, { format: 'nt' });
    const has = (s: string, p: string, o: string) => store.match(oxigraph.namedNode(s), oxigraph.namedNode(p), oxigraph.namedNode(o), null).length === 1;
    expect(has(base, N.type, N.Document)).toBe(true);
    expect(has(`${base}catalog`, N.homepage, base)).toBe(true);
    expect(has(`${base}dataset/lkp`, N.landingPage, base)).toBe(true);
    expect(has(base, N.primaryTopic, `${base}dataset/lkp`)).toBe(true);
    expect(has(base, N.seeAlso, `${base}catalog`)).toBe(true);
  });

  it.each([
    ['/?format=xyz', {}, 400],
    ['/', { accept: 'image/png' }, 406],
    ['/index', {}, 404],
    // the root's documents are /index.<ext>: `/.ttl` names none
    ['/.ttl', {}, 404],
    ['/.html', {}, 404],
  ])('%s %j → %i', async (path, headers, status) => {
    expect((await req(path, headers)).status).toBe(status);
  });
});

describe('GET {BASE} by a browser', () => {
  it.each([
    ['/', '/index.html', 'sv'],
    ['/?lang=en', '/index.html?lang=en', 'en'],
    ['/index.html', '/index.html', 'sv'],
    ['/index.html?lang=en', '/index.html?lang=en', 'en'],
  ])('%s is the landing page, named %s', async (path, location, lang) => {
    const res = await req(path, { accept: BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-location')).toBe(location);
    expect((res.headers.get('vary') ?? '').split(', ').includes('Accept')).toBe(!path.startsWith('/index.html'));
    // the page's own language version, as its head says (each language is its own canonical)
    expect(res.headers.get('link')).toContain(`<${lang === 'en' ? `${base}?lang=en` : base}>; rel="canonical"`);
    const body = await res.text();
    expect(body).toContain(`<html lang="${lang}">`);
    expect(body).toContain('<h1 id="title">');
  });

  it('/ and /index.html are the same page', async () => {
    const [a, b] = await Promise.all(['/', '/index.html'].map(async (p) => (await req(p, { accept: BROWSER })).text()));
    expect(a).toBe(b);
  });
});

describe('/index.html, the landing page by name', () => {
  const app = useApp();
  it('answers ?format= like every other document URL: Turtle for ttl, 400 for an unknown format', async () => {
    const ttl = await app.current.app.request('/index.html?format=ttl');
    expect(ttl.status).toBe(200);
    expect(ttl.headers.get('content-type')).toMatch(/^text\/turtle/);
    expect((await app.current.app.request('/index.html?format=xyz')).status).toBe(400);
    expect((await app.current.app.request('/index.html')).headers.get('content-type')).toMatch(/^text\/html/);
  });
});
