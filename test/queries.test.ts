// Every researcher query in queries/ runs against the built graph and returns what the curation tables say it should.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import oxigraph from 'oxigraph';
import { afterAll, describe, expect, it } from 'vitest';
import { closeBoth, runBoth } from '../src/engine/differential.js';
import { ROOT } from '../src/graph/config.js';
import { readLinkTables } from '../src/graph/links.js';
import { cfg, dist } from './helpers.js';

type Row = Record<string, string>;
const store = new oxigraph.Store();
store.load(readFileSync(dist('dataset.nq'), 'utf8'), { format: 'application/n-quads' });

/** Runs a query file with the union of the named graphs as default graph; rows as plain strings. */
function run(file: string): Row[] {
  const result = store.query(readFileSync(path.join(ROOT, 'queries', file), 'utf8'), { use_default_graph_as_union: true }) as Map<string, { value: string }>[];
  return result.map((m) => Object.fromEntries([...m].map(([k, v]) => [k, v.value])));
}

const links = readLinkTables(path.join(ROOT, 'data', 'links'));
const table = (name: string) => links.filter((l) => l.table === name);
const prioritySdg = table('priority-sdg');
const goalOf = (key: string) => key.replace(/^sdg:/, '').split('.')[0]!;
const distinct = <T>(xs: T[]) => [...new Set(xs)];

/** What each query must return, derived independently from data/links/*.csv. */
const expectations: Record<string, (rows: Row[]) => void> = {
  'priorities-linked-to-sdg-13.rq': (rows) => {
    const expected = prioritySdg.filter((l) => goalOf(l.to) === '13').map((l) => `${l.from.slice(8)} ${l.to.slice(4)}`);
    expect(rows.map((r) => `${r.notation} ${r.targetNotation}`).sort()).toEqual(expected.sort());
    expect(rows.every((r) => r.rationale && r.basis)).toBe(true);
  },
  'sdg-goals-without-links.rq': (rows) => {
    const reached = new Set(prioritySdg.map((l) => goalOf(l.to)));
    const expected = Array.from({ length: 17 }, (_, i) => String(i + 1)).filter((g) => !reached.has(g));
    expect(rows.map((r) => r.notation)).toEqual(expected);
  },
  'sdg-coverage-per-goal.rq': (rows) => {
    expect(rows.map((r) => r.notation)).toEqual(Array.from({ length: 17 }, (_, i) => String(i + 1)));
    expect(rows.reduce((n, r) => n + Number(r.targets), 0)).toBe(169);
    const perGoal = (g: string) => distinct(prioritySdg.filter((l) => goalOf(l.to) === g).map((l) => l.to)).length;
    for (const r of rows) expect(Number(r.linkedTargets), `goal ${r.notation}`).toBe(perGoal(r.notation!));
  },
  'links-matrix-direction-goal.rq': (rows) => {
    expect(rows.reduce((n, r) => n + Number(r.links), 0)).toBe(prioritySdg.length);
    const cell = (d: string, g: string) => prioritySdg.filter((l) => l.from.startsWith(`lkp2016:${d}.`) && goalOf(l.to) === g).length;
    for (const r of rows) expect(Number(r.links)).toBe(cell(r.directionNotation!, r.goalNotation!));
  },
  'stated-links.rq': (rows) => {
    const stated = links.filter((l) => l.basis === 'stated');
    expect(rows).toHaveLength(stated.length);
    expect(rows.map((r) => r.section)).toEqual(expect.arrayContaining(stated.map((l) => l.section)));
  },
  'curated-links-of-focus-area.rq': (rows) => {
    const expected = prioritySdg.filter((l) => l.from.startsWith('lkp2016:4.4.3.') && l.basis === 'curated');
    expect(rows).toHaveLength(expected.length);
    expect(rows.map((r) => r.notation)).toContain('4.4.3.2');
  },
  'programme-hierarchy.rq': (rows) => {
    expect(rows).toHaveLength(58);
    expect(distinct(rows.map((r) => r.focusNotation))).toHaveLength(15);
    expect(distinct(rows.map((r) => r.directionNotation))).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5']);
  },
  'focus-area-sdg-goals.rq': (rows) => {
    const pairs = distinct(prioritySdg.map((l) => `${l.from.slice(8).split('.').slice(0, 3).join('.')} ${goalOf(l.to)}`));
    expect(rows.map((r) => `${r.focusNotation} ${r.goalNotation}`).sort()).toEqual(pairs.sort());
    expect(rows.reduce((n, r) => n + Number(r.priorityLinks), 0)).toBe(prioritySdg.length);
  },
  'focus-areas-per-transformation.rq': (rows) => {
    expect(rows).toHaveLength(table('focus-transformation').length);
    expect(distinct(rows.map((r) => r.label))).toHaveLength(3);
  },
  'treklovern-and-focus-areas.rq': (rows) => {
    expect(rows).toHaveLength(table('treklovern-focus').length);
    expect(distinct(rows.map((r) => r.areaLabel))).toHaveLength(5);
  },
  'plans-and-focus-areas.rq': (rows) => {
    expect(rows).toHaveLength(table('plan-focus').length);
    expect(distinct(rows.map((r) => r.planLabel))).toHaveLength(9);
  },
  'focus-areas-and-national-goals.rq': (rows) => {
    expect(rows).toHaveLength(table('focus-folkhalsa').length + table('focus-miljomal').length);
  },
  'directions-and-vision-areas.rq': (rows) => {
    expect(rows).toHaveLength(table('direction-vision').length);
    expect(rows).toContainEqual(expect.objectContaining({ directionNotation: '4.3', visionArea: 'Den pulserande staden', basis: expect.stringMatching(/#stated$/) }));
  },
  'search-labels.rq': (rows) => {
    // labels and texts: priority 4.4.3.2 by its label, focus area 4.4.3 by its introduction only
    expect(rows.map((r) => r.notation)).toEqual(expect.arrayContaining(['4.4.3.2', '4.4.3']));
    expect(rows.find((r) => r.notation === '4.4.3')?.foundIn).toBe('introduction');
    expect(rows.every((r) => /^(prefLabel|altLabel|definition|introduction|challenges)( |$)/.test(r.foundIn!))).toBe(true);
  },
  'close-matches-with-target-text.rq': (rows) => {
    expect(rows).toHaveLength(prioritySdg.filter((l) => l.strength === 'close').length);
  },
  'graphs-and-sources.rq': (rows) => {
    const sdg = rows.find((r) => r.graph!.endsWith('/graph/sdg'));
    expect(sdg?.citation).toMatch(/Knowledge Organization System for the United Nations Sustainable Development Goals/);
    // A graph of quoted text has a rights statement, not a licence that would cover the quotes too.
    const programme = rows.filter((r) => r.graph!.endsWith('/graph/lkp2016'));
    expect(programme.length).toBeGreaterThan(0);
    expect(programme.every((r) => !r.license && /does not extend to rights that others hold/.test(r.rights ?? ''))).toBe(true);
    expect(distinct(rows.map((r) => r.graph)).length).toBeGreaterThanOrEqual(15);
  },
};

describe('queries/', () => {
  const files = readdirSync(path.join(ROOT, 'queries')).filter((f) => f.endsWith('.rq')).sort();

  it('has at least 12 queries, each with a stated question and its own PREFIX lines, and each has an expectation here', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const text = readFileSync(path.join(ROOT, 'queries', f), 'utf8');
      expect(text, f).toMatch(/^# Question: .+\?/);
      for (const prefix of new Set([...text.matchAll(/\b([a-z]+):[A-Za-z]/g)].map((m) => m[1]))) {
        if (prefix === 'http' || prefix === 'https') continue;
        expect(text, `${f} uses ${prefix}: without declaring it`).toMatch(new RegExp(`PREFIX ${prefix}:`));
      }
    }
    expect(Object.keys(expectations).sort()).toEqual(files);
  });

  it('names no IRI of the dataset itself, so each works whatever BASE the data is published under', () => {
    for (const f of files) {
      const iris = [...readFileSync(path.join(ROOT, 'queries', f), 'utf8').matchAll(/<([^>\s]+)>/g)].map((m) => m[1]!);
      expect(iris.filter((iri) => iri.startsWith(cfg.base) && !iri.startsWith(`${cfg.base}def#`)), f).toEqual([]);
    }
  });

  it.each(Object.keys(expectations).sort())('%s returns the expected result', (file) => {
    expectations[file]!(run(file));
  });
});

describe('queries/ in both engines', () => {
  afterAll(closeBoth);
  const files = Object.keys(expectations).sort();

  it.each(files)('%s gives the same results in Oxigraph and Comunica', async (file) => {
    const result = await runBoth(readFileSync(path.join(ROOT, 'queries', file), 'utf8'), { distDir: cfg.distDir });
    expect(result.comunica).toEqual(result.oxigraph);
    expect(result.same).toBe(true);
  });
});
