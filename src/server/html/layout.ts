// The HTML page shell shared by every server-rendered page (header, search, language switch, footer), and escaping helpers.
import { assetHref } from '../site/assets.js';
import { hrefIn, localizeLinks, otherLang, type Lang, type Text } from './i18n.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** JSON for a `<script type="application/ld+json">` block: `<` is escaped so `</script>` cannot occur. */
export const scriptJson = (json: string): string => json.replace(/</g, '\\u003c');

/** A number as the page language writes it (12 140 / 12,140). */
export const num = (n: number, lang: Lang): string => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB');

export interface PageOptions {
  title: string;
  /** Main content, already escaped HTML. */
  body: string;
  /** Page language; `sv` unless the reader chose English. */
  lang?: Lang;
  /** This page's path and query without `lang` (for the language switch, and hreflang alternates where there is no `canonical`). */
  path?: string;
  /**
   * The absolute URL of the Swedish page (a resource's IRI, `{BASE}matrix`): the Swedish page's
   * canonical, and with `?lang=en` the English page's (each language version is its own canonical).
   */
  canonical?: string;
  /**
   * Alternate representations (as in the `Link` header): the RDF ones become `<link rel="alternate">`;
   * the HTML ones (`….html`, `….html?lang=en`) are left out, as the hreflang links name each language version once.
   */
  alternates?: Alternate[];
  /** A JSON-LD document to embed (embedded without its indentation: no reader sees it, every page carries it). */
  jsonld?: string;
  /** Extra stylesheets and scripts (asset names under /assets/). */
  styles?: string[];
  scripts?: string[];
  /** Use the full window width (matrix, overview, query UI). */
  wide?: boolean;
  /** Which main-menu entry is current. */
  section?: 'overview' | 'matrix' | 'sdg' | 'sparql';
  /** Asks search engines not to index the page (`<meta name="robots" content="noindex">`): one with nothing of ours on it. */
  noindex?: boolean;
}

/** One alternate representation of a resource: its URL, media type and, for pages, language. */
export interface Alternate {
  href: string;
  type: string;
  hreflang?: Lang;
}

const NAV: Array<{ key: NonNullable<PageOptions['section']>; href: string; label: Text }> = [
  { key: 'overview', href: '/overview', label: { sv: 'Översikt', en: 'Overview' } },
  { key: 'matrix', href: '/matrix', label: { sv: 'Matris', en: 'Matrix' } },
  { key: 'sdg', href: '/sdg', label: { sv: 'Globala målen', en: 'The SDGs' } },
  { key: 'sparql', href: '/sparql', label: { sv: 'Fråga data', en: 'Query' } },
];

const T = {
  skip: { sv: 'Hoppa till innehållet', en: 'Skip to content' },
  menu: { sv: 'Huvudmeny', en: 'Main menu' },
  search: { sv: 'Sök', en: 'Search' },
  searchLabel: { sv: 'Sök begrepp, nummer eller mål', en: 'Search concepts, numbers or goals' },
  placeholder: { sv: 't.ex. cykel, 4.4.3, mål 13', en: 'e.g. cycling, 4.4.3, goal 13' },
  switchTo: { sv: 'In English', en: 'På svenska' },
  brand: { sv: 'Livskvalitetsprogrammet som länkade data', en: 'The Quality of Life Programme as Linked Data' },
  licence: {
    sv: 'Projektets data och ontologi under <a href="https://creativecommons.org/licenses/by/4.0/deed.sv" rel="license">CC BY 4.0</a>; citerade texter hör till sina källor; FN:s SDG KOS under FN:s villkor (se <a href="/#cite">licens och citering</a>).',
    en: 'The project’s data and ontology under <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>; quoted texts stay with their sources; the UN SDG KOS under the UN’s terms (see <a href="/#cite">licence and how to cite</a>).',
  },
  source: {
    sv: 'Källor: Helsingborgs stads dokument och de källor varje graf anger. Engelska namn på programmets begrepp är projektets egna översättningar.',
    en: 'Sources: the City of Helsingborg’s documents and the sources each graph names. English names of the programme’s concepts are the project’s own translations.',
  },
} satisfies Record<string, Text>;

/** Where the language switch goes; filled in after the links were localized (it must point at the other language). */
const SWITCH = '<!--lang-switch-->';

function header(o: PageOptions, lang: Lang): string {
  const nav = NAV.map((n) => `<li><a href="${n.href}"${n.key === o.section ? ' aria-current="page"' : ''}>${esc(n.label[lang])}</a></li>`).join('');
  const langInput = lang === 'en' ? '<input type="hidden" name="lang" value="en">' : '';
  return `<header class="site"><div class="bar">
<a class="brand" href="/"><span class="logo" aria-hidden="true"></span>${esc(T.brand[lang])}</a>
<nav aria-label="${esc(T.menu[lang])}"><ul>${nav}</ul></nav>
<form class="search" role="search" action="/search" method="get" data-lang="${lang}">
<label for="site-q" class="vh">${esc(T.searchLabel[lang])}</label>
<div class="combo"><input id="site-q" name="q" type="search" autocomplete="off" spellcheck="false" placeholder="${esc(T.placeholder[lang])}"
 role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="site-q-list">
<ul id="site-q-list" role="listbox" aria-label="${esc(T.search[lang])}" hidden></ul></div>${langInput}
<button type="submit">${esc(T.search[lang])}</button>
</form>
${SWITCH}
</div></header>`;
}

/**
 * The URL of the page in each language: the canonical (absolute, as search engines want hreflang
 * URLs) and it with `?lang=en`; a page without one by its path. Swedish is also the `x-default`:
 * the resource's IRI serves it whatever the reader's language.
 *
 * @example
 * languageVersions('https://w3id.org/helsingborg-livskvalitet/matrix', '/matrix').en // 'https://w3id.org/helsingborg-livskvalitet/matrix?lang=en'
 */
export function languageVersions(canonical: string | undefined, path: string): Record<Lang, string> {
  if (!canonical) return { sv: hrefIn(path, 'sv'), en: hrefIn(path, 'en') };
  // as the IRI is written (a URL object would percent-encode it), which carries no `lang` of its own
  return { sv: canonical, en: `${canonical}${canonical.includes('?') ? '&' : '?'}lang=en` };
}

/**
 * Renders a complete HTML document. Every local link in it keeps the page language.
 *
 * @example
 * page({ title: 'Klimatanpassning', body: '<p>…</p>', lang: 'en', path: '/lkp/2016/4.4.3' })
 */
export function page(o: PageOptions): string {
  const lang = o.lang ?? 'sv';
  const other = otherLang(lang);
  const path = o.path ?? '/';
  const version = languageVersions(o.canonical, path);
  const links = [
    o.canonical ? `<link rel="canonical" href="${esc(version[lang])}">` : '',
    ...(o.alternates ?? []).filter((a) => a.type !== 'text/html').map((a) => `<link rel="alternate" type="${esc(a.type)}" href="${esc(a.href)}">`),
    ...(['sv', 'en', 'x-default'] as const).map((l) => `<link rel="alternate" hreflang="${l}" href="${esc(version[l === 'x-default' ? 'sv' : l])}">`),
    ...['site.css', ...(o.styles ?? [])].map((s) => `<link rel="stylesheet" href="${assetHref(s)}">`),
  ].join('\n');
  const ld = o.jsonld ? `<script type="application/ld+json">\n${scriptJson(JSON.stringify(JSON.parse(o.jsonld)))}\n</script>` : '';
  const scripts = ['site.js', ...(o.scripts ?? [])].map((s) => `<script src="${assetHref(s)}" defer></script>`).join('\n');
  const switcher = `<a class="lang-switch" href="${esc(hrefIn(path, other))}" hreflang="${other}" lang="${other}">${esc(T.switchTo[lang])}</a>`;
  const inner = localizeLinks(`${header(o, lang)}
<main id="main" tabindex="-1"${o.wide ? ' class="wide"' : ''}>
${o.body}
</main>
<footer class="site"><div class="bar"><p>${T.licence[lang]}</p><p>${esc(T.source[lang])}</p>
<p><a href="/#download">${lang === 'sv' ? 'Ladda ner' : 'Download'}</a> · <a href="/datasets/dcat">DCAT-AP-SE</a> · <a href="/.well-known/void">VoID</a> · <a href="/sparql">SPARQL</a></p></div></footer>`, lang);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>${o.noindex ? '\n<meta name="robots" content="noindex">' : ''}
${links}
${ld}
</head>
<body>
<a class="skip" href="#main">${esc(T.skip[lang])}</a>
${inner.replace(SWITCH, switcher)}
${scripts}
</body>
</html>
`;
}
