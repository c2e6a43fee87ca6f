// Dumps at /download/<file>: only files listed in manifest.json, gzip-encoded when the client allows (never the .gz files themselves); their checksums at /download/SHA256SUMS.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { Dataset, ManifestFile } from '../dataset.js';
import { variantTag } from '../../compression.js';
import { hrefIn, langOf } from '../html/i18n.js';
import { acceptsGzip, etagOf, httpDate, httpError, seeOther } from '../http.js';
import { CSVW_METADATA } from '../../graph/links-csv-metadata.js';

/** The path of the checksum list. */
export const CHECKSUMS_PATH = '/download/SHA256SUMS';

/**
 * The checksum list of the downloads in the format GNU `sha256sum` writes and checks
 * (`<hex>  <name>`, one line each, in the manifest's order), so `sha256sum -c --ignore-missing
 * SHA256SUMS` verifies whichever files were downloaded beside it.
 *
 * @example
 * checksumList([{ name: 'links.csv', sha256: 'ab…', … }]) // 'ab…  links.csv\n'
 */
export const checksumList = (files: readonly ManifestFile[]): string => files.map((f) => `${f.sha256}  ${f.name}\n`).join('');

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

/**
 * Mounts GET /download/:file. Files are read once and kept in memory (the dataset is small and
 * immutable); the gzip variant is made on first request.
 *
 * @example
 * app.route('/', dumpRoutes({ dataset }));
 */
export function dumpRoutes({ dataset }: { dataset: Dataset }): Hono {
  const files = new Map<string, ManifestFile>(dataset.manifest.files.map((f) => [f.name, f]));
  const loaded = new Map<string, Encoded>();
  const load = (name: string): Encoded => {
    if (!loaded.has(name)) loaded.set(name, { plain: readFileSync(join(dataset.distDir, name)) });
    return loaded.get(name)!;
  };

  const app = new Hono();
  const sums = checksumList(dataset.manifest.files);
  const sumsHeaders = {
    'Content-Type': 'text/plain; charset=utf-8',
    ETag: etagOf(sums),
    'Last-Modified': httpDate(dataset.released),
    'Cache-Control': 'public, max-age=86400',
    'Content-Disposition': 'inline; filename="SHA256SUMS"',
  };
  app.get(CHECKSUMS_PATH, (c) => c.body(sums, 200, sumsHeaders));
  // The folder itself: the landing page's table of the downloads, in the language asked for.
  for (const path of ['/download', '/download/']) {
    app.get(path, (c) => seeOther(c, hrefIn('/#download', langOf(c.req.query('lang')))));
  }
  app.get('/download/:file', (c) => {
    const file = files.get(c.req.param('file'));
    if (!file) throw httpError(404, `no such download; available: ${[...files.keys()].join(', ')}`);
    const encoded = load(file.name);
    const text = isText(file.mediaType);
    const gzip = text && acceptsGzip(c.req.header('accept-encoding'));
    if (gzip) encoded.gzip ??= gzipSync(encoded.plain);
    const body = gzip ? encoded.gzip! : encoded.plain;
    const etag = `"${file.sha256.slice(0, 32)}"`;
    const headers: Record<string, string> = {
      'Content-Type': text ? `${file.mediaType}; charset=utf-8` : file.mediaType,
      'Content-Length': String(body.length),
      // the same variant tag as every other gzip answer of the service (`"…-gzip"`)
      ETag: gzip ? variantTag(etag, 'gzip') : etag,
      'Last-Modified': httpDate(dataset.released),
      'Cache-Control': 'public, max-age=86400',
      'Content-Disposition': `inline; filename="${file.name}"`,
      // a cut-off download resumes where it stopped (byteRanges() answers the Range)
      'Accept-Ranges': 'bytes',
    };
    // links.csv names its CSVW description, as CSV on the Web's "Model for Tabular Data" §5.2 says
    if (file.name === 'links.csv' && files.has(CSVW_METADATA)) headers.Link = `<${CSVW_METADATA}>; rel="describedby"; type="application/csvm+json"`;
    // a compressed file is the same bytes whatever the request's Accept-Encoding: nothing to vary on
    if (text) headers.Vary = 'Accept-Encoding';
    if (gzip) headers['Content-Encoding'] = 'gzip';
    return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), 200, headers);
  });
  return app;
}
