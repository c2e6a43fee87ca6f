// The ontology's page (/def, and /def/0.1.0, an earlier version): a section per term of ontology/lkpo.ttl whose id is the local name, so every /def#Term link lands on it.
import { readFileSync } from 'node:fs';
import { Parser, Writer } from 'n3';
import { describe, expect, it } from 'vitest';
import { cfg } from '../helpers.js';
import { pageGetter, useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const page = pageGetter(app);
const NS = 'https://w3id.org/helsingborg-livskvalitet/def#';
const quads = new Parser().parse(readFileSync(new URL('../../ontology/lkpo.ttl', import.meta.url), 'utf8'));
const terms = [...new Set(quads.map((q) => q.subject.value).filter((s) => s.startsWith(NS)))].map((s) => s.slice(NS.length)).sort();
const objects = (local: string, p: string) => quads.filter((q) => q.subject.value === NS + local && q.predicate.value === p).map((q) => q.object);
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
/** The section of one term on the page. */
const section = (html: string, id: string) => new RegExp(`<section class="term" id="${id}">([\\s\\S]*?)</section>`).exec(html)?.[1];
const escaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('the vocabulary page', () => {
  it('finds the terms of ontology/lkpo.ttl', () => {
    expect(terms).toEqual(expect.arrayContaining(['Priority', 'Link', 'basis', 'Basis', 'curated', 'SectionNumber', 'strengths']));
    expect(terms.length).toBeGreaterThan(35);
  });

  it.each(['/def', '/def/0.1.0', '/def?lang=en'])('%s has one section per term, id = local name, each id once', async (path) => {
    const html = await page(path);
    for (const id of terms) expect(section(html, id), `${path}#${id}`).toBeDefined();
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  // found by a reuser's audit: only the shapes pointed back (rdfs:seeAlso)
  it('links the SHACL shapes that go with the current version, and an earlier version\'s page does not', async () => {
    expect(await page('/def')).toContain('<dt>SHACL-former</dt><dd><a href="/def/shapes">https://w3id.org/helsingborg-livskvalitet/def/shapes</a>');
    expect(await page('/def?lang=en')).toContain('<dt>SHACL shapes</dt><dd><a href="/def/shapes">');
    expect(await page('/def/0.5.0')).toContain('<dt>SHACL-former</dt><dd><a href="/def/shapes">'); // the current version's IRI: the same document
    expect(await page('/def/0.1.0')).not.toContain('href="/def/shapes"');
  });

  it('shows each term\'s labels and definitions in both languages, each with its lang', async () => {
    const html = await page('/def');
    for (const id of terms) {
      const s = section(html, id)!;
      expect(s).toContain(`<code>lkpo:${id}</code>`);
      for (const p of [`${RDFS}label`, 'http://www.w3.org/2004/02/skos/core#prefLabel', 'http://www.w3.org/2004/02/skos/core#definition'])
        for (const o of objects(id, p)) if (o.termType === 'Literal') expect(s, `${id} ${o.value}`).toContain(`lang="${o.language}">${escaped(o.value)}<`);
    }
  });

  it.each([
    ['basis', 'Domän', '<a href="#Link"><code>lkpo:Link</code></a>'],
    ['basis', 'Värdemängd', '<a href="#Basis"><code>lkpo:Basis</code></a>'],
    ['challenges', 'Underegenskap till', '<a href="http://www.w3.org/2004/02/skos/core#note"><code>skos:note</code></a>'],
    ['challenges', 'Domän', '<a href="#Direction"><code>lkpo:Direction</code></a>'],
    ['adoptedBy', 'Värdemängd', '<a href="http://www.w3.org/ns/org#Organization"><code>org:Organization</code></a>'],
    ['Priority', 'Underklass till', '<a href="http://www.w3.org/2004/02/skos/core#Concept"><code>skos:Concept</code></a>'],
    ['close', 'Typ', '<a href="#Strength"><code>lkpo:Strength</code></a>'],
    ['strengths', 'Toppbegrepp', '<a href="#close"><code>lkpo:close</code></a>'],
  ])('%s: %s %s (linked in the page where the target is ours)', async (id, row, link) => {
    expect(section(await page('/def'), id)).toContain(`<dt>${row}</dt><dd>${link}`);
  });

  it('states domain, range and subPropertyOf of every property and subClassOf of every class', async () => {
    const html = await page('/def');
    for (const id of terms)
      for (const p of ['domain', 'range', 'subPropertyOf', 'subClassOf'])
        for (const o of objects(id, RDFS + p)) {
          const target = o.value.startsWith(NS) ? `href="#${o.value.slice(NS.length)}"` : `href="${o.value}"`;
          expect(section(html, id), `${id} ${p}`).toContain(target);
        }
  });

  it('every link to a term of ours on the other pages has its anchor on /def', async () => {
    const anchors = new Set([...(await page('/def')).matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const hrefs = new Set<string>();
    for (const path of ['/lkp/2016/4.4.3', '/sdg/13.2', '/link/lkp2016-4.4.3.2--sdg-11.2', '/lkp/2016'])
      for (const m of (await page(path)).matchAll(/href="\/def#([^"]+)"/g)) hrefs.add(m[1]!);
    expect(hrefs.size).toBeGreaterThan(3);
    expect([...hrefs].filter((id) => !anchors.has(id))).toEqual([]);
  });

  it('keeps the ontology\'s RDF as it was: /def holds every triple of ontology/lkpo.ttl, and the page embeds the same JSON-LD as /def.jsonld', async () => {
    const line = (q: { subject: unknown; predicate: unknown; object: unknown }) => new Writer({ format: 'N-Triples' }).quadToString(q.subject as never, q.predicate as never, q.object as never).trim();
    const served = new Set(new Parser({ format: 'N-Triples' }).parse(await (await app.current.app.request('/def.nt')).text()).map(line));
    expect(quads.map(line).filter((l) => !served.has(l))).toEqual([]);
    const html = await page('/def');
    const embedded = /<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(html)![1]!;
    const jsonld = await (await app.current.app.request('/def.jsonld')).text();
    expect(JSON.parse(embedded)).toEqual(JSON.parse(jsonld));
  });
});
