// Static assets under /assets/: our own CSS and scripts, and the SPARQL editor read from node_modules at start-up.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../../graph/config.js';

export interface Asset {
  body: string;
  contentType: string;
  /** Short content hash: part of the URL, so the file can be cached for a year. */
  version: string;
}

const require = createRequire(path.join(ROOT, 'package.json'));
const own = (name: string) => readFileSync(path.join(ROOT, 'src/server/assets', name), 'utf8');
/** The editor's bundle without its source-map comment (the map is not served; browsers would ask for it). */
const yasgui = (file: string) => readFileSync(require.resolve(`@zazuko/yasgui/build/${file}`), 'utf8').replace(/\n?\/[/*]# sourceMappingURL=[^\n]*$/, '');

const TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };

function asset(name: string, body: string): [string, Asset] {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return [name, { body, contentType: TYPES[ext]!, version: createHash('sha1').update(body).digest('hex').slice(0, 10) }];
}

/** Every file served under /assets/, by name; loaded once when the server starts. */
export const ASSETS: ReadonlyMap<string, Asset> = new Map([
  asset('site.css', own('site.css')),
  asset('site.js', own('site.js')),
  asset('query.js', own('query.js')),
  asset('yasgui.min.js', yasgui('yasgui.min.js')),
  asset('yasgui.min.css', yasgui('yasgui.min.css')),
]);

/**
 * The URL of an asset, with its content hash as cache-buster.
 *
 * @example
 * assetHref('site.css') // '/assets/site.css?v=1a2b3c4d5e'
 */
export function assetHref(name: string): string {
  const a = ASSETS.get(name);
  if (!a) throw new Error(`unknown asset ${name}`);
  return `/assets/${name}?v=${a.version}`;
}
