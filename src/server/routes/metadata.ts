// Harvest metadata and site plumbing: /context.jsonld, /datasets/dcat, /.well-known/void, sitemap, robots.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import oxigraph from 'oxigraph';
import { findFormat, type ResultFormat } from '../../engine/formats.js';
import { negotiate } from '../conneg.js';
import { HTML_FORMAT, HTML_OFFER } from '../representation.js';
import { CONTEXT_DOCUMENT, CONTEXT_LAST_MODIFIED, PUBLISHED_CONTEXTS } from '../context.js';
import type { Dataset } from '../dataset.js';
import { exactQuads } from '../exact-store.js';
import { esc } from '../html/layout.js';
import { clip, etagOf, httpDate, httpError, notAcceptable, seeOther, unknownFormat } from '../http.js';
import { formatParam } from '../protocol.js';
import { once } from '../once.js';
import { ROOT } from '../../graph/config.js';
import { DOCUMENT_FORMATS, serialize } from '../../graph/documents.js';
import { DEFAULT_BASE, NS, RDF } from '../../vocab.js';
import { sitePages } from '../page-data.js';
import { subjectIndex } from '../describe.js';

const XHTML = 'application/xhtml+xml';

/** Document formats with the given one first (the default for `*\/*`). */
const preferring = (key: string): ResultFormat[] => [...DOCUMENT_FORMATS].sort((a, b) => Number(b.key === key) - Number(a.key === key));

function sitemap(dataset: Dataset): string {
  const subjects = [...subjectIndex(dataset.store).subjects].filter((s) => s.startsWith(dataset.base) && !s.includes('#'));
  const pages = sitePages(dataset).map((path) => dataset.base + path.slice(1));
  const urls = [...new Set([dataset.base, ...pages, ...subjects.sort()])].map((u) => `<url><loc>${esc(u)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * Mounts the metadata routes. DCAT and VoID are read from dist/ (computed at build time) and
 * served by content negotiation; /datasets/dcat defaults to RDF/XML as harvesters expect.
 *
 * @example
 * app.route('/', metadataRoutes({ dataset }));
 */
export function metadataRoutes({ dataset }: { dataset: Dataset }): Hono {
  const app = new Hono();
  const lastModified = httpDate(dataset.lastModified);
  const rendered = new Map<string, { body: string; etag: string }>();

  /**
   * One metadata document (DCAT or VoID) at `path`, by `?format=` or Accept. Each format is named
   * by its `?format=` URL (`Content-Location`, RFC 9110 §8.7) and all are linked as alternates. A
   * client that prefers HTML (a browser) is sent with 303 to the page of the resource the document
   * describes (its instance of `root` in our namespace that is no `void:subset` of another: the
   * catalogue, the VoID dataset), where before it got the RDF (a browser's `application/xml;q=0.9` chose RDF/XML)
   * or, asking for HTML alone, 406. HTML is offered last, so `*\/*` still gets the RDF.
   */
  const rdfDocument = (path: string, file: string, formats: ResultFormat[], root: string) => {
    // read from the harvest metadata the server holds (dcat.ttl and void.ttl as built), not the file again
    const page = once(() => {
      const { metadata } = dataset;
      const subsets = new Set(metadata.match(null, oxigraph.namedNode(`${NS.void}subset`), null, null).map((q) => q.object.value));
      // the datasets a VoID linkset points into (the UN's, Wikidata) are void:Datasets too, not ours
      const ours = (iri: string) => iri.startsWith(dataset.base) && !subsets.has(iri);
      const top = metadata.match(null, oxigraph.namedNode(RDF.type), oxigraph.namedNode(root), null).find((q) => ours(q.subject.value))?.subject.value;
      return top === undefined ? undefined : `/${top.slice(dataset.base.length)}`;
    });
    const urlOf = (f: ResultFormat) => `${path}?format=${f.key}`;
    const link = formats.map((f) => `<${urlOf(f)}>; rel="alternate"; type="${f.mediaType}"`).join(', ');
    const offers = [...formats.flatMap((f) => [f.mediaType, ...f.aliases]), HTML_OFFER, XHTML];
    const prebuilt = join(dataset.distDir, file.replace(/\.ttl$/, '.rdf'));
    return async (c: Context) => {
      const asked = formatParam(c);
      // ?format=html goes where a browser goes: the page of the resource (without Vary: the URL chose)
      const pageAsked = asked !== undefined && findFormat([HTML_FORMAT], asked) ? page() : undefined;
      if (pageAsked) return seeOther(c, pageAsked, { Link: link });
      const negotiated = asked === undefined ? negotiate(c.req.header('accept'), offers) : undefined;
      const html = negotiated === HTML_OFFER || negotiated === XHTML ? page() : undefined;
      if (html) return seeOther(c, html, { Vary: 'Accept', Link: link });
      const format = findFormat(formats, asked ?? negotiated ?? '');
      if (!format && asked !== undefined) throw unknownFormat(asked, page() ? [...formats, HTML_FORMAT] : formats);
      if (!format) throw notAcceptable(`available: ${formats.map((f) => f.mediaType).join(', ')}`);
      const key = `${file} ${format.key}`;
      if (!rendered.has(key) && format.key === 'rdf' && existsSync(prebuilt)) {
        // the build wrote and validated this very RDF/XML (dist/dcat.rdf): serve those bytes
        const body = readFileSync(prebuilt, 'utf8');
        rendered.set(key, { body, etag: etagOf(body) });
      }
      if (!rendered.has(key)) {
        // parsed, never stored in Oxigraph, which would rewrite "5"^^xsd:nonNegativeInteger as xsd:integer (see ExactStore)
        const body = await serialize(exactQuads(readFileSync(join(dataset.distDir, file), 'utf8'), 'ttl'), format.key, dataset.base);
        rendered.set(key, { body, etag: etagOf(body) });
      }
      const { body, etag } = rendered.get(key)!;
      const headers = { 'Content-Type': `${format.mediaType}; charset=utf-8`, 'Content-Location': urlOf(format), ETag: etag, 'Last-Modified': lastModified, Link: link };
      // Vary: Accept only where Accept chose the format (RFC 9110 §12.5.5)
      return c.body(body, 200, asked ? headers : { ...headers, Vary: 'Accept' });
    };
  };

  const contextBody = (doc: object) => JSON.stringify(doc, null, 2) + '\n';
  const context = contextBody(CONTEXT_DOCUMENT);
  const jsonld = { 'Content-Type': 'application/ld+json; charset=utf-8', ETag: etagOf(context), 'Last-Modified': lastModified, 'Cache-Control': 'public, max-age=86400' };
  const robots = `User-agent: *\nAllow: /\nDisallow: /sparql\nSitemap: ${dataset.base}sitemap.xml\n`;
  let sitemapXml: { body: string; etag: string } | undefined;
  const sitemapOf = () => {
    if (!sitemapXml) {
      const body = sitemap(dataset);
      sitemapXml = { body, etag: etagOf(body) };
    }
    return sitemapXml;
  };

  app.get('/context.jsonld', (c) => c.body(context, 200, jsonld));
  // Each version at its own path, immutable, modified when its bytes were fixed; /context.jsonld is the current one.
  for (const [path, doc] of PUBLISHED_CONTEXTS) {
    const body = contextBody(doc);
    const fixed = CONTEXT_LAST_MODIFIED.get(path);
    if (fixed === undefined) throw new Error(`${path} has no date in CONTEXT_LAST_MODIFIED`);
    const headers = { ...jsonld, ETag: etagOf(body), 'Last-Modified': httpDate(fixed), 'Cache-Control': 'public, max-age=31536000, immutable' };
    app.get(`/${path}`, (c) => c.body(body, 200, headers));
  }
  app.get('/datasets/dcat', rdfDocument('/datasets/dcat', 'dcat.ttl', preferring('rdf'), `${NS.dcat}Catalog`));
  app.get('/.well-known/void', rdfDocument('/.well-known/void', 'void.ttl', preferring('ttl'), `${NS.void}Dataset`));
  app.get('/sitemap.xml', (c) => {
    const { body, etag } = sitemapOf();
    return c.body(body, 200, { 'Content-Type': 'application/xml; charset=utf-8', ETag: etag, 'Last-Modified': lastModified });
  });
  // With validators, as every other fixed document: a revalidation (If-None-Match, `*` too) gets 304.
  const robotsHeaders = { 'Content-Type': 'text/plain; charset=utf-8', ETag: etagOf(robots), 'Last-Modified': lastModified };
  app.get('/robots.txt', (c) => c.body(robots, 200, robotsHeaders));

  // The SHACL shapes at their own IRI ({DEFAULT_BASE}def/shapes, their `#` names included), where the
  // ontology is served (under the default BASE): ontology/shapes.ttl as written, Turtle only (its
  // nested blank nodes are the shapes' structure).
  if (dataset.base === DEFAULT_BASE) {
    const shapes = once(() => readFileSync(join(ROOT, 'ontology', 'shapes.ttl'), 'utf8'));
    const shapesHeaders = {
      'Content-Type': 'text/turtle; charset=utf-8',
      'Content-Location': '/def/shapes.ttl',
      'Last-Modified': lastModified,
      'Cache-Control': 'public, max-age=3600',
      Link: `<${dataset.base}def/shapes>; rel="canonical", </def/shapes.ttl>; rel="alternate"; type="text/turtle"`,
      // Accept decides between the Turtle and 406 at /def/shapes; the extension URL is Turtle whatever Accept says
      Vary: 'Accept',
    };
    const turtleOnly = DOCUMENT_FORMATS.filter((f) => f.key === 'ttl');
    const serveShapes = (extension: boolean) => (c: Context) => {
      // ?format= names the format as it does elsewhere; here only Turtle's names are served
      const asked = formatParam(c);
      if (asked !== undefined && !findFormat(turtleOnly, asked)) throw httpError(400, `the shapes are published as Turtle only: ?format=ttl, or none (asked: "${clip(asked, 60)}")`);
      const negotiated = asked === undefined && !extension;
      if (negotiated && !negotiate(c.req.header('accept'), ['text/turtle'])) throw notAcceptable('the shapes are published as Turtle only (also at /def/shapes.ttl, whatever Accept says); available: text/turtle');
      const { Vary, ...named } = shapesHeaders; // Vary: Accept only where Accept chose (RFC 9110 §12.5.5)
      return c.body(shapes(), 200, { ...(negotiated ? shapesHeaders : named), ETag: etagOf(shapes()) });
    };
    app.get('/def/shapes', serveShapes(false));
    app.get('/def/shapes.ttl', serveShapes(true));
  }
  return app;
}
