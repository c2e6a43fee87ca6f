// Comunica 5.4's SPARQL results made what the W3C formats describe, as Oxigraph writes them: its JSON mended, ASK written here.
import type { FormatKey } from './formats.js';

/** How Comunica begins an answer that projects no variable: a head without `vars`. */
const EMPTY_HEAD = '{"head": {},';
/** Comunica's own last member, `"metadata": { "httpRequests": N }`, which the format does not define. */
const METADATA_START = ',\n"metadata": ';
const METADATA = /^,\n"metadata": \{ "httpRequests": \d+ \}\}\n$/;

/**
 * A SELECT answer in SPARQL JSON from Comunica, with `head.vars` where it left it out (`SELECT * {}`:
 * the format has it in every SELECT answer) and without its `metadata` member (a count of HTTP
 * requests, in no SPARQL format). Only the text's start and end are touched.
 *
 * @example
 * standardSparqlJson('{"head": {},\n"results": { "bindings": [\n{}\n]},\n"metadata": { "httpRequests": 0 }}\n')
 * // '{"head": {"vars":[]},\n"results": { "bindings": [\n{}\n]}}\n'
 */
export function standardSparqlJson(body: string): string {
  const headed = body.startsWith(EMPTY_HEAD) ? `{"head": {"vars":[]},${body.slice(EMPTY_HEAD.length)}` : body;
  const at = headed.lastIndexOf(METADATA_START);
  return at >= 0 && METADATA.test(headed.slice(at)) ? `${headed.slice(0, at)}}\n` : headed;
}

/**
 * An ASK answer in SPARQL JSON or XML, written here: Comunica 5.4 fails to write ASK as SPARQL XML
 * ("action.metadata is not a function").
 *
 * @example
 * askBody(true, 'json') // '{"head":{},"boolean":true}'
 */
export const askBody = (value: boolean, format: FormatKey): string =>
  format === 'xml'
    ? `<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head></head><boolean>${value}</boolean></sparql>`
    : JSON.stringify({ head: {}, boolean: value });
