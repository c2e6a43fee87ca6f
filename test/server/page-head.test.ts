// Each language version of a page names itself as canonical and lists every language version once (hreflang sv, en, x-default), as search engines expect of localized pages.
import { describe, expect, it } from 'vitest';
import { BASE, BROWSER, useApp } from './helpers.js';

const app = useApp();
const get = (path: string) => app.current.app.request(path, { headers: { accept: BROWSER } });

/** The `<link>` elements of a page's head, as attribute maps. */
const headLinks = (html: string) =>
  [...html.slice(0, html.indexOf('</head>')).matchAll(/<link ([^>]*)>/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!.replace(/&amp;/g, '&')])));

describe('canonical and hreflang in the head', () => {
  // [path, the Swedish version's URL]: a resource's IRI, the landing page's {BASE}, a site page under {BASE}
  it.each([
    ['/', BASE],
    ['/lkp/2016/4.4.3', `${BASE}lkp/2016/4.4.3`],
    ['/lkp/2016/4.4.3.html', `${BASE}lkp/2016/4.4.3`],
    ['/sdg/13', `${BASE}sdg/13`],
    ['/sdg/13.2', `${BASE}sdg/13.2`],
    ['/sdg', `${BASE}sdg`],
    ['/matrix', `${BASE}matrix`],
    ['/matrix/4.4.3/13', `${BASE}matrix/4.4.3/13`],
    ['/overview', `${BASE}overview`],
  ])('%s: each language is its own canonical, and each is listed once', async (path, sv) => {
    const en = `${sv}?lang=en`;
    for (const [query, self] of [['', sv], ['?lang=en', en]] as const) {
      const links = headLinks(await (await get(`${path}${query}`)).text());
      const where = `${path}${query}`;
      expect(links.filter((l) => l.rel === 'canonical').map((l) => l.href), where).toEqual([self]);
      const hreflang = links.filter((l) => l.hreflang).map((l) => [l.hreflang, l.href]);
      expect(hreflang, where).toEqual([
        ['sv', sv],
        ['en', en],
        ['x-default', sv],
      ]);
    }
  });

  it.each([
    ['/lkp/2016/4.4.3', `${BASE}lkp/2016/4.4.3`],
    ['/', BASE],
  ])('%s: the Link header names the same canonical as the head, in each language; an RDF format names the IRI', async (path, iri) => {
    for (const [query, self] of [['', iri], ['?lang=en', `${iri}?lang=en`]] as const) {
      const res = await get(`${path}${query}`);
      expect(res.headers.get('link'), query).toContain(`<${self}>; rel="canonical"`);
      expect(headLinks(await res.text()).filter((l) => l.rel === 'canonical').map((l) => l.href)).toEqual([self]);
    }
    const ttl = await app.current.app.request(`${path}?lang=en`, { headers: { accept: 'text/turtle' } });
    expect(ttl.headers.get('link')).toContain(`<${iri}>; rel="canonical"`);
  });

  it('keeps the RDF alternates, without naming the HTML pages a second time', async () => {
    const links = headLinks(await (await get('/lkp/2016/4.4.3?lang=en')).text()).filter((l) => l.rel === 'alternate' && l.type);
    expect(links.map((l) => l.type)).toEqual(['text/turtle', 'application/n-triples', 'application/ld+json', 'application/rdf+xml']);
    expect(links.map((l) => l.href)).toEqual(['/lkp/2016/4.4.3.ttl', '/lkp/2016/4.4.3.nt', '/lkp/2016/4.4.3.jsonld', '/lkp/2016/4.4.3.rdf']);
  });

  it('a page without a canonical (the search form) lists its language versions by path, once each', async () => {
    const links = headLinks(await (await get('/search?q=cykel&lang=en')).text());
    expect(links.filter((l) => l.rel === 'canonical')).toEqual([]);
    expect(links.filter((l) => l.hreflang).map((l) => [l.hreflang, l.href])).toEqual([
      ['sv', '/search?q=cykel'],
      ['en', '/search?q=cykel&lang=en'],
      ['x-default', '/search?q=cykel'],
    ]);
  });
});
