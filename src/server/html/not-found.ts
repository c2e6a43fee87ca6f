// The 404 page for people: what was not found, the likely address where one is known, a search link, in the site's layout.
import type { Lang } from './i18n.js';
import { esc, page } from './layout.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);

export interface NotFound {
  /** The path that was asked for, as sent (percent-encoded). */
  path: string;
  /** The server's own reason (in English, as the plain-text answer gives it). */
  reason: string;
  /** Addresses that exist and were likely meant (trailing slash removed, case corrected). */
  suggestions: string[];
  /** Words to search for instead, from the path's last segment; empty for none. */
  searchTerm: string;
}

/**
 * Renders the 404 page in the page language.
 *
 * @example
 * notFoundPage({ path: '/LKP/2016/4.4.3', reason: 'no resource with this IRI in the dataset', suggestions: ['/lkp/2016/4.4.3'], searchTerm: '4.4.3' }, 'sv')
 */
export function notFoundPage(nf: NotFound, lang: Lang): string {
  const suggestions = nf.suggestions.map((href) => `<li><a href="${esc(href)}">${esc(href)}</a></li>`).join('');
  const term = esc(nf.searchTerm);
  const search = nf.searchTerm ? `<a href="/search?q=${esc(encodeURIComponent(nf.searchTerm))}">${t(lang, `Sök efter ”${term}”`, `Search for “${term}”`)}</a>` : `<a href="/search">${t(lang, 'Sök', 'Search')}</a>`;
  // the reason is the plain-text answer's English sentence
  const reason = lang === 'en' ? esc(nf.reason) : `<span lang="en">${esc(nf.reason)}</span>`;
  const body = `<h1>${t(lang, 'Sidan finns inte', 'Page not found')}</h1>
<p class="lead">${t(lang, 'Det finns ingen sida eller resurs med adressen', 'There is no page or resource at the address')} <code class="iri">${esc(nf.path)}</code>.</p>
<p class="muted">${t(lang, 'Serverns besked', 'The server says')}: ${reason}</p>
${suggestions ? `<h2>${t(lang, 'Menade du', 'Did you mean')}</h2><ul>${suggestions}</ul>` : ''}
<h2>${t(lang, 'Hitta rätt', 'Find your way')}</h2>
<ul><li>${search}</li><li><a href="/">${t(lang, 'Startsidan', 'The start page')}</a></li><li><a href="/overview">${t(lang, 'Översikten', 'The overview')}</a></li></ul>`;
  return page({ title: t(lang, 'Sidan finns inte', 'Page not found'), body, lang, path: nf.path });
}
