// 404 answers: an HTML page in the site's layout and language for clients that prefer HTML (with the likely address), the plain-text reason for others.
import type { Context } from 'hono';
import { PUBLISHED_CONTEXTS } from '../graph/context.js';
import { NS } from '../vocab.js';
import { negotiate } from './conneg.js';
import type { Dataset } from './dataset.js';
import { HTML_POLICY } from './http.js';
import { langOf } from './html/i18n.js';
import { notFoundPage } from './html/not-found.js';
import { once } from './once.js';
import { pageData, sitePages } from './page-data.js';
import { CHECKSUMS_PATH } from './routes/dumps.js';
import { iriPath } from './uri-path.js';

/** The pages and documents at fixed paths (see routes/ui.ts and routes/metadata.ts). */
const FIXED_PAGES = ['/', '/overview', '/matrix', '/sdg', '/sparql', '/search', '/datasets/dcat', '/.well-known/void', '/sitemap.xml', '/context.jsonld', '/robots.txt'];

/** Extensions of the resource documents, kept when a path is corrected. */
const EXTENSION = /\.(html|ttl|nt|jsonld|rdf)$/i;

/**
 * Every page path the service answers that a typo could miss, lower-cased → as written: the
 * fixed pages, the versioned contexts, the downloads, the sitemap's site pages (matrix cells),
 * each IRI of ours that the data, the metadata or the landing markup describes (hash IRIs by their
 * document; from the resource route's subject index) and the SDG lens pages.
 */
function knownPaths(dataset: Dataset): Map<string, string> {
  const paths = new Map<string, string>(FIXED_PAGES.map((p) => [p.toLowerCase(), p]));
  const add = (path: string) => paths.set(path.toLowerCase(), path);
  for (const path of PUBLISHED_CONTEXTS.keys()) add(`/${path}`);
  for (const file of dataset.manifest.files) add(`/download/${file.name}`);
  add(CHECKSUMS_PATH);
  for (const page of sitePages(dataset)) add(page);
  for (const subject of pageData(dataset).resources().index.subjects) {
    const iri = subject.split('#')[0]!;
    if (iri.startsWith(dataset.base)) add(`/${iri.slice(dataset.base.length)}`);
    else if (iri.startsWith(NS.sdg) && /^[\w.]+$/.test(iri.slice(NS.sdg.length))) add(`/sdg/${iri.slice(NS.sdg.length)}`);
  }
  return paths;
}

/**
 * The address a request for `path` likely meant: without trailing slashes and in the case the
 * service writes it (`/LKP/2016/4.4.3/` → `/lkp/2016/4.4.3`), an extension kept; none when that
 * is not a page or is `path` itself.
 */
function likely(path: string, known: Map<string, string>): string | undefined {
  const iri = iriPath(path) ?? path;
  const trimmed = iri.length > 1 ? iri.replace(/\/+$/, '') || '/' : iri;
  // a path known as it is (a download, the context), else a resource with a document extension
  const whole = known.get(trimmed.toLowerCase());
  const ext = EXTENSION.exec(trimmed)?.[0] ?? '';
  const hit = whole === undefined ? known.get(trimmed.slice(0, trimmed.length - ext.length).toLowerCase()) : undefined;
  const suggestion = whole ?? (hit === undefined ? undefined : hit + ext.toLowerCase());
  return suggestion === iri ? undefined : suggestion;
}

/** Words to search for: the last segment of the path, without extension, `-` and `_` as spaces. */
function searchTerm(path: string): string {
  const last = (iriPath(path) ?? path).split('/').filter(Boolean).pop() ?? '';
  return last.replace(EXTENSION, '').replace(/[-_]+/g, ' ').trim().slice(0, 60);
}

/**
 * Creates the 404 responder. A client that prefers HTML over plain text (a browser) gets the 404
 * page in the site's layout and its language (`?lang=en`), with the likely address where a
 * trailing slash or the letter case was all that was wrong, and a search link; any other client
 * the plain-text reason as before (`plain`, or one made from `reason`). Both vary by Accept (the
 * app adds the CORS headers). The table of known paths is built on the first 404 for a browser.
 *
 * @example
 * const notFound = notFoundResponder(dataset);
 * app.notFound((c) => notFound(c, 'not found'));
 */
export function notFoundResponder(dataset: Dataset): (c: Context, reason: string, plain?: Response) => Response {
  const known = once(() => knownPaths(dataset));
  return (c, reason, plain) => {
    const headers = { Vary: 'Accept' };
    if (negotiate(c.req.header('accept'), ['text/plain', 'text/html']) !== 'text/html') {
      const res = plain ?? new Response(`${reason}\n`, { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
      for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
      return res;
    }
    const url = c.req.url;
    const start = url.indexOf('/', url.indexOf('//') + 2);
    const path = url.slice(start).split('?')[0]!;
    const lang = langOf(c.req.query('lang'));
    const suggestion = likely(path, known());
    const body = notFoundPage({ path, reason, suggestions: suggestion ? [suggestion] : [], searchTerm: searchTerm(path) }, lang);
    return new Response(body, { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': lang, ...HTML_POLICY, ...headers } });
  };
}
