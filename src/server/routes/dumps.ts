// Dumps at /download/<file>: only files listed in manifest.json, gzip-encoded when the client allows (never the .gz files themselves); their checksums at /download/SHA256SUMS.
// Kept releases at /download/<version>/<file>: the TriG dump and the link table of each release from 0.3.0 on, unchanged (see src/graph/releases.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import type { Dataset, ManifestFile } from '../dataset.js';
import { variantTag } from '../../compression.js';
import { hrefIn, langOf } from '../html/i18n.js';
import { acceptsGzip, etagOf, httpDate, httpError, seeOther } from '../http.js';
import { CSVW_METADATA } from '../../graph/links-csv-metadata.js';
import { checksumList, isKept, keptFile, releasesFor, RELEASES_DIR, SUMS, type KeptRelease } from '../../graph/releases.js';

export { checksumList } from '../../graph/releases.js';

/** The path of the checksum list. */
export const CHECKSUMS_PATH = '/download/SHA256SUMS';

interface Encoded {
  plain: Buffer;
  gzip?: Buffer;
}

/**
 * Text files: only these are gzip-coded for a client that accepts it. The `.gz` files
 * (application/gzip) are sent as they are, never with a Content-Encoding: coding them again
 * would only make them larger, and the Content-Length would no longer be the catalogue's dcat:byteSize.
 */
const isText = (mediaType: string) => /^text\/|json|xml|turtle|trig|n-triples|n-quads/.test(mediaType);

/** What a download answer is made of. */
interface Download {
  name: string;
  mediaType: string;
  sha256: string;
  /** The bytes, and (made or kept) their gzip coding for a client that accepts it. */
  encoded: () => Encoded;
  lastModified: Date;
  cacheControl: string;
  /** The path of the link table's CSVW description, when this is a link table that has one. */
  describedBy?: string;
}

/** The answer to GET of a download: its bytes (gzip-coded if the client allows and it is text), ranges allowed. */
function sendDownload(c: Context, file: Download): Response {
  const text = isText(file.mediaType);
  const gzip = text && acceptsGzip(c.req.header('accept-encoding'));
  const encoded = file.encoded();
  if (gzip) encoded.gzip ??= gzipSync(encoded.plain);
  const body = gzip ? encoded.gzip! : encoded.plain;
  const etag = `"${file.sha256.slice(0, 32)}"`;
  const headers: Record<string, string> = {
    'Content-Type': text ? `${file.mediaType}; charset=utf-8` : file.mediaType,
    'Content-Length': String(body.length),
    // the same variant tag as every other gzip answer of the service (`"…-gzip"`)
    ETag: gzip ? variantTag(etag, 'gzip') : etag,
    'Last-Modified': httpDate(file.lastModified),
    'Cache-Control': file.cacheControl,
    'Content-Disposition': `inline; filename="${file.name}"`,
    // a cut-off download resumes where it stopped (byteRanges() answers the Range)
    'Accept-Ranges': 'bytes',
  };
  // links.csv names its CSVW description, as CSV on the Web's "Model for Tabular Data" §5.2 says
  if (file.describedBy) headers.Link = `<${file.describedBy}>; rel="describedby"; type="application/csvm+json"`;
  // a compressed file is the same bytes whatever the request's Accept-Encoding: nothing to vary on
  if (text) headers.Vary = 'Accept-Encoding';
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), 200, headers);
}

/** A checksum list as plain text, with its validators and how long it may be cached. */
const sumsAnswer = (c: Context, sums: string, lastModified: Date, cacheControl: string) =>
  c.body(sums, 200, {
    'Content-Type': 'text/plain; charset=utf-8',
    ETag: etagOf(sums),
    'Last-Modified': httpDate(lastModified),
    'Cache-Control': cacheControl,
    'Content-Disposition': `inline; filename="${SUMS}"`,
  });

/** The current release's downloads change with the next release: a day's caching. */
const CURRENT = 'public, max-age=86400';
/** A kept release never changes (RFC 8246). */
const KEPT = 'public, max-age=31536000, immutable';

/** The media types of what a kept release serves: its kept files, and the files its `.gz` files hold. */
export const KEPT_TYPES: Readonly<Record<string, string>> = {
  'dataset.trig': 'application/trig',
  'dataset.trig.gz': 'application/gzip',
  'links.csv': 'text/csv',
  'links.csv.gz': 'application/gzip',
  [CSVW_METADATA]: 'application/csvm+json',
};

/**
 * Mounts GET /download/:file and /download/:version/:file. Files are read once and kept in memory
 * (the dataset is small and immutable); the gzip variant is made on first request. Kept releases
 * (`releasesDir`, read on first request) are served only when they name the dataset's base.
 *
 * @example
 * app.route('/', dumpRoutes({ dataset }));
 */
export function dumpRoutes({ dataset, releasesDir = RELEASES_DIR }: { dataset: Dataset; releasesDir?: string }): Hono {
  const files = new Map<string, ManifestFile>(dataset.manifest.files.map((f) => [f.name, f]));
  const loaded = new Map<string, Encoded>();
  const load = (name: string): Encoded => {
    if (!loaded.has(name)) loaded.set(name, { plain: readFileSync(join(dataset.distDir, name)) });
    return loaded.get(name)!;
  };

  const app = new Hono();
  const sums = checksumList(dataset.manifest.files);
  app.get(CHECKSUMS_PATH, (c) => sumsAnswer(c, sums, dataset.released, CURRENT));
  // The folder itself: the landing page's table of the downloads, in the language asked for.
  for (const path of ['/download', '/download/']) {
    app.get(path, (c) => seeOther(c, hrefIn('/#download', langOf(c.req.query('lang')))));
  }
  const releases = () => releasesFor(dataset.base, releasesDir);
  const keptEncoded = new Map<string, Encoded>();
  const release = (version: string): KeptRelease => {
    const kept = releases().get(version);
    if (kept) return kept;
    const list = [...releases().keys()];
    throw httpError(404, `release ${version} is not kept here; ${list.length ? `kept: ${list.join(', ')}` : 'none is kept'} (from 0.3.0 on, each release keeps its TriG dump and link table; an earlier one can be rebuilt from its commit, see the README)`);
  };
  const VERSION_PATH = '/download/:version{[0-9]+\\.[0-9]+\\.[0-9]+}';
  for (const path of [VERSION_PATH, `${VERSION_PATH}/`]) {
    app.get(path, (c) => {
      release(c.req.param('version') ?? '');
      return seeOther(c, hrefIn('/#releases', langOf(c.req.query('lang'))));
    });
  }
  app.get(`${VERSION_PATH}/:file`, (c) => {
    const kept = release(c.req.param('version'));
    const lastModified = new Date(`${kept.date}T00:00:00Z`);
    const name = c.req.param('file');
    if (name === SUMS) return sumsAnswer(c, checksumList([...kept.sums].map(([n, sha256]) => ({ name: n, sha256 }))), lastModified, KEPT);
    const mediaType = KEPT_TYPES[name];
    const sha256 = kept.sums.get(name);
    if (!mediaType || !sha256) throw httpError(404, `release ${kept.version} keeps ${[...Object.keys(KEPT_TYPES), SUMS].join(', ')}; the other files its ${SUMS} names can be rebuilt from the TriG dump`);
    const encoded = () => {
      const key = `${kept.version}/${name}`;
      if (!keptEncoded.has(key)) {
        const plain = keptFile(kept, name)!;
        // a file kept as gzip is sent as those bytes to a client that accepts gzip: no coding again
        const gzip = isKept(`${name}.gz`) ? keptFile(kept, `${name}.gz`) : undefined;
        keptEncoded.set(key, { plain, gzip });
      }
      return keptEncoded.get(key)!;
    };
    const describedBy = name === 'links.csv' && kept.sums.has(CSVW_METADATA) ? CSVW_METADATA : undefined;
    return sendDownload(c, { name, mediaType, sha256, encoded, lastModified, cacheControl: KEPT, describedBy });
  });
  app.get('/download/:file', (c) => {
    const file = files.get(c.req.param('file'));
    if (!file) throw httpError(404, `no such download; available: ${[...files.keys()].join(', ')}`);
    const describedBy = file.name === 'links.csv' && files.has(CSVW_METADATA) ? CSVW_METADATA : undefined;
    return sendDownload(c, { ...file, encoded: () => load(file.name), lastModified: dataset.released, cacheControl: CURRENT, describedBy });
  });

  return app;
}
