// Words the pages use for the ontology's link bases and strengths, and the shared link-table, rationale, citation and goal-badge snippets.
import type { Goal, SiteLink, SiteModel } from '../site/model.js';
import type { Lang, Text } from './i18n.js';
import { esc } from './layout.js';
import { goalStyle } from './sdg-colours.js';

/** The prefLabels of lkpo:stated/curated/derived and lkpo:close/related (ontology/lkpo.ttl). */
export const BASIS: Record<string, Text> = {
  stated: { sv: 'angiven', en: 'stated' },
  curated: { sv: 'bedömd', en: 'curated' },
  derived: { sv: 'härledd', en: 'derived' },
};
export const STRENGTH: Record<string, Text> = {
  close: { sv: 'nära', en: 'close' },
  related: { sv: 'relaterad', en: 'related' },
};

/**
 * A rationale as HTML. Rationales quote the source in “…” (README: verbatim words of a Swedish
 * source document), so in an English rationale each quotation gets `lang="sv"` (WCAG 3.1.2).
 *
 * @example
 * rationaleHtml('The aim to “främja cyklisterna” serves…', 'en') // 'The aim to “<span lang="sv">främja cyklisterna</span>” serves…'
 */
export function rationaleHtml(text: string, textLang: string): string {
  const html = esc(text);
  return textLang === 'en' ? html.replace(/“([^“”]+)”/g, '“<span lang="sv">$1</span>”') : html;
}

/** A document a link cites: its page and its label (or IRI) with the label's language. */
export interface Cited {
  href: string;
  label: string;
  lang?: string;
}

/**
 * What stands under a link's rationale: for a stated link, the document and section that state it
 * (dcterms:source, lkpo:citedSection); and the link resource's own page.
 *
 * @example
 * linkNotes({ iri: `${base}link/x`, href: '/link/x', source: { href: '/lkp/2016', label: 'Livskvalitetsprogrammet 2016–2024', lang: 'sv' }, citedSection: '4.3' }, 'sv')
 */
export function linkNotes(l: { iri: string; href: string; source?: Cited; citedSection?: string }, lang: Lang): string {
  const t = (sv: string, en: string) => (lang === 'sv' ? sv : en);
  const section = l.citedSection ? `§ ${esc(l.citedSection)}` : '';
  const doc = l.source ? `<a href="${esc(l.source.href)}"><span${l.source.lang && l.source.lang !== lang ? ` lang="${esc(l.source.lang)}"` : ''}>${esc(l.source.label)}</span></a>` : '';
  const stated = doc || section ? `<p class="muted">${t('Angiven i', 'Stated in')} ${[doc, section].filter(Boolean).join(', ')}</p>` : '';
  const id = l.iri.slice(l.iri.lastIndexOf('/') + 1);
  return `${stated}<p class="muted">${t('Länken', 'The link')}: <a href="${esc(l.href)}"><code>${esc(id)}</code></a></p>`;
}

/** The label of `labels` to show in `lang` (else Swedish, English, untagged), with its language; the IRI when there is none. */
export function labelIn(labels: Record<string, string>, lang: Lang, iri: string): { label: string; lang: string } {
  const key = [lang, 'sv', 'en', ''].find((k) => labels[k] !== undefined);
  return key === undefined ? { label: iri, lang: '' } : { label: labels[key]!, lang: key };
}

/** A concept reference: notation badge and label, with `lang` on the label when it is not in the page language. */
export function conceptLink(model: SiteModel, iri: string, lang: Lang): string {
  const c = model.concepts.get(iri);
  if (!c) return `<a href="${esc(iri)}">${esc(iri)}</a>`;
  const labelLang = c.labels[lang] !== undefined ? lang : c.labels.sv !== undefined ? 'sv' : 'en';
  const notation = c.notation ? `<span class="no">${esc(c.notation)}</span> ` : '';
  return `<a href="${esc(c.href)}">${notation}<span${labelLang !== lang ? ` lang="${labelLang}"` : ''}>${esc(model.label(iri, lang))}</span></a>`;
}

/** The small coloured square with a goal's number. */
export const goalBadge = (goal: Goal): string => `<span class="goal-badge" style="${goalStyle(goal.number)}">${goal.number}</span>`;

/**
 * A table of qualified links: from, to, basis, strength, rationale (with the citing document and
 * section of a stated link, and the link's own page).
 *
 * @example
 * linkTable(model, cell.links, 'sv')
 */
export function linkTable(model: SiteModel, links: SiteLink[], lang: Lang, caption?: string): string {
  const h = (sv: string, en: string) => `<th scope="col">${lang === 'sv' ? sv : en}</th>`;
  const rows = links.map((l) => {
    const rationale = Object.entries(l.rationale).map(([rl, text]) => `<p${rl && rl !== lang ? ` lang="${esc(rl)}"` : ''}>${rationaleHtml(text, rl)}</p>`).join('');
    const source = l.source && { href: l.source.href, ...labelIn(l.source.labels, lang, l.source.iri) };
    return `<tr><td>${conceptLink(model, l.from, lang)}</td><td>${conceptLink(model, l.to, lang)}</td>
<td><span class="basis basis-${l.basis}">${esc(BASIS[l.basis]![lang])}</span></td><td>${l.strength ? esc(STRENGTH[l.strength]![lang]) : ''}</td>
<td>${rationale}${linkNotes({ iri: l.iri, href: l.href, source, citedSection: l.citedSection }, lang)}</td></tr>`;
  });
  return `<div class="scroll"><table class="links">${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${h('Från', 'From')}${h('Till', 'To')}${h('Grund', 'Basis')}${h('Styrka', 'Strength')}${h('Motivering', 'Rationale')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}
