// Placeholder HTML page for /sparql in a browser (the query UI is a later issue).
import { esc, page } from './layout.js';

/** A minimal query form that submits to the endpoint itself. */
export function sparqlPage(endpoint: string, example: string): string {
  const body = `<h1>SPARQL</h1>
<p>SPARQL 1.1 endpoint: <code class="iri">${esc(endpoint)}</code>. The default graph is the union of all named graphs.</p>
<form method="get" action="/sparql">
<p><textarea name="query" rows="12" cols="80" aria-label="SPARQL query">${esc(example)}</textarea></p>
<p><label>Format <select name="format"><option>json</option><option>xml</option><option>csv</option><option>tsv</option>
<option>ttl</option><option>nt</option><option>jsonld</option><option>rdf</option></select></label> <button>Run</button></p>
</form>
<p class="muted">Service description: <a href="/sparql?format=ttl">Turtle</a>.</p>`;
  return page({ title: 'SPARQL endpoint', body, lang: 'en' });
}
