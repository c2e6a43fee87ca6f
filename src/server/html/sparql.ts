// The query UI at /sparql for browsers: the SPARQL editor (served from /assets/), every example query, and a no-JS form.
import type { Example } from '../site/examples.js';
import type { Lang } from './i18n.js';
import { esc, page, scriptJson } from './layout.js';

const t = (lang: Lang, sv: string, en: string) => (lang === 'sv' ? sv : en);

export interface QueryUiOptions {
  endpoint: string;
  examples: Example[];
  /** The example to show first (`?example=name`), else the first one. */
  selected?: string;
  lang: Lang;
}

/**
 * Renders the query UI. Without JavaScript the page is a plain form that sends the query to the
 * endpoint; with it, the editor takes the form's place and results show as a table or chart.
 *
 * @example
 * queryPage({ endpoint: `${base}sparql`, examples: loadExamples(), lang: 'sv' })
 */
export function queryPage(o: QueryUiOptions): string {
  const { lang } = o;
  // Each question in the page's language where the query file has it, marked with its own language.
  const examples = o.examples.map(({ name, question, questionSv, query }) =>
    lang === 'sv' && questionSv ? { name, question: questionSv, questionLang: 'sv', query } : { name, question, questionLang: 'en', query },
  );
  const current = examples.find((e) => e.name === o.selected) ?? examples[0];
  const list = examples
    .map(
      (e) =>
        `<li><a href="/sparql?example=${esc(e.name)}" data-example="${esc(e.name)}"${e === current ? ' aria-current="true"' : ''} lang="${e.questionLang}">${esc(e.question)}</a></li>`,
    )
    .join('\n');
  const data = scriptJson(JSON.stringify({ examples, selected: current?.name, lang }));
  const body = `<h1>${t(lang, 'Fråga data', 'Query the data')}</h1>
<p class="lead">${t(
    lang,
    `Välj en fråga till vänster, eller skriv en egen i SPARQL. Frågorna går till ändpunkten <code class="iri">${esc(o.endpoint)}</code>; standardgrafen är unionen av alla grafer.`,
    `Pick a question on the left or write your own in SPARQL. Queries go to the endpoint <code class="iri">${esc(o.endpoint)}</code>; the default graph is the union of all graphs.`,
  )}</p>
<div class="query-ui">
<nav class="examples" aria-labelledby="ex-title"><h2 id="ex-title">${t(lang, 'Exempelfrågor', 'Example questions')}</h2><ol>${list}</ol></nav>
<section class="workbench" aria-label="${t(lang, 'Frågeeditor och resultat', 'Query editor and results')}">
<h2 class="current-question" id="current-question" lang="${current?.questionLang ?? lang}">${esc(current?.question ?? '')}</h2>
<div id="yasgui"></div>
<form id="query-fallback" method="get" action="/sparql">
<label for="query-text">${t(lang, 'SPARQL-fråga', 'SPARQL query')}</label>
<textarea id="query-text" name="query" rows="16" spellcheck="false">${esc(current?.query ?? '')}</textarea>
<p><label>${t(lang, 'Svarsformat', 'Result format')} <select name="format"><option value="json">JSON</option><option value="csv">CSV</option><option value="tsv">TSV</option><option value="xml">XML</option></select></label>
<button type="submit">${t(lang, 'Kör frågan', 'Run query')}</button></p>
</form>
</section>
</div>
<script type="application/json" id="query-data">${data}</script>`;
  return page({
    title: t(lang, 'Fråga data (SPARQL)', 'Query the data (SPARQL)'),
    body,
    lang,
    path: o.selected ? `/sparql?example=${encodeURIComponent(o.selected)}` : '/sparql',
    wide: true,
    section: 'sparql',
    styles: ['yasgui.min.css'],
    scripts: ['yasgui.min.js', 'query.js'],
  });
}
