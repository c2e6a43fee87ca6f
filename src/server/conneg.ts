// Content negotiation as a pure function: picks one of the server's offers for an Accept header.

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(accept: string): Range[] {
  const ranges: Range[] = [];
  accept.split(',').forEach((part) => {
    const [mediaRange = '', ...params] = part.split(';').map((s) => s.trim());
    const [type, subtype] = mediaRange.toLowerCase().split('/');
    if (!type || !subtype) return;
    let q = 1;
    for (const param of params) {
      const [k, v] = param.split('=').map((s) => s.trim());
      if (k?.toLowerCase() === 'q') q = Number.isFinite(Number(v)) ? Math.min(1, Math.max(0, Number(v))) : 1;
    }
    ranges.push({ type, subtype, q });
  });
  return ranges;
}

/** 2 for an exact match, 1 for `type/*`, 0 for `* / *`, -1 for no match. */
function specificity(range: Range, offer: string): number {
  const [type, subtype] = offer.split('/');
  if (range.type === '*' && range.subtype === '*') return 0;
  if (range.type !== type) return -1;
  if (range.subtype === '*') return 1;
  return range.subtype === subtype ? 2 : -1;
}

/** The quality the client gives an offer: that of the most specific matching range. */
function quality(ranges: Range[], offer: string): number {
  let best = -1;
  let q = 0;
  for (const range of ranges) {
    const s = specificity(range, offer);
    if (s > best) [best, q] = [s, range.q];
  }
  return q;
}

/**
 * Chooses the offer the client prefers most: highest quality, then the server's order.
 * Parameters such as `profile` are ignored; `q=0` excludes an offer even if a wildcard allows it.
 * A missing or empty Accept header means "anything": the first offer.
 *
 * @example
 * negotiate('text/html;q=0, *\/*', ['text/html', 'text/turtle']) // 'text/turtle'
 */
export function negotiate(accept: string | undefined, offers: readonly string[]): string | undefined {
  if (!accept?.trim()) return offers[0];
  const ranges = parseAccept(accept);
  let chosen: string | undefined;
  let bestQ = 0;
  for (const offer of offers) {
    const q = quality(ranges, offer.toLowerCase());
    if (q > bestQ) [chosen, bestQ] = [offer, q];
  }
  return chosen;
}
