// Builds the view model of a resource or SDG lens page from the store (labels, hierarchy, links).
import oxigraph from 'oxigraph';
import { DCTERMS, LKPO, NS, RDF, SDGO, SKOS } from '../vocab.js';
import { labels, linkNodes, type Source } from './describe.js';

/** A reference to another resource, with where to link it and what to call it. */
export interface Ref {
  iri: string;
  href: string;
  label: string;
  /** Language of the label ('' when untagged or made from the IRI). */
  lang?: string;
}

export type Value = { ref: Ref } | { literal: string; lang: string; datatype: string };

export interface QualifiedLink {
  iri: string;
  /** Our page for the link resource (`/link/…`). */
  href: string;
  direction: 'out' | 'in';
  other: Ref;
  basis?: Ref;
  strength?: Ref;
  /** The document that states the link (dcterms:source), and where in it (lkpo:citedSection). */
  source?: Ref;
  citedSection?: string;
  rationale: Record<string, string>;
}

/** The two ends of a qualified link (lkpo:linkFrom, lkpo:linkTo), each with its notation. */
export interface LinkEnds {
  from: Ref & { notation?: string };
  to: Ref & { notation?: string };
}

export interface ResourceView {
  iri: string;
  labels: Record<string, string>;
  notation?: string;
  types: Ref[];
  texts: Array<{ property: Ref; lang: string; value: string }>;
  scheme?: Ref;
  ancestors: Ref[];
  children: Ref[];
  outgoing: Array<{ property: Ref; value: Value }>;
  incoming: Array<{ subject: Ref; property: Ref }>;
  links: QualifiedLink[];
  /** For a qualified link (lkpo:Link): what it links. */
  ends?: LinkEnds;
  /** The hash IRIs its document also describes (`…/sparql#named-graph-sdg`), each with its own section. */
  hashTerms: ResourceView[];
}

const node = oxigraph.namedNode;
const TEXTS = [SKOS.definition, SKOS.scopeNote, SKOS.note, LKPO.introduction, LKPO.challenges, LKPO.openingPhrase];
/**
 * Headings for SKOS's text properties, which have no label in the dataset (ours have theirs): a
 * section reads "anmärkning" or "note", as its siblings read "inledning", not "skos:note".
 */
const TEXT_HEADINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  [SKOS.definition]: { sv: 'definition', en: 'definition' },
  [SKOS.note]: { sv: 'anmärkning', en: 'note' },
};
/** Shown in their own sections rather than in the table of other statements. */
const SECTIONED = new Set([RDF.type, SKOS.prefLabel, SKOS.notation, SKOS.inScheme, SKOS.broader, SKOS.narrower, ...TEXTS]);

/**
 * Documents of ours whose path a browser gets a site page at instead of the document's own page:
 * `/sparql` is the query UI. A hash IRI in one (`…/sparql#named-graph-sdg`, a node of the service
 * description) links to the document's `.html` page, where it has a section, not to an anchor the
 * query UI does not have.
 */
const SHADOWED_DOCUMENTS = new Set(['sparql']);

/** Creates reference helpers bound to a store and base (IRIs under base link to our own pages); labels prefer `lang`. */
export function refMaker(store: Source, base: string, lang = 'sv') {
  const href = (iri: string): string => {
    const hash = iri.indexOf('#');
    if (hash > 0 && iri.startsWith(base) && SHADOWED_DOCUMENTS.has(iri.slice(base.length, hash))) return `/${iri.slice(base.length, hash)}.html${iri.slice(hash)}`;
    if (iri.startsWith(base)) return '/' + iri.slice(base.length);
    if (iri.startsWith(NS.sdg) && /^[\w.]+$/.test(iri.slice(NS.sdg.length))) return '/sdg/' + iri.slice(NS.sdg.length);
    return iri;
  };
  const short = (iri: string): string => {
    for (const [prefix, ns] of Object.entries(NS)) if (iri.startsWith(ns) && iri.length > ns.length) return `${prefix}:${iri.slice(ns.length)}`;
    return iri;
  };
  const ref = (iri: string): Ref => {
    const l = labels(store, iri);
    const key = [lang, 'sv', 'en', ''].find((k) => l[k] !== undefined);
    return { iri, href: href(iri), label: key !== undefined ? l[key]! : short(iri), lang: key ?? '' };
  };
  return { ref, href, short };
}

const one = (store: Source, s: string, p: string) => store.match(node(s), node(p), null, null)[0]?.object;

/**
 * The notation to show for a concept: the UN's compact code where it gives several ("13.2", not
 * "13.02" or "C130201"), else the shortest, ties in code-point order.
 *
 * @example
 * notationOf(store, 'http://metadata.un.org/sdg/C130201') // '13.2.1'
 */
export function notationOf(store: Source, iri: string): string | undefined {
  const literals = store.match(node(iri), node(SKOS.notation), null, null).map((q) => q.object as oxigraph.Literal);
  const compact = literals.find((l) => l.datatype.value === SDGO.SDGCodeCompact);
  return compact?.value ?? literals.map((l) => l.value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))[0];
}

function qualifiedLinks(store: Source, iri: string, ref: (iri: string) => Ref): QualifiedLink[] {
  return linkNodes(store, iri).map((link) => {
    const from = one(store, link, LKPO.linkFrom)?.value;
    const to = one(store, link, LKPO.linkTo)?.value;
    const direction = from === iri ? 'out' : 'in';
    const rationale: Record<string, string> = {};
    for (const q of store.match(node(link), node(LKPO.rationale), null, null)) rationale[(q.object as oxigraph.Literal).language || ''] = q.object.value;
    const basis = one(store, link, LKPO.basis)?.value;
    const strength = one(store, link, LKPO.strength)?.value;
    const source = one(store, link, DCTERMS.source)?.value;
    return {
      iri: link,
      href: ref(link).href,
      direction,
      other: ref((direction === 'out' ? to : from) ?? link),
      basis: basis ? ref(basis) : undefined,
      strength: strength ? ref(strength) : undefined,
      source: source ? ref(source) : undefined,
      citedSection: one(store, link, LKPO.citedSection)?.value,
      rationale,
    };
  });
}

function ancestors(store: Source, iri: string, ref: (iri: string) => Ref): Ref[] {
  const chain: Ref[] = [];
  const seen = new Set([iri]);
  for (let up = one(store, iri, SKOS.broader)?.value; up && !seen.has(up); up = one(store, up, SKOS.broader)?.value) {
    seen.add(up);
    chain.unshift(ref(up));
  }
  return chain;
}

const toValue = (t: oxigraph.Term, ref: (iri: string) => Ref): Value =>
  t.termType === 'Literal'
    ? { literal: t.value, lang: t.language, datatype: t.datatype.value }
    : { ref: t.termType === 'NamedNode' ? ref(t.value) : { iri: t.value, href: '', label: `_:${t.value}` } };

/**
 * The hash IRIs of the document `iri` (`…/sparql#dataset`, …) that its statements reach: objects
 * of what points at it and of the hash IRIs found so far (the service points at `#dataset`, which
 * points at `#default-graph` and each `#named-graph-…`). None for a hash IRI itself.
 */
function hashTermsOf(store: Source, iri: string, incoming: oxigraph.Quad[]): string[] {
  if (iri.includes('#')) return [];
  const prefix = `${iri}#`;
  const found = new Set<string>();
  const queue = [iri, ...new Set(incoming.filter((q) => q.subject.termType === 'NamedNode').map((q) => q.subject.value))];
  for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
    for (const q of store.match(node(s), null, null, null)) {
      if (q.object.termType !== 'NamedNode' || !q.object.value.startsWith(prefix) || found.has(q.object.value)) continue;
      found.add(q.object.value);
      queue.push(q.object.value);
    }
  }
  return [...found].sort();
}

/**
 * Everything the HTML page of a resource shows.
 *
 * @example
 * resourceView(store, base, `${base}lkp/2016/4.4.3`).links[0].rationale.sv
 */
export function resourceView(store: Source, base: string, iri: string, lang = 'sv'): ResourceView {
  const { ref } = refMaker(store, base, lang);
  const out = store.match(node(iri), null, null, null);
  const objects = (p: string) => [...new Set(out.filter((q) => q.predicate.value === p).map((q) => q.object.value))];
  const children = new Set([...objects(SKOS.narrower), ...store.match(null, node(SKOS.broader), node(iri), null).map((q) => q.subject.value)]);
  const scheme = objects(SKOS.inScheme)[0] ?? objects(SKOS.topConceptOf)[0];
  const linkIris = new Set(linkNodes(store, iri));
  const seenOut = new Set<string>();
  const incoming = store.match(null, null, node(iri), null);
  return {
    iri,
    labels: labels(store, iri),
    notation: notationOf(store, iri),
    types: objects(RDF.type).map(ref),
    texts: out
      .filter((q) => TEXTS.includes(q.predicate.value) && q.object.termType === 'Literal')
      .map((q) => {
        const property = ref(q.predicate.value);
        const heading = property.lang === '' ? TEXT_HEADINGS[q.predicate.value]?.[lang] : undefined;
        return { property: heading ? { ...property, label: heading, lang } : property, lang: (q.object as oxigraph.Literal).language, value: q.object.value };
      }),
    scheme: scheme ? ref(scheme) : undefined,
    ancestors: ancestors(store, iri, ref),
    children: [...children].sort().map(ref),
    outgoing: out
      .filter((q) => !SECTIONED.has(q.predicate.value))
      .filter((q) => !seenOut.has(q.predicate.value + q.object.value) && seenOut.add(q.predicate.value + q.object.value))
      .map((q) => ({ property: ref(q.predicate.value), value: toValue(q.object, ref) })),
    incoming: incoming
      .filter((q) => !linkIris.has(q.subject.value) && q.predicate.value !== SKOS.broader && q.predicate.value !== SKOS.narrower)
      .map((q) => ({ subject: ref(q.subject.value), property: ref(q.predicate.value) })),
    links: qualifiedLinks(store, iri, ref),
    ends: linkEnds(store, iri, ref),
    hashTerms: hashTermsOf(store, iri, incoming).map((h) => resourceView(store, base, h, lang)),
  };
}

/** The ends of a qualified link with their notations; undefined for anything else. */
function linkEnds(store: Source, iri: string, ref: (iri: string) => Ref): LinkEnds | undefined {
  if (store.match(node(iri), node(RDF.type), node(LKPO.Link), null).length === 0) return undefined;
  const from = one(store, iri, LKPO.linkFrom)?.value;
  const to = one(store, iri, LKPO.linkTo)?.value;
  if (!from || !to) return undefined;
  return { from: { ...ref(from), notation: notationOf(store, from) }, to: { ...ref(to), notation: notationOf(store, to) } };
}

/** For an SDG goal, its targets (so the lens can show what points at them too). */
export function sdgTargets(store: Source, iri: string): string[] {
  return store.match(node(iri), node(SDGO.hasTarget), null, null).map((q) => q.object.value);
}

const SDG_CLASSES = new Set([SDGO.Goal, SDGO.Target, SDGO.Indicator]);

/**
 * Whether the UN SDG KOS in the dataset has this goal, target or indicator (only those get lens pages).
 *
 * @example
 * isSdgConcept(store, 'http://metadata.un.org/sdg/13.2') // true; …/sdg/99 is false
 */
export function isSdgConcept(store: Source, iri: string): boolean {
  return store.match(node(iri), node(RDF.type), null, null).some((q) => SDG_CLASSES.has(q.object.value));
}
