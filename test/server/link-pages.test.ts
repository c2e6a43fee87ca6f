// Pages and links: stated links name their document and section, concept pages link their link resources, link pages have a readable heading, SDG lens pages show the UN notation, Swedish quotations in English rationales carry lang="sv".
import { describe, expect, it } from 'vitest';
import { rationaleHtml } from '../../src/server/html/terms.js';
import { builtStore, cfg } from '../helpers.js';
import { pageGetter, useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const html = pageGetter(app);
const LKPO = 'https://w3id.org/helsingborg-livskvalitet/def#';
const store = builtStore();
const one = (s: string, p: string) => store.getObjects(s, p, null)[0]?.value;
const pathOf = (iri: string) => `/${iri.slice(cfg.base.length)}`;
const links = store.getSubjects('http://www.w3.org/1999/02/22-rdf-syntax-ns#type', `${LKPO}Link`, null).map((s) => s.value);
const stated = links.filter((l) => one(l, `${LKPO}basis`) === `${LKPO}stated`);

describe('stated links name the document and section that state them', () => {
  it('finds stated links', () => expect(stated.length).toBeGreaterThan(0));

  it.each(stated.map((l) => [pathOf(l), l]))('%s on the page of its from-concept, in both languages', async (_path, link) => {
    const source = one(link, 'http://purl.org/dc/terms/source')!;
    const section = one(link, `${LKPO}citedSection`);
    const from = one(link, `${LKPO}linkFrom`)!;
    const labels = Object.fromEntries(store.getObjects(source, 'http://www.w3.org/2004/02/skos/core#prefLabel', null).map((o) => [(o as { language: string }).language, o.value]));
    for (const [lang, words, query] of [['sv', 'Angiven i', ''], ['en', 'Stated in', '?lang=en']] as const) {
      const body = await html(`${pathOf(from)}${query}`);
      const expected = `<p class="muted">${words} <a href="${pathOf(source)}${query}"><span>${labels[lang] ?? source}</span></a>${section ? `, § ${section}` : ''}</p>`;
      expect(body, `${from} ${lang}`).toContain(expected);
    }
  });
});

describe('concept pages link the link resources of their cross-links', () => {
  it.each(['/lkp/2016/4.4.3', '/lkp/2016/4.3', '/lkp/2016/4.4.3.2', '/vision2035/pulserande', '/sdg/11.2'])('%s links every link it takes part in', async (path) => {
    const iri = path.startsWith('/sdg/') ? `http://metadata.un.org${path}` : cfg.base + path.slice(1);
    const own = links.filter((l) => one(l, `${LKPO}linkFrom`) === iri || one(l, `${LKPO}linkTo`) === iri);
    expect(own.length).toBeGreaterThan(0);
    const body = await html(path);
    for (const l of own) expect(body, l).toContain(`<a href="${pathOf(l)}"><code>${l.slice(l.lastIndexOf('/') + 1)}</code></a>`);
  });

  it('so does a matrix cell', async () => {
    expect(await html('/matrix/4.4.3/11')).toContain('<a href="/link/lkp2016-4.4.3.2--sdg-11.2"><code>lkp2016-4.4.3.2--sdg-11.2</code></a>');
  });
});

describe('link resource pages', () => {
  it.each([
    // the UN's English target text is left out of a Swedish title (a title cannot mark it lang="en"; the h1 does)
    ['/link/lkp2016-4.4.3.2--sdg-11.2', '/lkp/2016/4.4.3.2', '4.4.3.2', '/sdg/11.2', '11.2', 'Länk: 4.4.3.2 Belysa och främja cyklisterna och cykla… → 11.2'],
    ['/link/lkp2016-4.3--vision-pulserande', '/lkp/2016/4.3', '4.3', '/vision2035/pulserande', undefined, undefined],
  ])('%s is headed from → to, with notations and labels, not its IRI', async (path, from, fromNo, to, toNo, title) => {
    const body = await html(path);
    const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(body)![1]!;
    expect(h1).not.toContain('https://');
    expect(h1).toContain(`<a href="${from}"><span class="no">${fromNo}</span> `);
    expect(h1).toContain('<span aria-hidden="true">→</span><span class="vh"> till </span>');
    expect(h1).toContain(`<a href="${to}">${toNo ? `<span class="no">${toNo}</span> ` : ''}`);
    if (title) expect(body).toContain(`<title>${title}</title>`);
    expect(await html(`${path}?lang=en`)).toContain('<span class="vh"> to </span>');
  });
});

describe('SDG lens pages show the UN notation', () => {
  it.each([
    ['/sdg/13.2', '13.2', 'Delmål 13.2'],
    ['/sdg/11.a', '11.a', 'Delmål 11.a'],
    ['/sdg/C130201', '13.2.1', 'Indikator 13.2.1 (C130201)'],
    ['/sdg/C010a01', '1.a.1', 'Indikator 1.a.1 (C010a01)'],
  ])('%s: %s in the heading, "%s" above it', async (path, notation, kicker) => {
    const body = await html(path);
    expect(body).toMatch(new RegExp(`<h1><span class="no">${notation.replace(/\./g, '\\.')}</span> `));
    expect(body).toContain(`<p>${kicker} · `);
  });
});

describe('SDG lens pages for search engines', () => {
  it.each([
    ['/sdg/C130201', true],
    ['/sdg/13.2', false],
    ['/sdg/13', false],
    ['/lkp/2016/4.4.3', false],
  ])('%s: noindex %s (an indicator page holds only the UN\'s statements, and is not in the sitemap)', async (path, noindex) => {
    const body = await html(path);
    expect(body.includes('<meta name="robots" content="noindex">')).toBe(noindex);
  });
});

describe('Swedish quotations in English rationales carry lang="sv"', () => {
  it('rationaleHtml marks each “…” in an English text, and nothing in a Swedish one', () => {
    expect(rationaleHtml('Its aim to “främja cyklisterna” and “<b>” serve', 'en')).toBe('Its aim to “<span lang="sv">främja cyklisterna</span>” and “<span lang="sv">&lt;b&gt;</span>” serve');
    expect(rationaleHtml('Programmet säger ”x” och “y”.', 'sv')).toBe('Programmet säger ”x” och “y”.');
  });

  it.each(['/lkp/2016/4.4.3?lang=en', '/lkp/2016/4.4.3', '/matrix/4.4.3/11?lang=en', '/sdg/11?lang=en', '/link/lkp2016-4.4.3.2--sdg-11.2?lang=en', '/vision2035/pulserande?lang=en'])('%s: no quotation left unmarked', async (path) => {
    const body = await html(path);
    const main = body.slice(body.indexOf('<main'), body.indexOf('</main>'));
    expect(main.match(/“<span lang="sv">/g)?.length ?? 0).toBeGreaterThan(0);
    expect(main.match(/“(?!<span lang="sv">)/g) ?? []).toEqual([]);
  });
});
