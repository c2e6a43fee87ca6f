// The focus area × SDG matrix: which priority → target links each cell counts, split by basis.
import { LKPO, SDGO } from '../../vocab.js';
import type { Concept, Goal, SiteLink, SiteModel } from './model.js';

export interface MatrixCell {
  focus: Concept;
  goal: Goal;
  /** The links the cell counts, in priority and target order. */
  links: SiteLink[];
  stated: number;
  curated: number;
}

export interface Matrix {
  /** Directions with their focus areas, in programme order (the rows, grouped). */
  groups: Array<{ direction: Concept; focusAreas: Concept[] }>;
  goals: Goal[];
  cell(focusNotation: string, goal: number): MatrixCell | undefined;
  max: number;
}

/**
 * Counts, for each focus area and goal, the stated and curated links from the focus area's priorities
 * to the goal's targets (derived links are left out: they are computed from these).
 *
 * @example
 * linkMatrix(model).cell('4.4.3', 11)?.links.length
 */
export function linkMatrix(model: SiteModel): Matrix {
  const groups = model.ofKind(LKPO.Direction).map((direction) => ({
    direction,
    focusAreas: (model.children.get(direction.iri) ?? []).map((iri) => model.concepts.get(iri)!).filter((c) => c.kind === LKPO.FocusArea),
  }));
  const goalByIri = new Map(model.goals.map((g) => [g.concept.iri, g]));
  const cells = new Map<string, MatrixCell>();
  let max = 0;
  for (const { focusAreas } of groups) {
    for (const focus of focusAreas) {
      for (const goal of model.goals) cells.set(`${focus.notation} ${goal.number}`, { focus, goal, links: [], stated: 0, curated: 0 });
      for (const priority of model.children.get(focus.iri) ?? []) {
        for (const link of model.linksFrom(priority)) {
          if (link.basis === 'derived') continue;
          const to = model.concepts.get(link.to);
          const goal = to?.kind === SDGO.Target ? model.goalOfTarget.get(link.to) : goalByIri.get(link.to);
          const cell = goal && cells.get(`${focus.notation} ${goal.number}`);
          if (!cell) continue;
          cell.links.push(link);
          cell[link.basis === 'stated' ? 'stated' : 'curated']++;
          max = Math.max(max, cell.links.length);
        }
      }
    }
  }
  const notation = (iri: string) => model.concepts.get(iri)?.notation ?? iri;
  for (const cell of cells.values()) {
    cell.links.sort((a, b) => `${notation(a.from)} ${notation(a.to)}`.localeCompare(`${notation(b.from)} ${notation(b.to)}`, 'en', { numeric: true }));
  }
  return { groups, goals: model.goals, cell: (f, g) => cells.get(`${f} ${g}`), max };
}
