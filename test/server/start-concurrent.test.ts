// `npm start` run several times at once, each compiling the server into the same fresh build folder:
// every one of them must come up and answer (they once raced on .build/server/ and one died with ENOENT).
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/graph/config.js';
import { FIXTURE_DIST, sparqlUrl, spawnStart, stopChild } from './helpers.js';

// Under the repository, as .build/server/ is: the compiled server finds its packages in node_modules from there.
mkdirSync(path.join(ROOT, '.build'), { recursive: true });
const builds = mkdtempSync(path.join(ROOT, '.build', 'test-start-'));
const children: ChildProcess[] = [];

/** Starts `src/cli/start.mjs` with its build folder in `builds`. */
function start() {
  const { child, ready } = spawnStart({ DIST_DIR: FIXTURE_DIST, SERVER_BUILD_DIR: builds });
  children.push(child);
  return ready;
}

afterAll(async () => {
  await Promise.all(children.map(stopChild));
  rmSync(builds, { recursive: true, force: true, maxRetries: 5 });
});

describe('npm start, several at once on a fresh build folder', () => {
  it('brings every one of them up, compiled once into one build, and a later start reuses it', async () => {
    const servers = await Promise.all([start(), start(), start()]);
    for (const { origin } of servers) {
      const ask = await fetch(`${origin}${sparqlUrl('ASK { ?s ?p ?o }')}`);
      expect(ask.status).toBe(200);
      const construct = await fetch(`${origin}${sparqlUrl('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 2')}`, { headers: { accept: 'application/ld+json' } });
      expect(construct.status).toBe(200);
    }
    expect(readdirSync(builds)).toHaveLength(1);
    const later = await start();
    expect(later.output()).not.toMatch(/compiled the server/);
    expect((await fetch(`${later.origin}${sparqlUrl('ASK { ?s ?p ?o }')}`)).status).toBe(200);
    expect(readdirSync(builds)).toHaveLength(1);
  }, 120_000);
});
