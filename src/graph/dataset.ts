// Assembles the whole dataset: ontology, data files, link tables and graph descriptions, in named graphs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DataFactory, Store } from 'n3';
import type { Quad, Quad_Object } from '@rdfjs/types';
import { DCTERMS, DEFAULT_BASE, NS, PROV, RDF, SD, SKOS, XSD } from '../vocab.js';
import type { BuildConfig } from './config.js';
import { keyToIri } from './keys.js';
import { deriveFocusGoalLinks, linksToQuads, readLinkTables, type LinkRow } from './links.js';
import { parseTurtleFile, placeQuads } from './rdf-io.js';
import { GRAPHS, graphIri, RELEASE, sourceIris } from './sources.js';

const { namedNode, literal, quad } = DataFactory;

export interface Dataset {
  quads: Quad[];
  links: LinkRow[];
}

/**
 * The note on every concept that gets its English label from en.csv. The graph's description says the
 * same, but a union dump (dataset.ttl/.nt/.rdf/.jsonld) has no graphs: the note keeps it on the concept.
 */
export const OWN_TRANSLATION_NOTE = {
  sv: 'Den engelska etiketten är projektets egen översättning och inte hämtad ur en officiell källa.',
  en: "The English label is the project's own translation, not taken from an official source.",
};

/** The two quads (sv, en) of OWN_TRANSLATION_NOTE on `concept`. */
const ownTranslationNote = (concept: Quad['subject']): Quad[] => [
  quad(concept, namedNode(SKOS.editorialNote), literal(OWN_TRANSLATION_NOTE.sv, 'sv')),
  quad(concept, namedNode(SKOS.editorialNote), literal(OWN_TRANSLATION_NOTE.en, 'en')),
];

/**
 * English labels from data/translations/en.csv (the project's own translations), each with its note.
 * @example translationQuads(path.join(cfg.dataDir, 'translations', 'en.csv'))
 */
export function translationQuads(file: string): Quad[] {
  if (!existsSync(file)) return [];
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as { key: string; label_en: string }[];
  return rows.flatMap((r, i) => {
    if (!r.key || !r.label_en?.trim()) throw new Error(`data/translations/en.csv row ${i + 2}: key and label_en are required`);
    const concept = namedNode(keyToIri(r.key));
    return [quad(concept, namedNode(SKOS.prefLabel), literal(r.label_en.trim(), 'en')), ...ownTranslationNote(concept)];
  });
}

/**
 * The quads of data/translations-en.ttl (English names of organisations, schemes and the RUS
 * stances, written as Turtle) with OWN_TRANSLATION_NOTE on every subject given an English
 * prefLabel there, as en.csv's concepts have it. An English name that is official belongs with
 * its source in the source's own data file, not here.
 */
export function withOwnTranslationNotes(quads: Quad[]): Quad[] {
  const named = new Map<string, Quad['subject']>();
  for (const q of quads) {
    if (q.predicate.value === SKOS.prefLabel && q.object.termType === 'Literal' && q.object.language === 'en') named.set(q.subject.value, q.subject);
  }
  return [...quads, ...[...named.values()].flatMap(ownTranslationNote)];
}

/** Describes every named graph (title, source, licence, citation) in the `about` graph. */
function aboutQuads(base: string): Quad[] {
  const out: Quad[] = [];
  for (const g of GRAPHS) {
    const s = namedNode(graphIri(base, g.name));
    const add = (p: string, o: Quad_Object) => out.push(quad(s, namedNode(p), o));
    add(RDF.type, namedNode(SD.NamedGraph));
    add(RDF.type, namedNode(PROV.Entity));
    add(SD.name, s);
    for (const lang of ['sv', 'en'] as const) {
      add(DCTERMS.title, literal(g.title[lang], lang));
      add(DCTERMS.description, literal(g.description[lang], lang));
    }
    for (const src of sourceIris(g, base)) add(DCTERMS.source, namedNode(src));
    if (g.license) add(DCTERMS.license, namedNode(g.license));
    if (g.citation) add(DCTERMS.bibliographicCitation, literal(g.citation));
    for (const lang of ['sv', 'en'] as const) if (g.rights?.[lang]) add(DCTERMS.rights, literal(g.rights[lang], lang));
    add(DCTERMS.modified, literal(RELEASE.modified, namedNode(XSD.date)));
  }
  return out;
}

/**
 * Loads ontology/ and data/ into one list of quads, one named graph per source, on the configured base.
 * @example const { quads } = assembleDataset(buildConfig())
 */
export function assembleDataset(cfg: BuildConfig): Dataset {
  const known = new Set(GRAPHS.map((g) => g.name).filter((n) => n !== 'about'));
  const parts: Quad[][] = [];
  const into = (name: string, quads: Quad[]) => {
    if (!known.has(name)) throw new Error(`no graph "${name}" is declared in src/graph/sources.ts (data/${name}.ttl needs one)`);
    // the ontology keeps its IRIs, its creator's too (the Livskvalitet LOD project), whatever the BASE
    parts.push(placeQuads(quads, namedNode(graphIri(cfg.base, name)), name === 'ontology' ? DEFAULT_BASE : cfg.base));
  };
  for (const f of readdirSync(cfg.ontologyDir).filter((f) => f.endsWith('.ttl') && f !== 'shapes.ttl').sort()) {
    into('ontology', parseTurtleFile(path.join(cfg.ontologyDir, f)));
  }
  for (const f of readdirSync(cfg.dataDir).filter((f) => f.endsWith('.ttl')).sort()) {
    const quads = parseTurtleFile(path.join(cfg.dataDir, f));
    into(f.replace(/\.ttl$/, ''), f === 'translations-en.ttl' ? withOwnTranslationNotes(quads) : quads);
  }
  into('translations-en', translationQuads(path.join(cfg.dataDir, 'translations', 'en.csv')));
  const links = readLinkTables(path.join(cfg.dataDir, 'links'));
  into('links', linksToQuads(links));
  into('links-derived', deriveFocusGoalLinks(links.filter((r) => r.table === 'priority-sdg')));
  // written on the default base and moved once, like the data files (moving cfg.base IRIs again would nest a base under the default)
  parts.push(placeQuads(aboutQuads(DEFAULT_BASE), namedNode(graphIri(cfg.base, 'about')), cfg.base));
  // an N3 store keeps each quad once (the same triple stated twice in one graph)
  return { quads: new Store(parts.flat()).getQuads(null, null, null, null), links };
}
