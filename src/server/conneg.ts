// Content negotiation as a pure function: picks one of the server's offers for an Accept header (RFC 9110 §12.5.1).
import { ALL_FORMATS, hasParameter, mediaRange, splitOutsideQuotes } from '../engine/formats.js';

interface Range {
  type: string;
  subtype: string;
  /** The range's parameters other than q (names lower-cased, quoted values unquoted). */
  params: ReadonlyArray<readonly [string, string]>;
  q: number;
}

/**
 * Media types the server answers under another (canonical) type: the engine's format aliases
 * (`application/json` for SPARQL JSON results or JSON-LD, `application/xml`, `text/plain`, …),
 * and XHTML, for which the pages send HTML. In an offer list holding both, the alias belongs to
 * the first listed canonical type it stands for.
 */
const ALIAS_OF: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>([['application/xhtml+xml', ['text/html']]]);
  for (const f of ALL_FORMATS) for (const a of f.aliases) map.set(a, [...(map.get(a) ?? []), f.mediaType]);
  return map;
})();

function parseAccept(accept: string): Range[] {
  const ranges: Range[] = [];
  for (const part of splitOutsideQuotes(accept, ',')) {
    const { type: mediaType, params, q } = mediaRange(part);
    const [type, subtype, extra] = mediaType.split('/');
    if (!type || !subtype || extra !== undefined || (type === '*' && subtype !== '*') || Number.isNaN(q)) continue;
    ranges.push({ type, subtype, params, q });
  }
  return ranges;
}

/**
 * 3 for `type/subtype;param` whose parameters the offer has, 2 for `type/subtype`, 1 for
 * `type/*`, 0 for `* / *`, -1 for no match (also a range whose parameters the offer lacks:
 * RFC 9110 §12.5.1's `text/html;level=1` stands only for representations with that parameter;
 * `hasParameter` says which ones ours have).
 */
function specificity(range: Range, offer: string): number {
  const [type, subtype] = offer.split('/');
  if (range.type === '*') return 0;
  if (range.type !== type) return -1;
  if (range.subtype === '*') return 1;
  if (range.subtype !== subtype) return -1;
  if (range.params.length === 0) return 2;
  return range.params.every(([name, value]) => hasParameter(offer, name, value)) ? 3 : -1;
}

/**
 * How the client rates one offer: the specificity and q of the most specific range that matches
 * it (the highest q among equally specific ones). `exactOnly` (for aliases): only a range naming
 * the type itself counts, never a wildcard, since what is sent is the canonical type.
 */
function rating(ranges: Range[], offer: string, exactOnly: boolean): { s: number; q: number } {
  let best = { s: -1, q: 0 };
  for (const range of ranges) {
    const s = specificity(range, offer);
    if (s < 0 || (exactOnly && s < 2)) continue;
    if (s > best.s || (s === best.s && range.q > best.q)) best = { s, q: range.q };
  }
  return best;
}

/** The offers as groups: each canonical type with the aliases of it that are also offered. */
function groupOffers(offers: readonly string[]): Array<{ offer: string; aliases: string[] }> {
  const lower = offers.map((o) => o.toLowerCase());
  const groups = new Map<string, { offer: string; aliases: string[] }>();
  const canonicalOf = (o: string) => ALIAS_OF.get(o)?.find((c) => c !== o && lower.includes(c));
  lower.forEach((o, i) => {
    if (!canonicalOf(o)) groups.set(o, { offer: offers[i]!, aliases: [] });
  });
  for (const o of lower) {
    const canonical = canonicalOf(o);
    if (canonical) groups.get(canonical)!.aliases.push(o);
  }
  return [...groups.values()];
}

/**
 * Chooses the offer the client prefers most (RFC 9110 §12.5.1): each offer gets the q of the most
 * specific range matching it (`type/subtype;params` > `type/subtype` > `type/*` > `*\/*`); q=0
 * means "not acceptable" even where a wildcard allows other types; ties go to the server's order.
 * An offer that is a known alias of another offer in the list (`application/json` next to
 * `application/sparql-results+json`, `application/xhtml+xml` next to `text/html`) is not a
 * choice of its own: it counts for its canonical type, and only when named exactly (a wildcard
 * is judged against the type actually sent), and the canonical type is returned. Within such a
 * group the most specific statement wins, the canonical type's on a tie. A missing or empty
 * Accept header means "anything": the first offer.
 *
 * @example
 * negotiate('text/html;q=0, *\/*', ['text/html', 'text/turtle']) // 'text/turtle'
 * negotiate('text/*', ['application/sparql-results+xml', 'text/xml', 'text/csv']) // 'text/csv'
 */
export function negotiate(accept: string | undefined, offers: readonly string[]): string | undefined {
  if (!accept?.trim()) return offers[0];
  const ranges = parseAccept(accept);
  let chosen: string | undefined;
  let bestQ = 0;
  for (const { offer, aliases } of groupOffers(offers)) {
    let best = rating(ranges, offer.toLowerCase(), false);
    for (const alias of aliases) {
      const r = rating(ranges, alias, true);
      if (r.s > best.s) best = r;
    }
    if (best.q > bestQ) [chosen, bestQ] = [offer, best.q];
  }
  return chosen;
}
