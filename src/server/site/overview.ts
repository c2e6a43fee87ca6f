// The overview network: Treklövern areas | directions | focus areas | transformations | vision areas, and the links between them.
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

export interface Overview {
  /** Five columns of concepts, each ordered to keep edges short (see {@link overview}). */
  columns: Concept[][];
  edges: OverviewEdge[];
}

export const COLUMN_KINDS = [LKPO.ProgrammeArea, LKPO.Direction, LKPO.FocusArea, LKPO.Transformation, LKPO.VisionArea];

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
 * columns ordered by the mean position of what they link to.
 *
 * @example
 * overview(model).edges.filter((e) => e.kind === 'transformation').length
 */
export function overview(model: SiteModel): Overview {
  const [areas, directions, focus, transformations, visions] = COLUMN_KINDS.map((k) => model.ofKind(k)) as [Concept[], Concept[], Concept[], Concept[], Concept[]];
  const focusOrder = directions.flatMap((d) => model.children.get(d.iri) ?? []).map((iri) => model.concepts.get(iri)!).filter((c) => c.kind === LKPO.FocusArea);
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
  const fOrder = index(focusOrder.length ? focusOrder : focus);
  const dOrder = index(directions);
  const outOf = (iri: string) => edges.filter((e) => e.from === iri).map((e) => e.to);
  const into = (iri: string) => edges.filter((e) => e.to === iri).map((e) => e.from);
  return {
    columns: [
      byBarycentre(areas, outOf, fOrder),
      directions,
      focusOrder.length ? focusOrder : focus,
      byBarycentre(transformations, into, fOrder),
      byBarycentre(visions, into, dOrder),
    ],
    edges,
  };
}
