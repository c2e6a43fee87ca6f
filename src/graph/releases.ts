// Kept releases: from 0.3.0 on, each data release keeps its complete dump (TriG, gzip), its link table
// and the checksums of all its downloads in data/releases/<version>/, served unchanged at /download/<version>/.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ROOT } from './config.js';
import type { DistFile, Manifest } from './manifest.js';

/** Where the kept releases are: one folder per version. */
export const RELEASES_DIR = path.join(ROOT, 'data', 'releases');

/** The checksum list of a release, in the format GNU `sha256sum` writes and checks. */
export const SUMS = 'SHA256SUMS';

/** What a kept release holds of its downloads: the whole dataset with its named graphs, and the link table with its description. */
export const KEPT_FILES = ['dataset.trig.gz', 'links.csv.gz', 'links.csv-metadata.json'] as const;

/** Whether a release keeps the file `name` as it is. */
export const isKept = (name: string): boolean => (KEPT_FILES as readonly string[]).includes(name);

/** The release's facts, beside its files. */
const FACTS = 'release.json';

/** A semantic version, as `RELEASE.version` is written. */
export const VERSION = /^\d+\.\d+\.\d+$/;

/** One release as kept: its facts, the checksums of all its downloads, and where its files are. */
export interface KeptRelease {
  version: string;
  /** The release's date (YYYY-MM-DD): `RELEASE.modified` when it was made. */
  date: string;
  /** The base IRI its files name. */
  base: string;
  /** Every download of the release (the kept ones and the rest) → its SHA-256, in the order of the list. */
  sums: Map<string, string>;
  dir: string;
}

/**
 * The checksum list of `files` in the format `sha256sum` writes (`<hex>  <name>`, a line each).
 *
 * @example
 * checksumList([{ name: 'links.csv', sha256: 'ab…', … }]) // 'ab…  links.csv\n'
 */
export const checksumList = (files: ReadonlyArray<Pick<DistFile, 'name' | 'sha256'>>): string => files.map((f) => `${f.sha256}  ${f.name}\n`).join('');

/**
 * Reads a checksum list written by `checksumList` (or by `sha256sum`); throws on any other line.
 *
 * @example
 * parseSums('ab…  links.csv\n').get('links.csv') // 'ab…'
 */
export function parseSums(text: string, where = SUMS): Map<string, string> {
  const sums = new Map<string, string>();
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
    if (!m) throw new Error(`${where}, line ${i + 1}: not "<sha256>  <name>": ${JSON.stringify(line)}`);
    sums.set(m[2]!, m[1]!);
  }
  return sums;
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The releases kept in `dir`, oldest first (none if there is no such folder). Each is checked: its
 * facts name the folder's version, and every kept file is there with the checksum its list gives; one
 * that fails is an error, or, given `onError`, reported there and left out.
 *
 * @example
 * keptReleases().get('0.3.0')?.date // '2026-12-06'
 */
export function keptReleases(dir: string = RELEASES_DIR, onError?: (e: Error) => void): Map<string, KeptRelease> {
  const out = new Map<string, KeptRelease>();
  if (!existsSync(dir)) return out;
  const versions = readdirSync(dir).filter((v) => VERSION.test(v));
  versions.sort((a, b) => compareVersions(a, b));
  for (const version of versions) {
    try {
      out.set(version, readRelease(path.join(dir, version), version));
    } catch (e) {
      if (!onError) throw e;
      onError(e instanceof Error ? e : new Error(String(e)));
    }
  }
  return out;
}

/**
 * The kept releases whose files name `base`: what a server with that base serves (read once per base and folder).
 *
 * @example
 * releasesFor('https://w3id.org/helsingborg-livskvalitet/').has('0.3.0') // true
 */
export function releasesFor(base: string, dir: string = RELEASES_DIR): ReadonlyMap<string, KeptRelease> {
  const key = `${dir}\n${base}`;
  let found = byBase.get(key);
  // a damaged release, or a folder that cannot be read at all, is logged once and not served: it must
  // not take the landing page or the other releases with it
  const skip = (e: Error) => console.error(`${new Date().toISOString()} a kept release is not served: ${e.message}`);
  if (!found) {
    let kept = new Map<string, KeptRelease>();
    try {
      kept = keptReleases(dir, skip);
    } catch (e) {
      skip(e instanceof Error ? e : new Error(String(e)));
    }
    byBase.set(key, (found = new Map([...kept].filter(([, r]) => r.base === base))));
  }
  return found;
}
const byBase = new Map<string, ReadonlyMap<string, KeptRelease>>();

/** Orders versions by their numbers (0.10.0 after 0.9.0). */
export function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

function readRelease(dir: string, version: string): KeptRelease {
  const facts = JSON.parse(readFileSync(path.join(dir, FACTS), 'utf8')) as { version?: unknown; date?: unknown; base?: unknown };
  if (facts.version !== version) throw new Error(`${dir}/${FACTS}: names version ${JSON.stringify(facts.version)}, not the folder's ${version}`);
  if (typeof facts.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(facts.date)) throw new Error(`${dir}/${FACTS}: "date" must be YYYY-MM-DD`);
  if (typeof facts.base !== 'string') throw new Error(`${dir}/${FACTS}: "base" must be the base IRI the files name`);
  const sums = parseSums(readFileSync(path.join(dir, SUMS), 'utf8'), path.join(dir, SUMS));
  for (const name of KEPT_FILES) {
    const expected = sums.get(name);
    if (!expected) throw new Error(`${dir}/${SUMS}: no checksum of ${name}`);
    if (sha256(readFileSync(path.join(dir, name))) !== expected) throw new Error(`${dir}/${name}: its SHA-256 is not the one ${SUMS} gives: the kept file was changed`);
  }
  return { version, date: facts.date, base: facts.base, sums, dir };
}

/**
 * The bytes of a kept file, or of the file a `.gz` holds (`dataset.trig` from `dataset.trig.gz`),
 * checked against the release's list; undefined for a file the release does not keep.
 *
 * @example
 * keptFile(keptReleases().get('0.3.0')!, 'dataset.trig') // the TriG dump of 0.3.0
 */
export function keptFile(release: KeptRelease, name: string): Buffer | undefined {
  if (isKept(name)) return readFileSync(path.join(release.dir, name));
  if (!isKept(`${name}.gz`)) return undefined;
  const bytes = gunzipSync(readFileSync(path.join(release.dir, `${name}.gz`)));
  if (sha256(bytes) !== release.sums.get(name)) throw new Error(`${release.dir}/${name}.gz: what it holds is not the ${name} whose SHA-256 ${SUMS} gives`);
  return bytes;
}

/**
 * Whether two checksum lists name the same downloads with the same bytes, leaving out the `.gz` files:
 * they hold the same bytes, and another zlib may compress them differently.
 */
export function sameData(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  const plain = (sums: ReadonlyMap<string, string>) => JSON.stringify([...sums].filter(([name]) => !name.endsWith('.gz')).sort());
  return plain(a) === plain(b);
}

/**
 * Keeps the release that `distDir` holds in `releasesDir/<version>/`: the kept files, the checksum
 * list of all its downloads, and its facts. A release already kept with the same bytes is left as it
 * is ('unchanged'); one kept with other bytes is refused, since a release, once kept, never changes:
 * the data needs a new version.
 *
 * @example
 * keepRelease('dist', RELEASES_DIR) // 'kept' (or 'unchanged')
 */
export function keepRelease(distDir: string, releasesDir: string = RELEASES_DIR): 'kept' | 'unchanged' {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'manifest.json'), 'utf8')) as Manifest;
  if (!VERSION.test(manifest.version)) throw new Error(`the build's version ${JSON.stringify(manifest.version)} is not a release version (x.y.z)`);
  const date = manifest.modified.slice(0, 10);
  const files = new Map<string, Buffer>(KEPT_FILES.map((name) => [name, readFileSync(path.join(distDir, name))]));
  const facts = `${JSON.stringify({ version: manifest.version, date, base: manifest.base }, null, 2)}\n`;
  const dir = path.join(releasesDir, manifest.version);
  if (existsSync(dir)) {
    const kept = readRelease(dir, manifest.version);
    const same = sameData(kept.sums, new Map(manifest.files.map((f) => [f.name, f.sha256])));
    if (same && kept.date === date && kept.base === manifest.base) return 'unchanged';
    const what = same ? `another date or base (${kept.date}, ${kept.base})` : 'other bytes';
    throw new Error(`release ${manifest.version} is kept in ${dir} with ${what}: a kept release never changes, so the changed data needs a new version (RELEASE in src/graph/sources.ts, CITATION.cff)`);
  }
  // written beside it and renamed into place, so an interrupted run leaves no half-kept release
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(path.join(partial, name), bytes);
  writeFileSync(path.join(partial, SUMS), checksumList(manifest.files));
  writeFileSync(path.join(partial, FACTS), facts);
  renameSync(partial, dir);
  return 'kept';
}
