// The site's read model, built once at start-up from the store (store.match only): concepts, hierarchy, goals, qualified links.
import oxigraph from 'oxigraph';
import { DCTERMS, LKPO, RDF, RDFS, SDGO, SKOS } from '../../vocab.js';
import type { Dataset } from '../dataset.js';
import { labels as labelsOf } from '../describe.js';
import { notationOf, refMaker } from '../view.js';

export interface Concept {
  iri: string;
  /** Our page for it (`/lkp/2016/4.4.3`, `/sdg/13`). */
  href: string;
  notation?: string;
  /** Labels by language tag ('' for none). */
  labels: Record<string, string>;
  /** The most specific class we know (lkpo:FocusArea, sdgo:Target, …). */
  kind: string;
}

export type Basis = 'stated' | 'curated' | 'derived';

export interface SiteLink {
  iri: string;
  /** Our page for the link resource (`/link/…`). */
  href: string;
  from: string;
  to: string;
  basis: Basis;
  strength?: 'close' | 'related';
  rationale: Record<string, string>;
  /** The document that states the link (dcterms:source), with its page and labels. */
  source?: { iri: string; href: string; labels: Record<string, string> };
  citedSection?: string;
}

export interface Goal {
  concept: Concept;
  number: number;
  targets: Concept[];
}

export interface SiteModel {
  base: string;
  concepts: Map<string, Concept>;
  /** The label in a language, falling back to Swedish, English, untagged, then the IRI's end. */
  label(iri: string, lang: string): string;
  /** Concepts of a class in notation order. */
  ofKind(kind: string): Concept[];
  parent: Map<string, string>;
  children: Map<string, string[]>;
  goals: Goal[];
  goalOfTarget: Map<string, Goal>;
  links: SiteLink[];
  linksFrom(iri: string): SiteLink[];
  linksTo(iri: string): SiteLink[];
}

const node = oxigraph.namedNode;
const KINDS = [LKPO.Priority, LKPO.FocusArea, LKPO.Direction, LKPO.VisionArea, LKPO.Transformation, LKPO.ProgrammeArea, LKPO.SteeringDocument, LKPO.PolicyGoal, SDGO.Goal, SDGO.Target, SDGO.Indicator];
const BASES: Record<string, Basis> = { [LKPO.stated]: 'stated', [LKPO.curated]: 'curated', [LKPO.derived]: 'derived' };

/**
 * Compares dotted notations numerically ("4.10" after "4.9", "13.a" after "13.9").
 *
 * @example
 * ['4.10', '4.9'].sort(byNotation) // ['4.9', '4.10']
 */
export function byNotation(a = '', b = ''): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function readLinks(store: oxigraph.Store, base: string): SiteLink[] {
  const one = (s: string, p: string) => store.match(node(s), node(p), null, null)[0]?.object.value;
  const { href } = refMaker(store, base);
  return store.match(null, node(RDF.type), node(LKPO.Link), null).map((q) => {
    const iri = q.subject.value;
    const rationale: Record<string, string> = {};
    for (const r of store.match(node(iri), node(LKPO.rationale), null, null)) rationale[(r.object as oxigraph.Literal).language || ''] = r.object.value;
    const strength = one(iri, LKPO.strength);
    const source = one(iri, DCTERMS.source);
    return {
      iri,
      href: href(iri),
      from: one(iri, LKPO.linkFrom) ?? '',
      to: one(iri, LKPO.linkTo) ?? '',
      basis: BASES[one(iri, LKPO.basis) ?? ''] ?? 'curated',
      strength: strength === LKPO.close ? 'close' : strength === LKPO.related ? 'related' : undefined,
      rationale,
      source: source ? { iri: source, href: href(source), labels: labelsOf(store, source) } : undefined,
      citedSection: one(iri, LKPO.citedSection),
    };
  });
}

function readConcepts(store: oxigraph.Store, base: string): Map<string, Concept> {
  const { href } = refMaker(store, base);
  const concepts = new Map<string, Concept>();
  for (const kind of KINDS) {
    for (const q of store.match(null, node(RDF.type), node(kind), null)) {
      const iri = q.subject.value;
      if (concepts.has(iri)) continue;
      const labels: Record<string, string> = {};
      for (const p of [SKOS.prefLabel, RDFS.label, DCTERMS.title]) {
        for (const l of store.match(node(iri), node(p), null, null)) if (l.object.termType === 'Literal') labels[l.object.language || ''] ??= l.object.value;
        if (Object.keys(labels).length) break;
      }
      // The UN gives each code twice ("13.2" and "13.02"): the compact one
      concepts.set(iri, { iri, href: href(iri), notation: notationOf(store, iri), labels, kind });
    }
  }
  return concepts;
}

/**
 * Reads everything the overview, matrix, SDG and search pages need, once.
 *
 * @example
 * const model = siteModel(dataset);
 * model.label(`${dataset.base}lkp/2016/4.4.3`, 'en') // 'We choose sustainable travel and transport'
 */
export function siteModel(dataset: Dataset): SiteModel {
  const { store, base } = dataset;
  const concepts = readConcepts(store, base);
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const q of store.match(null, node(SKOS.broader), null, null)) {
    if (!concepts.has(q.subject.value) || parent.has(q.subject.value)) continue;
    parent.set(q.subject.value, q.object.value);
    push(children, q.object.value, q.subject.value);
  }
  for (const list of children.values()) list.sort((a, b) => byNotation(concepts.get(a)?.notation, concepts.get(b)?.notation));
  const ofKind = (kind: string) => [...concepts.values()].filter((c) => c.kind === kind).sort((a, b) => byNotation(a.notation ?? a.iri, b.notation ?? b.iri));

  const goalOfTarget = new Map<string, Goal>();
  const goals = ofKind(SDGO.Goal).map((concept) => {
    const targets = store
      .match(node(concept.iri), node(SDGO.hasTarget), null, null)
      .map((q) => concepts.get(q.object.value))
      .filter((t): t is Concept => t !== undefined)
      .sort((a, b) => byNotation(a.notation, b.notation));
    const goal = { concept, number: Number(concept.notation), targets };
    for (const t of targets) goalOfTarget.set(t.iri, goal);
    return goal;
  });

  const links = readLinks(store, base);
  const from = new Map<string, SiteLink[]>();
  const to = new Map<string, SiteLink[]>();
  for (const l of links) {
    push(from, l.from, l);
    push(to, l.to, l);
  }
  const label = (iri: string, lang: string): string => {
    const l = concepts.get(iri)?.labels ?? {};
    return l[lang] ?? l.sv ?? l.en ?? l[''] ?? iri.replace(/^.*[/#]/, '');
  };
  return {
    base,
    concepts,
    label,
    ofKind,
    parent,
    children,
    goals,
    goalOfTarget,
    links,
    linksFrom: (iri) => from.get(iri) ?? [],
    linksTo: (iri) => to.get(iri) ?? [],
  };
}
