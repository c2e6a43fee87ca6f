// Pages for people, in-process on the full built dataset: landing, query UI, matrix, overview, SDG pages, search, language switch.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hrefIn, localizeLinks } from '../../src/server/html/i18n.js';
import { contrast, SDG_COLOURS, textOn } from '../../src/server/html/sdg-colours.js';
import { esc } from '../../src/server/html/layout.js';
import { etagOf } from '../../src/server/http.js';
import { loadExamples } from '../../src/server/site/examples.js';
import { normalise } from '../../src/server/site/search.js';
import { BROWSER, useApp } from './helpers.js';
import { cfg, manifest as readManifest } from '../helpers.js';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const server = useApp({ distDir: DIST });
const get = (path: string, accept = BROWSER) => server.current.app.request(path, { headers: { accept } });
const html = async (path: string) => {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/i);
  return res.text();
};
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

describe('every page for people', () => {
  it.each(['/', '/sparql', '/matrix', '/matrix/4.4.3/11', '/overview', '/sdg', '/sdg/13', '/search?q=klimat', '/lkp/2016/4.4.3'])('%s is HTML with landmarks, a skip link and the search box', async (path) => {
    const body = await html(path);
    expect(body).toMatch(/^<!doctype html>\n<html lang="sv">/);
    for (const part of ['<a class="skip" href="#main">', '<main id="main"', '<header class="site">', '<footer class="site">', 'role="combobox"', 'role="search"']) expect(body).toContain(part);
    expect(body).not.toMatch(/(src|href)="https?:\/\/(?!w3id|creativecommons|metadata\.un|www\.w3|helsingborg|livskvalitet)[^"]*\.(js|css)/);
  });
});

describe('Content-Security-Policy', () => {
  const get = (path: string, accept = BROWSER) => server.current.app.request(path, { headers: { accept } });
  it.each(['/', '/index.html', '/sparql', '/matrix', '/matrix/4.4.3/11', '/overview', '/sdg', '/sdg/13', '/search?q=cykel', '/lkp/2016/4.4.3', '/def', '/no/such/page'])(
    '%s, an HTML page, runs scripts from this site only',
    async (path) => {
      const res = await get(path);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const policy = res.headers.get('content-security-policy')!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("base-uri 'none'");
      // the pages have no inline script to allow: only data blocks (JSON-LD, the query UI's examples) and external files
      const body = await res.text();
      for (const tag of body.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/ src="\/assets\/|type="application\/(ld\+)?json"/);
    },
  );

  it.each([
    ['/lkp/2016/4.4.3', 'text/turtle'],
    ['/sparql?query=ASK%7B%7D', 'application/sparql-results+json'],
    ['/datasets/dcat', 'application/rdf+xml'],
  ])('%s as %s has none (no page)', async (path, accept) => {
    expect((await get(path, accept)).headers.get('content-security-policy')).toBeNull();
  });
});

describe('language switch', () => {
  it.each(['/', '/matrix', '/overview', '/sdg', '/sdg/13', '/lkp/2016/4.4.3', '/matrix/4.4.3/11'])('%s?lang=en is English and links back to the same page', async (path) => {
    const body = await html(`${path}?lang=en`);
    expect(body).toContain('<html lang="en">');
    expect(body).toContain(`<a class="lang-switch" href="${path}" hreflang="sv" lang="sv">På svenska</a>`);
    // the English version names itself, at the IRI-based URL the Swedish one is canonical at
    expect(body).toContain(`<link rel="alternate" hreflang="en" href="${cfg.base}${path.slice(1)}?lang=en">`);
    expect(body).toContain(`<link rel="canonical" href="${cfg.base}${path.slice(1)}?lang=en">`);
    const local = [...body.slice(body.indexOf('<body>')).matchAll(/ href="(\/[^"]*)"/g)].map((m) => m[1]!).filter((h) => !/^\/(assets|download)\//.test(h) && h !== path);
    expect(local.filter((h) => !h.includes('lang=en'))).toEqual([]);
  });

  it.each([
    ['EN', 'en'],
    ['en-GB', 'en'],
    ['sv-SE', 'sv'],
    ['english', 'sv'],
    ['', 'sv'],
  ])('?lang=%s gives the %s page (language tags are case-insensitive, a region is allowed)', async (lang, expected) => {
    const res = await server.current.app.request(`/lkp/2016/4.4.3?lang=${lang}`, { headers: { accept: BROWSER } });
    expect(await res.text()).toContain(`<html lang="${expected}">`);
    expect(res.headers.get('content-location')).toBe(expected === 'en' ? '/lkp/2016/4.4.3.html?lang=en' : '/lkp/2016/4.4.3.html');
  });

  it.each([
    ['/folkhalsomal', 'sv', 'definition'],
    ['/folkhalsomal?lang=en', 'en', 'definition'],
    ['/lkp/2016', 'sv', 'anmärkning'],
    ['/lkp/2016?lang=en', 'en', 'note'],
  ])('%s heads a SKOS text in the page language, linked to the property (%s: %s; found by an audit)', async (path, _lang, heading) => {
    const body = await html(path);
    const property = heading === 'definition' ? 'definition' : 'note';
    expect(body).toContain(`<h2><a href="http://www.w3.org/2004/02/skos/core#${property}">${heading}</a></h2>`);
    expect(body).not.toContain(`>skos:${property}</a></h2>`);
  });

  it('keeps the Swedish page free of lang parameters and offers English', async () => {
    const body = await html('/matrix');
    expect(body).toContain('<a class="lang-switch" href="/matrix?lang=en" hreflang="en" lang="en">In English</a>');
    expect(body).not.toContain('lang=en"><span');
  });

  it.each([
    ['/matrix?x=1#top', 'en', '/matrix?x=1&lang=en#top'],
    ['/matrix?lang=en', 'sv', '/matrix'],
    ['/download/dataset.ttl', 'en', '/download/dataset.ttl'],
    ['https://example.org/', 'en', 'https://example.org/'],
  ] as const)('hrefIn(%s, %s) = %s', (href, lang, expected) => {
    expect(hrefIn(href, lang)).toBe(expected);
  });

  it('localizes only local links', () => {
    expect(localizeLinks('<a href="/sdg?a=1&amp;b=2">x</a><a href="https://x.org/">y</a>', 'en')).toBe('<a href="/sdg?a=1&amp;b=2&amp;lang=en">x</a><a href="https://x.org/">y</a>');
  });
});

describe('landing page', () => {
  it('says what the dataset is, with counts and sizes from the manifest', async () => {
    const body = await html('/');
    const manifest = readManifest();
    expect(body).toContain(`<strong>${manifest.counts.focusAreas}</strong> fokusområden`);
    expect(body).toContain('<dt>triples</dt>');
    for (const f of manifest.files) expect(body).toContain(`href="/download/${f.name}"`);
    expect(body).toContain('<a href="/download/SHA256SUMS">SHA256SUMS</a>');
    for (const text of ['2016-01-26', '2016–2024', '13 fokusområden', 'Helsingborg 2035', 'projektets egna översättningar', 'Amit Joshi, Luis Gonzalez Morales', 'curl -H', 'CC BY 4.0']) expect(body).toContain(text);
    expect(count(body, /<a class="dir" href="\/lkp\/2016\/4\.\d"/g)).toBe(5);
    expect(count(body, /<li><a href="\/lkp\/2016\/4\.\d\.\d">/g)).toBe(15);
  });

  it('is in English on request, quoting Swedish names with their language', async () => {
    const body = await html('/?lang=en');
    for (const text of ['The Quality of Life Programme as Linked Data', 'the project’s own translations', 'Revised version', 'How programme, vision and transformations connect']) expect(body).toContain(text);
    expect(body).toContain('<span lang="sv">Livskvalitetsprogrammet 2016–2024</span>');
  });
});

describe('query UI', () => {
  it('offers every query in queries/ by its question and serves the editor from our own server', async () => {
    const body = await html('/sparql');
    const examples = loadExamples();
    expect(examples.length).toBeGreaterThanOrEqual(16);
    for (const e of examples) expect(body).toContain(`data-example="${e.name}"`);
    expect(body).toContain('lang="sv">Vilka prioriteringar länkar till mål 13 (Bekämpa klimatförändringarna), till vilket delmål och på vilken grund?</a>');
    expect(body).toMatch(/<script src="\/assets\/yasgui\.min\.js\?v=\w+" defer>/);
    expect(body).toContain('<form id="query-fallback" method="get" action="/sparql">');
  });

  it('asks every question in the page language: Swedish from "# Fråga:", English from "# Question:"', async () => {
    const examples = loadExamples();
    for (const e of examples) expect(e.questionSv, e.name).toBeTruthy();
    const sv = await html('/sparql');
    const en = await html('/sparql?lang=en');
    for (const e of examples) {
      expect(sv).toContain(`lang="sv">${esc(e.questionSv!)}</a>`);
      expect(en).toContain(`lang="en">${esc(e.question)}</a>`);
    }
    expect(sv).toMatch(/<h2 class="current-question" id="current-question" lang="sv">Vilka/);
    expect(en).toMatch(/<h2 class="current-question" id="current-question" lang="en">Which/);
  });

  it('preloads a chosen example', async () => {
    const body = await html('/sparql?example=sdg-goals-without-links&lang=en');
    expect(body).toContain('Which SDG goals does the programme not reach at all');
    expect(body).toMatch(/<textarea[^>]*>#\s*Question: Which SDG goals does the programme not reach/);
  });

  it('still answers non-browsers with the service description and queries with results', async () => {
    expect((await get('/sparql', 'text/turtle')).headers.get('content-type')).toMatch(/^text\/turtle/);
    const res = await get('/sparql?query=ASK%7B%7D', 'application/sparql-results+json');
    expect((await res.json()).boolean).toBe(true);
  });

  it.each([
    ['yasgui.min.js', 'text/javascript'],
    ['yasgui.min.css', 'text/css'],
    ['site.js', 'text/javascript'],
    ['query.js', 'text/javascript'],
  ])('serves /assets/%s', async (name, type) => {
    const res = await get(`/assets/${name}`, '*/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(await res.text()).not.toContain('sourceMappingURL');
  });

  it('404s an unknown asset', async () => {
    expect((await get('/assets/nope.js', '*/*')).status).toBe(404);
  });
});

describe('matrix', () => {
  it('has 15 focus-area rows × 17 goal columns in the official colours', async () => {
    const body = await html('/matrix');
    const rows = body.split('<tr>').filter((r) => r.includes('<th scope="row"><a href="/lkp/2016/4.'));
    expect(rows).toHaveLength(15);
    for (const r of rows) expect(count(r, /<td class="cell/g)).toBe(17);
    expect(count(body, /<th scope="col" class="goal"/g)).toBe(17);
    for (const [n, colour] of Object.entries(SDG_COLOURS)) expect(body).toContain(`--goal:${colour}"><a href="/sdg/${n}"`);
  });

  it('links a cell to a page listing exactly the links it counts', async () => {
    const matrix = await html('/matrix');
    const n = Number(/href="\/matrix\/4\.4\.3\/11"[^>]*>(\d+)/.exec(matrix)![1]);
    expect(n).toBeGreaterThan(0);
    const cell = await html('/matrix/4.4.3/11');
    const rows = cell.split('<tbody>')[1]!.split('</tbody>')[0]!.split('<tr>').slice(1);
    expect(rows).toHaveLength(n);
    for (const r of rows) {
      expect(r).toMatch(/href="\/lkp\/2016\/4\.4\.3\.\d"/);
      expect(r).toMatch(/href="\/sdg\/11\.\w+"/);
      expect(r).toMatch(/class="basis basis-(stated|curated)"/);
    }
    expect(cell).toContain('främja cyklisterna');
  });

  it.each(['/matrix/9.9.9/11', '/matrix/4.4.3/18', '/matrix/4.4.3/x', '/matrix/4.4.3/011', '/matrix/4.4.3/0'])('404s %s', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});

describe('overview', () => {
  /** Column of every node by its data-id, and every edge with its kind and ends, read from the SVG. */
  const network = (body: string) => {
    const nodes = [...body.matchAll(/<a href="[^"]+" class="node c(\d) n-(\w+)" data-id="(n\d+)"><title>[^<]*<\/title><rect x="([\d.]+)" y="[\d.]+" width="(\d+)"/g)].map((m) => ({ col: Number(m[1]), group: m[2]!, id: m[3]!, x: Number(m[4]), width: Number(m[5]) }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const edges = [...body.matchAll(/<path class="edge k-(\w+)[^"]*" data-a="(n\d+)" data-b="(n\d+)" d="M([\d.]+) [\d.]+C[^"]* ([\d.]+) [\d.]+"\/>/g)].map((m) => ({ kind: m[1]!, a: byId.get(m[2]!)!, b: byId.get(m[3]!)!, x1: Number(m[4]), x2: Number(m[5]) }));
    return { nodes, edges };
  };

  it('draws four columns as SVG and gives the same links as tables', async () => {
    const body = await html('/overview');
    expect(body).toContain('<svg class="overview"');
    const { nodes, edges } = network(body);
    const groups = [0, 1, 2, 3].map((c) => nodes.filter((n) => n.col === c).map((n) => n.group).filter((g, i, all) => all.indexOf(g) === i));
    expect(groups).toEqual([['vision'], ['direction'], ['focus'], ['transformation', 'treklovern']]);
    expect([0, 1, 2, 3].map((c) => nodes.filter((n) => n.col === c).length)).toEqual([5, 5, 15, 3 + 5]);
    expect([...body.matchAll(/<text class="head[^"]*"[^>]*>([^<]+)</g)].map((m) => m[1])).toEqual(['Visionsområden 2035', 'Viljeinriktningar', 'Fokusområden', 'Transformationer', 'Treklövern 2023–2026']);
    expect(edges).toHaveLength(15 + 20 + 21 + 10);
    expect(count(body, /<table class="relation">/g)).toBe(4);
  });

  it('joins only neighbouring columns, so no edge skips a column', async () => {
    const { edges } = network(await html('/overview'));
    expect(edges.filter((e) => Math.abs(e.a.col - e.b.col) !== 1).map((e) => `${e.kind} ${e.a.id}→${e.b.id}`)).toEqual([]);
  });

  it.each([
    ['vision', 1, 0],
    ['hierarchy', 1, 2],
    ['transformation', 2, 3],
    ['treklovern', 3, 2],
  ] as const)('draws %s edges from column %i to column %i, on the facing sides of the bars', async (kind, from, to) => {
    const edges = network(await html('/overview')).edges.filter((e) => e.kind === kind);
    expect(edges.length).toBeGreaterThan(0);
    for (const e of edges) {
      expect([e.a.col, e.b.col]).toEqual([from, to]);
      const rightwards = to > from;
      expect([e.x1, e.x2]).toEqual(rightwards ? [e.a.x + e.a.width, e.b.x] : [e.a.x, e.b.x + e.b.width]);
    }
  });
});

describe('SDG lens and coverage', () => {
  it('shows all 17 goals and marks the targets the programme does not touch', async () => {
    const body = await html('/sdg');
    expect(count(body, /<li class="tile/g)).toBe(17);
    expect(count(body, /class="chip( on)?"/g)).toBe(169);
    expect(count(body, /class="chip on"/g)).toBeGreaterThan(20);
  });

  it('gives each goal a page with its targets and what links to them', async () => {
    const body = await html('/sdg/11');
    expect(body).toContain('Hållbara städer och samhällen');
    expect(count(body, /<h3><a href="\/sdg\/11\.\w+">/g)).toBe(10);
    expect(body).toContain('href="/lkp/2016/4.4.3.2"');
    expect(body).toContain('background:#FD9D24');
  });
});

describe('the sitemap lists the pages for people', () => {
  it('every page of the overview, each matrix cell with links and each goal and target lens page, all answering 200', async () => {
    const base = server.current.dataset.base;
    const body = await (await get('/sitemap.xml', '*/*')).text();
    const paths = [...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => `/${m[1]!.slice(base.length)}`);
    for (const path of ['/', '/matrix', '/overview', '/sdg', '/sdg/13', '/sdg/11.2', '/matrix/4.4.3/11']) expect(paths).toContain(path);
    expect(paths).not.toContain('/sparql');
    const pages = paths.filter((p) => /^\/(matrix|overview|sdg)/.test(p));
    for (const path of pages) expect((await get(path)).status, path).toBe(200);
  });
});

describe('search', () => {
  it.each([
    ['JSON', 'application/json', /^application\/json/],
    ['HTML', BROWSER, /^text\/html/],
  ])('answers as %s with a strong ETag and Last-Modified, revalidated and compressed by the response cache', async (_name, accept, type) => {
    const path = '/search?q=klimat';
    const plain = await server.current.app.request(path, { headers: { accept } });
    expect(plain.headers.get('content-type')).toMatch(type);
    const text = await plain.text();
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1024);
    expect(plain.headers.get('etag')).toBe(etagOf(text));
    expect(plain.headers.get('last-modified')).toMatch(/GMT$/);
    const coded = await server.current.app.request(path, { headers: { accept, 'accept-encoding': 'gzip' } });
    expect(coded.headers.get('content-encoding')).toBe('gzip');
    expect(coded.headers.get('vary')).toBe('Accept, Accept-Encoding');
    // ?format= fixes the answer: Accept chose nothing (RFC 9110 §12.5.5)
    const fixed = await server.current.app.request(`${path}&format=${type.source.includes('json') ? 'json' : 'html'}`, { headers: { accept: 'image/png', 'accept-encoding': 'gzip' } });
    expect(fixed.headers.get('content-type')).toMatch(type);
    expect(fixed.headers.get('vary')).toBe('Accept-Encoding');
    const revalidated = await server.current.app.request(path, { headers: { accept, 'if-none-match': etagOf(text) } });
    expect(revalidated.status).toBe(304);
  });

  const search = async (q: string, lang = 'sv') => {
    const res = await get(`/search?q=${encodeURIComponent(q)}&lang=${lang}`, 'application/json');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return ((await res.json()) as { results: Array<{ notation?: string; href: string; label: string; kind: string }> }).results;
  };

  it.each([
    ['cykel', '4.4.3.2'],
    ['cycling', '4.4.3.2'],
    ['4.4.3', '4.4.3'],
    ['Goal 13', '13'],
    ['mål 13', '13'],
    ['13', '13'],
    ['11.2', '11.2'],
    ['klimatforandringarna', '13'],
  ])('%s finds %s first', async (q, notation) => {
    expect((await search(q))[0]?.notation).toBe(notation);
  });

  it('finds climate-related concepts for "klimat"', async () => {
    const hits = await search('klimat');
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.map((h) => h.notation)).toContain('13');
  });

  it('labels hits in the page language', async () => {
    const [hit] = await search('4.4.3', 'en');
    expect(hit!.label).toBe('We choose sustainable travel and transport');
  });

  it('serves a results page to a browser (the no-JS fallback)', async () => {
    const body = await html('/search?q=cykel');
    expect(body).toContain('<a href="/lkp/2016/4.4.3.2"><span class="no">4.4.3.2</span>');
  });

  it('answers an empty query with no results', async () => {
    expect(await search('')).toEqual([]);
  });

  it('folds accents so that a keyboard without å, ä, ö finds things', () => {
    expect(normalise('Färdtjänst  ÖVER')).toBe('fardtjanst over');
  });
});

describe('SDG colours', () => {
  it('pairs every official colour with text of at least 3:1 contrast (large, bold numbers)', () => {
    for (const colour of Object.values(SDG_COLOURS)) expect(contrast(colour, textOn(colour))).toBeGreaterThanOrEqual(3);
  });
});

describe('search names national and regional goals by their framework', () => {
  const app = useApp({ distDir: cfg.distDir });
  it.each([
    ['frisk luft', 'sv', 'Sveriges miljökvalitetsmål'],
    ['frisk luft', 'en', "Sweden's environmental quality objectives"],
    ['levnadsvanor', 'sv', 'Folkhälsopolitikens målområden'],
  ])('%s (%s) → %s', async (q, lang, kind) => {
    const res = await app.current.app.request(`/search?q=${encodeURIComponent(q)}&lang=${lang}`, { headers: { Accept: 'application/json' } });
    const body = (await res.json()) as { results?: Array<{ kind: string }> } | Array<{ kind: string }>;
    const hits = Array.isArray(body) ? body : (body.results ?? []);
    expect(hits[0]?.kind).toBe(kind);
  });
});
