// Links to hash IRIs land on an element with that id: the service description's nodes (`…/sparql#named-graph-sdg`) on the graph pages, the service's page and the endpoint's own page.
import { describe, expect, it } from 'vitest';
import { refMaker } from '../../src/server/view.js';
import { cfg, manifest } from '../helpers.js';
import { pageGetter, useApp } from './helpers.js';

const app = useApp({ distDir: cfg.distDir });
const html = pageGetter(app);
const graphPaths = manifest().graphs.map((g) => `/${g.iri.slice(cfg.base.length)}`);

/** The local links of a page's main content that carry a fragment, as [path and query, fragment]. */
const fragmentLinks = (body: string) =>
  [...body.slice(body.indexOf('<main')).matchAll(/ href="(\/[^"#]*)#([^"]+)"/g)].map((m) => [m[1]!.replace(/&amp;/g, '&'), decodeURIComponent(m[2]!)] as const);

describe('links to hash IRIs land where the IRI is described', () => {
  it('the service description nodes link to the endpoint document’s page, not to the query UI', () => {
    const { href } = refMaker({ match: () => [] }, cfg.base);
    expect(href(`${cfg.base}sparql#named-graph-sdg`)).toBe('/sparql.html#named-graph-sdg');
    expect(href(`${cfg.base}sparql`)).toBe('/sparql');
    expect(href(`${cfg.base}def#Priority`)).toBe('/def#Priority');
  });

  it('reads the named graphs from the manifest', () => expect(graphPaths.length).toBeGreaterThan(0));

  it.each([...graphPaths, '/service/sparql', '/sparql.html'].flatMap((p) => [[p], [`${p}?lang=en`]]))('%s: every #fragment link finds its id', async (path) => {
    const links = fragmentLinks(await html(path));
    if (path.startsWith('/graph/')) expect(links.some(([, id]) => id.startsWith('named-graph-')), path).toBe(true);
    for (const [target, id] of links) {
      expect(await html(target), `${path} → ${target}#${id}`).toContain(` id="${id}"`);
    }
  });

  it('the endpoint’s page describes each named graph in its own section, naming the graph', async () => {
    const body = await html('/sparql.html');
    for (const g of manifest().graphs) {
      const id = `named-graph-${g.iri.slice(g.iri.lastIndexOf('/') + 1)}`;
      const section = new RegExp(`<section id="${id}">[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';
      expect(section, id).toContain(`<a href="/${g.iri.slice(cfg.base.length)}">`);
    }
  });
});
