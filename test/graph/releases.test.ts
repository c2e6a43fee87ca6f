// Kept releases (data/releases/<version>/): intact, the current one kept and equal to the build, and `keepRelease` never changing one.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { checksumList, compareVersions, keepRelease, keptFile, keptReleases, KEPT_FILES, parseSums, RELEASES_DIR, sameData, sha256, SUMS } from '../../src/graph/releases.js';
import { RELEASE } from '../../src/graph/sources.js';
import { DEFAULT_BASE } from '../../src/vocab.js';
import { cfg, manifest } from '../helpers.js';

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'releases-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the kept releases', () => {
  const kept = keptReleases();

  it('are intact: every kept file, and every file a .gz holds, has the checksum its list gives', () => {
    expect(kept.size).toBeGreaterThan(0);
    for (const release of kept.values()) {
      expect(release.base).toBe(DEFAULT_BASE);
      for (const name of [...KEPT_FILES, 'dataset.trig', 'links.csv']) expect(sha256(keptFile(release, name)!), `${release.version}/${name}`).toBe(release.sums.get(name));
    }
  });

  it(`keep the current release (${RELEASE.version}, ${RELEASE.modified}) with the data this build writes: data that changes needs a new version`, () => {
    const current = kept.get(RELEASE.version);
    expect(current, `release ${RELEASE.version} is not kept: run \`npm run release:keep\``).toBeDefined();
    expect(current!.date).toBe(RELEASE.modified);
    const built = parseSums(checksumList(manifest().files));
    expect(sameData(current!.sums, built), `dist/ differs from release ${RELEASE.version} as kept in ${path.relative(process.cwd(), current!.dir)}: the data changed, so give it a new version (RELEASE in src/graph/sources.ts, CITATION.cff) and run \`npm run release:keep\``).toBe(true);
  });

  it('are listed oldest first, by number', () => {
    expect(['0.10.0', '0.9.1', '1.0.0', '0.9.0'].sort(compareVersions)).toEqual(['0.9.0', '0.9.1', '0.10.0', '1.0.0']);
    expect([...kept.keys()]).toEqual([...kept.keys()].sort(compareVersions));
  });
});

describe('keepRelease', () => {
  it('keeps the build\'s release, leaves it alone when kept with the same data, and refuses to change it', () => {
    const dir = temp();
    expect(keepRelease(cfg.distDir, dir)).toBe('kept');
    const release = keptReleases(dir).get(manifest().version)!;
    expect(release).toMatchObject({ version: manifest().version, date: manifest().modified.slice(0, 10), base: DEFAULT_BASE });
    expect(readFileSync(path.join(release.dir, SUMS), 'utf8')).toBe(checksumList(manifest().files));
    expect(gunzipSync(readFileSync(path.join(release.dir, 'dataset.trig.gz')))).toEqual(readFileSync(path.join(cfg.distDir, 'dataset.trig')));
    expect(keepRelease(cfg.distDir, dir)).toBe('unchanged');

    // the same version kept with other data: refused, and the folder is left as it was
    const sums = path.join(release.dir, SUMS);
    const other = readFileSync(sums, 'utf8').replace(/^[0-9a-f]{64}(?=  dataset\.nq\n)/m, '0'.repeat(64));
    writeFileSync(sums, other);
    expect(() => keepRelease(cfg.distDir, dir)).toThrow(/never changes.*new version/);
    expect(readFileSync(sums, 'utf8')).toBe(other);
  });

  it('says when a kept release differs only in its date, and leaves no partial folder behind', () => {
    const dir = temp();
    keepRelease(cfg.distDir, dir);
    const facts = path.join(dir, manifest().version, 'release.json');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace(/"date": "[^"]*"/, '"date": "2000-01-01"'));
    expect(() => keepRelease(cfg.distDir, dir)).toThrow(/with another date or base \(2000-01-01, /);
    expect(readdirSync(dir)).toEqual([manifest().version]);
  });

  it('a kept file that was changed is found when the releases are read', () => {
    const dir = temp();
    keepRelease(cfg.distDir, dir);
    writeFileSync(path.join(dir, manifest().version, 'links.csv-metadata.json'), '{}\n');
    expect(() => keptReleases(dir)).toThrow(/links\.csv-metadata\.json: its SHA-256 is not the one SHA256SUMS gives/);
  });

  it('a release whose facts name another version is refused', () => {
    const dir = temp();
    keepRelease(cfg.distDir, dir);
    const facts = path.join(dir, manifest().version, 'release.json');
    writeFileSync(facts, readFileSync(facts, 'utf8').replace(manifest().version, '9.9.9'));
    expect(() => keptReleases(dir)).toThrow(/names version "9\.9\.9", not the folder's/);
  });

  it('the .gz files do not count when the data is compared (another zlib may code the same bytes otherwise)', () => {
    const a = new Map([['dataset.trig', 'a'], ['dataset.trig.gz', 'b']]);
    expect(sameData(a, new Map([['dataset.trig', 'a'], ['dataset.trig.gz', 'c']]))).toBe(true);
    expect(sameData(a, new Map([['dataset.trig', 'x'], ['dataset.trig.gz', 'b']]))).toBe(false);
    expect(sameData(a, new Map([['dataset.trig', 'a'], ['links.csv', 'x']]))).toBe(false);
  });
});

describe('parseSums', () => {
  it('reads what sha256sum writes, text or binary mode', () => {
    const hex = 'ab'.repeat(32);
    expect([...parseSums(`${hex}  a.ttl\n${hex} *b.gz\n`)]).toEqual([['a.ttl', hex], ['b.gz', hex]]);
  });

  it('refuses any other line, saying which', () => {
    expect(() => parseSums('abc  a.ttl\n', 'x/SHA256SUMS')).toThrow('x/SHA256SUMS, line 1: not "<sha256>  <name>"');
  });
});

it('RELEASES_DIR is data/releases', () => {
  expect(path.relative(path.dirname(cfg.dataDir), RELEASES_DIR)).toBe(path.join('data', 'releases'));
});
