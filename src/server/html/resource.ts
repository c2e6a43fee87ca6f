// HTML page of one resource (concept, scheme, link, …) and the SDG lens page, from their view models.
import { LKPO, NS, XSD } from '../../vocab.js';
import type { QualifiedLink, Ref, ResourceView, Value } from '../view.js';
import type { Lang } from './i18n.js';
import { esc, page, type PageOptions } from './layout.js';
import { goalStyle } from './sdg-colours.js';
import { linkNotes, rationaleHtml } from './terms.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
const langAttr = (lang: string | undefined) => (lang ? ` lang="${esc(lang)}"` : '');

/** A link to a reference; the label carries `lang` when it is not in the page language. */
const anchor = (r: Ref, lang: Lang) => {
  const label = r.lang && r.lang !== lang ? `<span lang="${esc(r.lang)}">${esc(r.label)}</span>` : esc(r.label);
  return r.href ? `<a href="${esc(r.href)}">${label}</a>` : label;
};

/** A statement's object; `isRationale`: a link's rationale, whose quotations are marked (see rationaleHtml). */
function value(v: Value, lang: Lang, isRationale = false): string {
  if ('ref' in v) return anchor(v.ref, lang);
  const text = isRationale ? rationaleHtml(v.literal, v.lang) : esc(v.literal);
  // An untagged string says nothing of its language: lang="" (unknown), not the page's (the UN's English citation on a Swedish page).
  const unknown = !v.lang && v.datatype === XSD.string ? ' lang=""' : '';
  return `<span${langAttr(v.lang)}${unknown}>${text}</span>${v.lang ? ` <span class="muted">@${esc(v.lang)}</span>` : ''}`;
}

function rationale(r: Record<string, string>): string {
  return Object.entries(r)
    .map(([lang, text]) => `<p${langAttr(lang)}>${rationaleHtml(text, lang)}</p>`)
    .join('');
}

function linksTable(links: QualifiedLink[], caption: string, lang: Lang): string {
  if (links.length === 0) return '';
  const rows = links.map(
    (l) => `<tr><td>${l.direction === 'out' ? '→' : '←'} ${anchor(l.other, lang)}</td><td>${l.basis ? anchor(l.basis, lang) : ''}</td>
<td>${l.strength ? anchor(l.strength, lang) : ''}</td><td>${rationale(l.rationale)}${linkNotes(l, lang)}</td></tr>`,
  );
  return `<section><h2>${esc(caption)}</h2><div class="scroll"><table class="links"><thead><tr><th scope="col">${t(lang, 'Länk', 'Link')}</th><th scope="col">${t(lang, 'Grund', 'Basis')}</th>
<th scope="col">${t(lang, 'Styrka', 'Strength')}</th><th scope="col">${t(lang, 'Motivering', 'Rationale')}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

/** An end of a link: notation badge and label, linked. */
const end = (r: NonNullable<ResourceView['ends']>['from'], lang: Lang) =>
  `<a href="${esc(r.href)}">${r.notation ? `<span class="no">${esc(r.notation)}</span> ` : ''}<span${r.lang && r.lang !== lang ? ` lang="${esc(r.lang)}"` : ''}>${esc(r.label)}</span></a>`;

/** The heading of a qualified link's page: from → to, by notation and label (its IRI alone says nothing). */
function linkHeading(v: ResourceView, ends: NonNullable<ResourceView['ends']>, lang: Lang): string {
  const types = v.types.length ? `<p class="muted">${v.types.map((r) => `<span class="kind">${anchor(r, lang)}</span>`).join(' ')}</p>` : '';
  return `<h1>${end(ends.from, lang)} <span aria-hidden="true">→</span><span class="vh"> ${t(lang, 'till', 'to')} </span> ${end(ends.to, lang)}</h1>${types}
<p><code class="iri">${esc(v.iri)}</code></p>`;
}

/**
 * An end of a link in a page title: notation and label, the label cut at 40 characters. A label in
 * another language than the page's (the UN's English target texts on a Swedish page) is left out
 * where there is a notation: a title cannot mark a part of itself with `lang`.
 */
const endTitle = (r: NonNullable<ResourceView['ends']>['from'], lang: Lang) => {
  const label = r.lang && r.lang !== lang && r.notation ? '' : r.label.length > 40 ? `${r.label.slice(0, 39).trimEnd()}…` : r.label;
  return [r.notation, label].filter(Boolean).join(' ');
};

/** The page title of a qualified link: `Länk: 4.3 Vi vill ha livslång aktivitet → 2 Den pulserande staden`. */
const linkTitle = (ends: NonNullable<ResourceView['ends']>, lang: Lang) => `${t(lang, 'Länk', 'Link')}: ${endTitle(ends.from, lang)} → ${endTitle(ends.to, lang)}`;

function heading(v: ResourceView, lang: Lang): string {
  const primaryLang = v.labels[lang] !== undefined ? lang : v.labels.sv !== undefined ? 'sv' : v.labels.en !== undefined ? 'en' : '';
  const primary = v.labels[primaryLang] ?? v.iri;
  const otherLang = primaryLang === 'sv' ? 'en' : 'sv';
  const other = v.labels[otherLang] && v.labels[otherLang] !== primary ? `<p lang="${otherLang}" class="muted">${esc(v.labels[otherLang]!)}</p>` : '';
  const notation = v.notation ? `<span class="no">${esc(v.notation)}</span> ` : '';
  const crumbs = v.ancestors.length ? `<nav class="crumbs" aria-label="${t(lang, 'Överordnade', 'Broader')}">${v.ancestors.map((r) => anchor(r, lang)).join(' › ')}</nav>` : '';
  const types = v.types.length ? `<p class="muted">${v.types.map((r) => `<span class="kind">${anchor(r, lang)}</span>`).join(' ')}</p>` : '';
  return `${crumbs}<h1>${notation}<span${langAttr(primaryLang)}>${esc(primary)}</span></h1>${other}${types}
<p><code class="iri">${esc(v.iri)}</code></p>`;
}

function facts(v: ResourceView, lang: Lang): string {
  const rows = [
    v.scheme ? `<dt>${t(lang, 'Schema', 'Scheme')}</dt><dd>${anchor(v.scheme, lang)}</dd>` : '',
    v.ancestors.length ? `<dt>${t(lang, 'Överordnad', 'Broader')}</dt><dd>${v.ancestors.map((r) => anchor(r, lang)).join(' › ')}</dd>` : '',
    v.children.length ? `<dt>${t(lang, 'Underordnade', 'Narrower')}</dt><dd><ul>${v.children.map((c) => `<li>${anchor(c, lang)}</li>`).join('')}</ul></dd>` : '',
  ].join('\n');
  return rows.trim() ? `<dl>${rows}</dl>` : '';
}

function texts(v: ResourceView, lang: Lang): string {
  return v.texts.map((x) => `<section><h2>${anchor(x.property, lang)}</h2><p${langAttr(x.lang)}>${esc(x.value)}</p></section>`).join('\n');
}

function statements(v: ResourceView, lang: Lang, level = 2): string {
  const out = v.outgoing.map((s) => `<tr><td>${anchor(s.property, lang)}</td><td>${value(s.value, lang, s.property.iri === LKPO.rationale)}</td></tr>`).join('\n');
  const inc = v.incoming.map((s) => `<tr><td>${anchor(s.subject, lang)}</td><td>${anchor(s.property, lang)}</td></tr>`).join('\n');
  return [
    out ? `<section><h${level}>${t(lang, 'Utgående', 'Outgoing')}</h${level}><div class="scroll"><table><tbody>${out}</tbody></table></div></section>` : '',
    inc ? `<section><h${level}>${t(lang, 'Inkommande', 'Incoming')}</h${level}><div class="scroll"><table><tbody>${inc}</tbody></table></div></section>` : '',
  ].join('\n');
}

/**
 * The hash IRIs the document also describes, each in a section whose id is its fragment, so that
 * the IRI's link (`/sparql.html#named-graph-sdg`) lands on what is said about it.
 */
function hashTerms(v: ResourceView, lang: Lang): string {
  if (v.hashTerms.length === 0) return '';
  const sections = v.hashTerms.map((h) => {
    const label = h.labels[lang] ?? h.labels.sv ?? h.labels.en;
    const labelLang = h.labels[lang] !== undefined ? lang : h.labels.sv !== undefined ? 'sv' : 'en';
    const types = h.types.length ? `<p class="muted">${h.types.map((r) => `<span class="kind">${anchor(r, lang)}</span>`).join(' ')}</p>` : '';
    return `<section id="${esc(h.iri.slice(h.iri.indexOf('#') + 1))}"><h3>${label ? `<span${labelLang !== lang ? ` lang="${labelLang}"` : ''}>${esc(label)}</span>` : `<code class="iri">${esc(h.iri)}</code>`}</h3>${label ? `<p><code class="iri">${esc(h.iri)}</code></p>` : ''}${types}
${statements(h, lang, 4)}</section>`;
  });
  return `<section><h2>${t(lang, 'Också beskrivet i dokumentet', 'Also described in this document')}</h2>\n${sections.join('\n')}</section>`;
}

export type PageLinks = Pick<PageOptions, 'canonical' | 'alternates' | 'jsonld' | 'path'>;

/** The links to the resource's RDF documents (every alternate but the HTML pages). */
export function formatsNav(links: PageLinks, lang: Lang): string {
  const items = (links.alternates ?? []).filter((alt) => alt.type !== 'text/html').map((alt) => `<a href="${esc(alt.href)}" type="${esc(alt.type)}">${esc(alt.type)}</a>`);
  return `<nav class="formats" aria-label="${t(lang, 'Andra format', 'Other formats')}"><p class="muted">${t(lang, 'Som data', 'As data')}: ${items.join(' · ')}</p></nav>`;
}

/**
 * The page of a resource: labels (sv, en), notation, texts, hierarchy, qualified links with
 * basis/strength/rationale, other outgoing and incoming statements, and the embedded JSON-LD.
 */
export function resourcePage(v: ResourceView, links: PageLinks, lang: Lang = 'sv'): string {
  const body = [
    v.ends ? linkHeading(v, v.ends, lang) : heading(v, lang),
    facts(v, lang),
    texts(v, lang),
    linksTable(v.links, t(lang, 'Kvalificerade länkar', 'Qualified links'), lang),
    statements(v, lang),
    hashTerms(v, lang),
    formatsNav(links, lang),
  ].join('\n');
  const title = v.ends ? linkTitle(v.ends, lang) : (v.labels[lang] ?? v.labels.sv ?? v.labels.en ?? v.iri);
  return page({ title, body, lang, ...links });
}

const code = (iri: string) => (iri.startsWith(NS.sdg) ? iri.slice(NS.sdg.length) : iri);

function targetItem(tv: ResourceView, lang: Lang): string {
  const incoming = tv.links.filter((l) => l.direction === 'in');
  const items = incoming.map(
    (l) => `<li>${anchor(l.other, lang)} <span class="muted">(${l.basis ? anchor(l.basis, lang) : ''}${l.strength ? `, ${anchor(l.strength, lang)}` : ''})</span>${rationale(l.rationale)}${linkNotes(l, lang)}</li>`,
  );
  const text = tv.labels[lang] ?? tv.labels.en ?? '';
  const textLang = tv.labels[lang] !== undefined ? lang : 'en';
  return `<li class="${incoming.length ? '' : 'untouched'}"><h3><a href="/sdg/${esc(code(tv.iri))}">${t(lang, 'Delmål', 'Target')} ${esc(code(tv.iri))}</a></h3>
<p${textLang !== lang ? ` lang="${textLang}"` : ''}>${esc(text)}</p>
${incoming.length ? `<ul>${items.join('')}</ul>` : `<p><em>${t(lang, 'Inte berört av programmet.', 'Not touched by the programme.')}</em></p>`}</li>`;
}

/** The SDG lens: what in this dataset points at a UN SDG goal or target (and, for a goal, its targets). */
export function lensPage(v: ResourceView, targets: ResourceView[], links: PageLinks, lang: Lang = 'sv'): string {
  const c = code(v.iri);
  const isGoal = /^\d+$/.test(c);
  const isIndicator = /^C/i.test(c);
  // an indicator's code (C130201) does not start with its goal's number: take the top of its skos:broader chain
  const goal = Number(/^\d+/.exec(isIndicator ? code(v.ancestors[0]?.iri ?? '') : c)?.[0] ?? 0);
  const target = isIndicator ? v.ancestors[v.ancestors.length - 1] : undefined;
  const title = v.labels[lang] ?? v.labels.en ?? v.labels.sv ?? c;
  const titleLang = v.labels[lang] !== undefined ? lang : v.labels.en !== undefined ? 'en' : 'sv';
  const sorted = [...targets].sort((a, b) => code(a.iri).localeCompare(code(b.iri), 'en', { numeric: true }));
  const touched = sorted.filter((x) => x.links.some((l) => l.direction === 'in')).length;
  const kind = isGoal ? t(lang, 'Mål', 'Goal') : isIndicator ? t(lang, 'Indikator', 'Indicator') : t(lang, 'Delmål', 'Target');
  const up = [
    target ? `<a href="${esc(target.href)}">${t(lang, 'delmål', 'target')} ${esc(code(target.iri))}</a>` : '',
    goal ? `<a href="/sdg/${goal}">${t(lang, 'mål', 'goal')} ${goal}</a>` : '',
  ].filter(Boolean);
  // targets and indicators by their UN notation (13.2, 13.2.1); an indicator's IRI code (C130201) beside it
  const notation = v.notation ?? c;
  const shown = isIndicator && notation !== c ? `${notation} (${c})` : notation;
  const kicker = isGoal ? `${t(lang, 'Globalt mål', 'SDG goal')} ${c}` : [`${kind} ${esc(shown)}`, ...up].join(' · ');
  const nav = isGoal
    ? `<nav class="goal-nav" aria-label="${t(lang, 'Andra mål', 'Other goals')}">${goal > 1 ? `<a href="/sdg/${goal - 1}">← ${t(lang, 'Mål', 'Goal')} ${goal - 1}</a>` : '<span></span>'}<a href="/sdg">${t(lang, 'Alla mål', 'All goals')}</a>${goal < 17 ? `<a href="/sdg/${goal + 1}">${t(lang, 'Mål', 'Goal')} ${goal + 1} →</a>` : '<span></span>'}</nav>`
    : '';
  const body = [
    `<div class="lens-head" style="${goalStyle(goal)}"><p>${kicker}</p><h1>${isGoal ? '' : `<span class="no">${esc(notation)}</span> `}<span${langAttr(titleLang)}>${esc(title)}</span></h1>${
      isGoal && v.labels.en && titleLang !== 'en' ? `<p lang="en">${esc(v.labels.en)}</p>` : ''
    }</div>`,
    `<p class="lead">${
      isGoal
        ? t(lang, `Programmet berör ${touched} av målets ${sorted.length} delmål.`, `The programme touches ${touched} of the goal’s ${sorted.length} targets.`)
        : isIndicator
          ? t(lang, 'Det här pekar på indikatorn i datasetet.', 'What in this dataset points at this indicator.')
          : t(lang, 'Det här pekar på delmålet i datasetet.', 'What in this dataset points at this target.')
    } <span class="muted">${t(lang, 'FN:s IRI', 'UN IRI')}: <a href="${esc(v.iri)}">${esc(v.iri)}</a></span></p>`,
    linksTable(v.links, isGoal ? t(lang, 'Fokusområden som bidrar (härlett ur prioriteringarnas delmål)', 'Focus areas that contribute (derived from their priorities’ targets)') : t(lang, 'Kvalificerade länkar', 'Qualified links'), lang),
    sorted.length ? `<h2>${t(lang, 'Delmål', 'Targets')}</h2><ul class="targets">${sorted.map((x) => targetItem(x, lang)).join('\n')}</ul>` : '',
    `<details><summary>${t(lang, 'Alla påståenden', 'All statements')}</summary>${statements({ ...v, outgoing: [] }, lang)}</details>`,
    nav,
    formatsNav(links, lang),
  ].join('\n');
  // An indicator nothing of ours points at (none does yet) shows only the UN's own statements: left
  // out of the sitemap, and out of search engines' indexes. Goals and targets are listed and indexed.
  // A title cannot mark a part of itself with `lang`: where the UN's text is not in the page language
  // (a target's on a Swedish page), the goal's name in it stands in for it.
  const goalName = v.ancestors[0] && v.ancestors[0].lang === lang ? ` · ${v.ancestors[0].label}` : '';
  const pageTitle = `${kind} ${isGoal ? c : notation}${titleLang === lang ? `: ${title}` : goalName}`;
  return page({ title: pageTitle, body, lang, section: 'sdg', noindex: isIndicator && v.links.length === 0, ...links });
}
