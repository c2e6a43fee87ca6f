// Shared helpers for the server tests: the fixture dataset and an app started once per suite.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp, type AppOptions, type ServerApp } from '../../src/server/app.js';

/** A small built dataset with the same layout as dist/ (regenerate with test/fixtures/make-dist.ts). */
export const FIXTURE_DIST = fileURLToPath(new URL('../fixtures/dist', import.meta.url));
export const BASE = 'https://w3id.org/helsingborg-livskvalitet/';

/** Starts an app on the fixture before the suite and closes it after; read `.current` in tests. */
export function useApp(options: Partial<AppOptions> = {}): { current: ServerApp } {
  const holder = {} as { current: ServerApp };
  beforeAll(async () => {
    holder.current = await createApp({ distDir: FIXTURE_DIST, ...options });
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

/** `/sparql?query=…` with optional extra parameters. */
export function sparqlUrl(query: string, extra: Record<string, string | string[]> = {}): string {
  const params = new URLSearchParams({ query });
  for (const [k, v] of Object.entries(extra)) for (const x of [v].flat()) params.append(k, x);
  return `/sparql?${params}`;
}

export const PREFIXES = `PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX lkpo: <https://w3id.org/helsingborg-livskvalitet/def#>
`;

/** What a browser sends as Accept for a page. */
export const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** A function that GETs a path as a browser would from the suite's app, expects 200 and returns the HTML. */
export function pageGetter(server: { current: ServerApp }): (path: string) => Promise<string> {
  return async (path) => {
    const res = await server.current.app.request(path, { headers: { accept: BROWSER } });
    expect(res.status, path).toBe(200);
    return res.text();
  };
}
