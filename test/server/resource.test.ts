// Linked Data: dereferencing IRIs under BASE in every format, conditional requests, HTML pages, metadata IRIs, SDG lens.
import oxigraph from 'oxigraph';
import { describe, expect, it } from 'vitest';
import { JSONLD_CONTEXT } from '../../src/server/context.js';
import { BASE, useApp } from './helpers.js';

const server = useApp();
const req = (path: string, init?: RequestInit) => server.current.app.request(path, init);
const FOCUS = '/lkp/2016/4.4.3';
const FIREFOX = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** Parses a representation into a store (JSON-LD documents get our context inlined). */
function parse(body: string, format: string): oxigraph.Store {
  const store = new oxigraph.Store();
  const text = format === 'jsonld' ? JSON.stringify({ ...JSON.parse(body), '@context': JSONLD_CONTEXT }) : body;
  store.load(text, { format, base_iri: BASE });
  return store;
}
const has = (store: oxigraph.Store, s: string, p: string, o: string) =>
  store.match(oxigraph.namedNode(s), oxigraph.namedNode(p), oxigraph.namedNode(o), null).length === 1;
const SKOS = 'http://www.w3.org/2004/02/skos/core#';

describe('dereferencing a concept IRI', () => {
  it.each([
    ['Accept text/turtle', FOCUS, { accept: 'text/turtle' }, 'text/turtle', 'ttl'],
    ['Accept N-Triples', FOCUS, { accept: 'application/n-triples' }, 'application/n-triples', 'nt'],
    ['Accept JSON-LD', FOCUS, { accept: 'application/ld+json' }, 'application/ld+json', 'jsonld'],
    ['Accept RDF/XML', FOCUS, { accept: 'application/rdf+xml' }, 'application/rdf+xml', 'rdf'],
    ['?format=ttl', `${FOCUS}?format=ttl`, { accept: FIREFOX }, 'text/turtle', 'ttl'],
    ['?format=application/rdf+xml', `${FOCUS}?format=application/rdf+xml`, {}, 'application/rdf+xml', 'rdf'],
    ['.ttl extension', `${FOCUS}.ttl`, {}, 'text/turtle', 'ttl'],
    ['.nt extension', `${FOCUS}.nt`, {}, 'application/n-triples', 'nt'],
    ['.jsonld extension', `${FOCUS}.jsonld`, { accept: FIREFOX }, 'application/ld+json', 'jsonld'],
    ['.rdf extension', `${FOCUS}.rdf`, {}, 'application/rdf+xml', 'rdf'],
  ])('%s', async (_name, path, headers, type, format) => {
    const res = await req(path, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(`${type}; charset=utf-8`);
    // Concept pages are over 1 KiB of text, so the response cache makes them vary by Accept-Encoding;
    // by Accept only where Accept chose the format, not where the URL fixes it (RFC 9110 §12.5.5).
    const fixed = _name.startsWith('?format=') || _name.endsWith('extension');
    expect(res.headers.get('vary')).toBe(fixed ? 'Accept-Encoding' : 'Accept, Accept-Encoding');
    expect(res.headers.get('content-location')).toBe(`${FOCUS}.${format}`);
    expect(res.headers.get('etag')).toMatch(/^".+"$/);
    // generated: never older than the server's start (see last-modified.test.ts)
    expect(Date.parse(res.headers.get('last-modified')!)).toBe(server.current.dataset.lastModified.getTime());
    const store = parse(await res.text(), format);
    expect(has(store, `${BASE}${FOCUS.slice(1)}`, `${SKOS}broader`, `${BASE}lkp/2016/4.4`)).toBe(true);
    expect(has(store, `${BASE}${FOCUS.slice(1)}`, `${SKOS}closeMatch`, 'http://metadata.un.org/sdg/13.2')).toBe(true);
  });

  it('links every alternate format and the canonical IRI', async () => {
    const link = (await req(FOCUS, { headers: { accept: 'text/turtle' } })).headers.get('link')!;
    expect(link).toContain(`<${BASE}lkp/2016/4.4.3>; rel="canonical"`);
    for (const ext of ['html', 'ttl', 'nt', 'jsonld', 'rdf']) expect(link).toContain(`<${FOCUS}.${ext}>; rel="alternate"`);
  });

  it.each([
    ['If-None-Match', async () => ({ 'if-none-match': (await req(FOCUS)).headers.get('etag')! })],
    ['If-Modified-Since', async () => ({ 'if-modified-since': (await req(FOCUS)).headers.get('last-modified')! })],
  ])('answers revalidation by %s with 304', async (_name, validators) => {
    const res = await req(FOCUS, { headers: await validators() });
    expect(res.status).toBe(304);
  });

  it.each([
    ['unknown IRI', '/lkp/2016/9.9', {}, 404],
    ['unknown extension is not stripped', `${FOCUS}.png`, {}, 404],
    ['an escape that is no UTF-8', '/lkp/%E0%A4', {}, 404],
    ['a % that starts no escape', '/lkp/%E0%A4%A', {}, 400],
    ['an encoded slash is data, not a slash (RFC 3986)', '/lkp%2F2016%2F4.4.3', {}, 404],
    ['one encoded slash', '/lkp/2016%2F4.4.3', {}, 404],
    ['an encoded hash is no fragment', '/lkp/2016/4.4.3%23x', {}, 404],
    ['unacceptable Accept', FOCUS, { accept: 'image/png' }, 406],
    ['unknown ?format=', `${FOCUS}?format=pdf`, {}, 400],
    ['unknown ?format= beats a good Accept', `${FOCUS}?format=xyz`, { accept: 'text/turtle' }, 400],
  ])('%s → %i', async (_name, path, headers, status) => {
    expect((await req(path, { headers })).status).toBe(status);
  });

  it.each([
    [`${FOCUS}%2ettl`, `${FOCUS}.ttl`],
    [`${FOCUS}%2Ettl?lang=en`, `${FOCUS}.ttl?lang=en`],
    ['/lkp/2016/4%2E4%2E3', FOCUS],
  ])('%s (an encoded unreserved character) → 301 to the normal form %s, not a duplicate 200', async (path, location) => {
    const res = await req(path);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(location);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('names the valid ?format= values in the 400', async () => {
    const body = await (await req(`${FOCUS}?format=xyz`)).text();
    expect(body).toContain('unknown format "xyz"');
    for (const value of ['html', 'ttl', 'nt', 'jsonld', 'rdf', 'text/turtle', 'application/ld+json']) expect(body).toContain(value);
  });

  it.each([FOCUS, '/', '/datasets/dcat', '/sparql?'])('refuses ?format= naming two formats on %s, as /sparql does (which would count?)', async (path) => {
    const res = await req(`${path}${path.includes('?') ? '' : '?'}format=ttl&format=nt`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/^\?format= names 2 formats here \(ttl, nt\); send one\. \?format= takes one of: /);
  });

  it('refuses ?format= naming two formats on /search, and one it does not serve', async () => {
    for (const [query, message] of [
      ['format=json&format=html', /^\?format= names 2 formats here \(json, html\); send one\./],
      ['format=ttl', /^unknown format "ttl"; \?format= takes one of: json, application\/json, html, text\/html\n$/],
    ] as const) {
      const res = await req(`/search?q=cykel&${query}`);
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(message);
    }
  });

  it.each([`${FOCUS}?format=ttl&format=`, '/sparql?query=ASK%7B%7D&format=json&format=', '/datasets/dcat?format=&format=ttl'])('takes an empty ?format= beside another as absent: %s', async (path) => {
    expect((await req(path)).status).toBe(200);
  });
});

describe('IRIs of the harvest metadata', () => {
  it.each([
    ['/catalog', 'http://www.w3.org/ns/dcat#Catalog'],
    ['/dataset', 'http://www.w3.org/ns/dcat#Dataset'],
    ['/dataset', 'http://schema.org/Dataset'], // as schema.org's own context reads the landing page's markup
    ['/service/sparql', 'http://www.w3.org/ns/sparql-service-description#Service'],
  ])('%s dereferences to its description (a %s)', async (path, type) => {
    for (const [ext, format] of [['.ttl', 'ttl'], ['.jsonld', 'jsonld'], ['.rdf', 'rdf'], ['', 'nt']] as const) {
      const res = await req(`${path}${ext}`, { headers: { accept: 'application/n-triples' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-location')).toBe(`${path}.${format}`);
      expect(res.headers.get('link')).toContain(`<${BASE}${path.slice(1)}>; rel="canonical"`);
      expect(has(parse(await res.text(), format), `${BASE}${path.slice(1)}`, 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type', type)).toBe(true);
    }
  });
});

describe('the catalogue\'s IRI, which a harvester loads (DCAT-AP-SE: a sub-catalogue named by dct:hasPart is loaded from its IRI)', () => {

  it.each([
    ['no Accept', undefined, 'rdf'],
    ['*/*', '*/*', 'rdf'],
    ['RDF/XML', 'application/rdf+xml', 'rdf'],
    ['Turtle', 'text/turtle', 'ttl'],
    ['N-Triples', 'application/n-triples', 'nt'],
  ] as const)('gives the whole catalogue, as /datasets/dcat does, to %s', async (_name, accept, format) => {
    const res = await req('/catalog', accept === undefined ? {} : { headers: { accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-location')).toBe(`/catalog.${format}`);
    expect(res.headers.get('vary')).toContain('Accept');
    // every triple of the catalogue document, and what else the dataset says of the catalogue (the landing page's markup)
    const doc = parse(await res.text(), format);
    const whole = parse(await (await req('/datasets/dcat', { headers: { accept: 'application/n-triples' } })).text(), 'nt');
    expect(whole.size).toBeGreaterThan(5);
    for (const q of whole.match(null, null, null, null)) expect(doc.match(q.subject, q.predicate, q.object, null), q.toString()).toHaveLength(1);
  });

  it('gives a browser its page (which embeds the same triples as the other formats: test/server/deref-all.test.ts)', async () => {
    const res = await req('/catalog', { headers: { accept: FIREFOX } });
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('leaves */* to HTML for every other IRI of ours', async () => {
    expect((await req(FOCUS, { headers: { accept: '*/*' } })).headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect((await req('/dataset', { headers: { accept: '*/*' } })).headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('HTML page of a concept', () => {
  const html = async () => (await req(FOCUS, { headers: { accept: FIREFOX } })).text();

  it('is chosen for a browser and embeds the JSON-LD', async () => {
    const res = await req(FOCUS, { headers: { accept: FIREFOX } });
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-location')).toBe(`${FOCUS}.html`);
    const body = await res.text();
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body)![1]!;
    expect(parse(script, 'jsonld').size).toBeGreaterThan(10);
  });

  it.each([
    ['', 'sv', `${FOCUS}.html`],
    ['?lang=en', 'en', `${FOCUS}.html?lang=en`],
  ])('names its own language version in Content-Location%s (RFC 9110 §8.7)', async (query, lang, location) => {
    for (const path of [`${FOCUS}${query}`, `${FOCUS}.html${query}`]) {
      const res = await req(path, { headers: { accept: FIREFOX } });
      expect(res.headers.get('content-location'), path).toBe(location);
      expect(res.headers.get('content-language')).toBe(lang);
      const body = await res.text();
      expect(body).toContain(`<html lang="${lang}">`);
      // the URL it names serves the same page
      expect(await (await req(location, { headers: { accept: FIREFOX } })).text()).toBe(body);
    }
  });

  it('links the page in each language as a text/html alternate with hreflang in the Link header, and once per language in the head', async () => {
    for (const accept of [FIREFOX, 'text/turtle']) {
      const link = (await req(FOCUS, { headers: { accept } })).headers.get('link')!;
      expect(link).toContain(`<${FOCUS}.html>; rel="alternate"; type="text/html"; hreflang="sv"`);
      expect(link).toContain(`<${FOCUS}.html?lang=en>; rel="alternate"; type="text/html"; hreflang="en"`);
    }
    // the head names each language version once, at the URL that version is canonical at (test/server/page-head.test.ts)
    const body = await (await req(`${FOCUS}?lang=en`, { headers: { accept: FIREFOX } })).text();
    expect(body).toContain(`<link rel="alternate" hreflang="sv" href="${BASE}${FOCUS.slice(1)}">`);
    expect(body).toContain(`<link rel="alternate" hreflang="en" href="${BASE}${FOCUS.slice(1)}?lang=en">`);
    expect(body).not.toContain('type="text/html" hreflang=');
  });

  it.each([
    ['Swedish label', '<span lang="sv">Klimatanpassning</span>'],
    ['English label', 'Climate adaptation'],
    ['notation', '4.4.3'],
    ['escaped text', 'Staden ska stå emot &lt;extremt&gt; väder &amp; höga vattennivåer.'],
    ['broader link', '<a href="/lkp/2016/4.4">En hållbar stad</a>'],
    ['narrower link', '<a href="/lkp/2016/4.4.3.2">Skydda mot översvämning</a>'],
    ['link to the SDG lens', '<a href="/sdg/13.2">'],
    ['link basis', '>lkpo:stated<'],
    ['link strength', '>lkpo:close<'],
    ['link rationale (sv)', '<p lang="sv">Programmet nämner klimatanpassning uttryckligen.</p>'],
    ['link rationale (en)', '<p lang="en">The programme names climate adaptation explicitly.</p>'],
    ['canonical link', `<link rel="canonical" href="${BASE}lkp/2016/4.4.3">`],
  ])('shows the %s', async (_name, fragment) => {
    expect(await html()).toContain(fragment);
  });

  it('shows incoming links on the target page', async () => {
    const body = await (await req('/vision2035/gemensamma.html')).text();
    expect(body).toContain('Det gemensamma Helsingborg');
    const broader = await (await req('/lkp/2016/4.4.html')).text();
    expect(broader).toContain('<a href="/vision2035/gemensamma">Det gemensamma Helsingborg</a>');
  });
});

describe('SDG lens', () => {
  it.each([
    ['/sdg/13', 'Bekämpa klimatförändringarna', 'Fokusområdet bidrar till mål 13.'],
    ['/sdg/13.2', 'Integrera åtgärder', 'Programmet nämner klimatanpassning uttryckligen.'],
  ])('%s lists what points at the UN IRI', async (path, label, rationale) => {
    const res = await req(path, { headers: { accept: FIREFOX } });
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(label);
    expect(body).toContain(rationale);
    expect(body).toContain('<a href="/lkp/2016/4.4.3">Klimatanpassning</a>');
  });

  it('lists links to a goal\'s targets on the goal page', async () => {
    expect(await (await req('/sdg/13.html')).text()).toContain('Programmet nämner klimatanpassning uttryckligen.');
  });

  it('serves the lens as RDF too', async () => {
    const res = await req('/sdg/13.2.ttl');
    expect(res.status).toBe(200);
    const store = parse(await res.text(), 'ttl');
    expect(has(store, `${BASE}lkp/2016/4.4.3`, `${SKOS}closeMatch`, 'http://metadata.un.org/sdg/13.2')).toBe(true);
  });

  it.each(['/sdg/not-a-code', '/sdg/13/x'])('%s → 404', async (path) => {
    expect((await req(path)).status).toBe(404);
  });

  it.each(['/sdg/99', '/sdg/0', '/sdg/13.99', '/sdg/99.ttl', '/sdg/C999999'])('%s is no goal, target or indicator of the UN SDG KOS → 404', async (path) => {
    const res = await req(path, { headers: { accept: '*/*' } });
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^the UN SDG KOS has no goal, target or indicator "/);
    // a browser gets the same reason on the HTML 404 page (see not-found.test.ts)
    const page = await req(path, { headers: { accept: FIREFOX } });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('the UN SDG KOS has no goal, target or indicator &quot;');
  });
});
