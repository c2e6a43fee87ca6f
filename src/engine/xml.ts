// Keeps XML answers (SPARQL XML results, RDF/XML) well-formed whatever the strings in them: XML 1.0 cannot carry most control characters.
import { EngineError, type Evaluation } from './types.js';
import type { FormatKey } from './formats.js';

/** Characters XML 1.0 forbids even as character references: C0 controls but tab, LF and CR; U+FFFE, U+FFFF. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * An XML answer as it may be sent: refused (EngineError 'format', answered 406) if a string in it
 * holds a character XML 1.0 cannot carry, which Oxigraph's writers would put in raw and leave the
 * document unreadable; raw carriage returns written as `&#13;` (a parser reads a raw one back as a
 * line feed, so the string would change). Other formats pass untouched.
 *
 * @example
 * xmlSafe({ body: '<literal>a\rb</literal>' }, 'xml').body // '<literal>a&#13;b</literal>'
 */
export function xmlSafe(evaluation: Evaluation, format: FormatKey): Evaluation {
  if (format !== 'xml' && format !== 'rdf') return evaluation;
  const bad = FORBIDDEN.exec(evaluation.body);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new EngineError('format', `the answer holds the character U+${code}, which XML 1.0 cannot carry; ask for another format, such as JSON or N-Triples`);
  }
  return evaluation.body.includes('\r') ? { ...evaluation, body: evaluation.body.replaceAll('\r', '&#13;') } : evaluation;
}
