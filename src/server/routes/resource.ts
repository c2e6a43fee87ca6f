// Linked Data for every IRI under BASE (200 + Content-Location), and the SDG lens pages at /sdg/<code>.
import { Hono, type Context } from 'hono';
import oxigraph from 'oxigraph';
import { DEFAULT_BASE, NS, ONTOLOGY_IRI, OWL } from '../../vocab.js';
import { LruCache } from '../cache.js';
import type { Dataset } from '../dataset.js';
import { describe, isDescribed } from '../describe.js';
import { langOf, type Lang } from '../html/i18n.js';
import { languageVersions } from '../html/layout.js';
import { lensPage, resourcePage, type PageLinks } from '../html/resource.js';
import { vocabularyPage } from '../html/vocabulary.js';
import { etagOf, HTML_POLICY, httpDate, httpError, notAcceptable } from '../http.js';
import { formatParam } from '../protocol.js';
import { pageData, type OntologyVersion } from '../page-data.js';
import { ALL, alternatesOf, chooseKey, documentUrl, linkHeader, ROOT_PATH, type Key } from '../representation.js';
import { iriPath } from '../uri-path.js';
import { DOCUMENT_FORMATS, serialize } from '../../graph/documents.js';
import { metadataIris } from '../../metadata/iris.js';
import { isSdgConcept, resourceView, sdgTargets } from '../view.js';
import { isOntology, vocabularyView } from '../vocabulary-view.js';

/*
 * Dereferencing policy: 200 with Content-Location, not 303. `GET /lkp/2016/4.4.3` answers with the
 * negotiated document directly and names it (`Content-Location: /lkp/2016/4.4.3.ttl`); each
 * document also has its own URL with a file extension. This saves clients (and crawlers) a
 * round trip per resource; the extension URLs are the information resources.
 */

interface Rep {
  body: string;
  contentType: string;
  etag: string;
  /** Response headers, computed once with the body: when chosen by Accept (`Vary: Accept`), and when the URL fixes the format. */
  headers?: { negotiated: Record<string, string>; fixed: Record<string, string> };
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
  /** For a version IRI: what describes that version. */
  version?: OntologyVersion;
}

const EXT: Record<string, Key> = { html: 'html', ttl: 'ttl', nt: 'nt', jsonld: 'jsonld', rdf: 'rdf' };
const SDG_CODE = /^(\d{1,2}(\.[0-9a-z]{1,2})?|C[0-9a-z]{6,8})$/i;

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
  const { catalog } = metadataIris(base);
  // the data, the harvest metadata and the landing page's markup: every IRI of ours that anything names
  const data = pageData(dataset).resources;
  const cache = new LruCache<Rep>(5_000, 64 * 1024 * 1024, (r) => r.body.length * 2);
  const known = (iri: string) => isDescribed(data().index, iri) || data().versions.has(iri);

  const locate = (rawPath: string): Target | undefined => {
    // Compared as an IRI: `%2F` stays data (one segment, no IRI of ours), never a `/` (RFC 3986 §2.2)
    const path = iriPath(rawPath);
    if (path === undefined) return undefined;
    // `{base}` itself: its documents are /index.<ext> (a path of '' has no room for an extension)
    const [rootPath, rootExt] = splitExt(path);
    if (path === '/' || (rootPath === ROOT_PATH && rootExt)) return { iri: base, path: ROOT_PATH, canonical: base, lens: false, ext: rootExt };
    const lens = /^\/sdg\/([^/]+)$/.exec(path);
    const [bare, ext] = known(base + path.slice(1)) ? [path, undefined] : splitExt(path);
    if (lens) {
      const code = splitExt(lens[1]!)[0];
      if (!SDG_CODE.test(code) || !isSdgConcept(data().store, NS.sdg + code)) throw httpError(404, `the UN SDG KOS has no goal, target or indicator "${code}" (goals are 1–17, targets e.g. 13.2, indicators e.g. C130201)`);
      return { iri: NS.sdg + code, path: `/sdg/${code}`, canonical: base + `sdg/${code}`, lens: true, ext: splitExt(path)[1] };
    }
    // `/.ttl` names no document: the root's are /index.<ext>
    if (bare === '/') return undefined;
    const iri = base + bare.slice(1);
    if (!known(iri)) return undefined;
    const version = data().versions.get(iri);
    return { iri: version?.ontology ?? iri, path: bare, canonical: iri, lens: false, ext, version };
  };

  const linksOf = (t: Target): PageLinks => ({ canonical: t.canonical, alternates: alternatesOf(t.path) });

  const render = async (t: Target, key: Key, lang: Lang): Promise<Rep> => {
    const { store, index } = t.version ?? data();
    if (key !== 'html') {
      const format = DOCUMENT_FORMATS.find((f) => f.key === key)!;
      // The catalogue's IRI is what a harvester loads (DCAT-AP-SE: a sub-catalogue named by dct:hasPart
      // is loaded from its IRI): its documents hold the whole catalogue, as /datasets/dcat does.
      const quads = t.iri === catalog ? [...dataset.catalogue.match(null, null, null, null), ...describe(store, index, t.iri)] : describe(store, index, t.iri);
      const body = await serialize(quads, key, base, { focus: t.iri });
      return { body, contentType: `${format.mediaType}; charset=utf-8`, etag: etagOf(body) };
    }
    // every page embeds its resource's JSON-LD, the same triples as its other formats: the catalogue's, the
    // whole catalogue (45 KB; its page shows the catalogue's own description)
    const jsonld = (await cached(t, 'jsonld')).body;
    const links = { ...linksOf(t), jsonld, path: t.path };
    let body: string;
    if (isOntology(store, t.iri)) {
      const view = vocabularyView(store, base, t.iri, index.hashes.get(t.iri) ?? new Set(), lang);
      // an earlier version's page says so, and names the current one
      if (t.version?.archived) {
        const current = data().store.match(oxigraph.namedNode(t.iri), oxigraph.namedNode(OWL.versionInfo), null, null)[0]?.object.value;
        view.current = { iri: t.iri, href: '/' + t.iri.slice(base.length), version: current };
      }
      // the shapes are served beside the current ontology (under the default BASE: routes/metadata.ts)
      if (!t.version?.archived && t.iri === ONTOLOGY_IRI && base === DEFAULT_BASE) view.shapes = { iri: `${ONTOLOGY_IRI}/shapes`, href: '/def/shapes' };
      body = vocabularyPage(view, links, lang);
    } else {
      const view = resourceView(store, base, t.iri, lang);
      body = t.lens ? lensPage(view, sdgTargets(store, t.iri).map((x) => resourceView(store, base, x, lang)), links, lang) : resourcePage(view, links, lang);
    }
    return { body, contentType: 'text/html; charset=utf-8', etag: etagOf(body) };
  };

  /**
   * The headers of a representation, once chosen by Accept and once fixed by the URL (an extension
   * or `?format=`), where Accept chose nothing and so is not named in Vary (RFC 9110 §12.5.5).
   */
  const headersOf = (t: Target, key: Key, lang: Lang, rep: Rep): NonNullable<Rep['headers']> => {
    const fixed = {
      'Content-Type': rep.contentType,
      'Content-Location': documentUrl(t.path, key, lang),
      ...(key === 'html' ? { 'Content-Language': lang, ...HTML_POLICY } : {}),
      ETag: rep.etag,
      'Last-Modified': httpDate(dataset.lastModified),
      'Cache-Control': 'public, max-age=3600',
      // an HTML page's canonical is its own language version, as in its head (layout.ts)
      Link: linkHeader(key === 'html' ? languageVersions(t.canonical, t.path)[lang] : t.canonical, linksOf(t).alternates!),
    };
    return { fixed, negotiated: { ...fixed, Vary: 'Accept' } };
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
    const format = formatParam(c);
    const key = chooseKey(format, t.ext, c.req.header('accept'), t.iri === catalog);
    if (!key) throw notAcceptable(`available: ${ALL.map((f) => f.type).join(', ')}`);
    const rep = await cached(t, key, langOf(c.req.query('lang')));
    return c.body(rep.body, 200, format || t.ext ? rep.headers!.fixed : rep.headers!.negotiated);
  };

  const app = new Hono();
  app.get('*', serve);
  return app;
}
