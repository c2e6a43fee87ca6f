// Checks that SHACL cannot express well: dangling IRIs, unknown terms, SKOS hierarchy and notation rules.
import type { Quad } from '@rdfjs/types';
import { DOCUMENT_PREDICATES, EXTERNAL_NAMESPACES, LKPO, LKPO_NS, MATCH_BY_STRENGTH, NS, RDF, SKOS } from '../vocab.js';
import { termToTurtle } from './turtle.js';

export interface Problem {
  check: string;
  subject: string;
  message: string;
}

/** Vocabularies whose terms we use without describing them in the dataset. */
const VOCABULARIES = [NS.rdf, NS.rdfs, NS.owl, NS.xsd, NS.skos, NS.dcterms, NS.dcat, NS.prov, NS.org, NS.foaf, NS.sd, NS.vann, NS.void, NS.schema, NS.vcard, NS.adms, NS.spdx];

const isExternal = (iri: string) => [...EXTERNAL_NAMESPACES, ...VOCABULARIES].some((ns) => iri.startsWith(ns));

/**
 * Every IRI in object position (except cited documents, see DOCUMENT_PREDICATES) is described (is a subject somewhere) or lies in a declared external
 * namespace; every predicate and class is defined in the dataset (our ontology, the UN ontology) or a known vocabulary.
 * `externalNamespaces` adds namespaces of the build's own (the default base, under another BASE: where
 * the ontology's creator stays).
 * @example danglingIris(quads) // [] for a sound dataset
 */
export function danglingIris(quads: Quad[], externalNamespaces: readonly string[] = []): Problem[] {
  const described = new Set(quads.map((q) => q.subject.value));
  const graphs = new Set(quads.map((q) => q.graph.value));
  const problems = new Map<string, Problem>();
  for (const q of quads) {
    const terms: [string, string][] = [[q.predicate.value, 'predicate']];
    if (q.object.termType === 'NamedNode' && !DOCUMENT_PREDICATES.includes(q.predicate.value)) terms.push([q.object.value, q.predicate.value === RDF.type ? 'class' : 'object']);
    if (q.object.termType === 'Literal' && q.object.datatype.value !== NS.rdf + 'langString') terms.push([q.object.datatype.value, 'datatype']);
    for (const [iri, role] of terms) {
      if (described.has(iri) || graphs.has(iri) || isExternal(iri) || externalNamespaces.some((ns) => iri.startsWith(ns))) continue;
      problems.set(iri, { check: 'dangling', subject: q.subject.value, message: `${role} <${iri}> is not described in the dataset and not in a declared external namespace` });
    }
  }
  return [...problems.values()];
}

/**
 * SKOS integrity: no broader cycles, no orphan concepts in our schemes, unique notations per scheme and datatype.
 * @example skosProblems(quads) // []
 */
export function skosProblems(quads: Quad[]): Problem[] {
  const problems: Problem[] = [];
  const broader = new Map<string, string[]>();
  const concepts = new Set<string>();
  const hasParentOrTop = new Set<string>();
  const notations = new Map<string, string>(); // scheme|datatype|value → concept
  const schemesOf = new Map<string, string[]>();
  for (const q of quads) {
    const s = q.subject.value;
    const o = q.object.value;
    if (q.predicate.value === RDF.type && o === SKOS.Concept) concepts.add(s);
    if (q.predicate.value === SKOS.broader) broader.set(s, [...(broader.get(s) ?? []), o]);
    if (q.predicate.value === SKOS.broader || q.predicate.value === SKOS.topConceptOf) hasParentOrTop.add(s);
    if (q.predicate.value === SKOS.hasTopConcept) hasParentOrTop.add(o);
    if (q.predicate.value === SKOS.inScheme) schemesOf.set(s, [...(schemesOf.get(s) ?? []), o]);
  }
  for (const q of quads) {
    if (q.predicate.value !== SKOS.notation || q.object.termType !== 'Literal') continue;
    for (const scheme of schemesOf.get(q.subject.value) ?? []) {
      const key = `${scheme}|${q.object.datatype.value}|${q.object.value}`;
      const other = notations.get(key);
      if (other && other !== q.subject.value) problems.push({ check: 'notation', subject: q.subject.value, message: `notation "${q.object.value}" is also used by <${other}> in scheme <${scheme}>` });
      notations.set(key, q.subject.value);
    }
  }
  for (const c of concepts) {
    if (!hasParentOrTop.has(c)) problems.push({ check: 'orphan', subject: c, message: 'concept has neither skos:broader nor skos:topConceptOf' });
  }
  problems.push(...hierarchyProblems(quads, broader, schemesOf));
  const state = new Map<string, 'open' | 'done'>();
  const visit = (c: string, path: string[]): void => {
    if (state.get(c) === 'done') return;
    if (state.get(c) === 'open') {
      problems.push({ check: 'cycle', subject: c, message: `skos:broader cycle: ${[...path, c].join(' → ')}` });
      return;
    }
    state.set(c, 'open');
    for (const b of broader.get(c) ?? []) visit(b, [...path, c]);
    state.set(c, 'done');
  };
  for (const c of broader.keys()) visit(c, []);
  return problems;
}

/** Section and priority numbers, which a concept's continues its parent's (`4.4.3.2` under `4.4.3`). */
const NUMBERED = [LKPO_NS + 'SectionNumber', LKPO_NS + 'PriorityNumber'];
/** The levels of a programme (lkpo), each of which has one parent, and a direction tops its version's scheme. */
const LEVELS = [LKPO.Direction, LKPO.FocusArea, LKPO.Priority];

/**
 * A programme's hierarchy disagreeing with itself, where SKOS alone would allow it but a programme's
 * levels do not (each has one parent; a direction is a top concept of the scheme it is in): a
 * direction, focus area or priority listed as `skos:narrower` of one concept while it names another
 * as its `skos:broader`, and a direction that is `skos:topConceptOf` one scheme and `skos:inScheme`
 * another. A concept that states only one direction of the hierarchy is not reported (SKOS entails
 * the other), and neither is any concept of another kind (the UN SDG KOS, a polyhierarchy).
 */
function hierarchyProblems(quads: Quad[], broader: Map<string, string[]>, schemesOf: Map<string, string[]>): Problem[] {
  const problems: Problem[] = [];
  const narrower = new Map<string, string[]>();
  const topOf = new Map<string, string[]>();
  const level = new Map<string, string>();
  for (const q of quads) {
    const [s, o] = [q.subject.value, q.object.value];
    if (q.predicate.value === SKOS.narrower) narrower.set(s, [...(narrower.get(s) ?? []), o]);
    if (q.predicate.value === SKOS.topConceptOf) topOf.set(s, [...(topOf.get(s) ?? []), o]);
    if (q.predicate.value === RDF.type && LEVELS.includes(o)) level.set(s, o);
  }
  for (const [a, children] of narrower) {
    if (!level.has(a)) continue;
    for (const b of children) {
      const parents = broader.get(b);
      if (level.has(b) && parents && !parents.includes(a)) problems.push({ check: 'hierarchy', subject: b, message: `<${a}> has it as skos:narrower, but its skos:broader is ${parents.map((x) => `<${x}>`).join(', ')}` });
    }
  }
  for (const [c, tops] of topOf) {
    const other = (schemesOf.get(c) ?? []).filter((x) => !tops.includes(x));
    if (level.get(c) === LKPO.Direction && other.length) problems.push({ check: 'hierarchy', subject: c, message: `it is skos:topConceptOf ${tops.map((x) => `<${x}>`).join(', ')} but skos:inScheme ${other.map((x) => `<${x}>`).join(', ')} too: a direction tops the scheme of the version it is in` });
  }
  return problems;
}

/**
 * Section and priority numbers (lkpo:SectionNumber, lkpo:PriorityNumber) that do not continue their
 * `skos:broader`'s (`4.4.3.2` under `4.4.3`), as the datatypes' definitions say they do. Helsingborg's
 * numbering, like the shapes that check its form: `npm run validate` with a programme's own shapes
 * (`--shapes`) leaves it out.
 * @example numberingProblems(quads) // []
 */
export function numberingProblems(quads: Quad[]): Problem[] {
  const numberOf = new Map<string, string>();
  for (const q of quads) if (q.predicate.value === SKOS.notation && q.object.termType === 'Literal' && NUMBERED.includes(q.object.datatype.value)) numberOf.set(q.subject.value, q.object.value);
  const problems: Problem[] = [];
  for (const q of quads) {
    if (q.predicate.value !== SKOS.broader) continue;
    const [mine, theirs] = [numberOf.get(q.subject.value), numberOf.get(q.object.value)];
    if (mine !== undefined && theirs !== undefined && !mine.startsWith(`${theirs}.`)) problems.push({ check: 'notation', subject: q.subject.value, message: `number "${mine}" does not continue its skos:broader <${q.object.value}>'s "${theirs}" (${theirs}.…)` });
  }
  return problems;
}

/**
 * Links whose direct SKOS triple is missing or of the other kind: beside every lkpo:Link stands
 * `from skos:closeMatch to` (strength lkpo:close) or `from skos:relatedMatch to` (lkpo:related),
 * as the ontology defines. The build writes both from the link tables; a programme written by hand
 * (`npm run validate`) may leave one out, which plain SKOS tools would then not see. SHACL Core
 * cannot compare two of a node's values with a third node's, so this is checked here.
 * @example directTripleProblems(quads) // []
 */
export function directTripleProblems(quads: Quad[]): Problem[] {
  const links = new Map<string, { from?: string; to?: string; strength?: string }>();
  const direct = new Set<string>();
  const linkOf = (s: string) => links.get(s) ?? links.set(s, {}).get(s)!;
  for (const q of quads) {
    const s = q.subject.value;
    const p = q.predicate.value;
    if (p === RDF.type && q.object.value === LKPO.Link) linkOf(s);
    else if (p === LKPO.linkFrom) linkOf(s).from = q.object.value;
    else if (p === LKPO.linkTo) linkOf(s).to = q.object.value;
    else if (p === LKPO.strength) linkOf(s).strength = q.object.value;
    else if (p === SKOS.closeMatch || p === SKOS.relatedMatch) direct.add(`${s} ${p} ${q.object.value}`);
  }
  const problems: Problem[] = [];
  const name = (p: string) => `skos:${p.slice(NS.skos.length)}`;
  const ends = new Set<string>();
  for (const [link, { from, to, strength }] of links) {
    if (from && to) ends.add(`${from} ${to}`);
    const expected = strength && MATCH_BY_STRENGTH[strength];
    if (!from || !to || !expected) continue; // the shapes report what is missing
    const other = expected === SKOS.closeMatch ? SKOS.relatedMatch : SKOS.closeMatch;
    if (direct.has(`${from} ${expected} ${to}`)) {
      if (direct.has(`${from} ${other} ${to}`)) {
        problems.push({ check: 'direct-triple', subject: link, message: `<${from}> has both ${name(expected)} and ${name(other)} to <${to}>: a link has one strength, and its direct triple says which (${name(expected)} here)` });
      }
      continue;
    }
    const hint = direct.has(`${from} ${other} ${to}`)
      ? ` (there is ${name(other)}, which is the other strength)`
      : direct.has(`${to} ${expected} ${from}`)
        ? ` (there is <${to}> ${name(expected)} <${from}>: SKOS entails one from the other, but the direct triple goes from the link's lkpo:linkFrom)`
        : '';
    problems.push({ check: 'direct-triple', subject: link, message: `the link's direct triple <${from}> ${name(expected)} <${to}> is missing${hint}` });
  }
  // and the other way: a mapping with no link node, which then has no basis, rationale or provenance
  for (const triple of direct) {
    const [s, p, o] = triple.split(' ') as [string, string, string];
    if (!ends.has(`${s} ${o}`) && !ends.has(`${o} ${s}`)) {
      problems.push({ check: 'unqualified', subject: s, message: `${name(p)} <${o}> has no lkpo:Link beside it (lkpo:linkFrom <${s}>, lkpo:linkTo <${o}>), so nothing says its basis, rationale or who asserted it` });
    }
  }
  return problems;
}

/**
 * Triples that stand in more than one named graph. The endpoint's default graph is the union of the
 * named graphs, and Oxigraph's union yields such a triple once per graph (COUNT would count it twice),
 * so the build keeps every triple in one graph.
 * @example repeatedTriples(quads) // []
 */
export function repeatedTriples(quads: Quad[]): Problem[] {
  const graphsOf = new Map<string, { quad: Quad; graphs: string[] }>();
  for (const q of quads) {
    const key = [q.subject, q.predicate, q.object].map((t) => termToTurtle(t, {})).join(' ');
    const seen = graphsOf.get(key);
    if (seen) seen.graphs.push(q.graph.value);
    else graphsOf.set(key, { quad: q, graphs: [q.graph.value] });
  }
  return [...graphsOf.values()]
    .filter(({ graphs }) => graphs.length > 1)
    .map(({ quad, graphs }) => ({
      check: 'repeated',
      subject: quad.subject.value,
      message: `<${quad.predicate.value}> ${termToTurtle(quad.object, {})} stands in ${graphs.length} graphs (${graphs.map((g) => `<${g}>`).join(', ')}); the union default graph would count it ${graphs.length} times`,
    }));
}

/** The predicates whose object must be described somewhere: the programme's structure and its links' ends. */
const STRUCTURAL = [SKOS.inScheme, SKOS.topConceptOf, SKOS.hasTopConcept, SKOS.broader, SKOS.narrower, LKPO.linkFrom, LKPO.linkTo, NS.dcterms + 'isVersionOf'];

/** An IRI without its scheme and its last `#` or `/`: how two spellings of one namespace are compared. */
const bare = (iri: string) => iri.replace(/^https?:\/\//, '').replace(/[#/]$/, '');

/** The edit distance of two short strings (for "did you mean"). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * What a programme's own files (`own`) get wrong in their references, which no shape reports because
 * no shape then targets the node: a term in the lkpo namespace the ontology does not define (with the
 * closest one it does), a namespace spelt like lkpo's but not it (`…/def/`, `http://…/def#`), and an
 * object of the programme's structure (skos:inScheme, broader, narrower, topConceptOf, hasTopConcept,
 * lkpo:linkFrom, linkTo, dcterms:isVersionOf) that neither the files nor the background describe.
 * `background` is the ontology and the UN SDG KOS, as `npm run validate` reads them.
 * @example referenceProblems(parseTurtleFile('my-links.ttl'), background()) // [{ check: 'unknown-term', … 'lkpo:citedSektion is not a term of the lkpo ontology (did you mean lkpo:citedSection?)' }]
 */
export function referenceProblems(own: Quad[], background: Quad[]): Problem[] {
  const terms = new Set(background.map((q) => q.subject.value).filter((iri) => iri.startsWith(NS.lkpo)));
  const described = new Set([...own, ...background].map((q) => q.subject.value));
  const lkpoBare = bare(NS.lkpo);
  const problems = new Map<string, Problem>();
  const add = (key: string, p: Problem) => problems.has(key) || problems.set(key, p);
  for (const q of own) {
    const used: [string, string][] = [[q.predicate.value, 'property']];
    if (q.predicate.value === RDF.type && q.object.termType === 'NamedNode') used.push([q.object.value, 'class']);
    if (q.object.termType === 'Literal') used.push([q.object.datatype.value, 'datatype']);
    for (const [iri, role] of used) {
      if (iri.startsWith(NS.lkpo)) {
        if (terms.has(iri)) continue;
        const local = iri.slice(NS.lkpo.length);
        const near = [...terms].map((t) => t.slice(NS.lkpo.length)).filter((t) => distance(t, local) <= Math.max(2, Math.floor(local.length / 4))).sort((a, b) => distance(a, local) - distance(b, local))[0];
        add(iri, { check: 'unknown-term', subject: q.subject.value, message: `${role} lkpo:${local} is not a term of the lkpo ontology${near ? ` (did you mean lkpo:${near}?)` : ''}` });
      } else if (bare(iri).startsWith(lkpoBare) && !iri.startsWith(NS.lkpo)) {
        const ns = iri.slice(0, iri.length - iri.replace(/^.*[#/]/, '').length);
        add(ns, { check: 'namespace', subject: q.subject.value, message: `${role} <${iri}> is in <${ns}>, not in the lkpo namespace <${NS.lkpo}> (write @prefix lkpo: <${NS.lkpo}> .)` });
      }
    }
    if (STRUCTURAL.includes(q.predicate.value) && q.object.termType === 'NamedNode' && !described.has(q.object.value)) {
      add(`${q.subject.value} ${q.predicate.value} ${q.object.value}`, {
        check: 'undescribed',
        subject: q.subject.value,
        message: `${termToTurtle(q.predicate, { skos: NS.skos, lkpo: NS.lkpo, dcterms: NS.dcterms })} <${q.object.value}>: nothing in the files or the background describes it (a misspelt IRI, or a file left out?)`,
      });
    }
  }
  return [...problems.values()];
}
