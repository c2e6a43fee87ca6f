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

const JSON_LD_PROFILES = 'http://www.w3.org/ns/json-ld#';
/**
 * The profiles JSON-LD 1.1 registers for application/ld+json (§C, IANA considerations): the document
 * forms, and those of a context and a frame. Any other profile is one a server MUST ignore.
 */
const JSON_LD_FORMS = new Set(['expanded', 'compacted', 'flattened', 'framed', 'context', 'frame'].map((form) => JSON_LD_PROFILES + form));
const RDF_TEXT = new Set(['text/turtle', 'application/n-triples', 'application/n-quads', 'application/trig']);

/**
 * Whether the endpoint's answers in the format of media type `mediaType` have the parameter
 * `name=value`, as content negotiation reads a parameter in Accept (src/server/conneg.ts): every
 * text is UTF-8, CSV has a header row, JSON-LD is compacted (a profile that is not one of the forms
 * JSON-LD registers is ignored, as the registration says a server MUST), and an RDF 1.1 document is an RDF 1.2 one. Any other
 * parameter is one the answer does not have.
 */
export function hasParameter(mediaType: string, name: string, value: string): boolean {
  if (name === 'charset') return value.toLowerCase() === 'utf-8';
  if (name === 'header' && mediaType === 'text/csv') return value.toLowerCase() === 'present';
  if (name === 'profile' && mediaType === 'application/ld+json') {
    // one it knows and does not send (expanded, flattened, …) it cannot honour; the rest it ignores, even in JSON-LD's namespace
    return value.split(/\s+/).every((uri) => !JSON_LD_FORMS.has(uri) || uri === `${JSON_LD_PROFILES}compacted`);
  }
  return name === 'version' && RDF_TEXT.has(mediaType) && ['1.1', '1.2', '1.2-basic'].includes(value);
}

/** A `;` parameter's name (lower-cased) and value (a quoted string's text, its escapes undone). */
function parameter(text: string): [string, string] {
  const eq = text.indexOf('=');
  const value = eq < 0 ? '' : text.slice(eq + 1).trim();
  const unquoted = value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  return [(eq < 0 ? text : text.slice(0, eq)).trim().toLowerCase(), unquoted];
}

/**
 * Splits `text` at `sep`, except inside a quoted string (RFC 9110 §5.6.4), where a backslash
 * escapes the next character.
 */
export function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '\\') i++;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * One media range or type as Accept and `?format=` write it (`text/csv;header=present;q=0.5`): its
 * type, lower-cased; its parameters before `q` (what follows `q` are Accept extensions, which say
 * nothing about the type); and its q, 1 where none is given, else within 0–1, or NaN where it is no
 * number (`q=0.1x`, `q=`): such a range is malformed, and its readers pass it over, as the
 * Accept-Encoding parser does a malformed coding (until an audit found it, it counted as q=1).
 *
 * @example mediaRange('Text/CSV; charset="utf-8"; q=0.5') // { type: 'text/csv', params: [['charset', 'utf-8']], q: 0.5 }
 * @example mediaRange('text/turtle;q=0.1x').q // NaN
 */
export function mediaRange(text: string): { type: string; params: Array<[string, string]>; q: number } {
  const [type = '', ...rest] = splitOutsideQuotes(text, ';');
  const params: Array<[string, string]> = [];
  let q = 1;
  for (const [name, value] of rest.map(parameter)) {
    if (name === 'q') {
      q = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/.test(value) ? Math.min(1, Number(value)) : NaN;
      break;
    }
    if (name) params.push([name, value]);
  }
  return { type: type.trim().toLowerCase(), params, q };
}

/**
 * The formats among `formats` that a `?format=` value names, each once, in the order named. The
 * value is a key, short name or media type, or a comma-separated list of them (SPARQLWrapper sends
 * its Accept header there too); names of no format in `formats` are passed over. A media type's
 * parameters are read as Accept's are: one the answer has (`charset=utf-8`, CSV's `header=present`)
 * is passed over, one it has not (`charset=iso-8859-1`) makes the item name no format, and so does
 * `q=0`; `q` and what follows it say nothing about the type.
 *
 * @example
 * formatsNamed(GRAPH_FORMATS, 'application/x-json+ld,application/ld+json') // [the JSON-LD format]
 * formatsNamed(SOLUTION_FORMATS, 'Text/CSV; charset=UTF-8') // [the CSV format]
 * formatsNamed(SOLUTION_FORMATS, 'text/csv;charset=iso-8859-1') // []
 */
export function formatsNamed<F extends NamedFormat>(formats: readonly F[], value: string): F[] {
  const named: F[] = [];
  for (const item of splitOutsideQuotes(value, ',')) {
    const { type, params, q } = mediaRange(item);
    const n = type.replace(/ /g, '+'); // an unencoded '+' in a query string arrives as a space
    const format = formats.find((f) => f.key === n || f.mediaType === n || f.aliases.includes(n) || f.names?.includes(n));
    if (!format || named.includes(format) || !(q > 0)) continue;
    if (params.every(([name, v]) => hasParameter(format.mediaType, name, v))) named.push(format);
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
