// Words the pages use for the ontology's link bases and strengths, and the shared link-table and goal-badge snippets.
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
 * A table of qualified links: from, to, basis, strength, rationale (and cited section).
 *
 * @example
 * linkTable(model, cell.links, 'sv')
 */
export function linkTable(model: SiteModel, links: SiteLink[], lang: Lang, caption?: string): string {
  const h = (sv: string, en: string) => `<th scope="col">${lang === 'sv' ? sv : en}</th>`;
  const rows = links.map((l) => {
    const rationale = Object.entries(l.rationale).map(([rl, text]) => `<p${rl && rl !== lang ? ` lang="${esc(rl)}"` : ''}>${esc(text)}</p>`).join('');
    return `<tr><td>${conceptLink(model, l.from, lang)}</td><td>${conceptLink(model, l.to, lang)}</td>
<td><span class="basis basis-${l.basis}">${esc(BASIS[l.basis]![lang])}</span></td><td>${l.strength ? esc(STRENGTH[l.strength]![lang]) : ''}</td>
<td>${rationale}${l.citedSection ? `<p class="muted">§ ${esc(l.citedSection)}</p>` : ''}</td></tr>`;
  });
  return `<div class="scroll"><table class="links">${caption ? `<caption>${caption}</caption>` : ''}<thead><tr>${h('Från', 'From')}${h('Till', 'To')}${h('Grund', 'Basis')}${h('Styrka', 'Strength')}${h('Motivering', 'Rationale')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
}
