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
  /**
   * Further short names `?format=` takes for it beside its key: the names other SPARQL servers and
   * clients use (SPARQLWrapper sends `format=turtle`, `format=xml` for RDF/XML when the query is
   * a CONSTRUCT). Never offered in content negotiation.
   */
  names: string[];
  /** W3C format IRI for the service description. */
  w3c: string;
}

const fmt = (key: FormatKey, mediaType: string, w3c: string, aliases: string[] = [], names: string[] = []): ResultFormat => ({
  key,
  mediaType,
  aliases,
  names,
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
  // Turtle answers a request for N3 (by name or media type), of which it is a subset. `json` and
  // `xml` name the graph formats of those media types, as application/json and application/xml do.
  fmt('ttl', 'text/turtle', FORMATS.Turtle, ['application/x-turtle', 'text/n3'], ['turtle', 'n3']),
  fmt('nt', 'application/n-triples', FORMATS.N_Triples, ['text/plain'], ['ntriples', 'n-triples']),
  fmt('jsonld', 'application/ld+json', FORMATS.JSON_LD, ['application/json'], ['json-ld', 'json']),
  fmt('rdf', 'application/rdf+xml', FORMATS.RDF_XML, ['application/xml', 'text/xml'], ['rdf+xml', 'rdfxml', 'xml']),
  fmt('nq', 'application/n-quads', FORMATS.N_Quads, [], ['nquads', 'n-quads']),
  fmt('trig', 'application/trig', FORMATS.TriG),
];

/** The formats a query of the given form can be answered in. */
export function formatsFor(form: QueryForm): readonly ResultFormat[] {
  if (form === 'SELECT') return SOLUTION_FORMATS;
  if (form === 'ASK') return BOOLEAN_FORMATS;
  return GRAPH_FORMATS;
}

/** A format as `?format=` names it: by key, short name, media type or alias. */
export interface NamedFormat {
  key: string;
  mediaType: string;
  aliases: readonly string[];
  names?: readonly string[];
}

/**
 * The formats among `formats` that a `?format=` value names, each once, in the order named. The
 * value is a key, short name or media type, or a comma-separated list of them (SPARQLWrapper sends
 * its Accept header there too); names of no format in `formats` are passed over.
 *
 * @example
 * formatsNamed(GRAPH_FORMATS, 'application/x-json+ld,application/ld+json') // [the JSON-LD format]
 */
export function formatsNamed<F extends NamedFormat>(formats: readonly F[], value: string): F[] {
  const named: F[] = [];
  for (const item of value.split(',')) {
    const n = item.trim().toLowerCase().replace(/ /g, '+'); // an unencoded '+' in a query string arrives as a space
    const format = formats.find((f) => f.key === n || f.mediaType === n || f.aliases.includes(n) || f.names?.includes(n));
    if (format && !named.includes(format)) named.push(format);
  }
  return named;
}

/**
 * The one format among `formats` that a `?format=` value (or a media type from negotiation)
 * names; undefined when it names none of them, or several.
 */
export function findFormat<F extends NamedFormat>(formats: readonly F[], name: string): F | undefined {
  const named = formatsNamed(formats, name);
  return named.length === 1 ? named[0] : undefined;
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
