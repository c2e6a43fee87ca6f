// Where and why a text is no SPARQL, as Traqula (Comunica's parser) reads it: the token it needed and the one it found there.
import { Parser } from '@traqula/parser-sparql-1-2';

/** A syntax error at one place of a query. */
export interface Diagnosis {
  /** Where the token the parser could not take starts (a string offset; the query's length at its end). */
  offset: number;
  /** What it expected and what it found, said in words. */
  message: string;
}

/** The part of a Chevrotain recognition error this reads. */
interface Recognition {
  name: string;
  message: string;
  token: { image: string; startOffset: number };
}

/** Thrown from the error handler, to stop the parse at its first error. */
class Stop extends Error {
  constructor(readonly errors: Recognition[]) {
    super('syntax error');
  }
}

/** Made on the first syntax error (building the parser takes about 0.2 s), then kept. */
let parser: Parser | undefined;

function traqula(): Parser {
  // `errorHandler` is an option of the parser builder that Parser passes on but does not declare.
  const options = { errorHandler: (errors: Recognition[]) => { throw new Stop(errors); } };
  parser ??= new Parser(options as ConstructorParameters<typeof Parser>[0]);
  return parser;
}

/** Token types by what they are, for people. */
const TERMS: Record<string, string> = {
  Var1: 'a variable',
  Var2: 'a variable',
  IriRef: 'an IRI',
  PNameLn: 'an IRI',
  PNameNs: 'an IRI',
  BlankNodeLabel: 'a blank node',
  Anon: 'a blank node',
  Nil: '"()"',
  true: 'true',
  false: 'false',
  'Triple Term Open <<(': '"<<("',
  'Reification open <<': '"<<"',
};

/** A token type as a reader knows it: a kind of term, a keyword, or punctuation in quotes. */
function word(type: string): string {
  if (Object.hasOwn(TERMS, type)) return TERMS[type]!;
  if (/^String/.test(type)) return 'a literal';
  if (/^(?:Integer|Decimal|Double)/.test(type)) return type === 'Integer' ? 'an integer' : 'a number';
  return /^[A-Za-z_ ]+$/.test(type) ? type : `"${type}"`;
}

/** Token types listed in a message, the first of each possible sequence (`[A]` or `[A, B]`). */
const listed = (message: string): string[] => [...message.matchAll(/\[(\[|[^\]]+)\]/g)].map((m) => m[1]!.split(', ')[0]!);

/**
 * What a list of possible next tokens asks for: "an expression" for the functions, variables,
 * IRIs, literals and brackets that may start one; "a term" for the variables, IRIs, literals and
 * blank nodes of a triple; else each, once.
 */
function expected(types: string[]): string {
  const words = [...new Set(types.map(word))];
  if (types.includes('COUNT') && types.includes('REGEX')) {
    const besides = types.filter((t) => t === 'ASC' || t === 'DESC');
    return besides.length > 0 ? `${besides.join(', ')} or an expression` : 'an expression';
  }
  if (words.includes('a variable') && words.includes('an IRI') && words.includes('a literal')) return 'a term (a variable, an IRI, a literal or a blank node)';
  return words.length > 1 ? `one of ${words.join(', ')}` : words[0] ?? 'something else';
}

/** The token found, quoted (clipped), or the end of the query. */
const found = (image: string): string => (image === '' ? 'the end of the query' : JSON.stringify(image.length > 40 ? `${image.slice(0, 40)}…` : image));

/** A token that starts a term: after a whole triple where "}" was expected, a "." is likely missing. */
const STARTS_TERM = /^[?$<"'_\[(0-9A-Za-z]|^:/;

/** Traqula's lexer on a character it cannot read. */
const STRAY = /^unexpected character: ->[\s\S]<- at offset: (\d+), skipped \d+ characters\.$/;

/**
 * Parses `query` with Traqula and says where and why it fails: for an error its grammar
 * recognises, the token it needed and the one it found, at that one's place; for a character its
 * lexer cannot read, that character (or the unknown word it starts); for a semantic check
 * ("Variable used to bind is already bound (?o)"), Traqula's sentence, which has no place.
 * Undefined if the query parses.
 *
 * @example
 * diagnose('SELECT * { ?s ?p ?o ?x }') // { offset: 20, message: 'expected "}" but found "?x" (is a "." missing before it?)' }
 */
export function diagnose(query: string): Diagnosis | { message: string } | undefined {
  try {
    traqula().parse(query);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return recognised(e.errors[0]!, query);
    const message = e instanceof Error ? e.message : String(e);
    const stray = STRAY.exec(message);
    if (!stray) return { message };
    const offset = Number(stray[1]);
    const unknown = /^[A-Za-z]{2,}/.exec(query.slice(offset, offset + 40))?.[0];
    return { offset, message: unknown ? `unknown word "${unknown}"` : `unexpected character "${[...query.slice(offset)][0]}"` };
  }
}

function recognised(error: Recognition, query: string): Diagnosis {
  const { image, startOffset } = error.token;
  const offset = Number.isNaN(startOffset) ? query.length : startOffset;
  if (error.name === 'NotAllInputParsedException') return { offset, message: `unexpected ${found(image)} after a complete query` };
  const mismatch = /^Expecting (?:token of type )?--> ([\s\S]*?) <-- but found/.exec(error.message);
  const wanted = mismatch ? word(mismatch[1]!) : expected(listed(error.message.replace(/but found:[\s\S]*$/, '')));
  const hint = wanted === '"}"' && STARTS_TERM.test(image) ? ' (is a "." missing before it?)' : '';
  return { offset, message: `expected ${wanted} but found ${found(image)}${hint}` };
}
