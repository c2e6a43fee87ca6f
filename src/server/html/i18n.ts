// The two page languages (Swedish first, English on request with ?lang=en) and link helpers that keep the choice.

export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];

/** A text in both page languages. */
export type Text = Record<Lang, string>;

/**
 * The page language a request asks for: English for `?lang=en`, in any letter case and with a
 * region (`EN`, `en-GB`: language tags are case-insensitive, RFC 5646 §2.1.1); anything else Swedish.
 */
export const langOf = (query: string | undefined): Lang => (query !== undefined && /^en(?:-[a-z0-9-]*)?$/i.test(query) ? 'en' : 'sv');

/** The other language (for the switch). */
export const otherLang = (lang: Lang): Lang => (lang === 'sv' ? 'en' : 'sv');

/** Paths that serve files (the SHACL shapes too, Turtle only), where a language parameter means nothing. */
const LANGLESS = /^\/(assets\/|download\/|def\/shapes(?:\.ttl)?(?:[?#]|$))/;

/**
 * A local href in the given page language: `?lang=en` added for English, removed for Swedish.
 *
 * @example
 * hrefIn('/matrix?x=1#top', 'en') // '/matrix?x=1&lang=en#top'
 */
export function hrefIn(href: string, lang: Lang): string {
  if (!href.startsWith('/') || href.startsWith('//') || LANGLESS.test(href)) return href;
  const hash = href.indexOf('#');
  const [path, fragment] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  const q = path.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : path.slice(q + 1));
  params.delete('lang');
  if (lang === 'en') params.set('lang', 'en');
  const query = params.toString();
  return (q < 0 ? path : path.slice(0, q)) + (query ? `?${query}` : '') + fragment;
}

/**
 * Rewrites every local `href="/…"` in generated HTML to the page language, so that
 * no link on an English page silently drops the reader back into Swedish. Our HTML escapes attribute
 * values, so the pattern cannot match inside text.
 */
export function localizeLinks(html: string, lang: Lang): string {
  if (lang === 'sv') return html;
  return html.replace(/ href="(\/[^"]*)"/g, (_m, href: string) => ` href="${hrefIn(href.replace(/&amp;/g, '&'), lang).replace(/&/g, '&amp;')}"`);
}
