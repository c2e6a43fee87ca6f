// The build is deterministic, honours the BASE setting, and its inputs are canonical and up to date.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/cli/build.js';
import { formatData } from '../../src/cli/format-data.js';
import { generatedFiles } from '../../src/cli/import-sources.js';
import { buildConfig, checkBase, ROOT } from '../../src/graph/config.js';
import { cfg, hasShared } from '../helpers.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'lkp-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build', () => {
  it('writes byte-identical dumps on every run', async () => {
    const a = path.join(tmp, 'a');
    await build({ ...cfg, distDir: a });
    for (const f of readdirSync(a)) {
      expect(readFileSync(path.join(a, f)).equals(readFileSync(path.join(cfg.distDir, f))), f).toBe(true);
    }
  });

  it('moves every IRI of the dataset to another BASE, but not the ontology terms', async () => {
    const b = path.join(tmp, 'b');
    const other = 'http://example.org/lkp/';
    const { manifest } = await build(buildConfig({ BASE: other, DIST_DIR: b }));
    expect(manifest.base).toBe(other);
    const nt = readFileSync(path.join(b, 'dataset.nt'), 'utf8');
    expect(nt).toContain(`<${other}lkp/2016/4.4.3>`);
    expect(nt).not.toContain('<https://w3id.org/helsingborg-livskvalitet/lkp/');
    expect(nt).toContain('<https://w3id.org/helsingborg-livskvalitet/def#Priority>');
    // the ontology's creator is the project at its own IRI, not one under the other BASE
    expect(nt).toContain('<https://w3id.org/helsingborg-livskvalitet/def> <http://purl.org/dc/terms/creator> <https://w3id.org/helsingborg-livskvalitet/org/livskvalitet-lod> .');
  });

  it.each(['ftp://x/', 'not an iri', 'http://example.org/no-slash'])('refuses the base %s with a clear message', (bad) => {
    expect(() => checkBase(bad)).toThrow(/BASE must/);
  });

  it('keeps ontology/ and data/ Turtle in canonical form (npm run format:data)', () => {
    expect(formatData(true)).toEqual([]);
  });

  it.runIf(hasShared)('has data/lkp2016.ttl and data/sdg.ttl up to date with the shared sources (npm run import:sources)', () => {
    for (const [file, text] of Object.entries(generatedFiles().files)) {
      expect(readFileSync(path.join(ROOT, file), 'utf8') === text, `${file} is stale: run npm run import:sources`).toBe(true);
    }
  });
});
