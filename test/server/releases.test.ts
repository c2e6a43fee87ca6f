// Kept releases at /download/<version>/<file>: the kept bytes, unchanged and immutable; 404s that say what is kept.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { keepRelease, keptReleases, KEPT_FILES, sha256, SUMS } from '../../src/graph/releases.js';
import { RELEASE } from '../../src/graph/sources.js';
import { loadDataset } from '../../src/server/dataset.js';
import { dumpRoutes, KEPT_TYPES } from '../../src/server/routes/dumps.js';
import { cfg } from '../helpers.js';
import { FIXTURE_DIST, useApp } from './helpers.js';

const server = useApp();
const req = (p: string, headers: Record<string, string> = {}) => server.current.app.request(p, { headers });
const release = keptReleases().get(RELEASE.version)!;
const at = (file: string) => `/download/${RELEASE.version}/${file}`;
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe(`/download/${RELEASE.version}/…, the current release as kept`, () => {
  it.each([['dataset.trig', 'application/trig; charset=utf-8'], ['links.csv', 'text/csv; charset=utf-8'], ['links.csv-metadata.json', 'application/csvm+json; charset=utf-8'], ['dataset.trig.gz', 'application/gzip'], ['links.csv.gz', 'application/gzip']])(
    '%s: the kept bytes, as %s, cached as immutable, dated by the release',
    async (file, type) => {
      const res = await req(at(file), { 'accept-encoding': 'identity' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('last-modified')).toBe(new Date(`${RELEASE.modified}T00:00:00Z`).toUTCString());
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(sha256(await bytes(res))).toBe(release.sums.get(file));
    },
  );

  it('a client that accepts gzip gets the kept .gz bytes themselves, coded once', async () => {
    const res = await req(at('dataset.trig'), { 'accept-encoding': 'gzip, br' });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const body = await bytes(res);
    expect(sha256(body)).toBe(release.sums.get('dataset.trig.gz'));
    expect(sha256(gunzipSync(body))).toBe(release.sums.get('dataset.trig'));
    // a .gz file is never coded again
    const gz = await req(at('dataset.trig.gz'), { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBeNull();
    expect(gz.headers.get('vary')).toBeNull();
  });

  it(`${SUMS} is the release's whole list, as kept: every download it had, for \`sha256sum -c --ignore-missing\``, async () => {
    const res = await req(at(SUMS));
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe(readFileSync(path.join(release.dir, SUMS), 'utf8'));
  });

  it('links.csv names its CSVW description beside it, which names links.csv relative to itself', async () => {
    const res = await req(at('links.csv'));
    expect(res.headers.get('link')).toBe('<links.csv-metadata.json>; rel="describedby"; type="application/csvm+json"');
    expect((await (await req(at('links.csv-metadata.json'))).json()).url).toBe('links.csv');
  });

  it('revalidates with 304 and answers a Range, so a cut-off download resumes', async () => {
    const etag = (await req(at('dataset.trig'), { 'accept-encoding': 'identity' })).headers.get('etag')!;
    expect(etag).toBe(`"${release.sums.get('dataset.trig')!.slice(0, 32)}"`);
    expect((await req(at('dataset.trig'), { 'accept-encoding': 'identity', 'if-none-match': etag })).status).toBe(304);
    const part = await req(at('dataset.trig'), { 'accept-encoding': 'identity', range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('@prefix ba');
  });

  it('the folder sends a browser to the list of kept releases on the landing page, which links each file', async () => {
    for (const folder of [`/download/${RELEASE.version}`, `/download/${RELEASE.version}/`]) {
      const res = await req(folder);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/#releases');
    }
    const home = await (await req('/', { accept: 'text/html' })).text();
    expect(home).toContain('id="releases"');
    for (const file of ['dataset.trig', 'links.csv', SUMS]) expect(home).toContain(`href="${at(file)}"`);
  });

  it('serves exactly the kept files and what their .gz files hold', () => {
    expect(Object.keys(KEPT_TYPES).sort()).toEqual([...KEPT_FILES, 'dataset.trig', 'links.csv'].sort());
  });
});

describe('what is not kept', () => {
  it.each([
    ['/download/0.2.0/dataset.trig', /^release 0\.2\.0 is not kept here; kept: .*0\.3\.0.*rebuilt from its commit/],
    ['/download/0.2.0/', /^release 0\.2\.0 is not kept here/],
    [at('dataset.ttl'), new RegExp(`^release ${RELEASE.version.replace(/\./g, '\\.')} keeps dataset\\.trig, .*SHA256SUMS; the other files`)],
    [at('..%2Fpackage.json'), /keeps/],
  ])('%s → 404: %s', async (p, message) => {
    const res = await req(p);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(message);
  });

  it('a damaged kept release is logged and not served (404), where it would have failed every request that lists the releases', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'releases-'));
    const errors: string[] = [];
    const log = console.error;
    console.error = (line: string) => errors.push(line);
    try {
      keepRelease(cfg.distDir, dir);
      writeFileSync(path.join(dir, RELEASE.version, 'links.csv-metadata.json'), '{}\n');
      const app = dumpRoutes({ dataset: loadDataset(FIXTURE_DIST), releasesDir: dir });
      const res = await app.request(at('dataset.trig'));
      expect(res.status).toBe(404);
      expect(errors.join('\n')).toMatch(/a kept release is not served: .*links\.csv-metadata\.json: its SHA-256 is not the one SHA256SUMS gives/);
    } finally {
      console.error = log;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a server under another base serves no release kept for this one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'releases-'));
    try {
      keepRelease(cfg.distDir, dir);
      const facts = path.join(dir, RELEASE.version, 'release.json');
      writeFileSync(facts, readFileSync(facts, 'utf8').replace(/"base": "[^"]*"/, '"base": "https://example.org/other/"'));
      const app = dumpRoutes({ dataset: loadDataset(FIXTURE_DIST), releasesDir: dir });
      const res = await app.request(at('dataset.trig'));
      expect(res.status).toBe(404);
      expect(await res.text()).toMatch(/none is kept/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

