// Deterministic Turtle/TriG writer: subjects sorted, `a` first, predicates and objects sorted, fixed prefixes.
import type { Quad, Term } from '@rdfjs/types';
import { NS, RDF, XSD } from '../vocab.js';

/** Compares strings so that embedded numbers sort by value ("4.4.10" after "4.4.9", "sdg/10" after "sdg/9"). */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x) && /^\d/.test(y);
    if (nx && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

const LOCAL = /^[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;

/** Escapes a string for a Turtle/N-Triples double-quoted literal. */
export function escapeLiteral(value: string): string {
  return value.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

export type Prefixes = Record<string, string>;

/** The prefixes every file we write declares (sorted), plus the dataset's own ones for a base. */
export function standardPrefixes(base: string): Prefixes {
  const own: Prefixes = {
    lkp: base + 'lkp/',
    lkp2016: base + 'lkp/2016/',
    base: base,
    link: base + 'link/',
    graph: base + 'graph/',
  };
  const pick: (keyof typeof NS)[] = ['dcat', 'dcterms', 'foaf', 'lkpo', 'org', 'owl', 'prov', 'rdf', 'rdfs', 'schema', 'sdg', 'sdgo', 'skos', 'vcard', 'void', 'wd', 'xsd'];
  const std: Prefixes = Object.fromEntries(pick.map((p) => [p, NS[p]]));
  return { ...std, ...own };
}

/** Serializes one term in Turtle syntax, abbreviating IRIs with the longest matching prefix. */
export function termToTurtle(term: Term, prefixes: Prefixes): string {
  if (term.termType === 'NamedNode') {
    let best: [string, string] | undefined;
    for (const [p, ns] of Object.entries(prefixes)) {
      if (term.value.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns];
    }
    if (best) {
      const local = term.value.slice(best[1].length);
      if (LOCAL.test(local)) return `${best[0]}:${local}`;
    }
    return `<${term.value}>`;
  }
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const lit = `"${escapeLiteral(term.value)}"`;
    if (term.language) return `${lit}@${term.language}`;
    if (term.datatype.value === XSD.string || term.datatype.value === RDF.langString) return lit;
    return `${lit}^^${termToTurtle(term.datatype, prefixes)}`;
  }
  throw new Error(`cannot write a ${term.termType} in Turtle`);
}

function subjectBlocks(quads: Quad[], prefixes: Prefixes, indent: string): string[] {
  const bySubject = new Map<string, Quad[]>();
  for (const q of quads) {
    const key = q.subject.termType === 'BlankNode' ? '_:' + q.subject.value : q.subject.value;
    const list = bySubject.get(key);
    if (list) list.push(q);
    else bySubject.set(key, [q]);
  }
  const blocks: string[] = [];
  for (const key of [...bySubject.keys()].sort(naturalCompare)) {
    const list = bySubject.get(key)!;
    const byPredicate = new Map<string, Set<string>>();
    for (const q of list) {
      const set = byPredicate.get(q.predicate.value) ?? new Set<string>();
      set.add(termToTurtle(q.object, prefixes));
      byPredicate.set(q.predicate.value, set);
    }
    const preds = [...byPredicate.keys()].sort((a, b) => (a === RDF.type ? -1 : b === RDF.type ? 1 : naturalCompare(a, b)));
    const lines = preds.map((p) => {
      const name = p === RDF.type ? 'a' : termToTurtle({ termType: 'NamedNode', value: p } as Term, prefixes);
      const objects = [...byPredicate.get(p)!].sort(naturalCompare);
      return `${name} ${objects.join(', ')}`;
    });
    const subject = termToTurtle(list[0]!.subject, prefixes);
    blocks.push(`${indent}${subject} ${lines.join(` ;\n${indent}  `)} .`);
  }
  return blocks;
}

function prefixLines(prefixes: Prefixes): string {
  return Object.keys(prefixes)
    .sort()
    .map((p) => `@prefix ${p}: <${prefixes[p]}> .`)
    .join('\n');
}

/**
 * Writes quads (graph ignored) as canonical Turtle.
 * @example writeTurtle(store.getQuads(null, null, null, null), standardPrefixes(base))
 */
export function writeTurtle(quads: Quad[], prefixes: Prefixes): string {
  return `${prefixLines(prefixes)}\n\n${subjectBlocks(quads, prefixes, '').join('\n\n')}\n`;
}

/**
 * Writes quads as canonical TriG: one block per named graph, graphs sorted by IRI.
 * @example writeTrig(store.getQuads(null, null, null, null), standardPrefixes(base))
 */
export function writeTrig(quads: Quad[], prefixes: Prefixes): string {
  const byGraph = new Map<string, Quad[]>();
  for (const q of quads) {
    const list = byGraph.get(q.graph.value);
    if (list) list.push(q);
    else byGraph.set(q.graph.value, [q]);
  }
  const parts = [...byGraph.keys()].sort(naturalCompare).map((g) => {
    const body = subjectBlocks(byGraph.get(g)!, prefixes, '  ').join('\n\n');
    if (g === '') return body;
    return `${termToTurtle({ termType: 'NamedNode', value: g } as Term, prefixes)} {\n${body}\n}`;
  });
  return `${prefixLines(prefixes)}\n\n${parts.join('\n\n')}\n`;
}
