// Checks that SHACL cannot express well: dangling IRIs, unknown terms, SKOS hierarchy and notation rules.
import type { Quad } from '@rdfjs/types';
import { DOCUMENT_PREDICATES, EXTERNAL_NAMESPACES, LKPO, MATCH_BY_STRENGTH, NS, RDF, SKOS } from '../vocab.js';
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
  for (const [link, { from, to, strength }] of links) {
    const expected = strength && MATCH_BY_STRENGTH[strength];
    if (!from || !to || !expected || direct.has(`${from} ${expected} ${to}`)) continue; // the shapes report what is missing
    const other = expected === SKOS.closeMatch ? SKOS.relatedMatch : SKOS.closeMatch;
    const name = (p: string) => `skos:${p.slice(NS.skos.length)}`;
    problems.push({
      check: 'direct-triple',
      subject: link,
      message: `the link's direct triple <${from}> ${name(expected)} <${to}> is missing${direct.has(`${from} ${other} ${to}`) ? ` (there is ${name(other)}, which is the other strength)` : ''}`,
    });
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
