// The HTML results page of /search (the search form's target when JavaScript is off or Enter is pressed without a choice).
import type { SearchHit } from '../site/search.js';
import type { Lang } from './i18n.js';
import { esc, page } from './layout.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);

/**
 * Renders `/search?q=…` for a browser.
 *
 * @example
 * searchPage('cykel', index.search('cykel', 'sv', 50), 'sv')
 */
export function searchPage(query: string, hits: SearchHit[], lang: Lang): string {
  const items = hits.map(
    (h) => `<li><a href="${esc(h.href)}">${h.notation ? `<span class="no">${esc(h.notation)}</span> ` : ''}<span${h.lang && h.lang !== lang ? ` lang="${esc(h.lang)}"` : ''}>${esc(h.label)}</span></a> <span class="kind">${esc(h.kind)}</span></li>`,
  );
  const summary = query
    ? hits.length
      ? t(lang, `${hits.length} träffar för ”${esc(query)}”.`, `${hits.length} results for “${esc(query)}”.`)
      : t(lang, `Inga träffar för ”${esc(query)}”. Pröva ett kortare ord, ett nummer som 4.4.3 eller ”mål 13”.`, `No results for “${esc(query)}”. Try a shorter word, a number such as 4.4.3 or “goal 13”.`)
    : t(lang, 'Skriv ett ord, ett nummer som 4.4.3 eller ”mål 13”.', 'Type a word, a number such as 4.4.3 or “goal 13”.');
  const body = `<h1>${t(lang, 'Sök', 'Search')}</h1>
<form class="search-big" action="/search" method="get" role="search">
<label for="page-q">${t(lang, 'Sök bland begrepp, nummer och mål', 'Search concepts, numbers and goals')}</label>
<input id="page-q" name="q" type="search" value="${esc(query)}">${lang === 'en' ? '<input type="hidden" name="lang" value="en">' : ''}
<button type="submit">${t(lang, 'Sök', 'Search')}</button></form>
<p role="status">${summary}</p>
${items.length ? `<ol class="results">${items.join('\n')}</ol>` : ''}`;
  return page({ title: `${t(lang, 'Sök', 'Search')}${query ? `: ${query}` : ''}`, body, lang, path: query ? `/search?q=${encodeURIComponent(query)}` : '/search' });
}
