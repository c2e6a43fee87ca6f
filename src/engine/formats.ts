// The result formats of the SPARQL endpoint: media types, Oxigraph format keys and W3C format IRIs.
import { FORMATS } from '../vocab.js';

/** The four SPARQL query forms; updates are recognised separately and refused. */
export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

/** Format keys as Oxigraph's `results_format` option and `Store.dump` understand them. */
export type FormatKey = 'json' | 'xml' | 'csv' | 'tsv' | 'ttl' | 'nt' | 'jsonld' | 'rdf' | 'nq' | 'trig';

export interface ResultFormat {
  key: FormatKey;
  /** The canonical media type, sent as Content-Type (with `charset=utf-8`). */
  mediaType: string;
  /** Further media types a client may ask for to get this format. */
  aliases: string[];
  /** W3C format IRI for the service description. */
  w3c: string;
}

const fmt = (key: FormatKey, mediaType: string, w3c: string, aliases: string[] = []): ResultFormat => ({
  key,
  mediaType,
  aliases,
  w3c,
});

/** Formats for SELECT results, in server preference order (the first is the default). */
export const SOLUTION_FORMATS: readonly ResultFormat[] = [
  fmt('json', 'application/sparql-results+json', FORMATS.SPARQL_Results_JSON, ['application/json']),
  fmt('xml', 'application/sparql-results+xml', FORMATS.SPARQL_Results_XML, ['application/xml', 'text/xml']),
  fmt('csv', 'text/csv', FORMATS.SPARQL_Results_CSV),
  fmt('tsv', 'text/tab-separated-values', FORMATS.SPARQL_Results_TSV),
];

/** ASK has no CSV/TSV serialization in the W3C recommendations. */
export const BOOLEAN_FORMATS: readonly ResultFormat[] = SOLUTION_FORMATS.slice(0, 2);

/** Formats for CONSTRUCT/DESCRIBE results and for RDF documents, in server preference order. */
export const GRAPH_FORMATS: readonly ResultFormat[] = [
  fmt('ttl', 'text/turtle', FORMATS.Turtle, ['application/x-turtle']),
  fmt('nt', 'application/n-triples', FORMATS.N_Triples, ['text/plain']),
  fmt('jsonld', 'application/ld+json', FORMATS.JSON_LD, ['application/json']),
  fmt('rdf', 'application/rdf+xml', FORMATS.RDF_XML, ['application/xml', 'text/xml']),
  fmt('nq', 'application/n-quads', FORMATS.N_Quads),
  fmt('trig', 'application/trig', FORMATS.TriG),
];

/** The formats a query of the given form can be answered in. */
export function formatsFor(form: QueryForm): readonly ResultFormat[] {
  if (form === 'SELECT') return SOLUTION_FORMATS;
  if (form === 'ASK') return BOOLEAN_FORMATS;
  return GRAPH_FORMATS;
}

/** Looks a format up by key or by one of its media types (for `?format=` style overrides). */
export function findFormat(formats: readonly ResultFormat[], name: string): ResultFormat | undefined {
  const n = name.toLowerCase().replace(/ /g, '+'); // an unencoded '+' in a query string arrives as a space
  return formats.find((f) => f.key === n || f.mediaType === n || f.aliases.includes(n));
}

/** Every result format of the endpoint, whatever the query form. */
export const ALL_FORMATS: readonly ResultFormat[] = [...SOLUTION_FORMATS, ...GRAPH_FORMATS];

const BY_KEY = new Map<FormatKey, ResultFormat>(ALL_FORMATS.map((f) => [f.key, f]));

/**
 * The format with this key (each key names one format, whatever the query form).
 *
 * @example
 * formatByKey('trig').mediaType // 'application/trig'
 */
export function formatByKey(key: FormatKey): ResultFormat {
  const format = BY_KEY.get(key);
  if (!format) throw new Error(`unknown result format key "${key}"`);
  return format;
}
