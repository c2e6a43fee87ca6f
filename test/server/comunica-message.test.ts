// Comunica's evaluation errors, said in words about the query rather than about Comunica's configuration or JavaScript.
import { describe, expect, it } from 'vitest';
import { comunicaMessage } from '../../src/engine/comunica-message.js';

describe('comunicaMessage', () => {
  it.each([
    [
      'Creation of function evaluator failed: no configured actor was able to evaluate function http://ex.org/foo\n    Error messages of failing actors:\n        Actor urn:comunica:default:function-factory/actors#expression-function-extensions can only provide …',
      'the custom function <http://ex.org/foo> is not supported',
    ],
    ['Invalid regular expression: /(/u: Unterminated group', 'the regular expression "(" of a REGEX or REPLACE is not valid: unterminated group'],
    ['Invalid regular expression: /(/gu: Unterminated group', 'the regular expression "(" of a REGEX or REPLACE is not valid: unterminated group'],
    ['Invalid regular expression: /a{2,1}/u: numbers out of order in {} quantifier', 'the regular expression "a{2,1}" of a REGEX or REPLACE is not valid: numbers out of order in {} quantifier'],
    ['Invalid flags', 'a flag of a REGEX or REPLACE is not valid: SPARQL takes s, m, i, x and q'],
    ['something else', 'something else'],
  ])('%j', (message, expected) => {
    expect(comunicaMessage(message)).toBe(expected);
  });
});
