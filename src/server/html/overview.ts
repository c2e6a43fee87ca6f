// /overview: a layered network (sankey-like) laid out on the server as SVG, with the same links as tables for every reader.
import type { Concept, SiteModel } from '../site/model.js';
import type { EdgeKind, Overview, OverviewEdge } from '../site/overview.js';
import type { Lang, Text } from './i18n.js';
import { esc, page } from './layout.js';
import { BASIS, STRENGTH, conceptLink } from './terms.js';
import { naturalCompare } from '../../graph/turtle.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);

const COLUMNS: Text[] = [
  { sv: 'Treklövern 2023–2026', en: 'Treklövern 2023–2026' },
  { sv: 'Viljeinriktningar', en: 'Directions' },
  { sv: 'Fokusområden', en: 'Focus areas' },
  { sv: 'Transformationer', en: 'Transformations' },
  { sv: 'Visionsområden 2035', en: 'Vision areas 2035' },
];
const KINDS: Record<EdgeKind, { label: Text; from: Text; to: Text }> = {
  treklovern: { label: { sv: 'Treklövern-område → fokusområde', en: 'Treklövern area → focus area' }, from: COLUMNS[0]!, to: COLUMNS[2]! },
  hierarchy: { label: { sv: 'Viljeinriktning → dess fokusområden', en: 'Direction → its focus areas' }, from: COLUMNS[1]!, to: COLUMNS[2]! },
  transformation: { label: { sv: 'Fokusområde → transformation', en: 'Focus area → transformation' }, from: COLUMNS[2]!, to: COLUMNS[3]! },
  vision: { label: { sv: 'Viljeinriktning → visionsområde', en: 'Direction → vision area' }, from: COLUMNS[1]!, to: COLUMNS[4]! },
};
const KIND_ORDER: EdgeKind[] = ['treklovern', 'hierarchy', 'transformation', 'vision'];

const W = 1280;
const COL_X = [16, 286, 556, 876, 1090];
const BAR = 12;
const U = 6;
const TOP = 46;
const GAP = 12;
const SLOT = 34;
const CHARS = [30, 34, 40, 24, 24];

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
  outs: OverviewEdge[];
  ins: OverviewEdge[];
}

function layout(o: Overview): { nodes: Map<string, Placed>; height: number } {
  const nodes = new Map<string, Placed>();
  o.columns.forEach((col, ci) =>
    col.forEach((c) => {
      const outs = o.edges.filter((e) => e.from === c.iri);
      const ins = o.edges.filter((e) => e.to === c.iri);
      nodes.set(c.iri, { c, col: ci, id: `n${nodes.size}`, y: 0, h: Math.max(outs.length, ins.length, 1) * U, outs, ins });
    }),
  );
  const slot = (n: Placed) => Math.max(n.h, SLOT);
  const height = TOP + Math.max(...o.columns.map((col) => col.reduce((s, c) => s + slot(nodes.get(c.iri)!) + GAP, 0))) + 8;
  for (const col of o.columns) {
    const used = col.reduce((s, c) => s + slot(nodes.get(c.iri)!), 0);
    const gap = (height - TOP - used) / col.length;
    let y = TOP + gap / 2;
    for (const c of col) {
      const n = nodes.get(c.iri)!;
      n.y = y + (slot(n) - n.h) / 2;
      y += slot(n) + gap;
    }
  }
  const centre = (iri: string) => {
    const n = nodes.get(iri)!;
    return n.y + n.h / 2;
  };
  for (const n of nodes.values()) {
    n.outs.sort((a, b) => centre(a.to) - centre(b.to));
    n.ins.sort((a, b) => centre(a.from) - centre(b.from));
  }
  return { nodes, height };
}

function svg(o: Overview, model: SiteModel, lang: Lang): string {
  const { nodes, height } = layout(o);
  const port = (n: Placed, list: OverviewEdge[], e: OverviewEdge) => n.y + (list.indexOf(e) + 0.5) * U + (n.h - list.length * U) / 2;
  const edges = o.edges.map((e) => {
    const a = nodes.get(e.from)!;
    const b = nodes.get(e.to)!;
    const [x1, x2] = [COL_X[a.col]! + BAR, COL_X[b.col]!];
    const [y1, y2] = [port(a, a.outs, e), port(b, b.ins, e)];
    const mid = (x1 + x2) / 2;
    return `<path class="edge k-${e.kind}${e.strength === 'related' ? ' related' : ''}" data-a="${a.id}" data-b="${b.id}" d="M${x1} ${y1.toFixed(1)}C${mid} ${y1.toFixed(1)} ${mid} ${y2.toFixed(1)} ${x2} ${y2.toFixed(1)}"/>`;
  });
  const labels = [...nodes.values()].map((n) => {
    const label = model.label(n.c.iri, lang);
    const lines = wrap(`${n.col === 1 || n.col === 2 ? `${n.c.notation} ` : ''}${label}`, CHARS[n.col]!);
    const cy = n.y + n.h / 2;
    const tspans = lines.map((line, i) => `<tspan x="${COL_X[n.col]! + BAR + 6}" y="${(cy + 4 + (i - (lines.length - 1) / 2) * 14).toFixed(1)}">${esc(line)}</tspan>`).join('');
    return `<a href="${esc(n.c.href)}" class="node c${n.col}" data-id="${n.id}"><title>${esc(label)}</title><rect x="${COL_X[n.col]}" y="${n.y.toFixed(1)}" width="${BAR}" height="${n.h}" rx="2"/><text>${tspans}</text></a>`;
  });
  const heads = COLUMNS.map((c, i) => `<text class="head" x="${COL_X[i]}" y="20">${esc(c[lang])}</text>`).join('');
  return `<svg class="overview" viewBox="0 0 ${W} ${Math.ceil(height)}" role="group" aria-labelledby="ov-title ov-desc" xmlns="http://www.w3.org/2000/svg">
<title id="ov-title">${t(lang, 'Hur programmet hänger ihop', 'How the programme connects')}</title>
<desc id="ov-desc">${t(lang, 'Samma länkar finns som tabeller under bilden.', 'The same links are given as tables below the figure.')}</desc>
${heads}<g class="edges">${edges.join('')}</g><g class="nodes">${labels.join('')}</g></svg>`;
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
    'Från mandatperiodens Treklövern via programmets viljeinriktningar och fokusområden till de tre transformationerna och visionen Helsingborg 2035. Håll muspekaren över eller tabba till ett begrepp för att lyfta fram dess länkar; klicka för att öppna det.',
    'From the term’s Treklövern programme through the programme’s directions and focus areas to the three transformations and the vision Helsingborg 2035. Hover over or tab to a concept to highlight its links; select it to open it.',
  )}</p>
<figure class="overview-figure"><div class="scroll">${svg(o, model, lang)}</div>
<figcaption><ul class="legend">${legend}<li><span class="swatch related" aria-hidden="true"></span>${t(lang, 'ljusare linje: relaterad (inte nära) länk', 'lighter line: related (not close) link')}</li></ul></figcaption></figure>
<section aria-labelledby="as-tables"><h2 id="as-tables">${t(lang, 'Samma länkar som tabeller', 'The same links as tables')}</h2>
${tables(o, model, lang)}</section>`;
  return page({ title: t(lang, 'Översikt', 'Overview'), body, lang, path: '/overview', wide: true, section: 'overview' });
}
