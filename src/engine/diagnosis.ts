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
  previousToken?: { image: string };
}

/** Thrown from the error handler, to stop the parse at its first error. */
class Stop extends Error {
  constructor(readonly errors: Recognition[]) {
    super('syntax error');
  }
}

type AstFactory = Parser['defaultContext']['astFactory'];

/** Traqula's parser, which can also give a query's syntax tree with each node's place in the text. */
class Diagnoser extends Parser {
  /** An AST factory like the parser's own, but one that records where each node starts (Parser's own records nothing). */
  private locating?: AstFactory;

  /** The syntax tree of `query` without Traqula's semantic checks, each node with its place (`loc.start`). */
  located(query: string): unknown {
    const Factory = this.defaultContext.astFactory.constructor as new (args: { tracksSourceLocation: boolean }) => AstFactory;
    this.locating ??= new Factory({ tracksSourceLocation: true });
    return this.parse(query, { skipValidation: true, astFactory: this.locating });
  }
}

/** Made in a worker's idle time (`prepareWhenIdle`), or else on the first syntax error (building it takes about 0.15 s), then kept. */
let parser: Diagnoser | undefined;

function traqula(): Diagnoser {
  // `errorHandler` is an option of the parser builder that Parser passes on but does not declare.
  const options = { errorHandler: (errors: Recognition[]) => { throw new Stop(errors); } };
  parser ??= new Diagnoser(options as ConstructorParameters<typeof Parser>[0]);
  return parser;
}

/** Whether the parser has been built. */
export const parserBuilt = (): boolean => parser !== undefined;

/**
 * Builds the parser once the thread has gone `idleMs` without a call of the function returned,
 * which a worker calls when a job arrives and when it ends: so the first syntax error a worker
 * meets is worded as fast as the next, and no query waits for the build unless it arrives during
 * it. Nothing is scheduled once the parser is built.
 *
 * @example
 * const touch = prepareWhenIdle();
 * port.on('message', (m) => { touch(); void run(m).finally(touch); });
 */
export function prepareWhenIdle(idleMs = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const touch = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = parser ? undefined : setTimeout(() => {
      timer = undefined;
      traqula();
    }, idleMs);
  };
  touch();
  return touch;
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
  LANG_DIR: 'a language tag',
  LangTag: 'a language tag',
  'version identifier': 'a version string',
  // Tokens Traqula labels in words: as they are written.
  "type declaration 'a'": '"a"',
  'Triple Term Open <<(': '"<<("',
  'Triple Term Close )>>': '")>>"',
  'Reification open <<': '"<<"',
  'Reification close >>': '">>"',
  'Annotation Open {|': '"{|"',
  'Annotation Close |}': '"|}"',
  '_GROUP_ BY': 'GROUP BY',
  '_ORDER_ BY': 'ORDER BY',
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
  if (words.includes('an IRI') && words.includes('"a"') && words.includes('"!"')) return 'a predicate (an IRI, a variable, "a" or a path)';
  return words.length > 1 ? `one of ${words.join(', ')}` : words[0] ?? 'something else';
}

/** Text quoted for a message: in double quotes, or single ones if it holds a double quote (`'"b"'`). */
const quote = (text: string): string => (!text.includes('"') ? `"${text}"` : !text.includes("'") ? `'${text}'` : JSON.stringify(text));

/** The token found, quoted (clipped), or the end of the query. */
const found = (image: string): string => (image === '' ? 'the end of the query' : quote(image.length > 40 ? `${image.slice(0, 40)}…` : image));

/**
 * A token that can start a triple (a variable, an IRI, a prefixed name, a blank node, a
 * collection, a reified triple): where "}" was expected after a whole triple, a "." is likely
 * missing before it. Not a keyword, a literal, or after a "." or a group.
 */
const STARTS_TRIPLE = /^(?:[?$<_[(]|[A-Za-z\u00C0-\uFFFF][^\s:]*:|:)/;

/** A run of name characters this long is not given to Traqula, whose lexer takes time growing with its square there (19 000 `a`s: 13 s). */
const LONG_NAME = /[\p{L}\p{N}_.\-]{256}/u;

/** Traqula's lexer (so Comunica's too) on a character it cannot read: `unexpected character: ->b<- at offset: 21, skipped 0 characters.` */
export const STRAY = /^unexpected character: ->([\s\S])<- at offset: (\d+), skipped \d+ characters\.$/;

/**
 * One of Traqula's semantic checks (so Comunica's) in words, where its own message names only
 * the grammar's note: note 17 of SPARQL 1.2 allows a reifier (`~`) or an annotation (`{| |}`) only
 * on a triple whose predicate is no path. Any other message is returned as it is.
 *
 * @example
 * inWords('Note 17 violation') // 'reifiers and annotations are not allowed on a property path, only on …'
 */
export function inWords(message: string): string {
  return message === 'Note 17 violation' ? 'reifiers and annotations are not allowed on a property path, only on a triple whose predicate is an IRI, a variable or "a"' : message;
}

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
  if (LONG_NAME.test(query)) return undefined;
  try {
    traqula().parse(query);
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return recognised(e.errors[0]!, query);
    const message = e instanceof Error ? e.message : String(e);
    const stray = STRAY.exec(message);
    if (!stray) return { message: inWords(message) };
    return strayCharacter(query, Number(stray[2]));
  }
}

/**
 * A character Traqula's lexer cannot read at `offset`. In a word, the whole word, from its start:
 * the lexer takes a keyword a word starts with (`LIMIT` of `LIMITED`, `a` of `about`) and stops
 * after it. A character that cannot be seen (a no-break space pasted from a web page) by its code point.
 */
function strayCharacter(query: string, offset: number): Diagnosis {
  const start = offset - (/[A-Za-z0-9_]*$/.exec(query.slice(Math.max(0, offset - 40), offset))?.[0].length ?? 0);
  const word = /^[A-Za-z][A-Za-z0-9_]+/.exec(query.slice(start, start + 60))?.[0];
  if (word?.toUpperCase() === 'NOT') return { offset: start, message: 'NOT is followed by EXISTS or IN here (for a negation, write !)' };
  if (word && /[A-Za-z]/.test(query[offset] ?? '')) return { offset: start, message: `unknown word "${word}"` };
  const c = String.fromCodePoint(query.codePointAt(offset)!);
  const shown = /^[\p{Z}\p{C}]$/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : quote(c);
  return { offset, message: `unexpected character ${shown}` };
}

function recognised(error: Recognition, query: string): Diagnosis {
  const { image, startOffset } = error.token;
  const offset = Number.isNaN(startOffset) ? query.length : startOffset;
  if (error.name === 'NotAllInputParsedException') return { offset, message: `unexpected ${found(image)} after a complete query` };
  const mismatch = /^Expecting (?:token of type )?--> ([\s\S]*?) <-- but found/.exec(error.message);
  const wanted = mismatch ? word(mismatch[1]!) : expected(listed(error.message.replace(/but found:[\s\S]*$/, '')));
  const after = error.previousToken?.image;
  const hint = wanted === '"}"' && STARTS_TRIPLE.test(image) && after !== '.' && after !== '}' ? ' (is a "." missing before it?)' : '';
  return { offset, message: `expected ${wanted} but found ${found(image)}${hint}` };
}

/**
 * The syntax tree of `query` as Traqula reads it, without its semantic checks, each node with
 * where it starts (`loc.start`, a string offset); undefined if it does not parse (or has a run of
 * name characters too long for Traqula's lexer, see LONG_NAME).
 *
 * @example
 * located('SELECT * { ?s ?p ?o BIND(1 AS ?s) }') // { type: 'query', where: { patterns: [ { subType: 'bgp', … }, { subType: 'bind', loc: { start: 20, … }, … } ] }, … }
 */
export function located(query: string): unknown {
  if (LONG_NAME.test(query)) return undefined;
  try {
    return traqula().located(query);
  } catch {
    return undefined;
  }
}
