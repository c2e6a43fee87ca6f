// DCAT-AP-SE 3.0.1 catalogue: catalogue, datasets, distributions, SPARQL data service, publisher.
import type N3 from 'n3';
import { HELSINGBORG, LICENSE, NS, ONTOLOGY_IRI, OWL, PUBLISHER_TYPE, STANDARD } from '../vocab.js';
import { FORMATS, fileTypeIri } from './formats.js';
import { CSVW_METADATA } from '../graph/links-csv-metadata.js';
import { addFileDistribution, addSparqlDistribution, planDistributions, type ManifestFile } from './dcat-distributions.js';
import {
  ACCESS_PUBLIC,
  DATA_THEME_SCHEME,
  LANGUAGES,
  THEMES,
  describeDocument,
  describeReferences,
  themeIri,
} from './dcat-refs.js';
import { DATASET_KEYS, DATASET_TEXT, datasetUuid, type DatasetKey } from './datasets.js';
import { metadataIris } from './iris.js';
import { type Bilingual, QuadSink, dateLiteral, dcat, dct, foaf, rdfs, sortQuads, vcard } from './rdf.js';

/** The parts of `dist/manifest.json` the catalogue reads (see docs/design.md). */
export interface Manifest {
  version: string;
  /** Build date, `YYYY-MM-DD` or an ISO date-time. */
  modified: string;
  files: readonly ManifestFile[];
}

export interface DcatOptions {
  base: string;
  manifest: Manifest;
  /** The manifest's `counts`; the known ones are quoted in the dataset description, e.g. `{ triples: 7012, priorities: 58 }`. */
  counts?: Readonly<Record<string, number>>;
  /** Date the data was first published (dcterms:issued); omitted when not given. */
  issued?: string;
  /** Period the data covers; by default the 2016 programme's term, 2016-01-26 to 2024-12-31. */
  temporal?: { start: string; end: string };
}

const KEYWORDS: Bilingual[] = [
  { sv: 'livskvalitet', en: 'quality of life' },
  { sv: 'hållbar utveckling', en: 'sustainable development' },
  { sv: 'agenda 2030', en: 'agenda 2030' },
  { sv: 'globala målen', en: 'sustainable development goals' },
  { sv: 'styrdokument', en: 'policy document' },
  { sv: 'kommun', en: 'municipality' },
  { sv: 'länkade data', en: 'linked data' },
];

/**
 * The rights statement of every distribution. Only the project's own work is ours to license; the
 * quoted texts stay with the documents each named graph names as its source (see the about graph).
 * Treklövern's programme is the city's "program för mandatperioden 2023-2026" (domain facts A3).
 */
const ATTRIBUTION: Bilingual = {
  sv:
    'Projektet Livskvalitet LOD:s eget arbete (struktur, identifierare, ontologi, bedömda länkar och översättningar) ' +
    'är licensierat under CC BY 4.0. Citerade texter kommer ur de dokument som anges som källa för varje namngiven graf: ' +
    'Helsingborgs stads dokument, Treklöverns program, som är stadens program för mandatperioden 2023–2026, och för de ' +
    'nationella och regionala målen och de svenska målnamnen de sidor som anges där; licensen omfattar inte rättigheter ' +
    'som andra har till dem. Länkarna pekar på FN:s kunskapsorganisationssystem för de globala ' +
    'målen; den som använder dess mål, delmål eller indikatorer ska citera Joshi, Gonzalez Morales, Klarman & Helton ' +
    '(2019), "A Knowledge Organization System for the United Nations Sustainable Development Goals", http://metadata.un.org/sdg.',
  en:
    "The Livskvalitet LOD project's own work (structure, identifiers, ontology, curated links and translations) is " +
    'licensed under CC BY 4.0. Quoted texts come from the documents named as the source of each named graph: the City of ' +
    "Helsingborg's documents, Treklövern's programme, which is the city's programme for the term 2023–2026, and for the " +
    'national and regional goals and the Swedish goal names the pages named there; the licence does not extend to rights ' +
    'that others hold in them. The links point into the UN Knowledge Organization System for the ' +
    'Sustainable Development Goals; when you use its goals, targets or indicators, cite Joshi, Gonzalez Morales, Klarman & ' +
    'Helton (2019), "A Knowledge Organization System for the United Nations Sustainable Development Goals", http://metadata.un.org/sdg.',
};

/**
 * Builds the DCAT-AP-SE 3.0.1 catalogue from the build manifest: a CC0 catalogue published by
 * Helsingborgs stad, the programme dataset and the link-table dataset (UUID v5 identifiers from their IRIs),
 * one distribution per dump with EU file type, IANA media type, size and SHA-256, and the SPARQL
 * endpoint as a dcat:DataService. Only IRIs (no blank nodes); all text in Swedish and English.
 *
 * @example
 * const quads = computeDcat({
 *   base: 'https://w3id.org/helsingborg-livskvalitet/',
 *   manifest: { version: '1.0.0', modified: '2025-01-31', files: [{ name: 'dataset.ttl', mediaType: 'text/turtle', bytes: 52311, sha256: '9f…' }] },
 *   counts: { triples: 7012 },
 * });
 */
export function computeDcat(opts: DcatOptions): N3.Quad[] {
  const out = new QuadSink();
  const iris = metadataIris(opts.base);
  const modified = dateLiteral(opts.manifest.modified);
  const issued = opts.issued ? dateLiteral(opts.issued) : undefined;

  out
    .type(iris.catalog, dcat('Catalog'))
    .add(iris.catalog, dct('title'), {
      sv: 'Länkade data om Helsingborgs livskvalitetsprogram',
      en: "Linked Data on Helsingborg's Quality of Life Programme",
    })
    .add(iris.catalog, dct('description'), {
      sv: 'Katalog över länkade öppna data om Helsingborgs livskvalitetsprogram och dess koppling till Agenda 2030, sammanställda av projektet Livskvalitet LOD.',
      en: "Catalogue of Linked Open Data on Helsingborg's Quality of Life Programme and its links to Agenda 2030, compiled by the Livskvalitet LOD project.",
    })
    .add(iris.catalog, dct('publisher'), HELSINGBORG.publisher)
    .add(iris.catalog, dct('license'), LICENSE.cc0)
    .add(iris.catalog, dct('language'), LANGUAGES)
    .add(iris.catalog, dct('modified'), modified)
    .add(iris.catalog, dct('issued'), issued)
    .add(iris.catalog, dct('spatial'), HELSINGBORG.geonames)
    .add(iris.catalog, foaf('homepage'), iris.landingPage)
    .add(iris.catalog, dcat('themeTaxonomy'), DATA_THEME_SCHEME);
  describeDocument(out, iris.landingPage);

  const distributions = planDistributions(opts.manifest.files);
  for (const key of DATASET_KEYS) {
    const ds = iris.dataset(key);
    out.add(iris.catalog, dcat('dataset'), ds);
    addDataset(out, opts, key, ds, issued);
    for (const d of distributions.filter((d) => d.dataset === key)) {
      out.add(ds, dcat('distribution'), addFileDistribution(out, iris, d));
    }
  }
  // links.csv's CSVW description (its columns, licence and citation) is the schema its files conform to
  if (opts.manifest.files.some((f) => f.name === CSVW_METADATA)) {
    const schema = iris.download(CSVW_METADATA);
    out
      .type(schema, dct('Standard'))
      .add(schema, dct('title'), { sv: 'CSVW-beskrivning av links.csv', en: 'CSVW description of links.csv' })
      .add(schema, dct('description'), {
        sv: 'Tabellens kolumner, licens och rättigheter med FN:s citering, i W3C:s format CSV on the Web (CSVW).',
        en: "The table's columns, licence and rights with the UN's citation, in the W3C's CSV on the Web (CSVW) format.",
      });
    for (const d of distributions.filter((d) => d.dataset === 'links')) out.add(iris.distribution(d.file.name), dct('conformsTo'), schema);
    // and of the link table itself (DCAT-AP-SE recommends dct:conformsTo on a dataset)
    out.add(iris.dataset('links'), dct('conformsTo'), schema);
  }
  out.add(iris.dataset('lkp'), dcat('distribution'), addSparqlDistribution(out, iris));
  out.add(iris.dataset('links'), dct('source'), iris.dataset('lkp'));

  addDataService(out, opts.base);
  addPublisher(out);
  addContactPoint(out, opts.base);
  out.type(iris.rights, dct('RightsStatement')).add(iris.rights, rdfs('label'), ATTRIBUTION);
  describeReferences(out);
  return sortQuads(out.quads);
}

function addDataset(out: QuadSink, opts: DcatOptions, key: DatasetKey, ds: string, issued: ReturnType<typeof dateLiteral> | undefined): void {
  const iris = metadataIris(opts.base);
  const { title, description } = DATASET_TEXT[key];
  const period = opts.temporal ?? { start: '2016-01-26', end: '2024-12-31' };
  const periodIri = iris.period(period.start, period.end);
  out
    .type(ds, dcat('Dataset'))
    .add(ds, dct('title'), title)
    .add(ds, dct('description'), withCounts(description, key === 'lkp' ? opts.counts : undefined))
    .code(ds, dct('identifier'), datasetUuid(ds))
    .code(ds, dcat('version'), opts.manifest.version)
    .add(ds, dct('modified'), dateLiteral(opts.manifest.modified))
    .add(ds, dct('issued'), issued)
    .add(ds, dct('publisher'), HELSINGBORG.publisher)
    .add(ds, dcat('contactPoint'), iris.contact)
    .add(ds, dcat('keyword'), KEYWORDS)
    .add(ds, dcat('theme'), (Object.keys(THEMES) as (keyof typeof THEMES)[]).map(themeIri))
    .add(ds, dct('spatial'), HELSINGBORG.geonames)
    .add(ds, dct('temporal'), periodIri)
    .add(ds, dct('language'), LANGUAGES)
    .add(ds, dct('accessRights'), ACCESS_PUBLIC)
    .add(ds, dcat('landingPage'), iris.landingPage)
    .add(ds, foaf('page'), HELSINGBORG.programmePage)
    .add(ds, dct('conformsTo'), key === 'lkp' ? [STANDARD.skos, ONTOLOGY_IRI] : []);
  out.type(ONTOLOGY_IRI, dct('Standard'));
  describeDocument(out, HELSINGBORG.programmePage);
  out
    .type(periodIri, dct('PeriodOfTime'))
    .add(periodIri, dcat('startDate'), dateLiteral(period.start))
    .add(periodIri, dcat('endDate'), dateLiteral(period.end));
}

/** Words for the figures the build reports (manifest `counts`), in the order they are quoted. */
const COUNT_WORDS: [string, Bilingual][] = [
  ['triples', { sv: 'tripplar', en: 'triples' }],
  ['directions', { sv: 'viljeinriktningar', en: 'directions' }],
  ['focusAreas', { sv: 'fokusområden', en: 'focus areas' }],
  ['priorities', { sv: 'prioriteringar', en: 'priorities' }],
  ['visionAreas', { sv: 'visionsområden', en: 'vision areas' }],
  ['transformations', { sv: 'transformationer', en: 'transformations' }],
  ['programmeAreas', { sv: 'programområden', en: 'programme areas' }],
  ['steeringDocuments', { sv: 'styrdokument', en: 'policy documents' }],
  ['links', { sv: 'kvalificerade länkar', en: 'qualified links' }],
];

/** Appends the build's figures to a description, e.g. "Size: 7012 triples, 58 priorities." Unknown keys are left out. */
function withCounts(text: Bilingual, counts: DcatOptions['counts']): Bilingual {
  const known = COUNT_WORDS.filter(([key]) => counts?.[key] !== undefined);
  if (known.length === 0) return text;
  const list = (lang: 'sv' | 'en') => known.map(([key, word]) => `${counts![key]} ${word[lang]}`).join(', ');
  return { sv: `${text.sv} Omfattning: ${list('sv')}.`, en: `${text.en} Size: ${list('en')}.` };
}

function addDataService(out: QuadSink, base: string): void {
  const iris = metadataIris(base);
  const s = iris.service;
  out
    .type(s, dcat('DataService'))
    .add(s, dct('title'), { sv: 'SPARQL-ändpunkt för livskvalitetsprogrammet', en: 'SPARQL endpoint for the Quality of Life Programme' })
    .add(s, dct('description'), {
      sv: 'Skrivskyddad SPARQL 1.1-ändpunkt. Ett GET-anrop utan fråga ger en SPARQL Service Description.',
      en: 'Read-only SPARQL 1.1 endpoint. A GET request without a query returns a SPARQL Service Description.',
    })
    .add(s, dcat('endpointURL'), iris.endpoint)
    .add(s, dcat('endpointDescription'), iris.endpoint)
    .add(s, dcat('servesDataset'), iris.dataset('lkp'))
    .add(s, dcat('landingPage'), iris.endpoint)
    .add(s, dct('publisher'), HELSINGBORG.publisher)
    .add(s, dcat('contactPoint'), iris.contact)
    .add(s, dcat('keyword'), [{ sv: 'sparql', en: 'sparql' }, ...KEYWORDS.slice(0, 3)])
    .add(s, dcat('theme'), themeIri('GOVE'))
    .add(s, dct('conformsTo'), [STANDARD.sparqlProtocol, STANDARD.sparqlQuery])
    .add(s, dct('format'), fileTypeIri(FORMATS['application/sparql-query']!))
    .add(s, dct('license'), LICENSE.ccBy4)
    .add(s, dct('accessRights'), ACCESS_PUBLIC);
  describeDocument(out, iris.endpoint);
  // dcat-ap-SHACL.ttl asks the endpoint's URL and description for class rdfs:Resource, which every IRI is
  // under RDFS entailment; said outright, a validator that does not infer finds no violation either.
  out.type(iris.endpoint, `${NS.rdfs}Resource`);
}

function addPublisher(out: QuadSink): void {
  const p = HELSINGBORG.publisher;
  out
    .type(p, foaf('Agent'), foaf('Organization'))
    .add(p, foaf('name'), { sv: 'Helsingborgs stad', en: 'City of Helsingborg' })
    // DCAT-AP-SE recommends a description of the publisher (its template dcterms:description_agent);
    // the facts are in ../shared/reference/domain-facts.md (A1, and the kommunkod 1283)
    .add(p, dct('description'), {
      sv: 'Kommunen Helsingborg (kommunkod 1283), som antog Livskvalitetsprogrammet 2016–2024.',
      en: 'The municipality of Helsingborg (municipality code 1283), which adopted the Quality of Life Programme 2016–2024.',
    })
    .add(p, dct('type'), PUBLISHER_TYPE.LocalAuthority)
    .code(p, dct('identifier'), HELSINGBORG.orgNr)
    .add(p, foaf('homepage'), HELSINGBORG.homepage)
    .add(p, OWL.sameAs, HELSINGBORG.wikidata);
  describeDocument(out, HELSINGBORG.homepage);
}

/** Helsingborg kontaktcenter (seed 003 gives its telephone number; no e-mail address is sourced). */
function addContactPoint(out: QuadSink, base: string): void {
  const iris = metadataIris(base);
  out
    .type(iris.contact, vcard('Organization'), vcard('Kind'))
    .add(iris.contact, vcard('fn'), { sv: 'Helsingborg kontaktcenter', en: 'Helsingborg Contact Centre' })
    .add(iris.contact, vcard('hasTelephone'), iris.telephone)
    .type(iris.telephone, vcard('Voice'))
    .add(iris.telephone, vcard('hasValue'), HELSINGBORG.contactTelephone);
}
