// The named graphs of the dataset: one per source, each with its title, origin, licence and citation.
import { LICENSE } from '../vocab.js';

/**
 * The dataset's release: a new version and date whenever the data changes (they feed VoID, DCAT and
 * the dumps; CITATION.cff gives them too, and a test holds it to them; see README, "Releases").
 * 0.2.0 (2026-12-05): the changes to the data
 * since 0.1.0 of 2026-12-02. 0.3.0 (2026-12-06): the ontology's own version (0.3.0) and licence IRIs
 * in the form DCAT-AP-SE asks for. 0.4.0 (2026-12-06): curated links and notes corrected after an audit
 * against the sources. 0.5.0 (2026-12-06): ontology 0.5.0, whose definitions no longer state
 * Helsingborg's facts as the terms' own. Each release is kept in data/releases/<version>/ (`npm run release:keep`).
 */
export const RELEASE = { version: '0.5.0', issued: '2026-11-23', modified: '2026-12-06' } as const;

export const LICENSE_DATA = LICENSE.ccBy4;

/** The citation the UN SDG KOS licence requires wherever its data is redistributed (quoted from its void.ttl). */
export const UN_KOS_CITATION =
  'Amit Joshi, Luis Gonzalez Morales, Szymon Klarman, and Aaron Helton. 2019. A Knowledge Organization System for the United Nations Sustainable Development Goals. New York, NY. http://metadata.un.org/sdg';
export const UN_KOS_LICENSE =
  'The SDG Knowledge Organization System, accessible at http://metadata.un.org/sdg, is made available free of charge and may be copied freely, duplicated and further distributed with the following citation: ' +
  UN_KOS_CITATION;

export interface GraphSource {
  /** Local name: the graph is `{base}graph/{name}`. */
  name: string;
  title: { sv: string; en: string };
  description: { sv: string; en: string };
  /**
   * Where the content comes from: IRIs of documents or web pages, or a path such as `lkp/2016` for one of
   * the dataset's own resources, which {@link sourceIris} puts on the configured base.
   */
  sources: string[];
  /**
   * The licence IRI of the graph as a whole; absent where the graph is mostly others' text, whose
   * terms are then given only as text (see `rights`).
   */
  license?: string;
  /** A citation that must travel with the data, if its licence asks for one. */
  citation?: string;
  /** A rights statement (dcterms:rights); English always, Swedish where it is our own wording. */
  rights?: { en: string; sv?: string };
}

/**
 * Rights of a graph that quotes others' text. Such a graph carries no dcterms:license: a licence on the
 * graph would read as a licence on all of it, quoted text included, which is not ours to license. The
 * statement names CC BY 4.0 for the project's own part and leaves the quoted text to its source.
 */
const QUOTED_RIGHTS = {
  sv:
    `Texten som citeras i grafen (titlar, namn och texter) kommer ur dokumenten som anges som grafens källa (dcterms:source). ` +
    `Projektets eget arbete i grafen (struktur, identifierare och märkning) är licensierat under CC BY 4.0 (${LICENSE.ccBy4}); ` +
    `licensen omfattar inte rättigheter som andra har till den citerade texten.`,
  en:
    `The text quoted in this graph (titles, names and texts) comes from the documents named as the graph's source (dcterms:source). ` +
    `The project's own work in the graph (structure, identifiers and markup) is licensed under CC BY 4.0 (${LICENSE.ccBy4}); ` +
    `the licence does not extend to rights that others hold in the quoted text.`,
};

/** Rights of the links graph: the rationales are ours (CC BY 4.0) but quote the sources' words. */
export const LINK_RIGHTS = {
  sv: 'Motiveringarna citerar, inom “…”, ord ur källdokumenten; licensen omfattar inte rättigheter som andra har till de citerade orden.',
  en: 'The rationales quote, in “…”, words of the source documents; the licence does not extend to rights that others hold in the quoted words.',
};

const seedNote = (seed: string, more: { sv: string; en: string } = { sv: '', en: '' }) => ({
  sv: `Ordagrann text ur källdokumentet ${seed}.${more.sv ? ' ' + more.sv : ''}`,
  en: `Verbatim text from source document ${seed}.${more.en ? ' ' + more.en : ''}`,
});

/** Every named graph, in the order the README lists them. A data file `data/{name}.ttl` goes into graph `{name}`. */
export const GRAPHS: GraphSource[] = [
  { name: 'about', title: { sv: 'Om graferna', en: 'About the graphs' }, description: { sv: 'Titel, källa, licens och citering för varje namngiven graf.', en: 'Title, source, licence and citation of every named graph.' }, sources: [], license: LICENSE_DATA },
  { name: 'ontology', title: { sv: 'Ontologin', en: 'The ontology' }, description: { sv: 'Termerna i ontology/lkpo.ttl.', en: 'The terms of ontology/lkpo.ttl.' }, sources: [], license: LICENSE_DATA },
  { name: 'lkp', title: { sv: 'Livskvalitetsprogrammet som dokument', en: 'The programme as a document' }, description: { sv: 'Programmet, 2016 års version och den aktualiserade versionen med det som är känt om dem.', en: 'The programme, its 2016 version and the revised version with what is known about them.' }, sources: ['lkp/2016', 'https://helsingborg.se/kommun-och-politik/helsingborg-2035/hallbar-utveckling/helsingborgs-livskvalitetsprogram/', 'http://www.mynewsdesk.com/se/helsingborg/pressreleases/helsingborg-livskvalitet-sant-1315407', 'https://livskvalitet.helsingborg.se/styrdokument-och-program/om-livskvalitetsprogrammet/fran-ide-till-beslut/'], rights: QUOTED_RIGHTS },
  { name: 'lkp2016', title: { sv: 'Livskvalitetsprogrammet 2016–2024: viljeinriktningar, fokusområden och prioriteringar', en: 'The Quality Of Life Programme 2016–2024: directions, focus areas and priorities' }, description: { sv: 'Genererad ur kapitel 4 i det antagna programmet (källdokument 001); texten är ordagrann.', en: 'Generated from chapter 4 of the adopted programme (source document 001); the text is verbatim.' }, sources: ['lkp/2016'], rights: QUOTED_RIGHTS },
  { name: 'sdg', title: { sv: 'FN:s kunskapsorganisationssystem för de globala målen (SDG KOS)', en: 'The UN SDG Knowledge Organization System (SDG KOS)' }, description: { sv: '17 mål, 169 delmål och 232 indikatorer på FN:s egna URI:er, med kända fel rättade (se README).', en: '17 goals, 169 targets and 232 indicators on the UN\'s own URIs, with known defects repaired (see README).' }, sources: ['http://metadata.un.org/sdg', 'https://github.com/UNStats/LOD4Stats'], citation: UN_KOS_CITATION, rights: { en: UN_KOS_LICENSE } },
  { name: 'sdg-sv', title: { sv: 'Svenska kortnamn på de 17 globala målen', en: 'Swedish short names of the 17 goals' }, description: { sv: 'Korta svenska namn på målen så som svenska webbsidor om de globala målen använder dem, med varianter som skos:altLabel. De är inte en officiell översättning: ingen officiell svensk lista hittades som data.', en: 'Short Swedish names of the goals as Swedish web pages about the goals use them, with variants as skos:altLabel. They are not an official translation: no official Swedish list was found as data.' }, sources: ['https://hemmave.gotenebostader.se/om/fn-globala-mal/', 'http://dev2.sivertlindblom.se/de-17-globala-malen/', 'https://nordanstig.se/ovrigt/arkiv/nyhetsarkiv/nyhetsarkiv-2020/2020/2020-09-29-agenda-2030-mal-17---genomforande-och-globalt-partnerskap.html'], rights: QUOTED_RIGHTS },
  { name: 'vision2035', title: { sv: 'Helsingborg 2035 och dess fem visionsområden', en: 'Helsingborg 2035 and its five vision areas' }, description: { sv: 'Visionens fem visionsområden med sina officiella inledande fraser; visionens mening citeras ur programmets kapitel 2 (källdokument 001).', en: 'The vision\'s five vision areas with their official opening phrases; the vision\'s sentence is quoted from chapter 2 of the programme (source document 001).' }, sources: ['https://helsingborg.se/kommun-och-politik/helsingborg-2035/', 'https://livskvalitet.helsingborg.se/omvarldsanalys/nulagesanalys/visionsomraden/', 'lkp/2016'], rights: QUOTED_RIGHTS },
  { name: 'transformationer', title: { sv: 'Den gröna, sociala och teknologiska transformationen', en: 'The green, social and technological transformations' }, description: seedNote('002', {
    sv: 'Dokumentets webbadress är inte känd; innehållet stämmer med stadens sidor som anges som källa.',
    en: "The document's web address is not known; its content agrees with the city's pages named as source.",
  }), sources: ['https://helsingborg.se/nyheter/tre-transformationer-i-fokus-i-stadens-trend-och-omvarldsanalys/', 'https://trendomvarld.helsingborg.se/forord-2023/'], rights: QUOTED_RIGHTS },
  { name: 'treklovern', title: { sv: 'Treklövern: program för mandatperioden 2023–2026', en: 'Treklövern: programme for the term 2023–2026' }, description: seedNote('004', {
    sv: 'Dokumentets webbadress är inte känd. Stadens sidor som anges som källa säger att det är stadens program för mandatperioden 2023–2026. Motiveringarna till länkarna från Treklövern citerar dokumentets text.',
    en: "The document's web address is not known. The city's pages named as source say that it is the city's programme for the term 2023–2026. The rationales of the links from Treklövern quote the document's text.",
  }), sources: ['https://helsingborg.se/kommun-och-politik/sa-styrs-helsingborg/stadens-styrmodell/', 'https://intranat.helsingborg.se/styrning-och-ekonomi/politisk-styrning'], rights: QUOTED_RIGHTS },
  { name: 'styrdokument', title: { sv: 'Styrdokument med lagkrav (kapitel 3)', en: 'Steering documents with statutory requirements (chapter 3)' }, description: seedNote('001, kapitel 3'), sources: ['lkp/2016'], rights: QUOTED_RIGHTS },
  { name: 'folkhalsomal', title: { sv: 'Folkhälsopolitikens åtta målområden', en: 'The eight target areas of the national public-health policy' }, description: { sv: 'Målområdenas officiella namn, på svenska och på engelska, och när riksdagen antog dem.', en: 'The official names of the target areas, in Swedish and in English, and when the Riksdag adopted them.' }, sources: ['https://www.folkhalsomyndigheten.se/om-folkhalsa-och-folkhalsoarbete/tema-folkhalsa/vad-styr-folkhalsopolitiken/nationella-mal-och-malomraden/', 'https://www.folkhalsomyndigheten.se/om-folkhalsomyndigheten/folkhalsopolitiska-mal/', 'http://data.riksdagen.se/dokument/H503249', 'https://government.se/articles/2018/05/public-health-policy-to-be-more-equitable/'], rights: QUOTED_RIGHTS },
  { name: 'miljomal', title: { sv: 'Sveriges 16 miljökvalitetsmål', en: 'Sweden\'s 16 environmental quality objectives' }, description: { sv: 'Målens officiella namn, på svenska och på engelska, i officiell ordning.', en: 'The objectives\' official names, in Swedish and in English, in official order.' }, sources: ['https://studylibsv.com/doc/1013254/de-svenska-milj%C3%B6m%C3%A5len', 'http://www.regeringen.se/sb/d/5400/a/43485'], rights: QUOTED_RIGHTS },
  { name: 'rus2030', title: { sv: 'Det öppna Skåne 2030: fem ställningstaganden', en: 'The Open Skåne 2030: five stances' }, description: { sv: 'Den regionala utvecklingsstrategin från 2014, som 2016 års program hänvisar till.', en: 'The regional development strategy of 2014, which the 2016 programme refers to.' }, sources: ['http://skane2030.se/det-oppna-skane/', 'https://utveckling.skane.se/publikationer/strategier-och-planer/the-open-skane-2030---skanes-regional-development-strategy/', 'https://utveckling.skane.se/digitala-rapporter/huga/inledning/'], rights: QUOTED_RIGHTS },
  { name: 'org', title: { sv: 'Organisationer', en: 'Organisations' }, description: { sv: 'Helsingborgs stad och de organ och enheter som programmet nämner.', en: 'The City of Helsingborg and the bodies and units the programme names.' }, sources: ['https://sv.wikipedia.org/wiki/Helsingborgs_kommun', 'lkp/2016'], license: LICENSE_DATA },
  { name: 'translations-en', title: { sv: 'Projektets engelska översättningar', en: 'The project\'s English translations' }, description: { sv: 'Engelska etiketter som är projektets egna översättningar, inte officiella.', en: 'English labels that are the project\'s own translations, not official ones.' }, sources: [], license: LICENSE_DATA },
  { name: 'links', title: { sv: 'Länkar med härkomst', en: 'Links with provenance' }, description: { sv: 'Länkar som är angivna i en källa eller bedömda av projektet, var och en med grund, styrka och motivering (data/links/*.csv).', en: 'Links stated in a source or curated by the project, each with basis, strength and rationale (data/links/*.csv).' }, sources: [], license: LICENSE_DATA, rights: LINK_RIGHTS },
  { name: 'links-derived', title: { sv: 'Härledda länkar', en: 'Derived links' }, description: { sv: 'Fokusområdenas globala mål, härledda ur prioriteringarnas delmål.', en: 'The focus areas\' SDG goals, derived from their priorities\' targets.' }, sources: [], license: LICENSE_DATA },
];

/**
 * The graph's sources as IRIs, the dataset's own resources on the configured base.
 * @example sourceIris(GRAPHS.find((g) => g.name === 'lkp2016')!, 'http://example.org/lkp/') // ['http://example.org/lkp/lkp/2016']
 */
export const sourceIris = (g: GraphSource, base: string): string[] => g.sources.map((s) => (/^[a-z][a-z0-9+.-]*:/.test(s) ? s : base + s));

/** The IRI of a named graph. */
export const graphIri = (base: string, name: string): string => `${base}graph/${name}`;
