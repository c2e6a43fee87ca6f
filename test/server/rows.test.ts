// Row counting on serialized results (for the MAX_ROWS limit), per format.
import { describe, expect, it } from 'vitest';
import { countRows, rowsOverLimit } from '../../src/engine/rows.js';

describe('countRows', () => {
  it.each([
    ['json', '{"head":{"vars":["s"]},"results":{"bindings":[]}}', 0],
    ['json', '{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"a {\\" } b"}},{"s":{"type":"uri","value":"x"}}]}}', 2],
    ['xml', '<sparql><results><result><binding name="s"><literal>&lt;result&gt;</literal></binding></result><result/></results></sparql>', 2],
    ['tsv', '?s\n"a\\nb"\n<x>\n', 2],
    ['tsv', '?s\n', 0],
    ['csv', 's\r\n"multi\nline"\r\nplain\r\n', 2],
    ['nt', '<a> <b> <c> .\n<a> <b> <d> .\n', 2],
    ['ttl', '<a> <b> <c> .', undefined],
  ] as const)('%s %#', (format, body, rows) => {
    expect(countRows(format, body)).toBe(rows);
  });
});

describe('rowsOverLimit', () => {
  const nt = '<a> <b> <c> .\n<a> <b> <d> .\n<a> <b> <e> .\n';
  it.each([
    ['over the limit', 2, 3],
    ['at the limit', 3, undefined],
    ['no limit', 0, undefined],
    ['body no longer than the limit is not scanned', nt.length, undefined],
  ] as const)('%s', (_name, max, rows) => {
    expect(rowsOverLimit('nt', nt, max)).toBe(rows);
  });

  it('every solution takes at least one character, so short bodies cannot be over', () => {
    // TSV with one variable and unbound values: one newline per solution, the densest format.
    const tsv = `?s\n${'\n'.repeat(50)}`;
    expect(countRows('tsv', tsv)).toBe(50);
    expect(rowsOverLimit('tsv', tsv, 49)).toBe(50);
    expect(rowsOverLimit('tsv', tsv, 50)).toBeUndefined();
  });
});
