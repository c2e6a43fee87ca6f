// Row counting on serialized results (for the MAX_ROWS limit), per format.
import { describe, expect, it } from 'vitest';
import { countRows } from '../../src/engine/rows.js';

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
