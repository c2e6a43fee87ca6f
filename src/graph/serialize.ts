// Writes the dataset in the standard RDF formats and links.csv, deterministically (sorted, no timestamps).
import { DataFactory, Writer } from 'n3';
import type { Quad, Term } from '@rdfjs/types';
import jsonld from 'jsonld';
import type { Quad as N3Quad } from 'n3';
import { toRdfXml } from './rdfxml.js';
import { LKPO, SKOS } from '../vocab.js';
import { LINKS_CSV_COLUMNS } from './links-csv-metadata.js';
import { standardPrefixes, termToTurtle, writeTrig, writeTurtle, type Prefixes } from './turtle.js';

const { quad, defaultGraph } = DataFactory;

/** One N-Triples/N-Quads line per quad, sorted by code point (the canonical dump order). */
export function writeNQuads(quads: Quad[], withGraphs: boolean): string {
  const w = new Writer({ format: withGraphs ? 'N-Quads' : 'N-Triples' });
  const lines = new Set<string>();
  for (const q of quads) {
    lines.add(w.quadToString(q.subject, q.predicate, q.object, withGraphs ? q.graph : undefined).trimEnd());
  }
  return [...lines].sort().join('\n') + '\n';
}

/** The union of all graphs as triples (duplicates across graphs removed). */
export function unionTriples(quads: Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  for (const q of quads) {
    const t = quad(q.subject, q.predicate, q.object, defaultGraph());
    seen.set(new Writer({ format: 'N-Triples' }).quadToString(t.subject, t.predicate, t.object), t);
  }
  return [...seen.values()];
}

/** RDF/XML of the union (rdflib, whose output follows input order: the triples go in sorted). */
export function writeRdfXml(triples: Quad[], prefixes: Prefixes): string {
  const w = new Writer({ format: 'N-Triples' });
  const key = (q: Quad) => w.quadToString(q.subject, q.predicate, q.object);
  const sorted = triples.map((q) => [key(q), q] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return toRdfXml(sorted.map(([, q]) => q as N3Quad), prefixes);
}

/** JSON-LD of the union, compacted against the published context (linked by URL, embedded for compaction). */
export async function writeJsonLd(ntriples: string, context: Record<string, unknown>, contextUrl: string): Promise<string> {
  const expanded = await jsonld.fromRDF(ntriples, { format: 'application/n-quads' });
  const compacted = (await jsonld.compact(expanded, context as jsonld.ContextDefinition)) as Record<string, unknown>;
  compacted['@context'] = contextUrl;
  return JSON.stringify(compacted, null, 2) + '\n';
}

const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * links.csv: one row per qualified link (from, to, basis, strength, rationale, …), sorted; RFC 4180,
 * so every record ends with CRLF. Its columns are described in links.csv-metadata.json (CSVW).
 * @example writeLinksCsv(quads, base)
 */
export function writeLinksCsv(quads: Quad[], base: string): string {
  const bySubject = new Map<string, Map<string, string[]>>();
  const labelSv = new Map<string, string>(); // the Swedish label, else the English one
  for (const q of quads) {
    const lang = q.object.termType === 'Literal' ? q.object.language : '';
    if (q.predicate.value === SKOS.prefLabel && (lang === 'sv' || (lang === 'en' && !labelSv.has(q.subject.value)))) labelSv.set(q.subject.value, q.object.value);
    const m = bySubject.get(q.subject.value) ?? new Map<string, string[]>();
    m.set(q.predicate.value, [...(m.get(q.predicate.value) ?? []), q.object.value]);
    bySubject.set(q.subject.value, m);
  }
  const prefixes = standardPrefixes(base);
  const short = (iri: string) => termToTurtle({ termType: 'NamedNode', value: iri } as Term, prefixes).replace(/^(\w+):/, '$1:');
  const header = LINKS_CSV_COLUMNS.map((c) => c.name);
  const rows: string[][] = [];
  for (const [s, m] of bySubject) {
    if (!m.get('http://www.w3.org/1999/02/22-rdf-syntax-ns#type')?.includes(LKPO.Link)) continue;
    const one = (p: string) => m.get(p)?.[0] ?? '';
    const from = one(LKPO.linkFrom);
    const to = one(LKPO.linkTo);
    rows.push([s, from, labelSv.get(from) ?? '', to, labelSv.get(to) ?? '', short(one(LKPO.basis)).replace('lkpo:', ''), short(one(LKPO.strength)).replace('lkpo:', ''), one('http://purl.org/dc/terms/source'), one(LKPO.citedSection), one(LKPO.rationale)]);
  }
  rows.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return [header, ...rows].map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

export { writeTrig, writeTurtle };
