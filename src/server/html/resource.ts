// HTML page of one resource (concept, scheme, link, …) and the SDG lens page, from their view models.
import type { QualifiedLink, Ref, ResourceView, Value } from '../view.js';
import { esc, page, type PageOptions } from './layout.js';

const a = (r: Ref) => (r.href ? `<a href="${esc(r.href)}">${esc(r.label)}</a>` : esc(r.label));
const list = (refs: Ref[]) => refs.map(a).join(', ');
const langAttr = (lang: string) => (lang ? ` lang="${esc(lang)}"` : '');

function value(v: Value): string {
  if ('ref' in v) return a(v.ref);
  return `<span${langAttr(v.lang)}>${esc(v.literal)}</span>${v.lang ? ` <span class="muted">@${esc(v.lang)}</span>` : ''}`;
}

function rationale(r: Record<string, string>): string {
  return Object.entries(r)
    .map(([lang, text]) => `<p${langAttr(lang)}>${esc(text)}</p>`)
    .join('');
}

function linksTable(links: QualifiedLink[], caption: string): string {
  if (links.length === 0) return '';
  const rows = links.map(
    (l) => `<tr><td>${l.direction === 'out' ? '→' : '←'} ${a(l.other)}</td><td>${l.basis ? a(l.basis) : ''}</td>
<td>${l.strength ? a(l.strength) : ''}</td><td>${rationale(l.rationale)}${l.citedSection ? `<p class="muted">§ ${esc(l.citedSection)}</p>` : ''}</td></tr>`,
  );
  return `<section><h2>${esc(caption)}</h2><table><thead><tr><th>Länk / link</th><th>Grund / basis</th><th>Styrka / strength</th>
<th>Motivering / rationale</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

function heading(v: ResourceView): string {
  const sv = v.labels.sv ?? v.labels[''] ?? v.iri;
  const en = v.labels.en && v.labels.en !== sv ? `<p lang="en" class="muted">${esc(v.labels.en)}</p>` : '';
  const notation = v.notation ? `<span class="muted">${esc(v.notation)}</span> ` : '';
  return `<h1>${notation}<span lang="sv">${esc(sv)}</span></h1>${en}
<p><code class="iri">${esc(v.iri)}</code></p>`;
}

function facts(v: ResourceView): string {
  const rows = [
    v.types.length ? `<dt>Typ / type</dt><dd>${list(v.types)}</dd>` : '',
    v.scheme ? `<dt>Schema / scheme</dt><dd>${a(v.scheme)}</dd>` : '',
    v.ancestors.length ? `<dt>Överordnad / broader</dt><dd>${v.ancestors.map(a).join(' › ')}</dd>` : '',
    v.children.length ? `<dt>Underordnade / narrower</dt><dd><ul>${v.children.map((c) => `<li>${a(c)}</li>`).join('')}</ul></dd>` : '',
  ].join('\n');
  return rows.trim() ? `<dl>${rows}</dl>` : '';
}

function texts(v: ResourceView): string {
  return v.texts.map((t) => `<section><h2>${a(t.property)}</h2><p${langAttr(t.lang)}>${esc(t.value)}</p></section>`).join('\n');
}

function statements(v: ResourceView): string {
  const out = v.outgoing.map((s) => `<tr><td>${a(s.property)}</td><td>${value(s.value)}</td></tr>`).join('\n');
  const inc = v.incoming.map((s) => `<tr><td>${a(s.subject)}</td><td>${a(s.property)}</td></tr>`).join('\n');
  return [
    out ? `<section><h2>Utgående / outgoing</h2><table><tbody>${out}</tbody></table></section>` : '',
    inc ? `<section><h2>Inkommande / incoming</h2><table><tbody>${inc}</tbody></table></section>` : '',
  ].join('\n');
}

export type PageLinks = Pick<PageOptions, 'canonical' | 'alternates' | 'jsonld'>;

function formatsNav(links: PageLinks): string {
  const items = (links.alternates ?? []).map((alt) => `<a href="${esc(alt.href)}" type="${esc(alt.type)}">${esc(alt.type)}</a>`);
  return `<nav class="formats" aria-label="Format">${items.join('')}</nav>`;
}

/**
 * The page of a resource: labels (sv, en), notation, texts, hierarchy, qualified links with
 * basis/strength/rationale, other outgoing and incoming statements, and the embedded JSON-LD.
 */
export function resourcePage(v: ResourceView, links: PageLinks): string {
  const body = [heading(v), facts(v), texts(v), linksTable(v.links, 'Kvalificerade länkar / qualified links'), statements(v), formatsNav(links)].join('\n');
  return page({ title: v.labels.sv ?? v.labels.en ?? v.iri, body, ...links });
}

/** The SDG lens: what in this dataset points at a UN SDG goal or target (and, for a goal, its targets). */
export function lensPage(v: ResourceView, targets: ResourceView[], links: PageLinks): string {
  const perTarget = targets.map((t) => linksTable(t.links, `${t.notation ?? t.iri} ${t.labels.sv ?? t.labels.en ?? ''}`)).join('\n');
  const body = [
    heading(v),
    `<p>Vad i datasetet som pekar på detta FN-mål / what in this dataset points at this UN SDG: <a href="${esc(v.iri)}">${esc(v.iri)}</a></p>`,
    linksTable(v.links, 'Kvalificerade länkar / qualified links'),
    targets.length ? `<h2>Delmål / targets</h2>${perTarget}` : '',
    statements({ ...v, outgoing: [] }),
    formatsNav(links),
  ].join('\n');
  return page({ title: `SDG ${v.notation ?? v.iri}`, body, ...links });
}
