// The validation command other municipalities use on their own programme files.
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

  it('explains its usage when given no file', async () => {
    const lines: string[] = [];
    expect(await validateFiles([], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/usage/);
  });
});
