// The focus area × SDG matrix as an HTML table (readable without JavaScript), and the page of one cell's links.
import type { Matrix, MatrixCell } from '../site/matrix.js';
import type { SiteModel } from '../site/model.js';
import type { Lang } from './i18n.js';
import { esc, page } from './layout.js';
import { SDG_COLOURS } from './sdg-colours.js';
import { conceptLink, goalBadge, linkTable } from './terms.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);
const cellHref = (c: MatrixCell) => `/matrix/${c.focus.notation}/${c.goal.number}`;

function cellHtml(c: MatrixCell, max: number, lang: Lang): string {
  const n = c.links.length;
  if (n === 0) return `<td class="cell empty"><span class="vh">0</span></td>`;
  const share = Math.round(18 + (52 * n) / Math.max(max, 1));
  const colour = SDG_COLOURS[c.goal.number]!;
  const label = t(
    lang,
    `${c.focus.notation} och mål ${c.goal.number}: ${n} länkar (${c.stated} angivna, ${c.curated} bedömda)`,
    `${c.focus.notation} and goal ${c.goal.number}: ${n} links (${c.stated} stated, ${c.curated} curated)`,
  );
  const split = c.stated > 0 ? `<span class="split" aria-hidden="true">${c.stated}+${c.curated}</span>` : '';
  return `<td class="cell" style="background:color-mix(in srgb, ${colour} ${share}%, #fff)"><a href="${cellHref(c)}" aria-label="${esc(label)}">${n}${split}</a></td>`;
}

/**
 * `/matrix`: 15 rows (grouped by direction) × 17 goal columns, with totals.
 *
 * @example
 * matrixPage(linkMatrix(model), model, 'sv')
 */
export function matrixPage(m: Matrix, model: SiteModel, lang: Lang): string {
  const head = m.goals
    .map((g) => `<th scope="col" class="goal" style="--goal:${SDG_COLOURS[g.number]}"><a href="/sdg/${g.number}" title="${esc(model.label(g.concept.iri, lang))}">${goalBadge(g)}<span class="goal-name">${esc(model.label(g.concept.iri, lang))}</span></a></th>`)
    .join('');
  const colTotals = new Map<number, number>();
  let links = 0;
  let stated = 0;
  const body = m.groups
    .map(({ direction, focusAreas }) => {
      const rows = focusAreas.map((f) => {
        const cells = m.goals.map((g) => m.cell(f.notation!, g.number)!);
        const total = cells.reduce((s, c) => s + c.links.length, 0);
        for (const c of cells) {
          colTotals.set(c.goal.number, (colTotals.get(c.goal.number) ?? 0) + c.links.length);
          stated += c.stated;
        }
        links += total;
        return `<tr><th scope="row">${conceptLink(model, f.iri, lang)}</th>${cells.map((c) => cellHtml(c, m.max, lang)).join('')}<td class="total">${total}</td></tr>`;
      });
      return `<tbody><tr class="group"><th scope="rowgroup" colspan="${m.goals.length + 2}">${conceptLink(model, direction.iri, lang)}</th></tr>${rows.join('\n')}</tbody>`;
    })
    .join('\n');
  const foot = `<tfoot><tr><th scope="row">${t(lang, 'Summa', 'Total')}</th>${m.goals.map((g) => `<td class="total">${colTotals.get(g.number) ?? 0}</td>`).join('')}<td class="total">${links}</td></tr></tfoot>`;
  const html = `<h1>${t(lang, 'Fokusområden och globala mål', 'Focus areas and the SDGs')}</h1>
<p class="lead">${t(
    lang,
    `Varje ruta räknar länkarna från fokusområdets prioriteringar till målets delmål. Klicka på en siffra för att se länkarna, med grund och motivering. Av ${links} länkar är ${stated} angivna i källdokument och ${links - stated} bedömda av projektet.`,
    `Each cell counts the links from the focus area’s priorities to the goal’s targets. Select a number to see the links, with basis and rationale. Of ${links} links, ${stated} are stated in source documents and ${links - stated} curated by the project.`,
  )}</p>
<div class="scroll matrix-wrap"><table class="matrix"><caption class="vh">${t(lang, 'Antal länkar per fokusområde och globalt mål', 'Number of links per focus area and SDG')}</caption>
<thead><tr><th scope="col" class="corner">${t(lang, 'Fokusområde', 'Focus area')}</th>${head}<th scope="col" class="total">${t(lang, 'Summa', 'Total')}</th></tr></thead>
${body}
${foot}</table></div>
<p class="muted">${t(lang, 'Färgen blir starkare ju fler länkar rutan har. Där angivna länkar finns visas de som ”angivna+bedömda”.', 'The colour deepens with the number of links. Where stated links exist they show as “stated+curated”.')}
${t(lang, 'Samma siffror som SPARQL:', 'The same numbers in SPARQL:')} <a href="/sparql?example=focus-area-sdg-goals">focus-area-sdg-goals.rq</a>.</p>`;
  return page({ title: t(lang, 'Matris: fokusområden × globala mål', 'Matrix: focus areas × SDGs'), body: html, lang, path: '/matrix', canonical: `${model.base}matrix`, wide: true, section: 'matrix' });
}

/**
 * `/matrix/4.4.3/11`: exactly the links the cell counts.
 *
 * @example
 * matrixCellPage(linkMatrix(model).cell('4.4.3', 11)!, model, 'en')
 */
export function matrixCellPage(c: MatrixCell, model: SiteModel, lang: Lang): string {
  const goalName = esc(model.label(c.goal.concept.iri, lang));
  const html = `<nav class="crumbs" aria-label="${t(lang, 'Brödsmulor', 'Breadcrumbs')}"><a href="/matrix">${t(lang, 'Matris', 'Matrix')}</a> › ${esc(c.focus.notation ?? '')} × ${c.goal.number}</nav>
<h1>${goalBadge(c.goal)} ${conceptLink(model, c.focus.iri, lang)} <span class="muted">×</span> <a href="/sdg/${c.goal.number}">${t(lang, 'Mål', 'Goal')} ${c.goal.number}: ${goalName}</a></h1>
<p class="lead">${t(
    lang,
    `${c.links.length} länkar från fokusområdets prioriteringar till målets delmål: ${c.stated} angivna, ${c.curated} bedömda.`,
    `${c.links.length} links from the focus area’s priorities to the goal’s targets: ${c.stated} stated, ${c.curated} curated.`,
  )}</p>
${c.links.length ? linkTable(model, c.links, lang) : `<p>${t(lang, 'Inga länkar.', 'No links.')}</p>`}`;
  return page({
    title: `${c.focus.notation} × ${t(lang, 'mål', 'goal')} ${c.goal.number}`,
    body: html,
    lang,
    path: `/matrix/${c.focus.notation}/${c.goal.number}`,
    canonical: `${model.base}matrix/${c.focus.notation}/${c.goal.number}`,
    section: 'matrix',
  });
}
