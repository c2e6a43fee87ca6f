// The validation command other municipalities use on their own programme files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/cli/validate.js';
import { ROOT } from '../../src/graph/config.js';

const fixture = (f: string) => path.join(ROOT, 'test', 'fixtures', 'shapes', f);

describe('npm run validate', () => {
  it.each([
    ['programme/valid.ttl', 0, /0 violation\(s\), 0 warning\(s\)/],
    ['programme/warning.no-english-label.ttl', 0, /0 violation\(s\), 1 warning\(s\)/],
    ['link/invalid.no-rationale.ttl', 1, /Violation: .*link1.*rationale/],
  ])('%s exits %i and says why', async (file, code, pattern) => {
    const lines: string[] = [];
    expect(await validateFiles([fixture(file)], (l) => lines.push(l))).toBe(code);
    expect(lines.join('\n')).toMatch(pattern);
  });

  it('validates a programme typed only with lkpo classes and linked to the UN\'s own target IRIs, with our ontology and the SDG KOS as background', async () => {
    const lines: string[] = [];
    const files = ['municipality/programme.ttl', 'municipality/links.ttl'].map(fixture);
    expect(await validateFiles(files, (l) => lines.push(l))).toBe(0);
    expect(lines).toEqual([expect.stringMatching(/ triples: 0 violation\(s\), 0 warning\(s\)$/)]);
  });

  it('reports a notation used twice in one scheme, as the build does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-'));
    const twice = readFileSync(fixture('municipality/programme.ttl'), 'utf8').replace('skos:notation "1.1.1.2"^^lkpo:PriorityNumber', 'skos:notation "1.1.1.1"^^lkpo:PriorityNumber');
    writeFileSync(path.join(dir, 'programme.ttl'), twice);
    const lines: string[] = [];
    expect(await validateFiles([path.join(dir, 'programme.ttl'), fixture('municipality/links.ttl')], (l) => lines.push(l))).toBe(1);
    expect(lines.join('\n')).toMatch(/SKOS \(notation\): <https:\/\/example\.org\/fjallby\/1\.1\.1\.[12]>: notation "1\.1\.1\.1" is also used by/);
  });

  it('takes relative paths from the directory npm was run in (INIT_CWD), not the package root', async () => {
    const before = process.env.INIT_CWD;
    process.env.INIT_CWD = fixture('municipality');
    try {
      const lines: string[] = [];
      expect(await validateFiles(['programme.ttl', 'links.ttl'], (l) => lines.push(l))).toBe(0);
    } finally {
      if (before === undefined) delete process.env.INIT_CWD;
      else process.env.INIT_CWD = before;
    }
  });

  it('explains its usage when given no file', async () => {
    const lines: string[] = [];
    expect(await validateFiles([], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/usage/);
  });
});
