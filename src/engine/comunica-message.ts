// Comunica's evaluation errors that quote its own configuration or JavaScript internals, said as a user of the endpoint can act on them.

/**
 * Rewrites an evaluation error of Comunica into words about the query, where it quotes Comunica's
 * actors and configuration (a function it does not know) or JavaScript's regular expressions (an
 * invalid REGEX or REPLACE pattern or flag); any other message is returned as it is.
 *
 * @example
 * comunicaMessage('Creation of function evaluator failed: no configured actor was able to evaluate function http://ex.org/foo\n    Error messages of failing actors: …')
 * // 'the custom function <http://ex.org/foo> is not supported'
 * comunicaMessage('Invalid regular expression: /(/u: Unterminated group')
 * // 'the regular expression "(" of a REGEX or REPLACE is not valid: unterminated group'
 */
export function comunicaMessage(message: string): string {
  const fn = /^Creation of function evaluator failed: no configured actor was able to evaluate function (\S+)/.exec(message);
  if (fn) return `the custom function <${fn[1]}> is not supported`;
  // JavaScript's own flags (u, g) are ours to add, not the query's: the pattern and the reason are what the client wrote and can fix.
  const pattern = /^Invalid regular expression: \/([\s\S]*)\/[a-z]*: ([\s\S]+)$/.exec(message);
  if (pattern) return `the regular expression "${pattern[1]}" of a REGEX or REPLACE is not valid: ${pattern[2]!.charAt(0).toLowerCase()}${pattern[2]!.slice(1)}`;
  if (/^Invalid flags\b/.test(message)) return 'a flag of a REGEX or REPLACE is not valid: SPARQL takes s, m, i, x and q';
  return message;
}
