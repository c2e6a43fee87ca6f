// The dump formats we publish: media type → EU file-type, IANA IRI, W3C format IRI and a label.
import { EU_AUTHORITY, IANA_MEDIA_TYPES, NS } from '../vocab.js';
import type { Bilingual } from './rdf.js';

export interface FormatInfo {
  /** IANA media type, e.g. `text/turtle`. */
  mediaType: string;
  /** EU file-type authority code, e.g. `RDF_TURTLE` (dct:format must be one of these). */
  fileType: string;
  /** Local name in http://www.w3.org/ns/formats/ when the W3C list has one. */
  w3cFormat?: string;
  label: Bilingual;
}

/** The formats we know, keyed by media type (parameters such as `;charset=` stripped). */
export const FORMATS: Record<string, FormatInfo> = Object.fromEntries(
  (
    [
      ['text/turtle', 'RDF_TURTLE', 'Turtle', { sv: 'Turtle', en: 'Turtle' }],
      ['application/trig', 'TRIG', 'TriG', { sv: 'TriG', en: 'TriG' }],
      ['application/n-quads', 'NQUADS', 'N-Quads', { sv: 'N-Quads', en: 'N-Quads' }],
      ['application/n-triples', 'RDF_N_TRIPLES', 'N-Triples', { sv: 'N-Triples', en: 'N-Triples' }],
      ['application/ld+json', 'JSON_LD', 'JSON-LD', { sv: 'JSON-LD', en: 'JSON-LD' }],
      ['application/rdf+xml', 'RDF_XML', 'RDF_XML', { sv: 'RDF/XML', en: 'RDF/XML' }],
      ['text/csv', 'CSV', undefined, { sv: 'CSV', en: 'CSV' }],
      ['application/sparql-query', 'SPARQLQ', undefined, { sv: 'SPARQL-fråga', en: 'SPARQL query' }],
    ] as const
  ).map(([mediaType, fileType, w3cFormat, label]) => [
    mediaType,
    { mediaType, fileType, ...(w3cFormat ? { w3cFormat } : {}), label },
  ]),
);

/** Media type of gzip compression, for dcat:compressFormat. */
export const GZIP = 'application/gzip';

/**
 * Looks a media type up, ignoring parameters and case; `undefined` if we do not publish it.
 * @example formatOf('text/csv; charset=utf-8')?.fileType // 'CSV'
 */
export function formatOf(mediaType: string): FormatInfo | undefined {
  return FORMATS[mediaType.split(';')[0]!.trim().toLowerCase()];
}

/** @example fileTypeIri(FORMATS['text/turtle']!) // '…/authority/file-type/RDF_TURTLE' */
export const fileTypeIri = (f: FormatInfo): string => EU_AUTHORITY.fileType + f.fileType;
/** @example ianaIri('text/turtle') // 'https://www.iana.org/assignments/media-types/text/turtle' */
export const ianaIri = (mediaType: string): string => IANA_MEDIA_TYPES + mediaType;
/** @example w3cFormatIri(FORMATS['text/turtle']!) // 'http://www.w3.org/ns/formats/Turtle' */
export const w3cFormatIri = (f: FormatInfo): string | undefined =>
  f.w3cFormat ? NS.formats + f.w3cFormat : undefined;

/** File extension → media type, for the inner format of a `.gz` file. */
const EXTENSIONS: Record<string, string> = {
  ttl: 'text/turtle',
  trig: 'application/trig',
  nq: 'application/n-quads',
  nt: 'application/n-triples',
  jsonld: 'application/ld+json',
  rdf: 'application/rdf+xml',
  csv: 'text/csv',
};

/**
 * The format of a dump file: for `name.ext.gz` (media type application/gzip) the format of what is
 * inside, named by `ext`; `undefined` if we do not publish it.
 * @example fileFormat('links.csv.gz', 'application/gzip') // { format: FORMATS['text/csv'], gzip: true }
 */
export function fileFormat(name: string, mediaType: string): { format: FormatInfo | undefined; gzip: boolean } {
  const gzip = name.endsWith('.gz');
  const inner = gzip ? EXTENSIONS[name.replace(/\.gz$/, '').split('.').pop() ?? ''] : mediaType;
  return { format: inner ? formatOf(inner) : undefined, gzip };
}
