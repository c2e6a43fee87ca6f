// Counts solutions in serialized SPARQL results without parsing them into objects (for the row limit).
import type { FormatKey } from './formats.js';
import type { QueryJob } from './types.js';

/** Counts the objects at a given nesting depth of a JSON text, skipping string contents. */
function countJsonObjectsAtDepth(text: string, target: number): number {
  let depth = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      depth++;
      if (c === 123 && depth === target) count++;
    } else if (c === 125 || c === 93) depth--;
  }
  return count;
}

/** Counts CSV records after the header line; quoted fields may hold line breaks. */
function countCsvRecords(text: string): number {
  let lines = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) lines++;
  }
  if (text.length > 0 && !text.endsWith('\n')) lines++;
  return Math.max(0, lines - 1);
}

const countLines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * The number of solutions (SELECT) or triples (N-Triples/N-Quads) in a serialized result.
 * Formats whose rows cannot be counted cheaply return `undefined`.
 *
 * @example
 * countRows('tsv', '?s\n<a>\n<b>\n') // 2
 */
export function countRows(format: FormatKey, body: string): number | undefined {
  switch (format) {
    case 'json':
      // {"head":…,"results":{"bindings":[ {…}, … ]}}: solutions are objects at depth 4.
      return countJsonObjectsAtDepth(body, 4);
    case 'xml':
      return body.match(/<result[\s/>]/g)?.length ?? 0;
    case 'tsv':
      // TSV escapes line breaks inside literals, so each line after the header is one solution.
      return Math.max(0, countLines(body.endsWith('\n') ? body : body + '\n') - 1);
    case 'csv':
      return countCsvRecords(body);
    case 'nt':
    case 'nq':
      return countLines(body);
    default:
      return undefined;
  }
}

/**
 * The row count of a result when it is over `max` (0 = no limit), else undefined. Every
 * solution or triple takes at least one character, so a body no longer than `max` cannot be
 * over it and is not scanned: with the default limit that is every answer under 100 000
 * characters.
 *
 * @example
 * rowsOverLimit('nt', '<a> <b> <c> .\n', 100_000) // undefined (not scanned)
 */
export function rowsOverLimit(format: FormatKey, body: string, max: number): number | undefined {
  if (max <= 0 || body.length <= max) return undefined;
  const rows = countRows(format, body);
  return rows !== undefined && rows > max ? rows : undefined;
}

/**
 * Why a result of `rows` rows is refused: its size, or, when the query was capped (its count
 * then being only the cap's) or the count stopped past the limit (`rows` undefined), that it is
 * larger than the limit.
 *
 * @example
 * overLimit({ query: '…', form: 'SELECT', format: 'json', maxRows: 50 }, 70) // 'the result has 70 solutions, more than the limit of 50; add a LIMIT'
 * overLimit({ query: '…', form: 'CONSTRUCT', format: 'ttl', maxRows: 50 }, undefined) // 'the result has more triples than the limit of 50; add a LIMIT'
 */
export function overLimit(job: QueryJob, rows: number | undefined): string {
  const what = job.form === 'SELECT' ? 'solutions' : 'triples';
  if (job.capped) return `the result has more ${what} than the limit of ${job.maxRows}; add a LIMIT of at most ${job.maxRows}`;
  if (rows === undefined) return `the result has more ${what} than the limit of ${job.maxRows}; add a LIMIT`;
  return `the result has ${rows} ${what}, more than the limit of ${job.maxRows}; add a LIMIT`;
}
