// Estimates, from tokens alone, how deep the tree a SPARQL parser builds for a query can get (long operator and pattern chains, nesting).

/**
 * Default for the longest chain a query may have (see `ChainMeter`). Oxigraph 0.5 overflows the
 * stack its WASM code keeps in linear memory (1 MB, fixed when it was built: a worker's
 * `stackSizeMb` does not move it) at about 830 units for the cheapest constructs, measured in a
 * worker thread: 830 path steps `a/a/…`, 830 BINDs, 830 OPTIONALs (1660 units), 2270 `!` or `||`
 * terms, 1590 `+` terms (the JS stack overflows first there); 238 nested `STR(` (718 units) only
 * beyond the nesting limit; a collection of 1500 items (3000 units: the lexer counts two per
 * item). 400 leaves a margin of 2, and our own queries stay under 30.
 */
export const DEFAULT_MAX_CHAIN = 400;

/** What one level of `{`, `(` or `[` costs: a nested function call uses about 3 times the stack of a chained operator. */
const BRACKET = 3;

/** Keywords that add one element to their group's chain (each is a join, left join, union or filter). */
export const CHAIN_KEYWORDS = new Set(['UNION', 'OPTIONAL', 'MINUS', 'FILTER', 'BIND', 'VALUES', 'GRAPH', 'EXISTS', 'NOT']);

/** One open bracket: units chained at its own level, and the costliest bracket closed inside it. */
interface Frame {
  bracket: string;
  own: number;
  inner: number;
}

/**
 * Measures a query's longest chain as its tokens go by. Parsers and evaluators recurse once per
 * operator of a chain (`1+1+…`, `!!…`, `a/a/…`: each is a left- or right-deep tree) and once
 * per element of a group (joins, OPTIONAL, UNION and FILTER are chained too), besides once per
 * nesting level. So a bracket costs `BRACKET` plus its own operators and elements plus its
 * costliest inner bracket, and a `{ … }` is moreover one element of the group around it; the
 * query's chain is the cost of its outermost level. This over-estimates (it counts `!=` in
 * `a != b` and `c != d` of one expression as if chained) but never under-estimates by much,
 * and it takes constant work per token.
 *
 * @example
 * const meter = new ChainMeter();
 * meter.open('{'); meter.unit(); meter.close(); // `{ ?a || ?b }`
 * meter.total() // 5: the group (3), its `||` (1), and the group as an element of the query (1)
 */
export class ChainMeter {
  private readonly frames: Frame[] = [{ bracket: '', own: 0, inner: 0 }];

  /** An operator or chained keyword at the current level (or `n` of them). */
  unit(n = 1): void {
    this.frames[this.frames.length - 1]!.own += n;
  }

  /** A `.`, `;` or `,`: another triple pattern inside `{ … }` or `[ … ]`, but only an argument list inside `( … )`. */
  separator(): void {
    const bracket = this.frames[this.frames.length - 1]!.bracket;
    if (bracket === '{' || bracket === '[') this.unit();
  }

  open(bracket: string): void {
    this.frames.push({ bracket, own: 0, inner: 0 });
  }

  /**
   * Closes the innermost bracket (a stray closing bracket is ignored; the parser will report it).
   * `joined`: its own units join the level around it (a collection's triple patterns are joined
   * with those of the pattern it is in), so they add up there instead of counting as one branch.
   */
  close(joined = false): void {
    if (this.frames.length === 1) return;
    const frame = this.frames.pop()!;
    const parent = this.frames[this.frames.length - 1]!;
    if (joined) parent.own += frame.own;
    parent.inner = Math.max(parent.inner, BRACKET + (joined ? 0 : frame.own) + frame.inner);
    if (frame.bracket === '{') parent.own++;
  }

  /** The longest chain so far, as if every open bracket were closed now. */
  total(): number {
    let cost = 0;
    let element = 0; // 1 when the level just measured is a `{ … }`: an element of the level around it
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const f = this.frames[i]!;
      cost = (i > 0 ? BRACKET : 0) + f.own + element + Math.max(f.inner, cost);
      element = f.bracket === '{' ? 1 : 0;
    }
    return cost;
  }
}
