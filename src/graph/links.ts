// Turns the curation tables in data/links/*.csv into qualified link nodes plus their direct SKOS triples.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataFactory } from 'n3';
import type { Quad } from '@rdfjs/types';
import { DCTERMS, DEFAULT_BASE, LKPO, MATCH_BY_STRENGTH, PROV, RDF, XSD } from '../vocab.js';
import { keyToIri, SOURCE_DOCUMENTS } from './keys.js';
import { RELEASE } from './sources.js';

const { namedNode, literal, quad } = DataFactory;

/** One row of a curation table. */
export interface LinkRow {
  from: string;
  to: string;
  basis: 'stated' | 'curated';
  strength: 'close' | 'related';
  source: string;
  section: string;
  rationale: string;
  /** The table the row comes from (file name without .csv). */
  table: string;
}

const COLUMNS = ['from', 'to', 'basis', 'strength', 'source', 'section', 'rationale'];

/** Who asserted the curated and recorded the stated links. */
export const CURATOR = DEFAULT_BASE + 'org/livskvalitet-lod';
/**
 * When: prov:generatedAtTime ranges over xsd:dateTime (PROV-O), so the release date at midnight UTC,
 * a constant, never the clock (two builds give the same bytes).
 */
const GENERATED_AT = `${RELEASE.modified}T00:00:00Z`;

/** Checks one row and says exactly what is wrong with it. */
function checkRow(row: Record<string, string>, where: string): LinkRow {
  const missing = COLUMNS.filter((c) => row[c] === undefined);
  if (missing.length) throw new Error(`${where}: missing column(s) ${missing.join(', ')}`);
  const r = row as unknown as LinkRow;
  if (r.basis !== 'stated' && r.basis !== 'curated') throw new Error(`${where}: basis must be "stated" or "curated", got "${r.basis}"`);
  if (r.strength !== 'close' && r.strength !== 'related') throw new Error(`${where}: strength must be "close" or "related", got "${r.strength}"`);
  if (r.basis === 'stated' && (!SOURCE_DOCUMENTS[r.source] || !r.section)) throw new Error(`${where}: a stated link needs a known source (${Object.keys(SOURCE_DOCUMENTS).join(', ')}) and a section`);
  if (!r.rationale.trim()) throw new Error(`${where}: rationale is empty`);
  keyToIri(r.from);
  keyToIri(r.to);
  return r;
}

/**
 * Reads every data/links/*.csv table, sorted by file name.
 * @example readLinkTables(path.join(ROOT, 'data', 'links')).length // 250-odd rows
 */
export function readLinkTables(dir: string): LinkRow[] {
  const rows: LinkRow[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv')).sort()) {
    const records = parse(readFileSync(path.join(dir, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const table = file.replace(/\.csv$/, '');
    records.forEach((rec, i) => rows.push({ ...checkRow(rec, `data/links/${file} row ${i + 2}`), table }));
  }
  const seen = new Set<string>();
  for (const r of rows) {
    const k = `${r.from} ${r.to}`;
    if (seen.has(k)) throw new Error(`data/links/${r.table}.csv: duplicate link ${r.from} → ${r.to}`);
    seen.add(k);
  }
  return rows;
}

/** The IRI of the qualified link node between two keys. */
export function linkIri(from: string, to: string): string {
  return `${DEFAULT_BASE}link/${from.replace(':', '-')}--${to.replace(':', '-')}`;
}

function linkQuads(iri: string, from: string, to: string, basis: string, strength: string, rationale: string): Quad[] {
  const s = namedNode(iri);
  const fromIri = namedNode(keyToIri(from));
  const toIri = namedNode(keyToIri(to));
  return [
    quad(s, namedNode(RDF.type), namedNode(LKPO.Link)),
    quad(s, namedNode(LKPO.linkFrom), fromIri),
    quad(s, namedNode(LKPO.linkTo), toIri),
    quad(s, namedNode(LKPO.basis), namedNode(basis)),
    quad(s, namedNode(LKPO.strength), namedNode(strength)),
    quad(s, namedNode(LKPO.rationale), literal(rationale, 'en')),
    quad(s, namedNode(PROV.wasAttributedTo), namedNode(CURATOR)),
    quad(s, namedNode(PROV.generatedAtTime), literal(GENERATED_AT, namedNode(XSD.dateTime))),
    quad(fromIri, namedNode(MATCH_BY_STRENGTH[strength]!), toIri),
  ];
}

/**
 * Quads for the tabled links: each link node and its direct SKOS mapping triple.
 * @example linksToQuads(readLinkTables(dir))
 */
export function linksToQuads(rows: LinkRow[]): Quad[] {
  const out: Quad[] = [];
  for (const r of rows) {
    const iri = linkIri(r.from, r.to);
    out.push(...linkQuads(iri, r.from, r.to, LKPO[r.basis], LKPO[r.strength], r.rationale.trim()));
    out.push(quad(namedNode(iri), namedNode(DCTERMS.identifier), literal(`${r.table}:${r.from}--${r.to}`)));
    if (r.basis === 'stated') {
      out.push(quad(namedNode(iri), namedNode(DCTERMS.source), namedNode(SOURCE_DOCUMENTS[r.source]!)));
      out.push(quad(namedNode(iri), namedNode(LKPO.citedSection), literal(r.section)));
    }
  }
  return out;
}

/**
 * Says truthfully what a derived link rests on: the priority → target links of its group, by basis. The
 * programme itself links no priority to a target; a curated link is this project's judgement.
 * @example derivedRationale(rows) // "Derived from this project's curated links from the focus area's priorities to targets of this goal: 4.4.3.2 → 11.2."
 */
export function derivedRationale(group: LinkRow[]): string {
  const pairs = (basis: LinkRow['basis']) =>
    group.filter((r) => r.basis === basis).map((r) => `${r.from.slice('lkp2016:'.length)} → ${r.to.slice('sdg:'.length)}`).join(', ');
  const curated = pairs('curated');
  const stated = pairs('stated');
  if (!stated) return `Derived from this project's curated links from the focus area's priorities to targets of this goal: ${curated}.`;
  if (!curated) return `Derived from links that a source document states from the focus area's priorities to targets of this goal: ${stated}.`;
  return `Derived from links from the focus area's priorities to targets of this goal, stated in a source document (${stated}) and curated by this project (${curated}).`;
}

/**
 * Derives focus area → SDG goal links from the priority → target links (basis lkpo:derived),
 * each naming the links it was derived from.
 * @example deriveFocusGoalLinks(rows.filter((r) => r.table === 'priority-sdg'))
 */
export function deriveFocusGoalLinks(rows: LinkRow[]): Quad[] {
  const groups = new Map<string, LinkRow[]>(); // "focusKey goalKey" → rows
  for (const r of rows) {
    const priority = /^lkp2016:(4\.\d\.\d)\.\d+$/.exec(r.from);
    const target = /^sdg:(\d+)\.[0-9a-z]+$/.exec(r.to);
    if (!priority || !target) continue;
    const key = `lkp2016:${priority[1]} sdg:${target[1]}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const out: Quad[] = [];
  for (const [key, group] of [...groups].sort()) {
    const [focus, goal] = key.split(' ') as [string, string];
    const rationale = derivedRationale(group);
    const iri = linkIri(focus, goal);
    out.push(...linkQuads(iri, focus, goal, LKPO.derived, LKPO.related, rationale));
    out.push(quad(namedNode(iri), namedNode(DCTERMS.identifier), literal(`derived:${focus}--${goal}`)));
    for (const r of group) out.push(quad(namedNode(iri), namedNode(PROV.wasDerivedFrom), namedNode(linkIri(r.from, r.to))));
  }
  return out;
}
