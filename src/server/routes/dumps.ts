// Dumps at /download/<file>: only files listed in manifest.json, gzip-encoded when the client allows (never the .gz files themselves).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { Dataset, ManifestFile } from '../dataset.js';
import { variantTag } from '../../compression.js';
import { acceptsGzip, httpDate, httpError } from '../http.js';

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
    // a compressed file is the same bytes whatever the request's Accept-Encoding: nothing to vary on
    if (text) headers.Vary = 'Accept-Encoding';
    if (gzip) headers['Content-Encoding'] = 'gzip';
    return c.body(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), 200, headers);
  });
  return app;
}
