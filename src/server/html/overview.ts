// /overview: a layered network (sankey-like) laid out on the server as SVG, with the same links as tables for every reader.
import type { Concept, SiteModel } from '../site/model.js';
import type { EdgeKind, Overview, OverviewEdge } from '../site/overview.js';
import type { Lang, Text } from './i18n.js';
import { esc, page } from './layout.js';
import { BASIS, STRENGTH, conceptLink } from './terms.js';
import { naturalCompare } from '../../graph/turtle.js';
import { LKPO } from '../../vocab.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);

/** Each class drawn in the figure: its heading, its class name in the SVG, its label width and whether the label shows the notation. */
const GROUPS: Record<string, { head: Text; slug: string; chars: number; notation: boolean }> = {
  [LKPO.VisionArea]: { head: { sv: 'Visionsområden 2035', en: 'Vision areas 2035' }, slug: 'vision', chars: 24, notation: false },
  [LKPO.Direction]: { head: { sv: 'Viljeinriktningar', en: 'Directions' }, slug: 'direction', chars: 26, notation: true },
  [LKPO.FocusArea]: { head: { sv: 'Fokusområden', en: 'Focus areas' }, slug: 'focus', chars: 38, notation: true },
  [LKPO.Transformation]: { head: { sv: 'Transformationer', en: 'Transformations' }, slug: 'transformation', chars: 30, notation: false },
  [LKPO.ProgrammeArea]: { head: { sv: 'Treklövern 2023–2026', en: 'Treklövern 2023–2026' }, slug: 'treklovern', chars: 30, notation: false },
};
const head = (kind: string) => GROUPS[kind]!.head;
const KINDS: Record<EdgeKind, { label: Text; from: Text; to: Text }> = {
  treklovern: { label: { sv: 'Treklövern-område → fokusområde', en: 'Treklövern area → focus area' }, from: head(LKPO.ProgrammeArea), to: head(LKPO.FocusArea) },
  hierarchy: { label: { sv: 'Viljeinriktning → dess fokusområden', en: 'Direction → its focus areas' }, from: head(LKPO.Direction), to: head(LKPO.FocusArea) },
  transformation: { label: { sv: 'Fokusområde → transformation', en: 'Focus area → transformation' }, from: head(LKPO.FocusArea), to: head(LKPO.Transformation) },
  vision: { label: { sv: 'Viljeinriktning → visionsområde', en: 'Direction → vision area' }, from: head(LKPO.Direction), to: head(LKPO.VisionArea) },
};
const KIND_ORDER: EdgeKind[] = ['treklovern', 'hierarchy', 'transformation', 'vision'];

const W = 1280;
/** Left edge of each column's bars; the first column's labels sit left of its bars, so edges arriving from the right never cross them. */
const COL_X = [182, 390, 660, 1030];
const BAR = 12;
const U = 6;
const TOP = 46;
const GAP = 12;
const SLOT = 34;
/** Room for the heading of a group stacked below another one in the same column. */
const GROUP_HEAD = 34;

/** Splits a label into at most two lines of about `width` characters. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [''];
  for (const word of text.split(' ')) {
    const last = lines[lines.length - 1]!;
    if (!last || last.length + word.length + 1 <= width) lines[lines.length - 1] = last ? `${last} ${word}` : word;
    else lines.push(word);
  }
  return lines.length > 2 ? [lines[0]!, `${lines[1]!.slice(0, width - 1)}…`] : lines;
}

interface Placed {
  c: Concept;
  col: number;
  id: string;
  y: number;
  h: number;
  /** Edges attached to the left and to the right side of the bar, each sorted by where their other end is. */
  left: OverviewEdge[];
  right: OverviewEdge[];
}

interface Layout {
  nodes: Map<string, Placed>;
  /** Headings of the groups stacked below the first group of a column. */
  heads: Array<{ kind: string; col: number; y: number }>;
  height: number;
}

function layout(o: Overview): Layout {
  const nodes = new Map<string, Placed>();
  o.columns.forEach((col, ci) =>
    col.forEach((g) => g.concepts.forEach((c) => nodes.set(c.iri, { c, col: ci, id: `n${nodes.size}`, y: 0, h: 0, left: [], right: [] }))),
  );
  const other = (e: OverviewEdge, n: Placed) => nodes.get(e.from === n.c.iri ? e.to : e.from)!;
  for (const e of o.edges) {
    const [a, b] = [nodes.get(e.from)!, nodes.get(e.to)!];
    (b.col > a.col ? a.right : a.left).push(e);
    (a.col > b.col ? b.right : b.left).push(e);
  }
  for (const n of nodes.values()) n.h = Math.max(n.left.length, n.right.length, 1) * U;
  const slot = (n: Placed) => Math.max(n.h, SLOT);
  const used = (col: Overview['columns'][number]) => col.reduce((s, g) => s + g.concepts.reduce((t, c) => t + slot(nodes.get(c.iri)!), 0), (col.length - 1) * GROUP_HEAD);
  const count = (col: Overview['columns'][number]) => col.reduce((s, g) => s + g.concepts.length, 0);
  const height = TOP + Math.max(...o.columns.map((col) => used(col) + count(col) * GAP)) + 8;
  const heads: Layout['heads'] = [];
  o.columns.forEach((col, ci) => {
    const gap = (height - TOP - used(col)) / count(col);
    let y = TOP + gap / 2;
    col.forEach((g, gi) => {
      if (gi > 0) {
        heads.push({ kind: g.kind, col: ci, y: y + GROUP_HEAD - 8 });
        y += GROUP_HEAD;
      }
      for (const c of g.concepts) {
        const n = nodes.get(c.iri)!;
        n.y = y + (slot(n) - n.h) / 2;
        y += slot(n) + gap;
      }
    });
  });
  for (const n of nodes.values()) {
    const centre = (e: OverviewEdge) => other(e, n).y + other(e, n).h / 2;
    for (const side of [n.left, n.right]) side.sort((a, b) => centre(a) - centre(b));
  }
  return { nodes, heads, height };
}

/** Where an edge meets a bar: on the side facing the edge's other end, at the edge's own slot. */
function port(n: Placed, towards: Placed, e: OverviewEdge): [number, number] {
  const side = towards.col > n.col ? n.right : n.left;
  const y = n.y + (n.h - side.length * U) / 2 + (side.indexOf(e) + 0.5) * U;
  return [towards.col > n.col ? COL_X[n.col]! + BAR : COL_X[n.col]!, y];
}

function label(n: Placed, model: SiteModel, lang: Lang): string {
  const g = GROUPS[n.c.kind]!;
  const text = model.label(n.c.iri, lang);
  const lines = wrap(`${g.notation && n.c.notation ? `${n.c.notation} ` : ''}${text}`, g.chars);
  const cy = n.y + n.h / 2;
  const before = n.col === 0;
  const x = before ? COL_X[0]! - 6 : COL_X[n.col]! + BAR + 6;
  const tspans = lines.map((line, i) => `<tspan x="${x}" y="${(cy + 4 + (i - (lines.length - 1) / 2) * 14).toFixed(1)}">${esc(line)}</tspan>`).join('');
  return `<a href="${esc(n.c.href)}" class="node c${n.col} n-${g.slug}" data-id="${n.id}"><title>${esc(text)}</title><rect x="${COL_X[n.col]}" y="${n.y.toFixed(1)}" width="${BAR}" height="${n.h}" rx="2"/><text${before ? ' text-anchor="end"' : ''}>${tspans}</text></a>`;
}

function svg(o: Overview, model: SiteModel, lang: Lang): string {
  const { nodes, heads, height } = layout(o);
  const edges = o.edges.map((e) => {
    const a = nodes.get(e.from)!;
    const b = nodes.get(e.to)!;
    const [[x1, y1], [x2, y2]] = [port(a, b, e), port(b, a, e)];
    const mid = (x1 + x2) / 2;
    return `<path class="edge k-${e.kind}${e.strength === 'related' ? ' related' : ''}" data-a="${a.id}" data-b="${b.id}" d="M${x1} ${y1.toFixed(1)}C${mid} ${y1.toFixed(1)} ${mid} ${y2.toFixed(1)} ${x2} ${y2.toFixed(1)}"/>`;
  });
  const heading = (kind: string, col: number, y: number) =>
    `<text class="head" x="${col === 0 ? COL_X[0]! + BAR : COL_X[col]}" y="${y.toFixed(1)}"${col === 0 ? ' text-anchor="end"' : ''}>${esc(head(kind)[lang])}</text>`;
  const tops = o.columns.map((col, ci) => heading(col[0]!.kind, ci, 20));
  const stacked = heads.map((h) => heading(h.kind, h.col, h.y));
  return `<svg class="overview" viewBox="0 0 ${W} ${Math.ceil(height)}" role="group" aria-labelledby="ov-title ov-desc" xmlns="http://www.w3.org/2000/svg">
<title id="ov-title">${t(lang, 'Hur programmet hänger ihop', 'How the programme connects')}</title>
<desc id="ov-desc">${t(lang, 'Samma länkar finns som tabeller under bilden.', 'The same links are given as tables below the figure.')}</desc>
${tops.join('')}${stacked.join('')}<g class="edges">${edges.join('')}</g><g class="nodes">${[...nodes.values()].map((n) => label(n, model, lang)).join('')}</g></svg>`;
}

function tables(o: Overview, model: SiteModel, lang: Lang): string {
  return KIND_ORDER.map((kind) => {
    const k = KINDS[kind];
    const byFrom = new Map<string, OverviewEdge[]>();
    for (const e of o.edges.filter((x) => x.kind === kind)) byFrom.set(e.from, [...(byFrom.get(e.from) ?? []), e]);
    const key = (iri: string) => model.concepts.get(iri)?.notation ?? iri;
    const byKey = (a: string, b: string) => naturalCompare(key(a), key(b));
    const rows = [...byFrom.entries()].sort(([a], [b]) => byKey(a, b)).map(([from, es]) => {
      const targets = [...es].sort((a, b) => byKey(a.to, b.to)).map((e) => `<li>${conceptLink(model, e.to, lang)}${kind === 'hierarchy' ? '' : ` <span class="muted">(${esc(BASIS[e.basis]?.[lang] ?? e.basis)}${e.strength ? `, ${esc(STRENGTH[e.strength]![lang])}` : ''})</span>`}</li>`);
      return `<tr><th scope="row">${conceptLink(model, from, lang)}</th><td><ul>${targets.join('')}</ul></td></tr>`;
    });
    return `<div class="scroll"><table class="relation"><caption><span class="swatch k-${kind}" aria-hidden="true"></span>${esc(k.label[lang])}</caption>
<thead><tr><th scope="col">${esc(k.from[lang])}</th><th scope="col">${esc(k.to[lang])}</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
  }).join('\n');
}

/**
 * `/overview` in the page language.
 *
 * @example
 * overviewPage(overview(model), model, 'sv')
 */
export function overviewPage(o: Overview, model: SiteModel, lang: Lang): string {
  const legend = KIND_ORDER.map((k) => `<li><span class="swatch k-${k}" aria-hidden="true"></span>${esc(KINDS[k].label[lang])}</li>`).join('');
  const body = `<h1>${t(lang, 'Översikt: hur allt hänger ihop', 'Overview: how it all connects')}</h1>
<p class="lead">${t(
    lang,
    'Läs från programmets viljeinriktningar: till vänster de visionsområden i Helsingborg 2035 som de länkar till, till höger deras fokusområden och längst till höger de tre transformationerna och mandatperiodens Treklövern, som fokusområdena är kopplade till. Håll muspekaren över eller tabba till ett begrepp för att lyfta fram dess länkar; klicka för att öppna det.',
    'Start from the programme’s directions: to their left the vision areas of Helsingborg 2035 they link to, to their right their focus areas, and at the far right the three transformations and the term’s Treklövern programme that the focus areas are linked with. Hover over or tab to a concept to highlight its links; select it to open it.',
  )}</p>
<figure class="overview-figure"><div class="scroll">${svg(o, model, lang)}</div>
<figcaption><ul class="legend">${legend}<li><span class="swatch related" aria-hidden="true"></span>${t(lang, 'ljusare linje: relaterad (inte nära) länk', 'lighter line: related (not close) link')}</li></ul></figcaption></figure>
<section aria-labelledby="as-tables"><h2 id="as-tables">${t(lang, 'Samma länkar som tabeller', 'The same links as tables')}</h2>
${tables(o, model, lang)}</section>`;
  return page({ title: t(lang, 'Översikt', 'Overview'), body, lang, path: '/overview', canonical: `${model.base}overview`, wide: true, section: 'overview' });
}
