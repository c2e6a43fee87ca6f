// Comunica 5.4's SPARQL JSON results made what SPARQL 1.1 Query Results JSON Format §3 describes, as Oxigraph writes them.

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
