// Linked Data for every IRI under BASE (200 + Content-Location), and the SDG lens pages at /sdg/<code>.
import { Hono, type Context } from 'hono';
import { findFormat, type FormatKey } from '../../engine/formats.js';
import { NS } from '../../vocab.js';
import { LruCache } from '../cache.js';
import { negotiate } from '../conneg.js';
import type { Dataset } from '../dataset.js';
import { describe, isDescribed, subjectIndex } from '../describe.js';
import { langOf, type Lang } from '../html/i18n.js';
import { lensPage, resourcePage, type PageLinks } from '../html/resource.js';
import { etagOf, httpDate, httpError } from '../http.js';
import { DOCUMENT_FORMATS, serialize } from '../rdf.js';
import { resourceView, sdgTargets } from '../view.js';

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
  iri: string;
  /** Path of the page without extension, e.g. `/lkp/2016/4.4` or `/sdg/13`. */
  path: string;
  lens: boolean;
  ext?: Key;
}

const EXT: Record<string, Key> = { html: 'html', ttl: 'ttl', nt: 'nt', jsonld: 'jsonld', rdf: 'rdf' };
const HTML_OFFER = 'text/html';
const OFFERS = [HTML_OFFER, 'application/xhtml+xml', ...DOCUMENT_FORMATS.flatMap((f) => [f.mediaType, ...f.aliases])];
const ALL: Array<{ key: Key; type: string }> = [{ key: 'html', type: HTML_OFFER }, ...DOCUMENT_FORMATS.map((f) => ({ key: f.key, type: f.mediaType }))];
const SDG_CODE = /^(\d{1,2}(\.[0-9a-z]{1,2})?|C\d{6,8})$/i;

/** The format a request asks for: `?format=`, then a file extension, then Accept. */
export function chooseKey(format: string | undefined, ext: Key | undefined, accept: string | undefined): Key | undefined {
  if (format) return format === 'html' || format === HTML_OFFER ? 'html' : findFormat(DOCUMENT_FORMATS, format)?.key;
  if (ext) return ext;
  const type = negotiate(accept, OFFERS);
  if (!type) return undefined;
  return type === HTML_OFFER || type === 'application/xhtml+xml' ? 'html' : findFormat(DOCUMENT_FORMATS, type)?.key;
}

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
  const { store, base } = dataset;
  const index = subjectIndex(store);
  const cache = new LruCache<Rep>(5_000, 64 * 1024 * 1024, (r) => r.body.length * 2);
  const known = (iri: string) => isDescribed(index, iri);

  const locate = (rawPath: string): Target | undefined => {
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return undefined;
    }
    const lens = /^\/sdg\/([^/]+)$/.exec(path);
    const [bare, ext] = known(base + path.slice(1)) ? [path, undefined] : splitExt(path);
    if (lens) {
      const code = splitExt(lens[1]!)[0];
      return SDG_CODE.test(code) ? { iri: NS.sdg + code, path: `/sdg/${code}`, lens: true, ext: splitExt(path)[1] } : undefined;
    }
    return known(base + bare.slice(1)) ? { iri: base + bare.slice(1), path: bare, lens: false, ext } : undefined;
  };

  const linksOf = (t: Target): PageLinks => ({
    canonical: t.lens ? base + t.path.slice(1) : t.iri,
    alternates: ALL.map(({ key, type }) => ({ href: `${t.path}.${key}`, type })),
  });

  const render = async (t: Target, key: Key, lang: Lang): Promise<Rep> => {
    if (key !== 'html') {
      const format = DOCUMENT_FORMATS.find((f) => f.key === key)!;
      const body = await serialize(describe(store, index, t.iri), key, base, t.iri);
      return { body, contentType: `${format.mediaType}; charset=utf-8`, etag: etagOf(body) };
    }
    const jsonld = (await cached(t, 'jsonld')).body;
    const links = { ...linksOf(t), jsonld, path: t.path };
    const view = resourceView(store, base, t.iri, lang);
    const body = t.lens ? lensPage(view, sdgTargets(store, t.iri).map((x) => resourceView(store, base, x, lang)), links, lang) : resourcePage(view, links, lang);
    return { body, contentType: 'text/html; charset=utf-8', etag: etagOf(body) };
  };

  const headersOf = (t: Target, key: Key, rep: Rep): Record<string, string> => {
    const links = linksOf(t);
    const link = [`<${links.canonical}>; rel="canonical"`, ...links.alternates!.map((x) => `<${x.href}>; rel="alternate"; type="${x.type}"`)];
    return {
      'Content-Type': rep.contentType,
      'Content-Location': `${t.path}.${key}`,
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
    rep.headers = headersOf(t, key, rep);
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
