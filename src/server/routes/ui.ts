// Pages for people: landing page (the HTML of `{BASE}`), query UI, matrix, overview, SDG coverage, search (JSON and HTML) and /assets/.
import { Hono, type Context } from 'hono';
import { negotiate } from '../conneg.js';
import type { Dataset } from '../dataset.js';
import { landingPage } from '../html/home.js';
import { langOf, type Lang } from '../html/i18n.js';
import { languageVersions } from '../html/layout.js';
import { matrixCellPage, matrixPage } from '../html/matrix.js';
import { overviewPage } from '../html/overview.js';
import { coverage, coveragePage } from '../html/sdg.js';
import { searchPage } from '../html/search.js';
import { queryPage } from '../html/sparql.js';
import { findFormat } from '../../engine/formats.js';
import { etagOf, HTML_POLICY, httpDate, httpError, notAcceptable, unknownFormat } from '../http.js';
import { formatParam } from '../protocol.js';
import { DESCRIPTION_OFFERS } from '../service-description.js';
import { alternatesOf, chooseKey, documentUrl, linkHeader, ROOT_PATH } from '../representation.js';
import { once } from '../once.js';
import { pageData } from '../page-data.js';
import { ASSETS } from '../site/assets.js';
import { loadExamples } from '../site/examples.js';
import { programmeFacts } from '../site/facts.js';
import { linkMatrix } from '../site/matrix.js';
import { overview } from '../site/overview.js';
import { buildSearchIndex } from '../site/search.js';
import { releasesFor } from '../../graph/releases.js';

/**
 * What /sparql offers a client that sends no query: Turtle, the query page, then the service
 * description's other formats and the aliases (which count for their canonical type wherever listed).
 */
const DESCRIBE_OFFERS = ['text/turtle', 'text/html', 'application/xhtml+xml', ...DESCRIPTION_OFFERS.filter((t) => t !== 'text/turtle')];
/** What the search answers in, by `?format=` (key or media type) or Accept. */
const SEARCH_FORMATS = [
  { key: 'json', mediaType: 'application/json', aliases: [] },
  { key: 'html', mediaType: 'text/html', aliases: [] },
];
const SEARCH_OFFERS = SEARCH_FORMATS.map((f) => f.mediaType);

/**
 * Mounts the pages for people. Mount it before the metadata, SPARQL and resource routes: it answers
 * `/` and browsers' `GET /sparql`, and passes everything else on.
 *
 * @example
 * app.route('/', uiRoutes({ dataset }));
 */
export function uiRoutes({ dataset, releasesDir }: { dataset: Dataset; releasesDir?: string }): Hono {
  // Built when a page first needs it (or the server's warm-up asks), not before the server listens.
  const data = pageData(dataset);
  const site = once(() => {
    const model = data.model();
    return { model, index: buildSearchIndex(model, dataset.store), matrix: linkMatrix(model), network: overview(model), goalCoverage: coverage(model) };
  });
  const examples = loadExamples();
  const lastModified = httpDate(dataset.lastModified);
  const rendered = new Map<string, { body: string; etag: string }>();

  /** Renders a page once per path and language (the dataset does not change while the server runs). */
  const html = (c: Context, key: string, render: (lang: Lang) => string, headers: (lang: Lang) => Record<string, string> = () => ({})) => {
    const lang = langOf(c.req.query('lang'));
    const k = `${key} ${lang}`;
    let hit = rendered.get(k);
    if (!hit) {
      const body = render(lang);
      hit = { body, etag: etagOf(body) };
      if (rendered.size < 2_000) rendered.set(k, hit);
    }
    return c.body(hit.body, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Language': lang,
      ...HTML_POLICY,
      ETag: hit.etag,
      'Last-Modified': lastModified,
      'Cache-Control': 'public, max-age=300',
      ...headers(lang),
    });
  };

  const app = new Hono();
  // `{BASE}` is a resource like the others (the catalogue names it): the landing page is its HTML
  // representation, named /index.html like /lkp/2016/4.4.3.html; its RDF comes from the resource route.
  // the landing page's canonical is its own language version, as in its head (layout.ts)
  const rootLink = (lang: Lang) => linkHeader(languageVersions(dataset.base, '/')[lang], alternatesOf(ROOT_PATH));

  // Vary: Accept only where Accept chose the page: not at /index.html or with ?format= (RFC 9110 §12.5.5).
  const landing = (c: Context, negotiated: boolean) =>
    html(
      c,
      '/',
      (lang) => landingPage({ manifest: dataset.manifest, base: dataset.base, schemaOrg: data.schemaOrg(), model: data.model(), facts: programmeFacts(dataset.store, dataset.base, lang), releases: [...releasesFor(dataset.base, releasesDir).values()] }, lang),
      (lang) => ({ 'Content-Location': documentUrl(ROOT_PATH, 'html', lang), ...(negotiated ? { Vary: 'Accept' } : {}), Link: rootLink(lang) }),
    );
  app.get('/', (c, next) => {
    const format = formatParam(c);
    return chooseKey(format, undefined, c.req.header('accept')) === 'html' ? landing(c, !format) : next();
  });
  // `?format=` wins over the extension here too (as on every resource): `/index.html?format=ttl` is the Turtle.
  app.get(`${ROOT_PATH}.html`, (c, next) => (chooseKey(formatParam(c), 'html', c.req.header('accept')) === 'html' ? landing(c, false) : next()));

  app.get('/sparql', async (c, next) => {
    const params = new URL(c.req.url).searchParams;
    // An empty ?format= counts as absent (as everywhere): a browser still gets the page.
    const browser = !params.has('query') && !params.has('update') && !params.get('format') && negotiate(c.req.header('accept'), DESCRIBE_OFFERS) === 'text/html';
    if (!browser) return next();
    c.header('Vary', 'Accept');
    const example = examples.find((e) => e.name === params.get('example'))?.name;
    return html(c, `/sparql ${example ?? ''}`, (lang) => queryPage({ endpoint: `${dataset.base}sparql`, examples, selected: example, lang }));
  });

  app.get('/matrix', (c) => html(c, '/matrix', (lang) => matrixPage(site().matrix, site().model, lang)));
  app.get('/matrix/:focus/:goal', (c) => {
    // One URL per cell: the goal as its notation is written (11), so /matrix/4.4.3/011 is 404, not a duplicate page.
    const cell = /^[1-9]\d?$/.test(c.req.param('goal')) ? site().matrix.cell(c.req.param('focus'), Number(c.req.param('goal'))) : undefined;
    if (!cell) throw httpError(404, 'no such cell: /matrix/<focus area, e.g. 4.4.3>/<goal 1–17, no leading zero>');
    return html(c, c.req.path, (lang) => matrixCellPage(cell, site().model, lang));
  });
  app.get('/overview', (c) => html(c, '/overview', (lang) => overviewPage(site().network, site().model, lang)));
  app.get('/sdg', (c) => html(c, '/sdg', (lang) => coveragePage(site().goalCoverage, site().model, lang)));

  app.get('/search', (c) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const lang = langOf(c.req.query('lang'));
    const asked = formatParam(c);
    const named = asked === undefined ? undefined : findFormat(SEARCH_FORMATS, asked);
    if (asked !== undefined && !named) throw unknownFormat(asked, SEARCH_FORMATS);
    const type = named ? named.mediaType : negotiate(c.req.header('accept'), SEARCH_OFFERS);
    if (!type) throw notAcceptable(`available: ${SEARCH_OFFERS.join(', ')}`);
    if (!named) c.header('Vary', 'Accept');
    c.header('Cache-Control', 'public, max-age=300');
    // Strong ETags (cheap: a search answer is a few KB) let the response cache keep and compress answers.
    c.header('Last-Modified', lastModified);
    if (type === 'text/html') {
      const body = searchPage(q, site().index.search(q, lang, 50), lang);
      return c.body(body, 200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': lang, ...HTML_POLICY, ETag: etagOf(body) });
    }
    const limit = Math.min(Math.max(Number(c.req.query('limit')) || 10, 1), 50);
    const body = JSON.stringify({ query: q, results: site().index.search(q, lang, limit) });
    return c.body(body, 200, { 'Content-Type': 'application/json', ETag: etagOf(body) });
  });

  app.get('/assets/:name', (c) => {
    const asset = ASSETS.get(c.req.param('name'));
    if (!asset) throw httpError(404, 'no such asset');
    const versioned = c.req.query('v') === asset.version;
    return c.body(asset.body, 200, {
      'Content-Type': asset.contentType,
      ETag: `"${asset.version}"`,
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    });
  });
  return app;
}
