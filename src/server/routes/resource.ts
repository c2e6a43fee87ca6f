// Linked Data for every IRI under BASE (200 + Content-Location), and the SDG lens pages at /sdg/<code>.
import { Hono, type Context } from 'hono';
import oxigraph from 'oxigraph';
import { findFormat, type FormatKey } from '../../engine/formats.js';
import { NS, OWL } from '../../vocab.js';
import { LruCache } from '../cache.js';
import { negotiate } from '../conneg.js';
import type { Dataset } from '../dataset.js';
import { describe, isDescribed, subjectIndex, union, type Source } from '../describe.js';
import { schemaOrgDataset } from '../html/home.js';
import { hrefIn, LANGS, langOf, type Lang } from '../html/i18n.js';
import { lensPage, resourcePage, type PageLinks } from '../html/resource.js';
import { etagOf, httpDate, httpError, unknownFormat } from '../http.js';
import { iriPath } from '../uri-path.js';
import { DOCUMENT_FORMATS, serialize } from '../../graph/documents.js';
import { isSdgConcept, resourceView, sdgTargets } from '../view.js';

/*
 * Dereferencing policy: 200 with Content-Location, not 303. `GET /lkp/2016/4.4.3` answers with the
 * negotiated document directly and names it (`Content-Location: /lkp/2016/4.4.3.ttl`); each
 * document also has its own URL with a file extension. This saves clients (and crawlers) a
 * round trip per resource; the extension URLs are the information resources.
 */

type Key = FormatKey | 'html';
interface Rep {
  body: string;
  contentType: string;
  etag: string;
  /** Response headers, computed once with the body. */
  headers?: Record<string, string>;
}
/** A thing with pages: an IRI of ours, or a UN SDG IRI shown through our lens path. */
interface Target {
  /** The resource the document describes (for a version IRI: its ontology). */
  iri: string;
  /** Path of the page without extension, e.g. `/lkp/2016/4.4` or `/sdg/13`. */
  path: string;
  /** The IRI this URL names (`rel="canonical"`). */
  canonical: string;
  lens: boolean;
  ext?: Key;
}

const EXT: Record<string, Key> = { html: 'html', ttl: 'ttl', nt: 'nt', jsonld: 'jsonld', rdf: 'rdf' };
const HTML_OFFER = 'text/html';
const OFFERS = [HTML_OFFER, 'application/xhtml+xml', ...DOCUMENT_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases])];
const ALL: Array<{ key: Key; type: string }> = [{ key: 'html', type: HTML_OFFER }, ...DOCUMENT_FORMATS.map((f) => ({ key: f.key, type: f.mediaType }))];
const SDG_CODE = /^(\d{1,2}(\.[0-9a-z]{1,2})?|C[0-9a-z]{6,8})$/i;

/** What `?format=` accepts here (each key, media type and alias), for the 400 message. */
const FORMAT_VALUES = [{ key: 'html', mediaType: HTML_OFFER, aliases: [] }, ...DOCUMENT_FORMATS];

/** The format a `?format=` value names (a key such as `ttl` or a media type), or undefined. */
const formatKey = (format: string): Key | undefined => (format === 'html' || format === HTML_OFFER ? 'html' : findFormat(DOCUMENT_FORMATS, format)?.key);

/**
 * The format a request asks for: `?format=`, then a file extension, then Accept; undefined when
 * Accept allows none (406). An unknown `?format=` value is the client's error: a 400 naming the valid ones.
 *
 * @example
 * chooseKey(undefined, undefined, 'text/turtle') // 'ttl'
 */
export function chooseKey(format: string | undefined, ext: Key | undefined, accept: string | undefined): Key | undefined {
  if (format) {
    const key = formatKey(format);
    if (!key) throw unknownFormat(format, FORMAT_VALUES);
    return key;
  }
  if (ext) return ext;
  const type = negotiate(accept, OFFERS);
  if (!type) return undefined;
  return type === HTML_OFFER || type === 'application/xhtml+xml' ? 'html' : findFormat(DOCUMENT_FORMATS, type)?.key;
}

/** Terms of the landing page's schema.org markup that are IRIs (as schema.org's own context has them). */
const SCHEMA_CONTEXT = { '@vocab': NS.schema, url: { '@type': '@id' }, license: { '@type': '@id' }, contentUrl: { '@type': '@id' } };

/** The landing page's schema.org Dataset (`{base}dataset`, its DataDownloads named by the catalogue's distribution IRIs) as RDF, so that its @id dereferences too. */
function landingGraph(dataset: Dataset): oxigraph.Store {
  const markup = schemaOrgDataset(dataset.manifest, dataset.base);
  const store = new oxigraph.Store();
  store.load(JSON.stringify({ ...markup, '@context': SCHEMA_CONTEXT }), { format: 'application/ld+json', no_transaction: true });
  return store;
}

/** Version IRI → ontology IRI (`…/def/0.1.0` → `…/def`), for ontologies of ours that name their version. */
function versionIris(source: Source, base: string): Map<string, string> {
  const versions = source.match(null, oxigraph.namedNode(OWL.versionIRI), null, null);
  return new Map(versions.filter((q) => q.object.value.startsWith(base)).map((q) => [q.object.value, q.subject.value]));
}

/**
 * The URL of one representation (RFC 9110 §8.7 Content-Location): the path with the format's
 * extension, and for the English page `?lang=en` (the `.html` URL alone serves the Swedish page).
 */
const documentUrl = (t: Pick<Target, 'path'>, key: Key, lang: Lang = 'sv'): string => (key === 'html' ? hrefIn(`${t.path}.html`, lang) : `${t.path}.${key}`);

function splitExt(path: string): [string, Key | undefined] {
  const m = /\.([a-z]+)$/.exec(path);
  const key = m ? EXT[m[1]!] : undefined;
  return key ? [path.slice(0, -m![0].length), key] : [path, undefined];
}

/**
 * Mounts `/sdg/:code` and the catch-all resource handler (mount it last).
 *
 * @example
 * app.route('/', resourceRoutes({ dataset }));
 */
export function resourceRoutes({ dataset }: { dataset: Dataset }): Hono {
  const { base } = dataset;
  // the data, the harvest metadata and the landing page's markup: every IRI of ours that anything names
  const store = union(dataset.store, dataset.metadata, landingGraph(dataset));
  const index = subjectIndex(store);
  const versions = versionIris(store, base);
  const cache = new LruCache<Rep>(5_000, 64 * 1024 * 1024, (r) => r.body.length * 2);
  const known = (iri: string) => isDescribed(index, iri) || versions.has(iri);

  const locate = (rawPath: string): Target | undefined => {
    // Compared as an IRI: `%2F` stays data (one segment, no IRI of ours), never a `/` (RFC 3986 §2.2)
    const path = iriPath(rawPath);
    if (path === undefined) return undefined;
    const lens = /^\/sdg\/([^/]+)$/.exec(path);
    const [bare, ext] = known(base + path.slice(1)) ? [path, undefined] : splitExt(path);
    if (lens) {
      const code = splitExt(lens[1]!)[0];
      if (!SDG_CODE.test(code) || !isSdgConcept(store, NS.sdg + code)) throw httpError(404, `the UN SDG KOS has no goal, target or indicator "${code}" (goals are 1–17, targets e.g. 13.2, indicators e.g. C130201)`);
      return { iri: NS.sdg + code, path: `/sdg/${code}`, canonical: base + `sdg/${code}`, lens: true, ext: splitExt(path)[1] };
    }
    const iri = base + bare.slice(1);
    if (!known(iri)) return undefined;
    return { iri: versions.get(iri) ?? iri, path: bare, canonical: iri, lens: false, ext };
  };

  const linksOf = (t: Target): PageLinks => ({
    canonical: t.canonical,
    alternates: ALL.flatMap(({ key, type }) => (key === 'html' ? LANGS.map((lang) => ({ href: documentUrl(t, key, lang), type, hreflang: lang })) : [{ href: documentUrl(t, key), type }])),
  });

  const render = async (t: Target, key: Key, lang: Lang): Promise<Rep> => {
    if (key !== 'html') {
      const format = DOCUMENT_FORMATS.find((f) => f.key === key)!;
      const body = await serialize(describe(store, index, t.iri), key, base, { focus: t.iri });
      return { body, contentType: `${format.mediaType}; charset=utf-8`, etag: etagOf(body) };
    }
    const jsonld = (await cached(t, 'jsonld')).body;
    const links = { ...linksOf(t), jsonld, path: t.path };
    const view = resourceView(store, base, t.iri, lang);
    const body = t.lens ? lensPage(view, sdgTargets(store, t.iri).map((x) => resourceView(store, base, x, lang)), links, lang) : resourcePage(view, links, lang);
    return { body, contentType: 'text/html; charset=utf-8', etag: etagOf(body) };
  };

  const headersOf = (t: Target, key: Key, lang: Lang, rep: Rep): Record<string, string> => {
    const links = linksOf(t);
    const link = [`<${links.canonical}>; rel="canonical"`, ...links.alternates!.map((x) => `<${x.href}>; rel="alternate"; type="${x.type}"${x.hreflang ? `; hreflang="${x.hreflang}"` : ''}`)];
    return {
      'Content-Type': rep.contentType,
      'Content-Location': documentUrl(t, key, lang),
      ...(key === 'html' ? { 'Content-Language': lang } : {}),
      ETag: rep.etag,
      'Last-Modified': httpDate(dataset.lastModified),
      Vary: 'Accept',
      'Cache-Control': 'public, max-age=3600',
      Link: link.join(', '),
    };
  };

  const cached = async (t: Target, key: Key, lang: Lang = 'sv'): Promise<Rep> => {
    const k = `${t.path} ${key}${key === 'html' && lang !== 'sv' ? ` ${lang}` : ''}`;
    const hit = cache.get(k);
    if (hit) return hit;
    const rep = await render(t, key, lang);
    rep.headers = headersOf(t, key, lang, rep);
    cache.set(k, rep);
    return rep;
  };

  const serve = async (c: Context) => {
    const t = locate(new URL(c.req.url).pathname);
    if (!t) throw httpError(404, 'no resource with this IRI in the dataset');
    const key = chooseKey(c.req.query('format'), t.ext, c.req.header('accept'));
    if (!key) throw httpError(406, `available: ${ALL.map((f) => f.type).join(', ')}`);
    const rep = await cached(t, key, langOf(c.req.query('lang')));
    return c.body(rep.body, 200, rep.headers);
  };

  const app = new Hono();
  app.get('*', serve);
  return app;
}
