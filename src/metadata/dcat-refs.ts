// Typing and labels for the external resources the catalogue points at, so range checks pass offline.
//
// DCAT-AP's range shapes (range.ttl) check the class of every referenced resource (a licence must be a
// dct:LicenseDocument, a theme a skos:Concept with a prefLabel, …). Validators such as the EU ITB
// load the EU code lists for that; we state the few facts we rely on in the catalogue itself, which
// also lets a harvester show labels without fetching anything. Swedish labels are those of the
// DCAT-AP-SE 3.0.1 editor templates (diggsweden/DCAT-AP-SE, bundle.json).
import { EU_AUTHORITY, HELSINGBORG, LICENSE, PUBLISHER_TYPE, STANDARD } from '../vocab.js';
import { fileTypeIri, ianaIri, type FormatInfo } from './formats.js';
import { type Bilingual, QuadSink, dct, foaf, rdfs, skos, spdx } from './rdf.js';

/** EU data themes we use, with the DCAT-AP-SE labels. */
export const THEMES = {
  GOVE: { sv: 'Regeringen och den offentliga sektorn', en: 'Government and public sector' },
  SOCI: { sv: 'Befolkning och samhälle', en: 'Population and society' },
  ENVI: { sv: 'Miljö', en: 'Environment' },
  REGI: { sv: 'Regioner och städer', en: 'Regions and cities' },
} as const satisfies Record<string, Bilingual>;

/** @example themeIri('GOVE') // 'http://publications.europa.eu/resource/authority/data-theme/GOVE' */
export const themeIri = (code: keyof typeof THEMES): string => EU_AUTHORITY.dataTheme + code;
export const DATA_THEME_SCHEME = schemeOf(EU_AUTHORITY.dataTheme);
export const LANGUAGES = [EU_AUTHORITY.language + 'SWE', EU_AUTHORITY.language + 'ENG'];
export const ACCESS_PUBLIC = EU_AUTHORITY.accessRight + 'PUBLIC';
export const AVAILABILITY_STABLE = EU_AUTHORITY.plannedAvailability + 'STABLE';


/** A code list's scheme IRI is its item namespace without the trailing slash. */
function schemeOf(namespace: string): string {
  return namespace.replace(/\/$/, '');
}

/**
 * States the class (and label where a shape needs one) of every external resource we cite.
 * @example describeReferences(sink)
 */
export function describeReferences(out: QuadSink): void {
  out.type(LICENSE.cc0, dct('LicenseDocument')).type(LICENSE.ccBy4, dct('LicenseDocument'));

  out
    .type(DATA_THEME_SCHEME, skos('ConceptScheme'))
    .add(DATA_THEME_SCHEME, dct('title'), { sv: 'Datatema', en: 'Data theme' });
  for (const [code, label] of Object.entries(THEMES)) {
    const iri = themeIri(code as keyof typeof THEMES);
    out.type(iri, skos('Concept')).add(iri, skos('prefLabel'), label).add(iri, skos('inScheme'), DATA_THEME_SCHEME);
  }

  out
    .type(PUBLISHER_TYPE.LocalAuthority, skos('Concept'))
    .add(PUBLISHER_TYPE.LocalAuthority, skos('prefLabel'), { sv: 'Lokal myndighet/kommun', en: 'Local Authority' })
    .add(PUBLISHER_TYPE.LocalAuthority, skos('inScheme'), PUBLISHER_TYPE.scheme);

  out
    .type(AVAILABILITY_STABLE, skos('Concept'))
    .add(AVAILABILITY_STABLE, skos('prefLabel'), { sv: 'Stabil', en: 'Stable' })
    .add(AVAILABILITY_STABLE, skos('inScheme'), schemeOf(EU_AUTHORITY.plannedAvailability));

  for (const language of LANGUAGES) {
    out.type(language, dct('LinguisticSystem')).add(language, skos('inScheme'), schemeOf(EU_AUTHORITY.language));
  }
  out.type(ACCESS_PUBLIC, dct('RightsStatement')).add(ACCESS_PUBLIC, skos('inScheme'), schemeOf(EU_AUTHORITY.accessRight));

  out
    .type(HELSINGBORG.geonames, dct('Location'))
    .add(HELSINGBORG.geonames, rdfs('label'), { sv: 'Helsingborg', en: 'Helsingborg' });

  for (const standard of Object.values(STANDARD)) out.type(standard, dct('Standard'));

  // SPDX defines the algorithm as an individual of spdx:ChecksumAlgorithm; dcat-ap-SHACL.ttl checks its class.
  out.type(spdx('checksumAlgorithm_sha256'), spdx('ChecksumAlgorithm'));
}

/**
 * Types a page we link to (homepage, landing page) as foaf:Document, as the range shapes ask.
 * @example describeDocument(sink, 'https://helsingborg.se/')
 */
export function describeDocument(out: QuadSink, iri: string): void {
  out.type(iri, foaf('Document'));
}

/**
 * Types a format's EU file-type IRI and IANA media-type IRI for the dct:format / dcat:mediaType ranges.
 * @example describeFormat(sink, FORMATS['text/turtle']!)
 */
export function describeFormat(out: QuadSink, format: FormatInfo): void {
  const fileType = fileTypeIri(format);
  out.type(fileType, dct('MediaTypeOrExtent')).add(fileType, skos('inScheme'), schemeOf(EU_AUTHORITY.fileType));
  out.type(ianaIri(format.mediaType), dct('MediaType'));
}
