// The built graph holds what issue "The graph" asks for: counts, verbatim text, links, provenance, integrity.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFactory, Parser, Store } from 'n3';
import oxigraph from 'oxigraph';
import { parse } from 'csv-parse/sync';
import { LKPO, LKPO_NS, NS, PROV, RDF, SDGO, SKOS } from '../../src/vocab.js';
import { danglingIris, directTripleProblems, repeatedTriples, skosProblems } from '../../src/graph/integrity.js';
import { loadShapes, validateShacl } from '../../src/graph/shacl.js';
import { normalizeSpace } from '../../src/graph/seed-programme.js';
import { importSdgKos } from '../../src/graph/sdg-kos.js';
import { OWN_TRANSLATION_NOTE } from '../../src/graph/dataset.js';
import { GRAPHS, RELEASE } from '../../src/graph/sources.js';
import { keyToIri } from '../../src/graph/keys.js';
import { rebase } from '../../src/graph/rdf-io.js';
import { builtStore, cfg, dist, hasShared, manifest, SHARED } from '../helpers.js';

const { namedNode } = DataFactory;
const store = builtStore();
const base = cfg.base;
const subjectsOf = (cls: string) => store.getSubjects(namedNode(RDF.type), namedNode(cls), null).map((t) => t.value);
const objects = (s: string, p: string) => store.getObjects(namedNode(s), namedNode(p), null);
const unique = <T>(xs: T[]) => [...new Set(xs)];

describe('the 2016 programme', () => {
  it('has 5 directions, 15 focus areas and 58 priorities', () => {
    expect(unique(subjectsOf(LKPO.Direction))).toHaveLength(5);
    expect(unique(subjectsOf(LKPO.FocusArea))).toHaveLength(15);
    expect(unique(subjectsOf(LKPO.Priority))).toHaveLength(58);
  });

  it('has 4,4,4 / 3,5,4 / 4,3,4 / 3,4,5 / 4,3,4 priorities per focus area', () => {
    const counts = unique(subjectsOf(LKPO.FocusArea))
      .sort()
      .map((f) => objects(f, SKOS.narrower).length);
    expect(counts).toEqual([4, 4, 4, 3, 5, 4, 4, 3, 4, 3, 4, 5, 4, 3, 4]);
  });

  it.runIf(hasShared)('quotes every priority, title and text verbatim from seed 001', () => {
    const seed = normalizeSpace(readFileSync(path.join(SHARED, 'seeds/001_1a48729c8db209f7.txt'), 'utf8')).replace('ekosystemtjänster3', 'ekosystemtjänster');
    const texts = [LKPO.Priority, LKPO.FocusArea, LKPO.Direction].flatMap((cls) =>
      unique(subjectsOf(cls)).flatMap((s) => [...objects(s, SKOS.prefLabel), ...objects(s, LKPO.introduction), ...objects(s, LKPO.challenges)]),
    );
    const swedish = texts.filter((t) => t.termType === 'Literal' && t.language === 'sv').map((t) => t.value);
    expect(swedish.length).toBe(58 + 15 * 2 + 5 * 3);
    for (const text of swedish) expect(seed, text).toContain(text);
  });

  it.runIf(hasShared)('quotes the transformations (seed 002) and Treklövern (seed 004) verbatim, paragraph by paragraph, in whole sentences', () => {
    for (const [graph, seedName] of [['transformationer', '002_6c229d436c65eb2d'], ['treklovern', '004_6d5ebc0a2ab4f1d8']] as const) {
      const seed = normalizeSpace(readFileSync(path.join(SHARED, `seeds/${seedName}.txt`), 'utf8'));
      const texts = store
        .getQuads(null, null, null, namedNode(`${base}graph/${graph}`))
        .filter((q) => [`${NS.dcterms}description`, SKOS.definition].includes(q.predicate.value) && q.object.termType === 'Literal')
        .map((q) => q.object.value);
      expect(texts.length, graph).toBeGreaterThan(3);
      for (const text of texts) {
        for (const paragraph of text.split('\n\n')) expect(seed, `${graph}: ${paragraph}`).toContain(normalizeSpace(paragraph));
        // A text cut at a page break or running into the next heading ends without a full stop.
        expect(text, graph).toMatch(/[.!?”]$/);
      }
    }
  });

  it('keeps English labels apart, in the graph of the project\'s own translations', () => {
    const english = store.getQuads(namedNode(`${base}lkp/2016/4.4.3.2`), namedNode(SKOS.prefLabel), null, null).filter((q) => q.object.termType === 'Literal' && q.object.language === 'en');
    expect(english).toHaveLength(1);
    expect(english[0]!.graph.value).toBe(`${base}graph/translations-en`);
  });

  it('says on every concept with an English label from en.csv, in the union dump too, that the label is the project\'s own translation', () => {
    const union = new Store(new Parser({ format: 'N-Triples' }).parse(readFileSync(dist('dataset.nt'), 'utf8')));
    const keys = parse(readFileSync(path.join(cfg.dataDir, 'translations', 'en.csv'), 'utf8'), { columns: true }) as { key: string }[];
    expect(keys.length).toBeGreaterThanOrEqual(100);
    for (const { key } of keys) {
      const concept = namedNode(rebase(keyToIri(key), base));
      const inGraph = store.getObjects(concept, namedNode(SKOS.editorialNote), namedNode(`${base}graph/translations-en`)).map((o) => o.value);
      expect(inGraph, key).toEqual(expect.arrayContaining([OWN_TRANSLATION_NOTE.sv, OWN_TRANSLATION_NOTE.en]));
      expect(union.getObjects(concept, namedNode(SKOS.editorialNote), null).map((o) => o.value), key).toContain(OWN_TRANSLATION_NOTE.en);
    }
  });

  it('keeps the official English names of the 16 environmental objectives and the 8 public-health target areas in their own graphs, with their source and without the note', () => {
    const cases = [
      ['miljomal', 16, 'http://www.regeringen.se/sb/d/5400/a/43485', [1, 'Reduced Climate Impact'], [10, 'A Balanced Marine Environment, Flourishing Coastal Areas and Archipelagos']],
      ['folkhalsomal', 8, 'https://government.se/articles/2018/05/public-health-policy-to-be-more-equitable/', [2, 'Knowledge, skills and education/training'], [8, 'Equitable and health-promoting health and medical services']],
    ] as const;
    for (const [scheme, count, source, ...samples] of cases) {
      const graph = `${base}graph/${scheme}`;
      expect(objects(`${base}${scheme}`, `${NS.dcterms}source`).map((o) => o.value), scheme).toContain(source);
      for (let n = 1; n <= count; n++) {
        const concept = `${base}${scheme}/${n}`;
        const english = store.getQuads(namedNode(concept), namedNode(SKOS.prefLabel), null, null).filter((q) => q.object.termType === 'Literal' && q.object.language === 'en');
        expect(english.map((q) => q.graph.value), concept).toEqual([graph]);
        expect(objects(concept, SKOS.editorialNote).map((o) => o.value), concept).not.toContain(OWN_TRANSLATION_NOTE.en);
      }
      for (const [n, label] of samples) expect(objects(`${base}${scheme}/${n}`, SKOS.prefLabel).map((o) => o.value)).toContain(label);
    }
  });

  it('dates the public-health framework to the Riksdag\'s decision of June 2018, not to the bill of April', () => {
    const scheme = `${base}folkhalsomal`;
    expect(objects(scheme, `${NS.dcterms}issued`).map((o) => o.value)).toEqual(['2018-06']);
    expect(objects(scheme, `${NS.dcterms}source`).map((o) => o.value)).toContain('http://data.riksdagen.se/dokument/H503249');
    expect(objects(scheme, SKOS.editorialNote).map((o) => o.value).join(' ')).toMatch(/juni 2018.*2017\/18:249.*19 april 2018/);
  });

  it('says the same of every English name in data/translations-en.ttl, and keeps an official English title with its source in the source\'s own graph', () => {
    const union = new Store(new Parser({ format: 'N-Triples' }).parse(readFileSync(dist('dataset.nt'), 'utf8')));
    const graph = namedNode(`${base}graph/translations-en`);
    const named = store.getQuads(null, namedNode(SKOS.prefLabel), null, graph).filter((q) => q.object.termType === 'Literal' && q.object.language === 'en');
    const subjects = [...new Set(named.map((q) => q.subject.value))];
    expect(subjects.length).toBeGreaterThan(110);
    for (const s of subjects) {
      expect(store.getObjects(namedNode(s), namedNode(SKOS.editorialNote), graph).map((o) => o.value), s).toEqual(expect.arrayContaining([OWN_TRANSLATION_NOTE.sv, OWN_TRANSLATION_NOTE.en]));
      expect(union.getObjects(namedNode(s), namedNode(SKOS.editorialNote), null).map((o) => o.value), s).toContain(OWN_TRANSLATION_NOTE.en);
    }
    for (const org of ['org/helsingborgs-stad', 'org/kommunstyrelsen', 'rus2030/1', 'treklovern/mandatperiod']) expect(subjects, org).toContain(`${base}${org}`);
    const rus = namedNode(`${base}rus2030`);
    expect(store.getQuads(rus, namedNode(SKOS.prefLabel), null, null).filter((q) => q.object.termType === 'Literal' && q.object.language === 'en').map((q) => [q.object.value, q.graph.value])).toEqual([['The Open Skåne 2030', `${base}graph/rus2030`]]);
    expect(store.getObjects(rus, namedNode(`${NS.dcterms}source`), null).map((o) => o.value)).toContain('https://utveckling.skane.se/publikationer/strategier-och-planer/the-open-skane-2030---skanes-regional-development-strategy/');
    expect(store.getObjects(rus, namedNode(SKOS.editorialNote), null).map((o) => o.value)).not.toContain(OWN_TRANSLATION_NOTE.en);
    // The project names itself in both languages: its English name is no translation.
    const project = namedNode(`${base}org/livskvalitet-lod`);
    expect(store.getQuads(project, namedNode(SKOS.prefLabel), null, graph)).toEqual([]);
    expect(store.getObjects(project, namedNode(SKOS.editorialNote), null)).toEqual([]);
  });

  it('references only what the 2016 text names (not the public-health framework of 2018), quoting §2.1 verbatim and saying where each reference comes from', () => {
    const programme = `${base}lkp/2016`;
    expect(objects(programme, `${NS.dcterms}references`).map((o) => o.value).sort()).toEqual(
      [`${NS.sdg.slice(0, -1)}`, `${base}rus2030/1`, `${base}miljomal`, `${base}vision2035`].sort(),
    );
    // ch. 6 reports to the council every second year but revises every term: no single periodicity fits
    expect(objects(programme, `${NS.dcterms}accrualPeriodicity`)).toEqual([]);
    const notes = objects(programme, SKOS.note).map((o) => o.value);
    expect(notes.some((n) => n.startsWith('Även de nationella och regionala folkhälso- och miljökvalitetsmålen är vägledande'))).toBe(true);
    const editorial = objects(programme, SKOS.editorialNote);
    expect(editorial.map((o) => (o.termType === 'Literal' ? o.language : '')).sort()).toEqual(['en', 'en', 'en', 'sv', 'sv', 'sv']);
    const english = editorial.filter((o) => o.termType === 'Literal' && o.language === 'en').map((o) => o.value);
    // the adoption by the council is not in the programme's text: the note names the page that states it, a source of the graph
    const adoption = 'https://livskvalitet.helsingborg.se/styrdokument-och-program/om-livskvalitetsprogrammet/fran-ide-till-beslut/';
    expect(english).toContainEqual(expect.stringContaining(`adopted the programme on 26 January 2016 (lkpo:adoptedBy, dcterms:dateAccepted) is stated on livskvalitet.helsingborg.se (${adoption}`));
    expect(GRAPHS.find((g) => g.name === 'lkp')!.sources).toContain(adoption);
    expect(english).toContainEqual(expect.stringMatching(/section 2\.1.*chapter 2.*June 2018/));
    // its English label is the official title with the years added by us, and says so
    expect(english).toContainEqual(expect.stringMatching(/official English title “The Quality Of Life Programme”.*years 2016–2024 added by this project/));
  });

  it.runIf(hasShared)('quotes seed 001 verbatim in the notes of the 2016 version', () => {
    const seed = normalizeSpace(readFileSync(path.join(SHARED, 'seeds/001_1a48729c8db209f7.txt'), 'utf8'));
    for (const note of objects(`${base}lkp/2016`, SKOS.note)) expect(seed, note.value).toContain(note.value);
  });

  it('models the revised programme with only what is known', () => {
    const revised = `${base}lkp/aktualiserat`;
    expect(objects(revised, LKPO.directionCount).map((o) => o.value)).toEqual(['4']);
    expect(objects(revised, LKPO.focusAreaCount).map((o) => o.value)).toEqual(['13']);
    expect(store.getSubjects(namedNode(SKOS.inScheme), namedNode(revised), null)).toHaveLength(0);
    expect(objects(revised, `${NS.dcterms}dateAccepted`)).toHaveLength(0);
  });

  it('keeps the page footnote of 4.3.3.2 verbatim as skos:note, its marker out of the label, and says so', () => {
    const p = `${base}lkp/2016/4.3.3.2`;
    const text = (pred: string, lang: string) => objects(p, pred).filter((o) => o.termType === 'Literal' && o.language === lang).map((o) => o.value);
    expect(text(SKOS.prefLabel, 'sv')).toEqual(['Främja användandet och införandet av ekosystemtjänster som skapar kvalitet, funktion och attraktivitet över hela staden.']);
    expect(text(SKOS.note, 'sv')).toEqual([expect.stringMatching(/^Ekosystemtjänster är ekosystemens direkta och indirekta bidrag .* \(källa: Naturvårdsverket\)$/)]);
    expect(text(SKOS.editorialNote, 'sv')).toContainEqual(expect.stringContaining('Fotnot 3 i källan, efter ordet ”ekosystemtjänster”'));
    expect(text(SKOS.editorialNote, 'en')).toContainEqual(expect.stringContaining('Footnote 3 of the source'));
    // no other concept of the programme has a footnote
    const noted = store.getSubjects(namedNode(SKOS.note), null, null).map((t) => t.value).filter((iri) => iri.startsWith(`${base}lkp/2016/`));
    expect(noted).toEqual([p]);
  });
});

describe('Agenda 2030 (UN SDG KOS)', () => {
  it('has 17 goals, 169 targets and 232 indicators on UN URIs', () => {
    for (const [cls, n] of [[SDGO.Goal, 17], [SDGO.Target, 169], [SDGO.Indicator, 232]] as const) {
      const iris = unique(subjectsOf(cls));
      expect(iris).toHaveLength(n);
      for (const iri of iris) expect(iri).toMatch(/^http:\/\/metadata\.un\.org\/sdg\/[0-9A-Za-z.]+$/);
    }
  });

  it('trims white space around a UN label and lists it among the repairs', () => {
    const { quads, repairs } = importSdgKos(`<${NS.sdg}8.7> <${SKOS.prefLabel}> "Take immediate action "@en .`);
    expect(quads.map((q) => q.object.value)).toEqual(['Take immediate action']);
    expect(repairs).toEqual([{ subject: `${NS.sdg}8.7`, what: 'trimmed white space around en label "Take immediate action"' }]);
  });

  it('repairs the known defects of the UN file', () => {
    const en = (s: string) => objects(NS.sdg + s, SKOS.prefLabel).filter((o) => o.termType === 'Literal' && o.language === 'en').map((o) => o.value);
    expect(en('12.3')).toEqual([expect.stringMatching(/^By 2030, halve per capita/)]);
    expect(en('14.6')[0]).toMatch(/negotiation$/);
    const fr12 = objects(NS.sdg + '12.3', SKOS.prefLabel).filter((o) => o.termType === 'Literal' && o.language === 'fr');
    expect(fr12.map((o) => o.value)).not.toContain('Tableau de bord macroéconomique');
    expect(objects(NS.sdg + 'C171301', SKOS.prefLabel).map((o) => o.value)).toContain('Tableau de bord macroéconomique');
  });

  it('has one Swedish name per goal, in its own named graph with its source stated', () => {
    const sv = store.getQuads(null, namedNode(SKOS.prefLabel), null, namedNode(`${base}graph/sdg-sv`));
    expect(sv).toHaveLength(17);
    expect(store.getObjects(namedNode(`${base}graph/sdg-sv`), namedNode(`${NS.dcterms}source`), null).length).toBeGreaterThan(0);
    expect(store.getObjects(namedNode(`${base}graph/sdg`), namedNode(`${NS.dcterms}bibliographicCitation`), null)[0]?.value).toMatch(/Joshi.*Knowledge Organization System/);
  });

  it('says on each goal, in the sdg-sv graph itself, that its Swedish name is no official translation (so the union dumps keep it)', () => {
    const graph = namedNode(`${base}graph/sdg-sv`);
    for (const q of store.getQuads(null, namedNode(SKOS.prefLabel), null, graph)) {
      const notes = store.getObjects(q.subject, namedNode(SKOS.editorialNote), graph);
      expect(notes.map((n) => (n.termType === 'Literal' ? n.language : '')).sort(), q.subject.value).toEqual(['en', 'sv']);
      expect(notes.find((n) => n.termType === 'Literal' && n.language === 'en')?.value).toMatch(/short name as Swedish web pages use it.*not an official translation/);
    }
    // a misspelt variant of goal 11's name ("samhälle" for "samhällen") is not a name anyone should search by
    expect(store.getQuads(null, null, DataFactory.literal('Hållbara städer och samhälle', 'sv'), null)).toEqual([]);
    expect(objects(`${base}graph/sdg-sv`, `${NS.dcterms}description`).map((d) => d.value).join(' ')).toMatch(/not an official translation/);
  });
});

describe('the about graph', () => {
  const about = (graph: string, p: string) => objects(`${base}graph/${graph}`, `${NS.dcterms}${p}`);

  it.each(['lkp', 'lkp2016', 'sdg-sv', 'vision2035', 'transformationer', 'treklovern', 'styrdokument', 'folkhalsomal', 'miljomal', 'rus2030'])(
    'gives graph %s, which quotes others\' text, a rights statement in sv and en and no licence that would cover the quotes',
    (graph) => {
      expect(about(graph, 'license')).toEqual([]);
      const rights = about(graph, 'rights');
      expect(rights.map((r) => (r.termType === 'Literal' ? r.language : '')).sort()).toEqual(['en', 'sv']);
      expect(rights.map((r) => r.value).join(' ')).toMatch(/CC BY 4\.0 \(http:\/\/creativecommons\.org\/licenses\/by\/4\.0\/\).*does not extend to rights that others hold/);
      expect(about(graph, 'source').length, graph).toBeGreaterThan(0);
    },
  );

  it('dates every graph, the manifest and the links by the release date', () => {
    for (const g of store.getSubjects(namedNode(RDF.type), namedNode(`${NS.sd}NamedGraph`), null)) {
      expect(objects(g.value, `${NS.dcterms}modified`).map((o) => o.value), g.value).toEqual([RELEASE.modified]);
    }
    expect(manifest().modified).toBe(RELEASE.modified);
    expect(unique(store.getObjects(null, namedNode(PROV.generatedAtTime), null).map((o) => o.value))).toEqual([`${RELEASE.modified}T00:00:00Z`]);
  });

  it('gives every graph a licence or a rights statement', () => {
    for (const g of store.getSubjects(namedNode(RDF.type), namedNode(`${NS.sd}NamedGraph`), null)) {
      expect(about(g.value.slice(`${base}graph/`.length), 'license').length + about(g.value.slice(`${base}graph/`.length), 'rights').length, g.value).toBeGreaterThan(0);
    }
  });
});

describe('the related plans and frameworks', () => {
  it.each([
    [LKPO.VisionArea, 5],
    [LKPO.Transformation, 3],
    [LKPO.ProgrammeArea, 5],
    [LKPO.SteeringDocument, 9],
  ])('has the right number of %s', (cls, n) => {
    expect(unique(subjectsOf(cls))).toHaveLength(n);
  });

  it.each([
    ['folkhalsomal', 8],
    ['miljomal', 16],
    ['rus2030', 5],
  ])('scheme %s has %i goals', (name, n) => {
    expect(store.getSubjects(namedNode(SKOS.inScheme), namedNode(`${base}${name}`), null)).toHaveLength(n);
  });

  it('numbers the vision areas in the order of the vision\'s sentence, and says so on the scheme', () => {
    const sentence = objects(`${base}vision2035`, `${NS.dcterms}description`)[0]!.value; // "… den skapande, pulserande, gemensamma, globala och balanserade staden."
    const order = ['skapande', 'pulserande', 'gemensamma', 'globala', 'balanserade'];
    expect(order.map((w) => sentence.indexOf(w))).toEqual(order.map((w) => sentence.indexOf(w)).sort((a, b) => a - b));
    expect(order.map((w) => objects(`${base}vision2035/${w}`, SKOS.notation)[0]?.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(objects(`${base}vision2035`, SKOS.editorialNote).map((o) => o.value).join(' ')).toMatch(/follow the order of the vision's sentence/);
  });

  it('describes Helsingborgs stad with its identifiers', () => {
    const city = `${base}org/helsingborgs-stad`;
    expect(objects(city, SKOS.notation).map((o) => o.value).sort()).toEqual(['1283', '212000-1157']);
    // The dataportal.se organisation URI is derived from a pattern, never seen published (domain facts A6, B.7):
    // only the DCAT publisher uses it, the data never says it is the same thing.
    expect(objects(city, `${NS.owl}sameAs`).map((o) => o.value)).toEqual(['http://www.wikidata.org/entity/Q487648']);
  });
});

describe('links', () => {
  const links = unique(subjectsOf(LKPO.Link));

  it('links every priority to at least one SDG target', () => {
    for (const p of unique(subjectsOf(LKPO.Priority))) {
      const targets = store
        .getSubjects(namedNode(LKPO.linkFrom), namedNode(p), null)
        .flatMap((l) => objects(l.value, LKPO.linkTo))
        .filter((t) => store.getQuads(t, namedNode(RDF.type), namedNode(SDGO.Target), null).length > 0);
      expect(targets.length, p).toBeGreaterThan(0);
    }
  });

  it('gives every link node a basis, strength, rationale, attribution and date, and its direct SKOS triple', () => {
    expect(links.length).toBeGreaterThan(150);
    for (const l of links) {
      expect(objects(l, LKPO.basis), l).toHaveLength(1);
      expect(objects(l, LKPO.strength), l).toHaveLength(1);
      expect(objects(l, LKPO.rationale), l).toHaveLength(1);
      expect(objects(l, PROV.wasAttributedTo), l).toHaveLength(1);
      expect(objects(l, PROV.generatedAtTime), l).toHaveLength(1);
      // PROV-O's range is xsd:dateTime
      expect(objects(l, PROV.generatedAtTime).map((o) => (o.termType === 'Literal' ? o.datatype.value : '')), l).toEqual([`${NS.xsd}dateTime`]);
      const match = objects(l, LKPO.strength)[0]!.value === LKPO.close ? SKOS.closeMatch : SKOS.relatedMatch;
      const from = objects(l, LKPO.linkFrom)[0]!;
      const to = objects(l, LKPO.linkTo)[0]!;
      expect(store.getQuads(from, namedNode(match), to, null), l).toHaveLength(1);
    }
  });

  it('derives each focus area\'s SDG goals from its priorities\' targets, naming the source links', () => {
    const derived = links.filter((l) => objects(l, LKPO.basis)[0]!.value === LKPO.derived);
    expect(derived.length).toBeGreaterThanOrEqual(15);
    for (const l of derived) {
      expect(objects(l, PROV.wasDerivedFrom).length, l).toBeGreaterThan(0);
      expect(store.getQuads(objects(l, LKPO.linkTo)[0]!, namedNode(RDF.type), namedNode(SDGO.Goal), null)).toHaveLength(1);
    }
  });

  it('never words a related link as if it were close ("substantially express…")', () => {
    const related = links.filter((l) => objects(l, LKPO.strength)[0]!.value === LKPO.related);
    for (const l of related) expect(objects(l, LKPO.rationale)[0]!.value, l).not.toMatch(/substantially express/);
  });

  it('cites document and section for every stated link', () => {
    const stated = links.filter((l) => objects(l, LKPO.basis)[0]!.value === LKPO.stated);
    expect(stated.length).toBeGreaterThan(0);
    for (const l of stated) {
      expect(objects(l, `${NS.dcterms}source`), l).toHaveLength(1);
      expect(objects(l, LKPO.citedSection), l).toHaveLength(1);
    }
  });

  it.runIf(hasShared)('quotes, in every stated or curated rationale, words that stand verbatim in a source document', () => {
    const seeds = ['001_1a48729c8db209f7', '002_6c229d436c65eb2d', '004_6d5ebc0a2ab4f1d8']
      .map((s) => normalizeSpace(readFileSync(path.join(SHARED, `seeds/${s}.txt`), 'utf8')))
      .join(' ');
    for (const l of links.filter((l) => objects(l, LKPO.basis)[0]!.value !== LKPO.derived)) {
      const quotes = [...objects(l, LKPO.rationale)[0]!.value.matchAll(/“([^”]+)”/g)].map((m) => m[1]!);
      expect(quotes.length, l).toBeGreaterThan(0);
      for (const q of quotes) expect(seeds.includes(normalizeSpace(q).replace(/^…|…$/g, '').trim()), `${l}: “${q}”`).toBe(true);
    }
  });
});

describe('links.csv', () => {
  it('is RFC 4180 CSV: CRLF after every record, one record per link node', () => {
    const text = readFileSync(dist('links.csv'), 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare LF or CR (no rationale spans lines)
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(unique(subjectsOf(LKPO.Link)).length);
    expect(rows.every((r) => r.rationale && !/\r/.test(r.rationale))).toBe(true);
  });
});

describe('integrity', () => {
  const quads = store.getQuads(null, null, null, null);

  it('conforms to the SHACL shapes', async () => {
    const report = await validateShacl(loadShapes(path.join(cfg.ontologyDir, 'shapes.ttl')), quads);
    expect(report.violations).toEqual([]);
  });

  it('has no dangling IRIs and every term is defined', () => {
    expect(danglingIris(quads)).toEqual([]);
  });

  it('has the direct SKOS triple of its strength beside every link', () => {
    expect(directTripleProblems(quads)).toEqual([]);
  });

  it('keeps SKOS integrity: no orphans, no broader cycles, unique notations per scheme, one prefLabel per language', () => {
    expect(skosProblems(quads)).toEqual([]);
    const perLang = new Map<string, number>();
    for (const q of store.getQuads(null, namedNode(SKOS.prefLabel), null, null)) {
      if (q.object.termType !== 'Literal') continue;
      const k = `${q.subject.value}@${q.object.language}`;
      perLang.set(k, (perLang.get(k) ?? 0) + 1);
    }
    expect([...perLang].filter(([, n]) => n > 1)).toEqual([]);
  });

  it('keeps every triple in one named graph, so that the union default graph counts it once', () => {
    expect(repeatedTriples(quads)).toEqual([]);
    const g = (name: string) => namedNode(`${base}graph/${name}`);
    const [s, p, o] = [namedNode(`${base}x`), namedNode(SKOS.prefLabel), DataFactory.literal('x', 'sv')];
    const twice = repeatedTriples([DataFactory.quad(s, p, o, g('a')), DataFactory.quad(s, p, o, g('b')), DataFactory.quad(s, p, DataFactory.literal('x', 'en'), g('c'))]);
    expect(twice.map((x) => [x.subject, x.message])).toEqual([[`${base}x`, expect.stringMatching(/stands in 2 graphs .*graph\/a>, <.*graph\/b>\); the union default graph would count it 2 times/)]]);
  });

  it('holds only literals that Oxigraph stores as written, so the endpoint answers with the data as built', () => {
    // Oxigraph keeps numbers in a canonical form ("05"^^xsd:integer → "5", xsd:nonNegativeInteger → xsd:integer).
    const nq = readFileSync(dist('dataset.nq'), 'utf8');
    const stored = new oxigraph.Store();
    stored.load(nq, { format: 'nq' });
    const asBuilt = new Set(nq.split('\n').filter(Boolean));
    const changed = stored.dump({ format: 'nq' }).split('\n').filter((l) => l && !asBuilt.has(l));
    expect(changed).toEqual([]);
    expect(stored.size).toBe(asBuilt.size);
  });

  it('uses each property of our ontology only on subjects of its rdfs:domain (or a subclass), so RDFS reasoning infers no wrong type', () => {
    const sub = new Map<string, string[]>();
    for (const q of store.getQuads(null, namedNode(`${NS.rdfs}subClassOf`), null, null)) sub.set(q.subject.value, [...(sub.get(q.subject.value) ?? []), q.object.value]);
    const isA = (cls: string, target: string, seen = new Set<string>()): boolean =>
      cls === target || (!seen.has(cls) && (seen.add(cls), (sub.get(cls) ?? []).some((c) => isA(c, target, seen))));
    const wrong: string[] = [];
    for (const d of store.getQuads(null, namedNode(`${NS.rdfs}domain`), null, null).filter((q) => q.subject.value.startsWith(LKPO_NS))) {
      for (const use of store.getQuads(null, d.subject, null, null)) {
        const types = store.getObjects(use.subject, namedNode(RDF.type), null).map((t) => t.value);
        if (!types.some((t) => isA(t, d.object.value))) wrong.push(`<${use.subject.value}> ${d.subject.value} (domain ${d.object.value})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no blank nodes', () => {
    expect(quads.filter((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toEqual([]);
  });

  it('records its counts in the manifest, computed from the data', () => {
    expect(manifest().counts).toMatchObject({ directions: 5, focusAreas: 15, priorities: 58, sdgGoals: 17, sdgTargets: 169, sdgIndicators: 232 });
  });
});

describe('the project\'s own notes', () => {
  it('say each thing in Swedish and English: every subject has as many skos:editorialNote in sv as in en, and no other', () => {
    const byLanguage = new Map<string, Record<string, number>>();
    for (const q of builtStore().getQuads(null, SKOS.editorialNote, null, null)) {
      const counts = byLanguage.get(q.subject.value) ?? {};
      const lang = q.object.termType === 'Literal' ? q.object.language : '';
      counts[lang] = (counts[lang] ?? 0) + 1;
      byLanguage.set(q.subject.value, counts);
    }
    expect(byLanguage.size).toBeGreaterThan(100);
    const unpaired = [...byLanguage].filter(([, c]) => Object.keys(c).some((l) => l !== 'sv' && l !== 'en') || c.sv !== c.en);
    expect(unpaired).toEqual([]);
  });
});
