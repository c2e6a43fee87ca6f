// The overview network: vision areas | directions | focus areas | transformations over Treklövern areas, and the links between them.
import { LKPO } from '../../vocab.js';
import type { Concept, SiteModel } from './model.js';

export type EdgeKind = 'treklovern' | 'hierarchy' | 'transformation' | 'vision';

export interface OverviewEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  strength?: 'close' | 'related';
  basis: string;
}

/** The concepts of one class, stacked in a column. */
export interface OverviewGroup {
  kind: string;
  concepts: Concept[];
}

export interface Overview {
  /** Columns left to right, each one or more groups stacked top to bottom (see {@link COLUMN_KINDS}). */
  columns: OverviewGroup[][];
  edges: OverviewEdge[];
}

/**
 * The classes in each column, left to right. Every kind of edge joins neighbouring columns, so no
 * edge has to cross the bars and labels of another column: vision areas sit left of the directions
 * that link to them, and the transformations and the Treklövern areas share the column right of the
 * focus areas they are linked with.
 */
export const COLUMN_KINDS: string[][] = [[LKPO.VisionArea], [LKPO.Direction], [LKPO.FocusArea], [LKPO.Transformation, LKPO.ProgrammeArea]];

/** Mean position of the neighbours in an already ordered column (barycentre heuristic for fewer crossings). */
function byBarycentre(nodes: Concept[], neighbours: (iri: string) => string[], order: Map<string, number>): Concept[] {
  const centre = (c: Concept) => {
    const ys = neighbours(c.iri).map((n) => order.get(n)).filter((y): y is number => y !== undefined);
    return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.MAX_SAFE_INTEGER;
  };
  return [...nodes].sort((a, b) => centre(a) - centre(b));
}

/**
 * The nodes and edges of the overview: directions and focus areas in programme order, the other
 * groups ordered by the mean position of what they link to. Edges keep the direction of the data
 * (a Treklövern area → its focus areas), whichever side they are drawn on.
 *
 * @example
 * overview(model).edges.filter((e) => e.kind === 'transformation').length
 */
export function overview(model: SiteModel): Overview {
  const directions = model.ofKind(LKPO.Direction);
  const inProgrammeOrder = directions.flatMap((d) => model.children.get(d.iri) ?? []).map((iri) => model.concepts.get(iri)!).filter((c) => c.kind === LKPO.FocusArea);
  const focus = inProgrammeOrder.length ? inProgrammeOrder : model.ofKind(LKPO.FocusArea);
  const kindOf = (iri: string) => model.concepts.get(iri)?.kind;
  const edges: OverviewEdge[] = [];
  for (const d of directions) for (const f of model.children.get(d.iri) ?? []) edges.push({ from: d.iri, to: f, kind: 'hierarchy', basis: 'stated' });
  const linkKinds: Array<[string, string, EdgeKind]> = [
    [LKPO.ProgrammeArea, LKPO.FocusArea, 'treklovern'],
    [LKPO.FocusArea, LKPO.Transformation, 'transformation'],
    [LKPO.Direction, LKPO.VisionArea, 'vision'],
  ];
  for (const l of model.links) {
    const kind = linkKinds.find(([from, to]) => kindOf(l.from) === from && kindOf(l.to) === to)?.[2];
    if (kind) edges.push({ from: l.from, to: l.to, kind, strength: l.strength, basis: l.basis });
  }
  const index = (list: Concept[]) => new Map(list.map((c, i) => [c.iri, i]));
  const neighbours = (iri: string) => edges.flatMap((e) => (e.from === iri ? [e.to] : e.to === iri ? [e.from] : []));
  const ordered: Record<string, Concept[]> = {
    [LKPO.VisionArea]: byBarycentre(model.ofKind(LKPO.VisionArea), neighbours, index(directions)),
    [LKPO.Direction]: directions,
    [LKPO.FocusArea]: focus,
    [LKPO.Transformation]: byBarycentre(model.ofKind(LKPO.Transformation), neighbours, index(focus)),
    [LKPO.ProgrammeArea]: byBarycentre(model.ofKind(LKPO.ProgrammeArea), neighbours, index(focus)),
  };
  return { columns: COLUMN_KINDS.map((kinds) => kinds.map((kind) => ({ kind, concepts: ordered[kind] ?? [] }))), edges };
}
